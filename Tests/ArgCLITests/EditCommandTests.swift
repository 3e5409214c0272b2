import Foundation
import Testing

/// Editing, renaming and removing from the command line, with history and undo, and the rough
/// edges a new user hit.
@Suite struct EditCommandTests {
  let harness: Harness
  let db: String

  init() throws {
    harness = try Harness()
    db = harness.path("class.db")
    harness.run("--db", db, "init", "--empty")
    harness.run("--db", db, "add", "position", "uniforms", "--title", "School uniforms")
    harness.run(
      "--db", db, "add", "claim", "equal", "--position", "uniforms", "--text", "Pupils look equal.",
      "--source", "notes", "--speaker", "Ana", "--time", "Monday", "--base", "0.7", "--title",
      "Equality")
    harness.run(
      "--db", db, "add", "claim", "cost", "--position", "uniforms", "--text", "They cost money.")
    harness.run("--db", db, "link", "cost", "rebuts", "equal")
  }

  private func json(_ arguments: String...) throws -> [String: Any] {
    let outcome = harness.run(["--db", db] + arguments + ["--json"])
    #expect(outcome.status == 0, "\(arguments): \(outcome.err)")
    return try #require(outcome.json() as? [String: Any])
  }

  private func exported() throws -> [String: Any] {
    try #require(harness.run("--db", db, "export", "json").json() as? [String: Any])
  }

  private func claim(_ id: String) throws -> [String: Any] {
    try #require(try json("show", id)["claim"] as? [String: Any])
  }

  @Test func addClaimTakesEveryCorpusField() throws {
    let equal = try claim("equal")
    #expect(equal["speaker"] as? String == "Ana")
    #expect(equal["time"] as? String == "Monday")
    #expect(equal["base"] as? Double == 0.7)
    #expect(equal["title"] as? String == "Equality")
  }

  @Test func editChangesOnlyWhatItNames() throws {
    let before = try claim("equal")
    let edited = harness.run(
      "--db", db, "edit", "claim", "equal", "--text", "Uniforms hide wealth.", "--tag", "thesis")
    #expect(edited.status == 0, "\(edited.err)")
    #expect(edited.out == "edited claim 'equal' in ~/class.db\n")
    let after = try claim("equal")
    #expect(after["text"] as? String == "Uniforms hide wealth.")
    #expect(after["tags"] as? [String] == ["thesis"])
    for key in ["speaker", "time", "base", "title", "source", "position"] {
      #expect("\(after[key] ?? "")" == "\(before[key] ?? "")", "\(key)")
    }
    #expect(harness.run("--db", db, "edit", "claim", "equal", "--untag", "thesis").status == 0)
    #expect(try claim("equal")["tags"] as? [String] == [])
  }

  @Test func editRefusesWhatBreaksARule() throws {
    harness.run(
      "--db", db, "add", "claim", "arg", "--position", "uniforms", "--text", "A.", "--argument")
    harness.run("--db", db, "link", "cost", "undercuts", "arg")
    let refused = harness.run("--db", db, "edit", "claim", "arg", "--kind", "statement")
    #expect(refused.status == 65)
    #expect(refused.err.contains("undercut"))
    #expect(try claim("arg")["kind"] as? String == "argument")
    #expect(harness.run("--db", db, "edit", "claim", "equal").status == 64)
    #expect(harness.run("--db", db, "edit", "claim", "equal", "--position", "nowhere").status == 66)
    #expect(harness.run("--db", db, "edit", "claim", "nosuch", "--text", "x").status == 66)
  }

  @Test func renameCarriesRelationsAndPositionsCarryClaims() throws {
    #expect(harness.run("--db", db, "rename", "claim", "equal", "hide-wealth").status == 0)
    let tree = harness.run("--db", db, "tree", "hide-wealth").out
    #expect(tree.contains("- [cost]"))
    #expect(harness.run("--db", db, "rename", "claim", "cost", "hide-wealth").status == 73)
    #expect(harness.run("--db", db, "rename", "position", "uniforms", "dress").status == 0)
    #expect(try claim("cost")["position"] as? String == "dress")
    #expect(harness.run("--db", db, "rename", "source", "notes", "ana-notes").status == 0)
    #expect(try claim("hide-wealth")["source"] as? String == "ana-notes")
    let renamed = try json("rename", "claim", "cost", "price")
    #expect(renamed["done"] as? String == "renamed claim 'cost' to 'price'")
    #expect(renamed["database"] as? String == db)
  }

