import Foundation
import Testing

/// `import` across formats, and the exports other tools read, through the real command line.
@Suite struct InterchangeCommandTests {
  let harness: Harness
  let db: String

  init() throws {
    harness = try Harness()
    db = harness.path("map.db")
    harness.run("--db", db, "init", "--empty")
  }

  static let kialo = """
    Discussion Title: Should cities ban cars?

    1. Cities should ban private cars from their centres.
    1.1. Pro: Fewer cars mean cleaner air
    for everyone who lives there.
    1.1.1. Con: Electric cars already clean the air.
    1.2. Con: Deliveries and disabled people need road access.
    1.3. Pro: -> See 1.1.1.

    """

  @Test func aKialoExportImportsByItsContent() throws {
    try harness.write(Self.kialo, to: "cars.txt")
    let outcome = harness.run("--db", db, "import", harness.path("cars.txt"))
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("imported 4 claims, 4 relations from 1 file into "))
    let tree = harness.run("--db", db, "tree", "should-cities-ban-cars-1").out
    #expect(tree.contains("+ [should-cities-ban-cars-1.1]: Fewer cars mean cleaner air for"))
    #expect(tree.contains("  - [should-cities-ban-cars-1.2]"))
    let show = harness.run("--db", db, "show", "should-cities-ban-cars-1.1.1").out
    #expect(show.contains("source:   cars, comment 1.1.1"))
    // The export is the source's text, each entry a comment: quotes are found in their own.
    #expect(harness.run("--db", db, "check", "--quotes").out == "no problems found\n")
    let entry = harness.run("--db", db, "source", "show", "cars", "--comment", "1.1").out
    #expect(
      entry.hasSuffix(
        "4  1.1. Pro: Fewer cars mean cleaner air\n5  for everyone who lives there.\n"))
    #expect(
      harness.run("--db", db, "show", "should-cities-ban-cars-1.1").out.contains(
        "context:  cars:4\n"))
  }

  /// `-` reads standard input, told by its content: Kialo here, Argdown by default.
  @Test func standardInputImportsByContent() throws {
    let kialo = try harness.runProcess(["--db", db, "import", "-"], stdin: Self.kialo)
    #expect(kialo.status == 0, "\(kialo.err)")
    #expect(kialo.out.contains("imported 4 claims, 4 relations from 1 file into "))
    let argdown = try harness.runProcess(
      ["--db", db, "import", "-"], stdin: "# Mine {id: mine}\n\n[a]: One.\n  - [b]: Two.\n")
    #expect(argdown.status == 0, "\(argdown.err)")
    #expect(harness.run("--db", db, "show", "b").out.contains("rebuts:\n  -> a"))
    let broken = try harness.runProcess(["--db", db, "import", "-"], stdin: "[a: unclosed\n")
    #expect(broken.status == 65)
    #expect(broken.err.hasPrefix("-:1:"))
  }

  /// Two formats defining one id with other words would have the later file overwrite the
  /// earlier in the store; the import refuses it and names the files.
  @Test func anIDDefinedDifferentlyInTwoFormatsIsRefused() throws {
    try harness.write(Self.kialo, to: "cars.txt")
    try harness.write(
      "# Mine {id: mine}\n\n[should-cities-ban-cars-1]: Something else entirely.\n",
      to: "mine.argdown")
    let outcome = harness.run(
      "--db", db, "import", harness.path("cars.txt"), harness.path("mine.argdown"))
    #expect(outcome.status == 65)
    #expect(
      outcome.err.contains(
        "cars.txt:1:1: error: claim 'should-cities-ban-cars-1' is defined here and, with other words, "
          + "in an Argdown file of this import"))
    #expect(harness.run("--db", db, "stats", "--json").out.contains("\"claims\": 0,"))
  }

  /// AIF names its ids after the file; two different maps piped in must not share them.
  @Test func twoAIFMapsFromStandardInputKeepApart() throws {
    let first = #"{"nodes": [{"nodeID": "1", "text": "First debate", "type": "I"}], "edges": []}"#
    let second = #"{"nodes": [{"nodeID": "1", "text": "Second debate", "type": "I"}], "edges": []}"#
    for text in [first, second, first] {
      let outcome = try harness.runProcess(["--db", db, "import", "-"], stdin: text)
      #expect(outcome.status == 0, "\(outcome.err)")
    }
    let claims = harness.run("--db", db, "claims").out
    #expect(claims.contains("First debate") && claims.contains("Second debate"))
    #expect(harness.run("--db", db, "stats", "--json").out.contains("\"claims\": 2,"))
  }

  @Test func aFolderSkipsTextThatIsNotKialoAndSaysSo() throws {
    try FileManager.default.createDirectory(
      atPath: harness.path("maps"), withIntermediateDirectories: true)
    try harness.write(Self.kialo, to: "maps/cars.txt")
    try harness.write("Notes to self.\n", to: "maps/README.txt")
    try harness.write("# Mine {id: mine}\n\n[a]: One.\n", to: "maps/mine.argdown")
    let outcome = harness.run("--db", db, "import", harness.path("maps"), "--json")
    #expect(outcome.status == 0, "\(outcome.err)")
    let json = try #require(outcome.json() as? [String: Any])
    #expect(json["formats"] as? [String: Int] == ["argdown": 1, "kialo": 1])
    #expect(json["skipped"] as? [String] == [harness.path("maps/README.txt")])
    #expect(json["claims"] as? Int == 5)
  }

  @Test func aNamedFileOfUnknownFormatIsRefusedUnlessNamed() throws {
    try harness.write("Notes to self.\n", to: "notes.txt")
    let outcome = harness.run("--db", db, "import", harness.path("notes.txt"))
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("cannot tell the format of"))
    #expect(outcome.err.contains("--format argdown|aif|json|kialo"))
    try harness.write("[a]: Written in Argdown after all.\n", to: "notes.txt")
    let forced = harness.run("--db", db, "import", "--format", "argdown", harness.path("notes.txt"))
    #expect(forced.status == 0, "\(forced.err)")
    #expect(
      harness.run("--db", db, "import", "--format", "csv", harness.path("notes.txt")).status == 64)
  }

  /// A bad file among good ones stops the whole import: nothing of the good ones lands.
  @Test func oneBadFileStopsTheWholeImport() throws {
    try harness.write(Self.kialo, to: "cars.txt")
    try harness.write(
      "Discussion Title: Broken\n\n1. Thesis.\n1.1. Pro: A reason.\n1.3.1. Con: An orphan.\n",
      to: "bad.txt")
    let outcome = harness.run(
      "--db", db, "import", harness.path("cars.txt"), harness.path("bad.txt"))
    #expect(outcome.status == 65)
    #expect(outcome.err.contains("bad.txt:5:1"))
    #expect(harness.run("--db", db, "stats", "--json").out.contains("\"claims\": 0,"))
  }

  /// The built-in map through AIF and back: every claim and relation arrives.
  @Test func anAIFExportImportsBack() throws {
    _ = harness.run("--db", db, "init", "--force")
    let aif = harness.run("--db", db, "export", "aif")
    #expect(aif.status == 0)
    try harness.write(aif.out, to: "discussion.json")
    let other = harness.path("other.db")
    _ = harness.run("--db", other, "init", "--empty")
    let outcome = harness.run("--db", other, "import", harness.path("discussion.json"))
    #expect(outcome.status == 0, "\(outcome.err)")
    let claims = try harness.count("claims", db: db)
    let relations = try harness.count("relations", db: db)
    #expect(
      outcome.out.contains("imported \(claims) claims, \(relations) relations from 1 file into "))
    #expect(try harness.count("relations", db: other) == relations)
  }

  @Test func graphMLCarriesEvaluationStatuses() throws {
    harness.run("--db", db, "init", "--force")
    let outcome = harness.run("--db", db, "export", "graphml", "--status", "grounded")
    #expect(outcome.status == 0)
    #expect(outcome.out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml"))
    #expect(
      outcome.out.components(separatedBy: "<node id=").count - 1
        == (try harness.count("claims", db: db)))
    #expect(outcome.out.contains("<data key=\"node-status\">rejected</data>"))
    #expect(
      harness.run("--db", db, "export", "graphml", "--status", "bogus").status == 64)
  }

  /// An AIF scheme node without a premise is skipped with a warning; `--strict` refuses the
  /// file instead, exiting as for any corpus error and importing nothing.
  @Test func strictImportTurnsReaderWarningsIntoErrors() throws {
    let aif = """
      {"nodes": [{"nodeID": "1", "text": "A", "type": "I"},
        {"nodeID": "2", "text": "Default Inference", "type": "RA"}],
       "edges": [{"edgeID": "1", "fromID": "2", "toID": "1"}]}
      """
    try harness.write(aif, to: "quirk.json")
    let strict = harness.run("--db", db, "import", "--strict", harness.path("quirk.json"))
    #expect(strict.status == 65)
    #expect(
      strict.err.contains(
        "quirk.json:2:3: error: RA node '2' has 0 premises and 1 conclusion, so it relates "
          + "nothing; it is skipped"))
    #expect(harness.run("--db", db, "claims").out.isEmpty)
    let lenient = harness.run("--db", db, "import", harness.path("quirk.json"))
    #expect(lenient.status == 0, "\(lenient.err)")
    #expect(lenient.err.contains("quirk.json:2:3: warning: RA node '2' has 0 premises"))
    #expect(lenient.out.contains("imported 1 claim, 0 relations from 1 file into "))
  }
}

/// The CLI keeps the lists of added claims and relations only for `--json`, which prints them;
/// the text names how many.
@Suite struct ImportSummaryListingTests {
  let harness: Harness

  init() throws { harness = try Harness() }

  @Test func theTextCountsAndTheJSONLists() throws {
    try harness.write("# P {id: p}\n\n[a]: A.\n  + [b]: B.\n", to: "p.argdown")
    let text = harness.run("--db", harness.path("t.db"), "import", harness.path("p.argdown"))
    #expect(text.status == 0, "\(text.err)")
    #expect(text.out.hasPrefix("added 1 position, added 2 claims, added 1 relation"))
    let json = harness.run(
      "--db", harness.path("j.db"), "import", harness.path("p.argdown"), "--json")
    let object = try #require(try json.json() as? [String: Any])
    #expect(object["claimsAdded"] as? [String] == ["a", "b"])
    #expect((object["relationsAdded"] as? [Any])?.count == 1)
  }
}
