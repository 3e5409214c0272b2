import ArgModel
import ArgdownSyntax

/// Reads AIF JSON as AIFdb exports it (`nodes`, `edges`, `locutions`, `participants`) and as
/// OVA saves it (the same inside `{"AIF": {…}, "OVA": {…}, "text": …}`).
///
/// A file that argmap wrote (it has the ``AIFArgmapKeys/marker`` key) comes back as the map it
/// was: node ids are claim ids, and argmap's keys and locutions give back what AIF has no
/// place for (see ``AIFArgmapKeys``). What follows is how any other file is read.
///
/// Each file becomes one `Source` and one `Position`, both with the file's name as id
/// (`nodeset6363.json` → `nodeset6363`), so that re-importing one file rebuilds just its
/// position. A node's claim id is `<source>-<nodeID>`: valid, stable across runs, and distinct
/// across the files of one import (a node id with other characters than ASCII letters, digits,
/// `-`, `_`, `.` has each such byte written as `_XX` in hex).
///
/// The mapping:
/// - I-nodes become statement claims (text with white space normalized).
/// - An RA node becomes `.supports` relations from each premise to its conclusion, with the
///   scheme named by the node's `scheme` member or else its text ("Default Inference").
/// - A CA node becomes `.rebuts`, or `.undercuts` when its target is a scheme node (an RA, or
///   the CA it counter-attacks). Two CA nodes that attack each other's source with the same
///   scheme become one `.contradicts` (AIF has no symmetric conflict; a mutual pair is how it
///   says one).
/// - MA becomes `.rephrases`, PA `.prefers`, each with its scheme.
/// - A linked scheme node (two or more sources, like a linked RA or the joint attacks of the
///   arg-microtexts corpus) and a scheme node that is an end of another (the target of an
///   undercutting CA, the source or target of an MA or PA) becomes an argument claim
///   `<source>-<nodeID>` whose text is the node's text: each source supports the argument, and
///   the argument relates to the target as the node would, with its scheme. Undercuts in argmap
///   target an argument, and a linked argument's premises hold together only through it. No
///   `Reconstruction` is made: the relations already carry the structure. Every edge between
///   two scheme nodes belongs to one of them: the MA or PA it enters, else the node it leaves.
/// - L, YA and TA nodes are the dialogue: they become no claims, only the provenance of the
///   I-nodes they anchor (L → YA → I, the first such locution in file order): the speaker as the
///   locution's participant names them or else as the L text's `Name : …` prefix gives it
///   (never invented), `time` the L node's timestamp (or the locution's `start`), `quote` a short
///   verbatim excerpt of what was said, `comment` the L node's id. Other edges of the dialogue
///   (TA → YA → RA and the like) and `locutions` entries for nodes the file does not contain
///   carry nothing argmap keeps, and are skipped.
///
/// Errors, each at the offending node, edge or member: syntax, unknown node types, duplicate
/// node ids, edges to missing nodes, scheme nodes with more than one target, and claim texts
/// over `Claim.maximumTextLength`. All files' errors are reported together; the map is only to
/// be imported when there are none. Warnings, for what published corpora hold and arguebuf
/// loads: a scheme node without a source or a target is skipped (and so is one whose only
/// source or target was skipped), a relation from a claim to itself is kept, and of two
/// scheme nodes that relate the same two claims in different ways only the first is kept.
public enum AIFReader {
  public static func parse(_ files: [SourceFile]) -> ParsedCorpus {
    var combined = ParsedCorpus(map: ArgumentMap(), diagnostics: [])
    for parsed in parseEach(files) { combined.append(parsed) }
    return combined
  }

  /// Each file's map and diagnostics, in the order given. A file that argmap did not write
  /// takes its source id from its name, so two such files of one name collide: the second is
  /// an error.
  static func parseEach(_ files: [SourceFile]) -> [ParsedCorpus] {
    var pathsBySource: [String: String] = [:]
    return files.map { file in
      let source = sourceID(forPath: file.path)
      let (parsed, isArgmaps) = parse(file, source: source)
      guard !isArgmaps else { return parsed }
      if let taken = pathsBySource[source] {
        return ParsedCorpus(
          map: ArgumentMap(),
          diagnostics: [
            LineIndex(file).diagnostic(
              "the source id '\(source)' is taken by \(taken); rename one of the files", at: 0)
          ])
      }
      pathsBySource[source] = file.path
      return parsed
    }
  }

