import Argmap
import Foundation
import Testing

/// An import writes each Argdown file's claims as soon as the file is read, inside its one
/// transaction: whatever fails later, in the last file or at the end, takes back every file.
@Suite struct StreamedImportTests {
  private func dump(_ path: String) throws -> String {
    let store = try MapStore.open(path: path)
    return MapJSON.render(try store.map()) + "\(try store.sources())"
      + "\(try store.history().count)"
  }

  private func importFails(
    _ files: [String], into path: String
  ) throws -> ArgmapError? {
    do {
      _ = try Workspace.importFiles(
        files, into: .init(path: path, isDefault: false), replacing: false)
      return nil
    } catch {
      return error
    }
  }

  /// The errors an import that must fail reports in its files; none (with an issue recorded)
  /// when it succeeds or fails otherwise.
  private func corpusErrors(importing files: [String], into path: String) throws -> [Diagnostic] {
    let error = try importFails(files, into: path)
    guard case .corpus(let diagnostics)? = error else {
      Issue.record("expected the import to be refused, got \(String(describing: error))")
      return []
    }
    return diagnostics
  }

  /// The first files are settled claims, written before the last file is read; the last file's
  /// claim says other words than a stored claim of another position, which the store refuses
  /// only when it writes that file.
  @Test func aStoreErrorInTheLastFileTakesBackTheFilesWrittenBeforeIt() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try Workspace.create(at: path, contents: .builtin, replacing: false)
      let before = try dump(path)
      try TestSupport.write("# One {id: one}\n\n[a]: A.\n  + [b]: B.\n", to: folder + "/1.argdown")
      try TestSupport.write("# Two {id: two}\n\n[c]: C.\n  - [a]\n", to: folder + "/2.argdown")
      try TestSupport.write(
        "# Three {id: three}\n\n[scenario-is-contrived]: Other words.\n", to: folder + "/3.argdown")
      let error = try importFails(
        [folder + "/1.argdown", folder + "/2.argdown", folder + "/3.argdown"], into: path)
      guard case .store(let reason)? = error else {
        Issue.record("expected the store to refuse the import, got \(String(describing: error))")
        return
      }
      #expect("\(reason)".contains("belongs to position"))
      #expect(try dump(path) == before)
    }
  }

  /// A relation the files state against the kind stored for the pair is found only when the
  /// staged relations are resolved, after every file: it is reported where it was written, and
  /// nothing stays.
  @Test func aConflictFoundWhenTheRelationsAreWrittenTakesBackEveryFile() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      let choice = Workspace.DatabaseChoice(path: path, isDefault: false)
      try TestSupport.write("# P {id: p}\n\n[x]: X.\n  - [y]: Y.\n", to: folder + "/p.argdown")
      _ = try Workspace.importFiles([folder + "/p.argdown"], into: choice, replacing: false)
      let before = try dump(path)
      try TestSupport.write("# Q {id: q}\n\n[n]: N.\n", to: folder + "/1.argdown")
      try TestSupport.write("# R {id: r}\n\n[x]\n  + [y]\n", to: folder + "/2.argdown")
      let diagnostics = try corpusErrors(
        importing: [folder + "/1.argdown", folder + "/2.argdown"], into: path)
      #expect(diagnostics.map(\.location.description) == [folder + "/2.argdown:4:3"])
      #expect(diagnostics.first?.message.contains("rebuts 'x' in the database") == true)
      #expect(try dump(path) == before)
    }
  }

  /// A relation to a claim that neither the files nor the database hold is found only when the
  /// relations are written, at the end; the Argdown file written before it is taken back.
  @Test func anUnresolvedReferenceTakesBackEveryFile() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try Workspace.create(at: path, contents: .empty, replacing: false)
      let before = try dump(path)
      try TestSupport.write("# P {id: p}\n\n[a]: A.\n", to: folder + "/1.argdown")
      try TestSupport.write(
        #"{"positions": [], "claims": [{"id": "k", "kind": "statement", "text": "K."}], "relations": [{"from": "k", "to": "nowhere", "kind": "supports"}]}"#,
        to: folder + "/2.json")
      let error = try importFails([folder + "/1.argdown", folder + "/2.json"], into: path)
      guard case .store(let reason)? = error else {
        Issue.record("expected the store to refuse the import, got \(String(describing: error))")
        return
      }
      #expect("\(reason)".contains("no claim with id 'nowhere'"))
      #expect(try dump(path) == before)
    }
  }

  /// Errors in several files, the first of them written already had it been clean, are all
  /// reported in one run, each at its file, line and column.
  @Test func parseErrorsInEveryFileAreReportedInOneRun() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try Workspace.create(at: path, contents: .empty, replacing: false)
      let before = try dump(path)
      try TestSupport.write("# Good {id: good}\n\n[g]: Fine.\n", to: folder + "/1.argdown")
      try TestSupport.write("# A {id: a}\n\n[x]: X.\n  ++ [y]: Y.\n", to: folder + "/2.argdown")
      try TestSupport.write("# B {id: b}\n\n[z]: Z.\n\n[w: W.\n", to: folder + "/3.argdown")
      let error = try importFails(
        ["1", "2", "3"].map { folder + "/\($0).argdown" }, into: path)
      guard case .corpus(let diagnostics)? = error else {
        Issue.record("expected corpus errors, got \(String(describing: error))")
        return
      }
      let places = diagnostics.filter { $0.severity == .error }.map(\.location.description)
      #expect(places.contains(folder + "/2.argdown:4:3"))
      #expect(places.contains { $0.hasPrefix(folder + "/3.argdown:5:") })
      #expect(try dump(path) == before)
    }
  }

  /// A claim written with its file and stated again by a later one is read back and merged,
  /// as if the whole corpus had been held at once: it is one claim, added once.
  @Test func aClaimStatedAgainInALaterFileIsMergedIntoTheWrittenOne() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try TestSupport.write("# P {id: p}\n\n[a]: Words.\n  + [b]: B.\n", to: folder + "/1.argdown")
      try TestSupport.write("# Q {id: q}\n\n[a]: Words. #later\n", to: folder + "/2.argdown")
      try TestSupport.write("# R {id: r}\n\n[a]: Other words.\n", to: folder + "/3.argdown")
      let report = try Workspace.importFiles(
        ["1", "2", "3"].map { folder + "/\($0).argdown" },
        into: .init(path: path, isDefault: false), replacing: false)
      #expect(report.summary.claimsAdded == ["a", "b"])
      #expect(report.summary.claimsUpdated.isEmpty)
      #expect(report.claims == 2)
      let claim = try MapStore.open(path: path).claim(id: "a")
      #expect(claim.position == "p")
      #expect(claim.tags == ["later"])
      #expect(claim.members.map(\.text) == ["Words.", "Other words."])
    }
  }

  /// A file's claims are let go once written; a later file that names one finds it in the
  /// store: a reference of the wrong kind is an error pointing at the definition in the earlier
  /// file, and no database is left.
  @Test func aWrittenClaimNamedByALaterFileIsFoundWithItsKindAndPlace() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try TestSupport.write(
        "# P {id: p}\n\n[a]: A.\n  + <arg-one>: An argument.\n", to: folder + "/1.argdown")
      try TestSupport.write("# Q {id: q}\n\n[c]: C.\n  - [arg-one]\n", to: folder + "/2.argdown")
      let diagnostics = try corpusErrors(
        importing: [folder + "/1.argdown", folder + "/2.argdown"], into: path)
      #expect(diagnostics.map(\.location.description) == [folder + "/2.argdown:4:5"])
      #expect(diagnostics.first?.message.contains("refer to it as '<arg-one>'") == true)
      #expect(
        diagnostics.first?.notes.map(\.location.description) == [folder + "/1.argdown:4:5"])
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  /// Ids chosen at the end and typo suggestions see the claims written and let go as if they
  /// were still in memory.
  @Test func writtenClaimsTakeTheirIdsAndAreSuggestedForATypo() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try TestSupport.write(
        "# P {id: p}\n\n[some-words-here]: First.\n\n[misaligned-goals]: Goals.\n",
        to: folder + "/1.argdown")
      try TestSupport.write(
        "# Q {id: q}\n\nSome words here.\n  - [misaligned-goal]\n", to: folder + "/2.argdown")
      let report = try Workspace.importFiles(
        [folder + "/1.argdown", folder + "/2.argdown"],
        into: .init(path: path, isDefault: false), replacing: false)
      #expect(
        report.warnings.map(\.message) == [
          "'misaligned-goal' is never defined, so it is a node without text; did you mean 'misaligned-goals'?"
        ])
      let store = try MapStore.open(path: path)
      #expect(try store.claim(id: "some-words-here").text == "First.")
      #expect(try store.claim(id: "some-words-here-2").text == "Some words here.")
      #expect(report.claims == 4)
    }
  }

  /// Without `listing`, as the CLI imports without `--json`, the summary counts what was added
  /// without listing it.
  @Test func theListsOfAdditionsAreKeptOnlyWhenAskedFor() throws {
    try TestSupport.withTemporaryFolder { folder in
      try TestSupport.write("# P {id: p}\n\n[a]: A.\n  + [b]: B.\n", to: folder + "/1.argdown")
      for listing in [false, true] {
        let report = try Workspace.importFiles(
          [folder + "/1.argdown"], into: .init(path: folder + "/\(listing).db", isDefault: false),
          replacing: false, listing: listing)
        #expect(report.summary.claimsAddedCount == 2)
        #expect(report.summary.relationsAddedCount == 1)
        #expect(report.summary.claimsAdded == (listing ? ["a", "b"] : []))
        #expect(report.summary.relationsAdded.count == (listing ? 1 : 0))
      }
    }
  }
}