  @Test func removePositionRefusesWhileItHoldsClaims() throws {
    let refused = harness.run("--db", db, "remove", "position", "uniforms")
    #expect(refused.status == 77)
    #expect(refused.err.contains("--with-claims"))
    #expect(try harness.count("claims", db: db) == 2)
    let removed = harness.run("--db", db, "remove", "position", "uniforms", "--with-claims")
    #expect(removed.out == "removed position 'uniforms' and 2 claims in ~/class.db\n")
    #expect(try harness.count("positions", db: db) == 0)
    #expect(harness.run("--db", db, "remove", "source", "notes").status == 0)
  }

  @Test func historyListsWritesAndUndoRevertsThemExactly() throws {
    let before = harness.run("--db", db, "export", "json").out
    harness.run("--db", db, "edit", "claim", "equal", "--text", "Changed.", "--title", "")
    harness.run("--db", db, "remove", "position", "uniforms", "--with-claims")
    let history = harness.run("--db", db, "history", "--limit", "2").outLines
    #expect(history[0].contains("remove position uniforms --with-claims"))
    #expect(history[0].contains("-2 claims"))
    #expect(history[1].contains("edit claim equal --text Changed. --title ''"))
    let entries = try #require(
      harness.run("--db", db, "history", "--json").json() as? [[String: Any]])
    #expect(entries.count == 6)
    #expect(entries.first?["command"] as? String == "remove position uniforms --with-claims")
    #expect(harness.run("--db", db, "undo").out.hasPrefix("undid #6 (remove position"))
    #expect(harness.run("--db", db, "undo").status == 0)
    #expect(harness.run("--db", db, "export", "json").out == before)
    let redo = try json("redo")
    #expect((redo["done"] as? String)?.hasPrefix("redid #") == true)
    #expect(harness.run("--db", db, "show", "equal").out.contains("Changed."))
  }

  @Test func undoRefusesAWriteThatLaterWritesBuildOn() throws {
    let refused = harness.run("--db", db, "undo", "3")
    #expect(refused.status == 77)
    #expect(refused.err.contains("#4"))
    #expect(harness.run("--db", db, "undo", "#9").status == 66)
    #expect(harness.run("--db", db, "undo", "three").status == 64)
  }

  @Test func unlinkFindsASymmetricRelationEitherWay() throws {
    harness.run("--db", db, "link", "equal", "contradicts", "cost")
    // `cost rebuts equal` is one pair; the contradiction was stored the other way round.
    harness.run("--db", db, "unlink", "cost", "equal")
    harness.run("--db", db, "link", "equal", "contradicts", "cost")
    let unlinked = harness.run("--db", db, "unlink", "cost", "equal")
    #expect(unlinked.status == 0, "\(unlinked.err)")
    #expect(unlinked.out == "unlinked: equal contradicts cost in ~/class.db\n")
  }

  @Test func anImportKeepsTheTitleAndTheClaimsPlaceAndSaysHowToChangeThem() throws {
    harness.run("--db", db, "edit", "map", "--title", "Uniforms")
    try harness.write(
      "===\ntitle: Another\n===\n\n# Elsewhere {id: elsewhere}\n\n[cost]: They cost money.\n",
      to: "other.argdown")
    let imported = harness.run("--db", db, "import", harness.path("other.argdown"))
    #expect(imported.status == 0, "\(imported.err)")
    #expect(imported.err.contains("other.argdown:2:1: warning: the map keeps its title"))
    #expect(
      imported.err.contains(
        "other.argdown:7:1: warning: claim 'cost' stays in position 'uniforms'"))
    #expect(imported.err.contains("argmap edit claim cost --position elsewhere"))
    #expect(try exported()["title"] as? String == "Uniforms")
    harness.run("--db", db, "import", harness.path("other.argdown"), "--title", "Now this")
    #expect(try exported()["title"] as? String == "Now this")
  }

  @Test func aDryRunWritesNothing() throws {
    try harness.write("# New {id: new}\n\n[n]: N.\n", to: "new.argdown")
    let before = harness.run("--db", db, "export", "json").out
    let dry = harness.run("--db", db, "import", harness.path("new.argdown"), "--dry-run")
    #expect(dry.status == 0)
    #expect(dry.out.hasPrefix("would have added 1 position, added 1 claim\n"))
    #expect(dry.out.contains("dry run: would import 1 claim, 0 relations from 1 file into"))
    #expect(harness.run("--db", db, "export", "json").out == before)
    #expect(harness.run("--db", db, "history").outLines.count == 5)
  }

  @Test func helpReachesInnerCommands() {
    let helpHelp = harness.run("help", "help")
    #expect(helpHelp.status == 0 && helpHelp.out.contains("USAGE: argmap [--db <path>]"))
    #expect(harness.run("--help", "tree").out.contains("argmap tree"))
    #expect(harness.run("add", "--help", "claim").out.contains("argmap add claim"))
    #expect(harness.run("-v").err.contains("did you mean '--version'?"))
  }

  @Test(arguments: [
    (["link", "a", "suports", "b"], "Did you mean 'supports'?"),
    (["rm", "claim", "x"], "Did you mean 'remove'?"),
    (["mv", "claim", "a", "b"], "Did you mean 'rename'?"),
    (["edti", "claim", "x"], "Did you mean 'edit'?"),
  ])
  func mistypedWordsGetTheCommandThatDoesIt(arguments: [String], hint: String) {
    let outcome = harness.run(["--db", db] + arguments)
    #expect(outcome.status == 64)
    #expect(outcome.err.contains(hint), "\(outcome.err)")
  }

  @Test func wordsFarFromEveryCommandGetNoSuggestion() {
    let outcome = harness.run("zz")
    #expect(outcome.status == 64)
    #expect(!outcome.err.contains("Did you mean"))
  }

  @Test func anUnknownTagIsNotFound() {
    harness.run("--db", db, "edit", "claim", "equal", "--tag", "thesis")
    for command in ["evaluate", "strength"] {
      let outcome = harness.run("--db", db, command, "--tag", "thesys")
      #expect(outcome.status == 66, "\(command)")
      #expect(outcome.err.contains("did you mean 'thesis'?"), "\(command)")
    }
  }

  @Test func claimLinesUseTheTerminalsWidth() {
    let long = String(repeating: "word ", count: 40)
    harness.run("--db", db, "edit", "claim", "cost", "--text", long)
    let narrow = harness.run("--db", db, "claims").outLines.map(\.count).max() ?? 0
    #expect(narrow <= 80)
    harness.environment["COLUMNS"] = "150"
    let wide = harness.run("--db", db, "claims").outLines.map(\.count).max() ?? 0
    #expect(wide > 100 && wide <= 150)
    let uncut = harness.run("--db", db, "--wide", "claims").out
    #expect(uncut.contains(long.trimmingCharacters(in: .whitespaces)))
  }

  @Test func anAssumptionBothWaysIsAUsageError() {
    let outcome = harness.run(
      "--db", db, "evaluate", "--assume", "equal=in", "--assume", "equal=out")
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("assumed both in and out"))
  }

  @Test func historyLimitZeroListsEveryWrite() {
    #expect(
      harness.run("--db", db, "history", "--limit", "0").outLines.filter { !$0.isEmpty }.count == 4)
  }

  @Test func anEmptyMapHasNoSources() throws {
    #expect(try harness.count("sources", db: harness.path("class.db")) == 1)
    let empty = harness.path("empty.db")
    harness.run("--db", empty, "init", "--empty")
    #expect(try harness.count("sources", db: empty) == 0)
  }

  @Test func checkGroupsItsJSONByKind() throws {
    let check = try #require(
      harness.run("--db", db, "check", "--json").json() as? [String: Any])
    #expect(check["unsupported"] as? [String] == ["equal"])
    #expect(check["unanswered"] as? [String] == ["cost"])
  }
}
