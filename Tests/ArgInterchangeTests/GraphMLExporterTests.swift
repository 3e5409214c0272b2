import ArgModel
import Foundation
import Testing

@testable import ArgInterchange

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Every character an exporter has to get through XML: markup, quotes, line ends that XML
/// parsers normalise, a tab, non-ASCII and a control character XML cannot carry.
private let awkwardText = "a <b> & \"c\" 'd' é 漢字 👩‍👩‍👧‍👦\r\nnext\rline\ttab \u{1}"

private let map = ArgumentMap(
  title: "Map & <title>",
  positions: [Position(id: "p", title: "P")],
  groups: [Group(id: "g", title: "G", position: "p")],
  claims: [
    Claim(
      id: "awkward", text: awkwardText, position: "p", group: "g", tags: ["x, y", "ü"],
      provenance: Provenance(
        source: "seed", comment: "C1", quote: "a <b>", speaker: "Ann", time: "2020-01-01"),
      base: 0.25),
    Claim(id: "plain", kind: .argument, text: "Plain.", title: "Plain <Argument>"),
    Claim(id: "awkward", text: "a repeated id is written once"),
  ],
  relations: [
    Relation(from: "plain", to: "awkward", kind: .undercuts, scheme: "Expert <Opinion>"),
    Relation(from: "awkward", to: "plain", kind: .supports),
    Relation(from: "plain", to: "missing", kind: .rebuts),
  ]
)

/// What a GraphML document holds, read back with a real XML parser.
private final class GraphMLSummary: NSObject, XMLParserDelegate {
  struct Element {
    var id: String
    var attributes: [String: String]
    var data: [String: String] = [:]
  }

  /// Key id → (for, attr.name, attr.type).
  var keys: [String: [String: String]] = [:]
  var namespace: String?
  var graph: [String: String] = [:]
  var graphData: [String: String] = [:]
  var nodes: [Element] = []
  var edges: [Element] = []
  private var dataKey: String?
  private var buffer = ""

  static func parse(_ xml: String) throws -> GraphMLSummary {
    let summary = GraphMLSummary()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.shouldProcessNamespaces = true
    parser.delegate = summary
    guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
    return summary
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    switch element {
    case "graphml": namespace = namespaceURI
    case "key": keys[attributes["id"] ?? ""] = attributes
    case "graph": graph = attributes
    case "node": nodes.append(Element(id: attributes["id"] ?? "", attributes: attributes))
    case "edge": edges.append(Element(id: attributes["id"] ?? "", attributes: attributes))
    case "data":
      dataKey = attributes["key"]
      buffer = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    buffer += string
  }

  func parser(
    _ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    guard element == "data", let key = dataKey else { return }
    switch keys[key]?["for"] {
    case "node": nodes[nodes.count - 1].data[key] = buffer
    case "edge": edges[edges.count - 1].data[key] = buffer
    default: graphData[key] = buffer
    }
    dataKey = nil
  }
}

/// `text` as XML gives it back: characters XML cannot carry become U+FFFD.
private func xmlRoundTrip(_ text: String) -> String {
  text.replacingOccurrences(of: "\u{1}", with: "\u{FFFD}")
}

@Suite("GraphMLExporter")
struct GraphMLExporterTests {
  @Test("a directed GraphML graph with typed keys for every attribute")
  func structure() throws {
    let xml = GraphMLExporter.render(map, statuses: ["awkward": "IN"])
    #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml "))
    let graphml = try GraphMLSummary.parse(xml)
    #expect(graphml.namespace == "http://graphml.graphdrawing.org/xmlns")
    #expect(graphml.graph["edgedefault"] == "directed")
    let names = Dictionary(
      graphml.keys.values.map { ("\($0["for"]!) \($0["attr.name"]!)", $0["attr.type"]!) },
      uniquingKeysWith: { first, _ in first })
    for name in [
      "kind", "text", "position", "group", "tags", "source", "comment", "quote", "speaker",
      "time", "status",
    ] {
      #expect(names["node \(name)"] == "string", "\(name)")
    }
    #expect(names["node base"] == "double")
    #expect(names["edge kind"] == "string" && names["edge scheme"] == "string")
    #expect(names["graph title"] == "string")
    #expect(graphml.graphData["graph-title"] == "Map & <title>")
  }

  @Test("claims are nodes with their attributes; missing values are left out")
  func nodes() throws {
    let graphml = try GraphMLSummary.parse(
      GraphMLExporter.render(map, statuses: ["awkward": "IN"]))
    #expect(graphml.nodes.map(\.id) == ["awkward", "plain"])
    let awkward = graphml.nodes[0].data
    #expect(awkward["node-text"].map(scalars) == scalars(xmlRoundTrip(awkwardText)))
    #expect(awkward["node-kind"] == "statement")
    #expect(awkward["node-position"] == "p" && awkward["node-group"] == "g")
    #expect(awkward["node-tags"] == "x, y\nü")
    #expect(awkward["node-source"] == "seed" && awkward["node-comment"] == "C1")
    #expect(awkward["node-quote"] == "a <b>" && awkward["node-speaker"] == "Ann")
    #expect(awkward["node-time"] == "2020-01-01")
    #expect(awkward["node-base"] == "0.25" && awkward["node-status"] == "IN")
    #expect(
      graphml.nodes[1].data == [
        "node-kind": "argument", "node-text": "Plain.", "node-title": "Plain <Argument>",
      ])
  }

