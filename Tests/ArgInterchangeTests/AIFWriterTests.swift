import ArgExport
import ArgModel
import ArgdownSyntax
import Testing

@testable import ArgInterchange

/// The counts of each node type and of the edges between I and scheme nodes in AIF text.
func aifCounts(_ text: String) throws -> [String: Int] {
  let root = try JSONReader.value(SourceFile(path: "count.json", text: text))
  let aif = root["AIF"] ?? root
  guard case .array(let nodes) = aif["nodes"], case .array(let edges) = aif["edges"] else {
    Issue.record("not AIF: \(text.prefix(80))")
    return [:]
  }
  var counts: [String: Int] = [:]
  var types: [JSONValue: String] = [:]
  for node in nodes {
    guard case .string(let type) = node["type"], let id = node["nodeID"] else { continue }
    counts[type, default: 0] += 1
    types[id] = type
  }
  let argumentative: Set<String> = ["I", "RA", "CA", "MA", "PA"]
  counts["edges"] = edges.count {
    argumentative.contains(types[$0["fromID"] ?? nil] ?? "")
      && argumentative.contains(types[$0["toID"] ?? nil] ?? "")
  }
  return counts
}

/// A claim's id, kind and text, and a relation with its scheme. Relations are sorted: the
/// reader lists an argument's relations where its scheme node is.
private func essentials(_ map: ArgumentMap) -> [String] {
  map.claims.map { "\($0.id) \($0.kind.rawValue) \($0.text)" }
    + map.relations.map {
      "\($0.from) \($0.kind.rawValue) \($0.to) \($0.scheme ?? "(no scheme)")"
    }.sorted()
}

@Suite struct AIFWriterTests {
  @Test func writesTheDocumentedShape() {
    let map = ArgumentMap(
      sources: [Source(id: "talk", title: "A talk")],
      positions: [Position(id: "p", title: "P")],
      claims: [
        Claim(
          id: "a", text: #"say "hi" \ now"#, position: "p", tags: ["t"],
          provenance: Provenance(source: "talk", comment: "c1", quote: "hi", speaker: "Ann")),
        Claim(id: "b", text: "B\nline"),
        Claim(id: "c", text: "C"),
      ],
      relations: [
        Relation(from: "a", to: "b", kind: .supports),
        Relation(from: "c", to: "b", kind: .contradicts, scheme: "Logical Conflict"),
        Relation(from: "a", to: "missing", kind: .rebuts),
      ])
    let expected =
      ##"{"nodes":[{"nodeID":"a","text":"say \"hi\" \\ now","type":"I","position":"p","tags":["t"],"##
      + ##""source":"talk","comment":"c1"},"##
      + ##"{"nodeID":"b","text":"B\nline","type":"I"},{"nodeID":"c","text":"C","type":"I"},"##
      + ##"{"nodeID":"#1","text":"Default Inference","type":"RA"},"##
      + ##"{"nodeID":"#2","text":"Logical Conflict","type":"CA","scheme":"Logical Conflict","relation":"contradicts"},"##
      + ##"{"nodeID":"#3","text":"Logical Conflict","type":"CA","scheme":"Logical Conflict","relation":"contradicts"},"##
      + ##"{"nodeID":"#4","text":"Ann : hi","type":"L"},{"nodeID":"#5","text":"Asserting","type":"YA"}],"##
      + ##""edges":[{"edgeID":"1","fromID":"a","toID":"#1"},{"edgeID":"2","fromID":"#1","toID":"b"},"##
      + ##"{"edgeID":"3","fromID":"c","toID":"#2"},{"edgeID":"4","fromID":"#2","toID":"b"},"##
      + ##"{"edgeID":"5","fromID":"b","toID":"#3"},{"edgeID":"6","fromID":"#3","toID":"c"},"##
      + ##"{"edgeID":"7","fromID":"#4","toID":"#5"},{"edgeID":"8","fromID":"#5","toID":"a"}],"##
      + ##""locutions":[{"nodeID":"#4","personID":"1"}],"##
      + ##""participants":[{"participantID":"1","firstname":"Ann","surname":""}],"##
      + ##""argmap":{"version":1,"sources":[{"id":"talk","title":"A talk","url":null}],"##
      + ##""positions":[{"id":"p","title":"P","summary":null}]}}"##
    #expect(AIFWriter.render(map) == expected)
  }