  /// The file's name without its extension if that is a valid id, else a slug of it.
  static func sourceID(forPath path: String) -> String {
    let name = fileName(path)
    let stem = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
    if Identifier.isValid(stem) { return stem }
    let slug = Identifier.slug(from: stem)
    return slug.isEmpty ? "aif" : slug
  }

  private static func fileName(_ path: String) -> String {
    String(path.split(separator: "/").last ?? Substring(path))
  }

  /// One file's map, and whether argmap wrote it. A file of another tool is one source and one
  /// position named after the file; argmap's own brings its map's.
  private static func parse(_ file: SourceFile, source: String) -> (ParsedCorpus, Bool) {
    let root: JSONNode
    do {
      root = try JSONReader.parse(file)
    } catch {
      return (ParsedCorpus(map: ArgumentMap(), diagnostics: [error]), false)
    }
    var fields = JSONFields(file)
    guard let graph = AIFGraphReader.graph(root, fields: &fields) else {
      return (ParsedCorpus(map: ArgumentMap(), diagnostics: fields.diagnostics), false)
    }
    let marker = root[AIFArgmapKeys.marker]
    let said = marker == nil ? ovaText(root) ?? said(graph) : nil
    var map =
      marker.map { AIFArgmapKeys.metadata($0, fields: &fields) }
      ?? ArgumentMap(
        sources: [
          Source(
            id: source, title: fileName(file.path), text: said?.text, spans: said?.spans ?? [])
        ],
        positions: [Position(id: source, title: fileName(file.path))])
    var mapping = AIFMapping(graph: graph, source: source, isArgmaps: marker != nil, fields: fields)
    (map.claims, map.relations) = mapping.map()
    return (ParsedCorpus(map: map, diagnostics: mapping.fields.diagnostics), marker != nil)
  }

  /// OVA keeps the text the analysis was made from, as the HTML of its editor: the source's
  /// text, with the markup taken out. Its comments' places are not recorded, so a quote may
  /// be found anywhere in it.
  private static func ovaText(_ root: JSONNode) -> (text: String, spans: [CommentSpan])? {
    guard root["AIF"] != nil, case .string(let html)? = root["text"]?.content else { return nil }
    let text = plainText(fromHTML: html)
    return text.allSatisfy(\.isWhitespace) ? nil : (text, [])
  }

  /// Paragraph and line breaks become line ends, other tags go, and the entities an editor
  /// writes become their characters.
  static func plainText(fromHTML html: String) -> String {
    var text = ""
    var tag: String?
    for character in html {
      if var open = tag {
        if character == ">" {
          // `<p>`, `</p>`, `<br/>`: the name, without the slashes and attributes.
          let name = open.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" }).first
          let breaksLine = ["br", "p", "div", "li"].contains(name.map(String.init) ?? "")
          if breaksLine, !text.isEmpty, text.last != "\n" { text.append("\n") }
          tag = nil
        } else {
          open.append(character)
          tag = open
        }
      } else if character == "<" {
        tag = ""
      } else {
        text.append(character)
      }
    }
    for (entity, character) in [
      ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"),
      ("&apos;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacing(entity, with: character)
    }
    return text.hasSuffix("\n") ? text : text + "\n"
  }

  /// What the file records as said: its locutions' texts in file order, each on lines of its
  /// own and a comment named by its node id, as the claims' provenance names it. Nil without
  /// locutions.
  private static func said(_ graph: AIFGraph) -> (text: String, spans: [CommentSpan])? {
    var lines: [Substring] = []
    var spans: [CommentSpan] = []
    for node in graph.nodes where node.type == .locution {
      let nodeLines = node.text.split(separator: "\n", omittingEmptySubsequences: false)
      spans.append(
        CommentSpan(comment: node.id, lines: (lines.count + 1)...(lines.count + nodeLines.count)))
      lines += nodeLines
    }
    guard !spans.isEmpty else { return nil }
    return (lines.joined(separator: "\n") + "\n", spans)
  }
}

/// Reads the members of an AIF document into an ``AIFGraph``.
enum AIFGraphReader {
  /// The graph, or nil when the document is not shaped like AIF at all; errors go to `fields`.
  static func graph(_ root: JSONNode, fields: inout JSONFields) -> AIFGraph? {
    guard fields.object(root, "the document") != nil else { return nil }
    let aif = root["AIF"] ?? root
    guard fields.object(aif, "'AIF'") != nil else { return nil }
    var graph = AIFGraph()
    for node in fields.array("nodes", in: aif, required: true) ?? [] {
      readNode(node, into: &graph, fields: &fields)
    }
    for edge in fields.array("edges", in: aif, required: true) ?? [] {
      readEdge(edge, into: &graph, fields: &fields)
    }
    for locution in fields.array("locutions", in: aif, required: false) ?? [] {
      readLocution(locution, into: &graph, fields: &fields)
    }
    for participant in fields.array("participants", in: aif, required: false) ?? [] {
      readParticipant(participant, into: &graph, fields: &fields)
    }
    return graph
  }