  @Test("relations are edges in map order; dangling ones are left out")
  func edges() throws {
    let graphml = try GraphMLSummary.parse(GraphMLExporter.render(map))
    #expect(graphml.edges.map(\.id) == ["e0", "e1"])
    #expect(graphml.edges[0].attributes["source"] == "plain")
    #expect(graphml.edges[0].attributes["target"] == "awkward")
    #expect(
      graphml.edges[0].data == ["edge-kind": "undercuts", "edge-scheme": "Expert <Opinion>"])
    #expect(graphml.edges[1].data == ["edge-kind": "supports"])
  }

  @Test("escaping: markup, quotes and line ends as references; forbidden characters replaced")
  func escaping() {
    #expect(GraphMLExporter.escaped("plain é 👩‍👩‍👧‍👦") == "plain é 👩‍👩‍👧‍👦")
    #expect(
      GraphMLExporter.escaped(#"<a href="x">&'</a>"#)
        == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;")
    #expect(GraphMLExporter.escaped("a\r\nb\rc\td") == "a&#13;&#10;b&#13;c&#9;d")
    #expect(GraphMLExporter.escaped("]]>") == "]]&gt;")
    #expect(
      GraphMLExporter.escaped("x\u{0}\u{8}\u{B}\u{1F}\u{FFFE}\u{FFFF}y")
        == "x\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}y")
    #expect(GraphMLExporter.escaped("\u{FFFD}\u{FEFF}\u{7F}") == "\u{FFFD}\u{FEFF}\u{7F}")
  }

  @Test("ids the model would reject still make well-formed GraphML")
  func awkwardIDs() throws {
    let ids = [#"has "quotes""#, "a<b>&c", "line\nbreak", "tab\there"]
    let awkward = ArgumentMap(
      claims: ids.map { Claim(id: $0, text: $0) },
      relations: zip(ids, ids.dropFirst()).map { Relation(from: $0, to: $1, kind: .rebuts) })
    let graphml = try GraphMLSummary.parse(GraphMLExporter.render(awkward))
    #expect(graphml.nodes.map(\.id) == ids)
    #expect(graphml.edges.map { $0.attributes["source"]! } == Array(ids.dropLast()))
  }

  @Test("the same map gives the same bytes, streamed or not")
  func deterministic() {
    /// Drained in small pieces, which must join to the same bytes.
    final class Chunks {
      var bytes: [UInt8] = []
      var count = 0
    }
    for map in [map, ArgumentMap()] {
      let first = GraphMLExporter.render(map)
      #expect(GraphMLExporter.render(map) == first)
      let chunks = Chunks()
      var output = OutputBuffer(chunk: 64) {
        chunks.bytes += $0
        chunks.count += 1
      }
      GraphMLExporter.write(map, to: &output)
      output.flush()
      #expect(chunks.count > 1)
      #expect(chunks.bytes == Array(first.utf8))
    }
  }

  @Test("networkx reads the nodes, edges and attributes back unchanged")
  func networkxReadsIt() throws {
    let script = """
      import json, sys
      import networkx as nx
      g = nx.read_graphml(sys.argv[1])
      print(json.dumps({
          "directed": g.is_directed(),
          "nodes": {n: d for n, d in g.nodes(data=True)},
          "edges": [[u, v, d] for u, v, d in g.edges(data=True)],
          "graph": g.graph,
      }))
      """
    let output = try Clients.run(
      script, input: GraphMLExporter.render(map, statuses: ["plain": "OUT"]),
      fileExtension: "graphml")
    let result = try #require(
      JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    #expect(result["directed"] as? Bool == true)
    let nodes = try #require(result["nodes"] as? [String: [String: Any]])
    #expect(nodes.count == 2)
    let awkward = try #require(nodes["awkward"])
    #expect((awkward["text"] as? String).map(scalars) == scalars(xmlRoundTrip(awkwardText)))
    #expect(awkward["base"] as? Double == 0.25)
    #expect(awkward["tags"] as? String == "x, y\nü")
    #expect(awkward["quote"] as? String == "a <b>")
    #expect(nodes["plain"]?["status"] as? String == "OUT")
    #expect(nodes["plain"]?["kind"] as? String == "argument")
    #expect(nodes["plain"]?["title"] as? String == "Plain <Argument>")
    let edges = try #require(result["edges"] as? [[Any]])
    #expect(edges.count == 2)
    let undercut = try #require(edges.first { $0[0] as? String == "plain" })
    #expect(undercut[1] as? String == "awkward")
    #expect((undercut[2] as? [String: Any])?["kind"] as? String == "undercuts")
    #expect((undercut[2] as? [String: Any])?["scheme"] as? String == "Expert <Opinion>")
    #expect((result["graph"] as? [String: Any])?["title"] as? String == "Map & <title>")
  }
}

/// Scalar-exact comparison: Swift's `==` on strings treats canonically equivalent text as equal.
private func scalars(_ string: String) -> [Unicode.Scalar] {
  Array(string.unicodeScalars)
}
