import Foundation
import Testing

/// Commands that create and change maps, with their exit codes.
@Suite struct WriteCommandTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func initCreatesTheBuiltinMapAndRefusesToOverwrite() {
    let db = harness.path("map.db")
    let created = harness.run("--db", db, "init")
    #expect(created.status == 0)
    #expect(created.out.hasPrefix("created \(db) with 5 positions"))
    let again = harness.run("--db", db, "init")
    #expect(again.status == 73)
    #expect(again.err.contains("--force"))
    #expect(harness.run("--db", db, "init", "--empty", "--force").status == 0)
    #expect(harness.run("--db", db, "positions").out == "")
  }

  @Test func readOnAMissingExplicitFileSuggestsInitAndCreatesNothing() {
    let db = harness.path("missing.db")
    let outcome = harness.run("--db", db, "positions")
    #expect(outcome.status == 66)
    #expect(outcome.err.contains("argmap --db \(db) init"))
    #expect(!FileManager.default.fileExists(atPath: db))
  }

  @Test func databaseFromTheEnvironment() {
    harness.environment["ARGMAP_DB"] = harness.path("env.db")
    #expect(harness.run("init", "--empty").status == 0)
    #expect(FileManager.default.fileExists(atPath: harness.path("env.db")))
  }

  @Test func foreignFilesAreRefusedUnchanged() throws {
    let db = harness.path("notes.txt")
    try harness.write("just some notes, not a database at all\n", to: "notes.txt")
    let outcome = harness.run("--db", db, "positions")
    #expect(outcome.status == 74)
    #expect(outcome.err.contains("not an argmap database"))
    #expect(
      try String(contentsOfFile: db, encoding: .utf8) == "just some notes, not a database at all\n")
  }

  @Test func addLinkUnlinkAndRemove() throws {
    let db = harness.path("map.db")
    harness.run("--db", db, "init", "--empty")
    #expect(harness.run("--db", db, "add", "position", "p", "--title", "A position").status == 0)
    #expect(harness.run("--db", db, "add", "position", "p", "--title", "Again").status == 73)
    let added = harness.run(
      "--db", db, "add", "claim", "a", "--position", "p", "--text", "First claim.",
      "--tag", "x", "--source", "notes", "--comment", "N1", "--quote", "first")
    #expect(added.status == 0)
    harness.run("--db", db, "add", "claim", "b", "--position", "p", "--text", "Second\n  claim. ")
    #expect(
      harness.run("--db", db, "show", "b", "--json").out.contains("\"text\": \"Second claim.\""))
    #expect(
      harness.run("--db", db, "add", "claim", "c", "--position", "nope", "--text", "t").status == 66
    )
    #expect(
      harness.run("--db", db, "add", "claim", "bad id", "--position", "p", "--text", "t").status
        == 65)
    #expect(
      harness.run("--db", db, "add", "claim", "d", "--position", "p", "--text", "t", "--quote", "q")
        .status == 64)

    #expect(
      harness.run("--db", db, "link", "b", "rebuts", "a").out == "linked: b rebuts a in ~/map.db\n")
    #expect(
      harness.run("--db", db, "link", "b", "rebuts", "a").out
        == "already linked: b rebuts a in ~/map.db\n")
    #expect(harness.run("--db", db, "link", "b", "supports", "a").status == 65)
    // A self-attack is a textbook case; the semantics handle it.
    #expect(
      harness.run("--db", db, "link", "a", "rebuts", "a").out == "linked: a rebuts a in ~/map.db\n")
    #expect(harness.run("--db", db, "unlink", "a", "a").status == 0)
    #expect(harness.run("--db", db, "link", "a", "attacks", "b").status == 64)
    #expect(harness.run("--db", db, "link", "a", "rebuts", "zzz").status == 66)

    let show = try #require(harness.run("--db", db, "show", "a", "--json").json() as? [String: Any])
    #expect(show["rebuttedBy"] as? [String] == ["b"])
    #expect((show["claim"] as? [String: Any])?["tags"] as? [String] == ["x"])

    let wrongWay = harness.run("--db", db, "unlink", "a", "b")
    #expect(wrongWay.status == 66)
    #expect(wrongWay.err.contains("did you mean 'b → a'?"))
    #expect(harness.run("--db", db, "unlink", "b", "a").out == "unlinked: b rebuts a in ~/map.db\n")

    harness.run("--db", db, "link", "b", "supports", "a")
    #expect(
      harness.run("--db", db, "remove", "claim", "b").out
        == "removed claim 'b' and 1 relation in ~/map.db\n")
    #expect(harness.run("--db", db, "show", "b").status == 66)
  }

  /// An import's output without its closing summary line, which says how long it took.
  private func changes(_ out: String) -> [String] {
    var lines = out.split(separator: "\n").map(String.init)
    if lines.last?.hasPrefix("imported ") == true { lines.removeLast() }
    return lines
  }

  @Test func importReportsChangesAndIsIdempotent() throws {
    let db = harness.path("map.db")
    try harness.write("# Mine {id: mine}\n\n[a]: One.\n  + [b]: Two.\n", to: "mine.argdown")
    let first = harness.run("--db", db, "import", harness.path("mine.argdown"))
    #expect(first.status == 0)
    #expect(
      changes(first.out) == ["added 1 position, added 2 claims, added 1 relation"])
    let summary = try #require(first.out.split(separator: "\n").last)
    #expect(summary.hasPrefix("imported 2 claims, 1 relation from 1 file into ~/map.db in "))
    #expect(summary.hasSuffix(" s"))
    #expect(
      changes(harness.run("--db", db, "import", harness.path("mine.argdown")).out)
        == ["nothing changed"])
    try harness.write("# Mine {id: mine}\n\n[a]: One, edited.\n", to: "mine.argdown")
    let edited = harness.run("--db", db, "import", harness.path("mine.argdown"))
    #expect(changes(edited.out) == ["updated 1 claim", "  updated a"])
    let replaced = harness.run(
      "--db", db, "import", "--replace", harness.path("mine.argdown"), "--json")
    let json = try #require(replaced.json() as? [String: Any])
    #expect(json["claimsRemoved"] as? [String] == ["b"])
  }

  @Test func importWithErrorsListsEveryOneAndChangesNothing() throws {
    let db = harness.path("map.db")
    harness.run("--db", db, "init")
    let before = harness.run("--db", db, "export", "json").out
    try harness.write(
      "# Bad {id: bad}\n\n[a: no close\n\n[b]: text\n  - [refusal-is-not-subversio]\n",
      to: "bad.argdown")
    let outcome = harness.run("--db", db, "import", harness.path("bad.argdown"))
    #expect(outcome.status == 65)
    let lines = outcome.err.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix(harness.path("bad.argdown") + ":3:") })
    #expect(
      lines.contains {
        $0.hasPrefix(harness.path("bad.argdown") + ":6:")
          && $0.contains("did you mean 'refusal-is-not-subversion'?")
      })
    #expect(lines.last?.hasPrefix("argmap: error: the corpus has") == true)
    #expect(harness.run("--db", db, "export", "json").out == before)
  }

  @Test func aFailedFirstImportDoesNotCreateTheDefaultDatabase() throws {
    try harness.write("[a]: A claim.\n  - [nowhere\n", to: "bad.argdown")
    #expect(harness.run("import", harness.path("bad.argdown")).status == 65)
    #expect(!FileManager.default.fileExists(atPath: harness.defaultDatabase))
    try harness.write("[a]: A claim.\n  - [scenario-is-contrived]\n", to: "good.argdown")
    #expect(harness.run("import", harness.path("good.argdown")).status == 0)
    let builtin = harness.path("builtin.db")
    harness.run("--db", builtin, "init")
    #expect(try harness.count("claims") == (try harness.count("claims", db: builtin)) + 1)
  }

  @Test func invalidSourcesAndTagsAreBadInput() {
    let db = harness.path("map.db")
    harness.run("--db", db, "init")
    let add = { (extra: [String]) in
      harness.run(
        ["--db", db, "add", "claim", "x", "--position", "self-preservation", "--text", "t"] + extra)
    }
    #expect(add(["--source", "my notes"]).status == 65)
    #expect(add(["--source", ""]).status == 65)
    #expect(add(["--tag", ""]).status == 65)
    #expect(add(["--tag", "two\nlines"]).status == 65)
    #expect(harness.run("--db", db, "show", "x").status == 66)
  }

  @Test func nonTextAndLoopingFoldersAreHandled() throws {
    let db = harness.path("map.db")
    try Data([0xff, 0xfe, 0x00, 0x41]).write(to: URL(fileURLWithPath: harness.path("bin.argdown")))
    let binary = harness.run("--db", db, "import", harness.path("bin.argdown"))
    #expect(binary.status == 65)
    #expect(binary.err.contains("is not UTF-8 text"))
    try FileManager.default.createDirectory(
      atPath: harness.path("corpus"), withIntermediateDirectories: true)
    try harness.write("# Loop {id: loop}\n\n[l]: In a looping folder.\n", to: "corpus/l.argdown")
    try FileManager.default.createSymbolicLink(
      atPath: harness.path("corpus/again"), withDestinationPath: harness.path("corpus"))
    let looped = harness.run("--db", db, "import", harness.path("corpus"))
    #expect(looped.status == 0, "\(looped.err)")
    #expect(changes(looped.out) == ["added 1 position, added 1 claim"])
  }

  @Test func anEmptyFolderOrAFolderAsDatabaseIsAnError() throws {
    try FileManager.default.createDirectory(
      atPath: harness.path("empty"), withIntermediateDirectories: true)
    let empty = harness.run("--db", harness.path("map.db"), "import", harness.path("empty"))
    #expect(empty.status == 66)
    #expect(empty.err.contains("no files to import in"))
    let folder = harness.run("--db", harness.path("empty"), "positions")
    #expect(folder.status == 74)
    #expect(folder.err.contains("is a folder, not a database file"))
    #expect(harness.run("--db", harness.path("empty"), "init", "--force").status == 74)
  }

  @Test func importOfAMissingFileIsNotFound() {
    let outcome = harness.run(
      "--db", harness.path("map.db"), "import", harness.path("nope.argdown"))
    #expect(outcome.status == 66)
    #expect(!FileManager.default.fileExists(atPath: harness.path("map.db")))
  }
}