  private static func readNode(
    _ object: JSONNode, into graph: inout AIFGraph, fields: inout JSONFields
  ) {
    guard fields.object(object, "each of 'nodes'") != nil else { return }
    let id = fields.idText("nodeID", in: object)
    let type = nodeType(object, fields: &fields)
    let text = fields.string("text", in: object)
    let timestamp = fields.optionalString("timestamp", in: object)
    let scheme = fields.optionalString("scheme", in: object)
    let title = fields.optionalString("title", in: object)
    guard let id, let type, let text else { return }
    if let first = graph.node(id) {
      fields.error(
        "node id '\(id)' is used twice", at: object.offset,
        note: (first.offset, "the first node with id '\(id)' is here"))
      return
    }
    graph.nodeIndex[id] = graph.nodes.count
    graph.nodes.append(
      AIFGraph.Node(
        id: id, type: type, text: text, timestamp: timestamp, scheme: scheme, title: title,
        record: object))
  }

  private static func nodeType(_ object: JSONNode, fields: inout JSONFields) -> AIFNodeType? {
    guard let raw = fields.string("type", in: object) else { return nil }
    guard let type = AIFNodeType(rawValue: raw) else {
      let known = AIFNodeType.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      fields.error(
        "unknown AIF node type '\(raw)'; expected one of \(known)", at: object["type"]!.offset)
      return nil
    }
    return type
  }

  private static func readEdge(
    _ object: JSONNode, into graph: inout AIFGraph, fields: inout JSONFields
  ) {
    guard fields.object(object, "each of 'edges'") != nil else { return }
    let from = fields.idText("fromID", in: object)
    let to = fields.idText("toID", in: object)
    guard let from, let to else { return }
    let missing = [from, to].filter { graph.node($0) == nil }
    guard missing.isEmpty else {
      let names = missing.map { "'\($0)'" }.joined(separator: " and ")
      fields.error(
        "edge from '\(from)' to '\(to)' names \(names), which 'nodes' does not have",
        at: object.offset)
      return
    }
    graph.addEdge(AIFGraph.Edge(from: from, to: to, offset: object.offset))
  }

  private static func readLocution(
    _ object: JSONNode, into graph: inout AIFGraph, fields: inout JSONFields
  ) {
    guard fields.object(object, "each of 'locutions'") != nil else { return }
    let node = fields.idText("nodeID", in: object)
    let person = optionalIDText("personID", in: object, fields: &fields)
    let start = fields.optionalString("start", in: object)
    guard let node else { return }
    graph.locutions[node] = AIFGraph.Locution(node: node, person: person, start: start)
  }

  private static func readParticipant(
    _ object: JSONNode, into graph: inout AIFGraph, fields: inout JSONFields
  ) {
    guard fields.object(object, "each of 'participants'") != nil else { return }
    let id = fields.idText("participantID", in: object)
    let names = [
      fields.optionalString("firstname", in: object),
      fields.optionalString("surname", in: object),
    ].compactMap { $0?.trimmed }.filter { !$0.isEmpty }
    guard let id, !names.isEmpty else { return }
    graph.participants[id] = names.joined(separator: " ")
  }

  private static func optionalIDText(
    _ key: String, in object: JSONNode, fields: inout JSONFields
  ) -> String? {
    guard let node = object[key] else { return nil }
    if case .null = node.content { return nil }
    return fields.idText(key, in: object)
  }
}

extension StringProtocol {
  var trimmed: String {
    String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }
}
