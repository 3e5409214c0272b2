import ArgModel
import ArgdownSyntax
import Testing

@testable import ArgInterchange

func readAIF(_ files: (path: String, text: String)...) -> ParsedCorpus {
  AIFReader.parse(files.map { SourceFile(path: $0.path, text: $0.text) })
}

/// `line:column: message` of each diagnostic.
func located(_ corpus: ParsedCorpus) -> [String] {
  corpus.diagnostics.map {
    "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)"
  }
}

@Suite struct AIFReaderTests {
  @Test func mapsEveryNodeType() {
    let corpus = readAIF(("corpora/nodeset1.json", aifdbFixture))
    #expect(corpus.diagnostics == [])
    let map = corpus.map
    #expect(map.sources.map(\.id) == ["nodeset1"])
    #expect(map.sources.map(\.title) == ["nodeset1.json"])
    // The locutions, each a comment named by its node, are the source's text.
    #expect(
      map.sources.first?.text
        == "Ann : Taxes should rise, surely.\nBob : taxes hurt growth\nno speaker here\n")
    #expect(map.sources.first?.spans.map(\.comment) == ["20", "22", "24"])
    #expect(map.positions == [Position(id: "nodeset1", title: "nodeset1.json")])
    #expect(
      map.claims.map { "\($0.id) \($0.kind.rawValue) \($0.text)" } == [
        "nodeset1-1 statement Taxes should rise.",
        "nodeset1-2 statement Schools need money.",
        "nodeset1-3 statement Money buys teachers.",
        "nodeset1-4 statement Taxes hurt growth.",
        "nodeset1-5 statement Growth matters less than schools.",
        "nodeset1-6 statement Raise taxes now.",
        "nodeset1-7 statement Schools matter more than \"growth\".",
        "nodeset1-11 argument Default Inference",
      ])
    #expect(map.claims.allSatisfy { $0.position == "nodeset1" })
    let a = "nodeset1-11"
    #expect(
      map.relations == [
        Relation(from: "nodeset1-2", to: a, kind: .supports),
        Relation(from: "nodeset1-3", to: a, kind: .supports),
        Relation(from: a, to: "nodeset1-1", kind: .supports, scheme: "Argument From Consequences"),
        Relation(from: "nodeset1-4", to: "nodeset1-1", kind: .rebuts, scheme: "Default Conflict"),
        Relation(from: "nodeset1-5", to: a, kind: .undercuts, scheme: "Default Conflict"),
        Relation(
          from: "nodeset1-7", to: "nodeset1-5", kind: .supports, scheme: "Default Inference"),
        Relation(
          from: "nodeset1-6", to: "nodeset1-1", kind: .rephrases, scheme: "Default Rephrase"),
        Relation(
          from: "nodeset1-1", to: "nodeset1-4", kind: .prefers, scheme: "Default Preference"),
        Relation(
          from: "nodeset1-4", to: "nodeset1-7", kind: .contradicts, scheme: "Default Conflict"),
      ])
  }

  @Test func locutionsBecomeProvenance() {
    let claims = readAIF(("nodeset1.json", aifdbFixture)).map.claims
    let provenance = Dictionary(uniqueKeysWithValues: claims.map { ($0.id, $0.provenance) })
    #expect(
      provenance["nodeset1-1"]
        == Provenance(
          source: "nodeset1", comment: "20", quote: "Taxes should rise, surely.",
          speaker: "Ann Smith",
          time: "2020-01-01 10:01:00"))
    #expect(
      provenance["nodeset1-4"]
        == Provenance(
          source: "nodeset1", comment: "22", quote: "taxes hurt growth", speaker: "Bob",
          time: "2020-01-01 10:02:00"))
    #expect(
      provenance["nodeset1-2"]
        == Provenance(source: "nodeset1", comment: "24", quote: "no speaker here"))
    #expect(provenance["nodeset1-3"] == Provenance(source: "nodeset1"))
  }

  @Test func quotesAreShortVerbatimExcerpts() {
    let long = String(repeating: "word ", count: 100)
    let quote = AIFMapping.excerpt(long)
    #expect(quote.map { $0.count <= AIFMapping.quoteLength + 1 } == true)
    #expect(quote.map { long.hasPrefix($0.dropLast()) && $0.hasSuffix("word…") } == true)
    #expect(AIFMapping.splitSpeaker("A : b : c") == ("A", "b : c"))
    #expect(AIFMapping.splitSpeaker("no prefix: here") == (nil, "no prefix: here"))
    // A locution over several lines is quoted on one, so Argdown metadata can hold it.
    #expect(AIFMapping.excerpt("  said over\r\ntwo\tlines ") == "said over two lines")
  }

  @Test func readsOVAWithNumericIDs() {
    let corpus = readAIF(("ova/cats.json", ovaFixture))
    #expect(corpus.diagnostics == [])
    #expect(corpus.map.claims.map(\.id) == ["cats-1", "cats-2", "cats-4"])
    #expect(
      corpus.map.relations == [
        Relation(from: "cats-2", to: "cats-1", kind: .supports, scheme: "Default Inference"),
        Relation(from: "cats-4", to: "cats-2", kind: .rebuts, scheme: "Default Conflict"),
      ])
    // OVA's own text, its editor's HTML taken out, is the source's.
    #expect(corpus.map.sources.first?.text == "Cats are better than dogs. Cats purr.\n")
  }

  @Test func ovaHTMLBecomesPlainText() {
    #expect(
      AIFReader.plainText(
        fromHTML:
          #"<p>One &amp; <span class="highlighted" id="n2">two</span></p><p>Three<br/>four&nbsp;&lt;5&gt;</p>"#
      ) == "One & two\nThree\nfour <5>\n")
  }

  @Test func filesStayApartAndIDsAreValid() {
    let odd = #"{"nodes": [{"nodeID": "a b_é", "text": "T", "type": "I"}], "edges": []}"#
    let corpus = readAIF(("x/nodeset1.json", aifdbFixture), ("y/My File!.json", odd))
    #expect(corpus.diagnostics == [])
    #expect(corpus.map.positions.map(\.id) == ["nodeset1", "my-file"])
    #expect(corpus.map.claims.last?.id == "my-file-a_20b_5F_C3_A9")
    #expect(corpus.map.claims.allSatisfy { Identifier.isValid($0.id) })
    #expect(Set(corpus.map.claims.map(\.id)).count == corpus.map.claims.count)
    // The same file read again gives the same ids.
    #expect(
      readAIF(("z/nodeset1.json", aifdbFixture)).map.claims.map(\.id)
        == corpus.map.claims.dropLast().map(\.id))
  }

  @Test func reportsEachErrorAtItsNodeOrEdge() {
    let text = """
      {"nodes": [
        {"nodeID": "1", "text": "A", "type": "I"},
        {"nodeID": "2", "text": "B", "type": "X"},
        {"nodeID": "1", "text": "C", "type": "I"},
        {"nodeID": "3", "type": "I"},
        {"nodeID": "4", "text": "R", "type": "RA"},
        {"nodeID": "5", "text": "C", "type": "CA"},
        {"nodeID": true, "text": "C", "type": "I"},
        "node"
      ],
      "edges": [
        {"fromID": "1", "toID": "9"},
        {"fromID": "1", "toID": "5"},
        {"fromID": "5", "toID": "4"}
      ]}
      """
    let corpus = readAIF(("bad.json", text))
    #expect(
      located(corpus) == [
        "bad.json:3:40: unknown AIF node type 'X'; expected one of 'I', 'RA', 'CA', 'MA', 'PA', 'L', 'YA', 'TA'",
        "bad.json:4:3: node id '1' is used twice",
        "bad.json:5:3: expected a member 'text' in this object",
        "bad.json:6:3: RA node '4' has 0 premises and 0 conclusions, so it relates nothing; it is skipped",
        "bad.json:7:3: CA node '5' has 1 source and 0 targets, so it relates nothing; it is skipped",
        "bad.json:8:14: expected 'nodeID' to be a string or an integer, found a boolean",
        "bad.json:9:3: expected each of 'nodes' to be an object, found a string",
        "bad.json:12:3: edge from '1' to '9' names '9', which 'nodes' does not have",
      ])
    #expect(
      corpus.diagnostics[1].notes.map(\.description) == [
        "bad.json:2:3: note: the first node with id '1' is here"
      ])
  }

  @Test func reportsAllFilesErrorsTogether() {
    let corpus = readAIF(
      ("a/one.json", #"{"nodes": [], "edges": [}"#),
      ("b/two.json", aifdbFixture),
      ("c/one.json", #"{"nodes": []}"#),
      ("three.json", #"{"AIF": [], "OVA": {}}"#),
      ("four.json", #"{"nodes": {}, "edges": []}"#))
    #expect(
      located(corpus) == [
        "a/one.json:1:25: expected a value, found '}'",
        "c/one.json:1:1: the source id 'one' is taken by a/one.json; rename one of the files",
        "three.json:1:9: expected 'AIF' to be an object, found an array",
        "four.json:1:11: expected 'nodes' to be an array, found an object",
      ])
    #expect(corpus.hasErrors)
  }

  /// As arguebuf does, a scheme node without a source or a target is passed over, with a
  /// warning at the node (QT30 and DialAM have RA, CA and MA nodes like these); one with two
  /// targets stays an error, since no relation says which it means.
  @Test func incompleteSchemeNodesAreSkippedWithAWarning() {
    let text = """
      {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
      {"nodeID": "3", "text": "C", "type": "I"}, {"nodeID": "4", "text": "Default Conflict", "type": "CA"},
      {"nodeID": "5", "text": "Default Rephrase", "type": "MA"}, {"nodeID": "6", "text": "", "type": "PA"},
      {"nodeID": "7", "text": "Default Inference", "type": "RA"}, {"nodeID": "8", "text": "Default Conflict", "type": "CA"},
      {"nodeID": "9", "text": "Default Conflict", "type": "CA"}],
      "edges": [{"fromID": "1", "toID": "4"}, {"fromID": "4", "toID": "2"}, {"fromID": "4", "toID": "3"},
      {"fromID": "5", "toID": "3"}, {"fromID": "1", "toID": "6"}, {"fromID": "6", "toID": "2"},
      {"fromID": "1", "toID": "7"}, {"fromID": "2", "toID": "8"}, {"fromID": "8", "toID": "7"}, {"fromID": "9", "toID": "2"}]}
      """
    let corpus = readAIF(("shape.json", text))
    #expect(
      located(corpus) == [
        "shape.json:2:44: CA node '4' has 1 source and 2 targets; expected at least one source and exactly one target",
        "shape.json:3:1: MA node '5' has 0 sources and 1 target, so it relates nothing; it is skipped",
        "shape.json:4:1: RA node '7' has 1 premise and 0 conclusions, so it relates nothing; it is skipped",
        // Aimed only at the skipped inference, the conflict relates nothing either.
        "shape.json:4:61: CA node '8' has 1 source and 0 targets, so it relates nothing; it is skipped",
        "shape.json:5:1: CA node '9' has 0 sources and 1 target, so it relates nothing; it is skipped",
      ])
    #expect(corpus.diagnostics.map(\.severity) == [.error, .warning, .warning, .warning, .warning])
    // A scheme node without text names no scheme; no skipped node becomes an argument claim.
    #expect(corpus.map.relations == [Relation(from: "shape-1", to: "shape-2", kind: .prefers)])
    #expect(corpus.map.claims.map(\.id) == ["shape-1", "shape-2", "shape-3"])
  }

  /// AIFdb has rephrases and conflicts from a proposition to itself; argmap keeps them, as
  /// arguebuf does, and says so.
  @Test func aRelationFromANodeToItselfIsKeptWithAWarning() {
    let text = """
      {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "Default Rephrase", "type": "MA"}],
      "edges": [{"fromID": "1", "toID": "2"}, {"fromID": "2", "toID": "1"}]}
      """
    let corpus = readAIF(("self.json", text))
    #expect(
      located(corpus) == [
        "self.json:1:55: MA node '2' makes node '1' rephrase itself; the relation is kept"
      ])
    #expect(!corpus.hasErrors)
    #expect(
      corpus.map.relations == [
        Relation(from: "self-1", to: "self-1", kind: .rephrases, scheme: "Default Rephrase")
      ])
  }

  /// AIFdb node sets where one claim both supports and attacks another: argmap keeps one
  /// relation between two claims, the first, and warns at the other scheme node.
  @Test func twoKindsBetweenOnePairKeepTheFirstWithAWarning() {
    let text = """
      {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
      {"nodeID": "3", "text": "Default Inference", "type": "RA"},
      {"nodeID": "4", "text": "Default Conflict", "type": "CA"}],
      "edges": [{"fromID": "1", "toID": "3"}, {"fromID": "3", "toID": "2"},
      {"fromID": "1", "toID": "4"}, {"fromID": "4", "toID": "2"}]}
      """
    let corpus = readAIF(("two.json", text))
    #expect(
      located(corpus) == [
        "two.json:3:1: CA node '4' has 'two-1' rebut 'two-2', which node '3' has it support; "
          + "argmap keeps one relation between two claims, the first"
      ])
    #expect(
      corpus.map.relations == [
        Relation(from: "two-1", to: "two-2", kind: .supports, scheme: "Default Inference")
      ])
  }

  /// Integer ids throughout, keys sorted as Python's `json.dumps(sort_keys=True)` writes them,
  /// so `edges` comes first and is long enough to push `nodes` past the detection prefix.
  @Test func aFileWithIntegerIDsAndSortedKeysIsAIF() throws {
    let count = 60
    let edges = (0..<count).map {
      #"{"edgeID": \#($0 * 2), "fromID": \#($0 + 1), "toID": \#(count + $0 + 1)}, "#
        + #"{"edgeID": \#($0 * 2 + 1), "fromID": \#(count + $0 + 1), "toID": 0}"#
    }
    let nodes =
      [#"{"nodeID": 0, "text": "Root claim", "type": "I"}"#]
      + (1...count).map { #"{"nodeID": \#($0), "text": "Reason \#($0)", "type": "I"}"# }
      + (1...count).map {
        #"{"nodeID": \#(count + $0), "text": "Default Inference", "type": "RA"}"#
      }
    let text =
      #"{"edges": [\#(edges.joined(separator: ",\n"))], "locutions": [], "#
      + #""nodes": [\#(nodes.joined(separator: ",\n"))], "participants": []}"#
    #expect(!text.prefix(4096).contains("\"nodes\""))
    #expect(InterchangeFormat.detect(path: "sorted.json", prefix: text.prefix(4096)) == .aif)
    #expect(InterchangeFormat.detect(content: text.prefix(4096)) == .aif)
    let corpus = readAIF(("sorted.json", text))
    #expect(corpus.diagnostics == [])
    #expect(corpus.map.claims.count == count + 1)
    #expect(
      corpus.map.relations.first
        == Relation(from: "sorted-1", to: "sorted-0", kind: .supports, scheme: "Default Inference"))
  }

  /// As in the arg-microtexts corpus: a linked attack (two sources jointly attack), and an
  /// attack on an attack, which undercuts the attack's argument claim.
  @Test func linkedAttacksAndAttacksOnAttacks() {
    let text = """
      {"nodes": [{"nodeID": "1", "text": "A", "type": "I"}, {"nodeID": "2", "text": "B", "type": "I"},
      {"nodeID": "3", "text": "C", "type": "I"}, {"nodeID": "4", "text": "D", "type": "I"},
      {"nodeID": "5", "text": "Default Conflict", "type": "CA"}, {"nodeID": "6", "text": "Default Conflict", "type": "CA"},
      {"nodeID": "7", "text": "Default Preference", "type": "PA"}, {"nodeID": "8", "text": "Default Inference", "type": "RA"}],
      "edges": [{"fromID": "1", "toID": "5"}, {"fromID": "2", "toID": "5"}, {"fromID": "5", "toID": "3"},
      {"fromID": "4", "toID": "6"}, {"fromID": "6", "toID": "5"},
      {"fromID": "8", "toID": "7"}, {"fromID": "7", "toID": "5"}, {"fromID": "3", "toID": "8"}, {"fromID": "8", "toID": "4"}]}
      """
    let corpus = readAIF(("mt.json", text))
    #expect(corpus.diagnostics == [])
    #expect(corpus.map.claims.filter { $0.kind == .argument }.map(\.id) == ["mt-5", "mt-8"])
    #expect(
      corpus.map.relations == [
        Relation(from: "mt-1", to: "mt-5", kind: .supports),
        Relation(from: "mt-2", to: "mt-5", kind: .supports),
        Relation(from: "mt-5", to: "mt-3", kind: .rebuts, scheme: "Default Conflict"),
        Relation(from: "mt-4", to: "mt-5", kind: .undercuts, scheme: "Default Conflict"),
        Relation(from: "mt-8", to: "mt-5", kind: .prefers, scheme: "Default Preference"),
        Relation(from: "mt-3", to: "mt-8", kind: .supports),
        Relation(from: "mt-8", to: "mt-4", kind: .supports, scheme: "Default Inference"),
      ])
  }

  @Test func overlongClaimTextIsAnError() {
    let text = String(repeating: "x", count: Claim.maximumTextLength + 1)
    let corpus = readAIF(
      ("long.json", #"{"nodes": [{"nodeID": "1", "text": "\#(text)", "type": "I"}], "edges": []}"#))
    #expect(
      located(corpus) == [
        "long.json:1:12: the text of node '1' is 10001 bytes long; claims are limited to 10000"
      ])
  }
}