  @Test func prettyOutputIsTheSameDocument() throws {
    let map = readAIF(("nodeset1.json", aifdbFixture)).map
    let compact = try JSONReader.value(SourceFile(path: "c", text: AIFWriter.render(map)))
    let pretty = try JSONReader.value(
      SourceFile(path: "p", text: AIFWriter.render(map, pretty: true)))
    #expect(compact == pretty)
    #expect(AIFWriter.render(map, pretty: true).contains("\n      \"nodeID\": \"nodeset1-1\""))
  }

  /// The export is argmap's own, so its ids come back as they were, whatever the file is
  /// called, and the provenance with them.
  @Test func importingAnExportGivesTheMapBack() {
    let imported = readAIF(("nodeset1.json", aifdbFixture)).map
    let again = readAIF(("rt.json", AIFWriter.render(imported)))
    #expect(again.diagnostics == [])
    #expect(essentials(again.map) == essentials(imported))
    #expect(again.map.claims == imported.claims)
    #expect(again.map.positions == imported.positions)
    // A source's text (the locutions an AIF file brings) is not written back: the export's
    // locutions are the claims' quotes, not the text they were found in.
    let described = { (map: ArgumentMap) in map.sources.map { [$0.id, $0.title, $0.url ?? ""] } }
    #expect(described(again.map) == described(imported))
  }

  @Test func argmapsOwnMapsComeBack() throws {
    let map = ArgumentMap(
      claims: [
        Claim(id: "tax", text: "Taxes should rise."),
        Claim(id: "schools", text: "Schools need money."),
        Claim(id: "teachers", text: "Money buys teachers."),
        Claim(id: "funding", kind: .argument, text: "Funding argument"),
        Claim(id: "growth", text: "Taxes hurt growth."),
        Claim(id: "doubt", text: "Schools waste money."),
        Claim(id: "raise", text: "Raise taxes."), Claim(id: "cut", text: "Cut taxes."),
        Claim(id: "flight", kind: .argument, text: "Capital flight argument"),
        Claim(id: "mobile", text: "Capital is mobile."),
      ],
      relations: [
        Relation(from: "schools", to: "funding", kind: .supports),
        Relation(from: "teachers", to: "funding", kind: .supports),
        Relation(from: "funding", to: "tax", kind: .supports, scheme: "Argument From Consequences"),
        Relation(from: "doubt", to: "funding", kind: .undercuts),
        Relation(from: "growth", to: "tax", kind: .rebuts, scheme: "Default Conflict"),
        Relation(from: "raise", to: "tax", kind: .rephrases),
        Relation(from: "raise", to: "cut", kind: .contradicts),
        Relation(from: "tax", to: "growth", kind: .prefers),
        Relation(from: "growth", to: "schools", kind: .supports, scheme: "Argument From Sign"),
        Relation(from: "mobile", to: "flight", kind: .supports),
        Relation(from: "growth", to: "flight", kind: .supports),
        Relation(from: "flight", to: "tax", kind: .rebuts),
        Relation(from: "cut", to: "flight", kind: .undercuts, scheme: "Default Conflict"),
      ])
    let text = AIFWriter.render(map)
    #expect(try aifCounts(text) == ["I": 8, "RA": 2, "CA": 6, "MA": 1, "PA": 1, "edges": 22])
    let again = readAIF(("mine.json", text))
    #expect(again.diagnostics == [])
    #expect(essentials(again.map) == essentials(map))
    #expect(Set(again.map.relations) == Set(map.relations))
  }

  /// The argument keeps its nodes and edges; of the dialogue, each claim's locution is one L
  /// and one YA node.
  /// Everything a map holds survives argmap's own AIF: each provenance field alone and together
  /// (a quote that itself reads `X : y` included), tags, base, group, title, members, a claim
  /// without words, an argument written as an I-node, a contradiction beside a relation the
  /// other way, a self-attack, a reconstruction, and the map's title.
  @Test func everyFieldSurvivesArgmapsOwnAIF() {
    let said = Provenance(source: "talk", comment: "c1", quote: "Note : this", speaker: "Ann")
    let map = ArgumentMap(
      title: "All fields",
      sources: [Source(id: "talk", title: "A talk", url: "https://example.org/talk")],
      positions: [Position(id: "p", title: "P", summary: "S"), Position(id: "q", title: "Q")],
      groups: [Group(id: "g", title: "G", position: "p")],
      claims: [
        Claim(
          id: "a", text: "A", position: "p", group: "g", tags: ["x", "y"], provenance: said,
          base: 0.8),
        Claim(id: "b", text: "B", position: "q", provenance: Provenance(source: "talk")),
        Claim(
          id: "c", text: "C", provenance: Provenance(source: "talk", quote: "Bob : not a speaker")),
        Claim(id: "d", text: "", provenance: Provenance(source: "talk", time: "2020"), title: "D"),
        Claim(
          id: "e", kind: .argument, text: "E", position: "p",
          provenance: Provenance(source: "talk", speaker: "Ann"),
          members: [
            ClaimMember(text: "E", position: "p", tags: ["m"], provenance: said),
            ClaimMember(text: "E again", position: "q"),
          ]),
        Claim(id: "f", kind: .argument, text: "F"),
      ],
      relations: [
        Relation(from: "a", to: "b", kind: .contradicts),
        Relation(from: "b", to: "a", kind: .supports, scheme: "Argument From Sign"),
        Relation(from: "c", to: "c", kind: .rebuts),
        Relation(from: "c", to: "e", kind: .undercuts),
        Relation(from: "a", to: "f", kind: .supports),
        Relation(from: "f", to: "d", kind: .rebuts),
      ],
      reconstructions: [
        Reconstruction(
          argument: "f", steps: [.init(claim: "a"), .init(claim: "d", inference: "")])
      ])
    let again = readAIF(("anything.json", AIFWriter.render(map)))
    #expect(again.diagnostics == [])
    var read = again.map
    read.relations = map.relations.filter(Set(read.relations).contains)
    #expect(Set(again.map.relations) == Set(map.relations))
    #expect(read == map)
  }

  @Test func importThenExportKeepsTheCounts() throws {
    let exported = AIFWriter.render(readAIF(("nodeset1.json", aifdbFixture)).map)
    var original = try aifCounts(aifdbFixture)
    for dialogue in ["L", "YA", "TA"] { original[dialogue] = nil }
    #expect(try aifCounts(exported) == original.merging(["L": 3, "YA": 3]) { $1 })
    #expect(original == ["I": 7, "RA": 2, "CA": 4, "MA": 1, "PA": 1, "edges": 17])
  }

  @Test func arguebufReadsOurExport() throws {
    let map = readAIF(("nodeset1.json", aifdbFixture)).map
    let text = AIFWriter.render(map, pretty: true)
    let script = """
      import sys, collections, arguebuf
      g = arguebuf.load.file(sys.argv[1])
      kinds = collections.Counter(type(n.scheme).__name__ for n in g.scheme_nodes.values())
      print(len(g.atom_nodes), len(g.scheme_nodes), len(g.edges),
            kinds["Support"], kinds["Attack"], kinds["Rephrase"], kinds["Preference"])
      print(g.atom_nodes["nodeset1-1"].plain_text)
      """
    // The locutions, participants and argmap's keys are written, and passed over.
    #expect(text.contains(#""type": "L""#) && text.contains(#""participants": ["#))
    let lines = try Clients.run(script, input: text, fileExtension: "json")
      .split(separator: "\n")
    // The I-node's text is the claim's, not what was said.
    #expect(lines.last == "Taxes should rise.")
    let output = String(lines.first ?? "")
    let counts = try aifCounts(text)
    let expected = [
      counts["I"]!, counts["RA"]! + counts["CA"]! + counts["MA"]! + counts["PA"]!, counts["edges"]!,
      counts["RA"]!, counts["CA"]!, counts["MA"]!, counts["PA"]!,
    ]
    #expect(output.split(whereSeparator: \.isWhitespace).map { Int($0) } == expected.map { $0 })
  }
}
