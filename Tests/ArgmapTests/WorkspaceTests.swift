import Argmap
import Foundation
import Testing

@Suite struct WorkspaceTests {
  @Test func choosesExplicitThenEnvironmentThenDefault() {
    let env = ["HOME": "/home/u", "ARGMAP_DB": "/env.db", "XDG_DATA_HOME": "/xdg"]
    #expect(
      Workspace.chooseDatabase(explicitPath: "/x.db", environment: env)
        == .init(path: "/x.db", isDefault: false))
    #expect(
      Workspace.chooseDatabase(explicitPath: nil, environment: env)
        == .init(path: "/env.db", isDefault: false))
    #expect(
      Workspace.chooseDatabase(
        explicitPath: nil, environment: ["HOME": "/home/u", "XDG_DATA_HOME": "/xdg"])
        == .init(path: "/xdg/argmap/argmap.db", isDefault: true))
    #expect(
      Workspace.chooseDatabase(explicitPath: nil, environment: ["HOME": "/home/u"])
        == .init(path: "/home/u/.local/share/argmap/argmap.db", isDefault: true))
  }

  /// An import of several files, and one that rebuilds a position, are each one write that
  /// `undo` takes back whole: the export is as it was.
  @Test func undoTakesBackAnImportOfSeveralFilesAndAReplacingOne() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try Workspace.create(at: path, contents: .builtin, replacing: false)
      let choice = Workspace.DatabaseChoice(path: path, isDefault: false)
      let export = { MapJSON.render(try MapStore.open(path: path).map()) }
      let before = try export()
      try TestSupport.write(
        "# Mine {id: mine}\n\n[a]: A.\n  - [scenario-is-contrived]\n", to: folder + "/1.argdown")
      try TestSupport.write(
        "# Yours {id: yours, source: notes}\n\n[Your Point]: B. {comment: N1}\n  + [a]\n",
        to: folder + "/2.argdown")
      _ = try Workspace.importFiles(
        [folder + "/1.argdown", folder + "/2.argdown"], into: choice, replacing: false)
      let imported = try export()
      #expect(imported != before)
      try TestSupport.write("# Mine {id: mine}\n\n[c]: C.\n", to: folder + "/3.argdown")
      _ = try Workspace.importFiles([folder + "/3.argdown"], into: choice, replacing: true)
      #expect(try export() != imported)
      let store = try MapStore.open(path: path)
      try store.undo()
      #expect(try export() == imported)
      try store.undo()
      #expect(try export() == before)
      #expect(try store.history().map(\.command) == ["undo #1", "undo #2", "import", "import"])
    }
  }

  @Test func defaultDatabaseIsCreatedFromTheBuiltinMapOnFirstUse() throws {
    try TestSupport.withTemporaryFolder { folder in
      let choice = Workspace.chooseDatabase(
        explicitPath: nil, environment: ["XDG_DATA_HOME": folder])
      let store = try Workspace.open(choice)
      #expect(try store.positions().count == 5)
      #expect(FileManager.default.fileExists(atPath: folder + "/argmap/argmap.db"))
    }
  }

  @Test func explicitMissingDatabaseIsNotCreatedByARead() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/mine.db"
      #expect {
        try Workspace.open(.init(path: path, isDefault: false))
      } throws: { error in
        if case ArgmapError.databaseMissing = error { return true } else { return false }
      }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test func createRefusesToOverwriteWithoutReplacing() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try Workspace.create(at: path, contents: .empty, replacing: false)
      #expect(throws: ArgmapError.self) {
        try Workspace.create(at: path, contents: .builtin, replacing: false)
      }
      #expect(try MapStore.open(path: path).stats().claims == 0)
      try Workspace.create(at: path, contents: .builtin, replacing: true)
      let builtinClaims = try BuiltinCorpus.map().claims.count
      #expect(try MapStore.open(path: path).stats().claims == builtinClaims)
      #expect(!FileManager.default.fileExists(atPath: path + ".incomplete"))
    }
  }

  @Test func importIntoMissingFileCreatesIt() throws {
    try TestSupport.withTemporaryFolder { folder in
      let corpus = folder + "/mine.argdown"
      try TestSupport.write(
        "# Mine {id: mine}\n\n[a]: First claim.\n  - [b]: Against it.\n", to: corpus)
      let choice = Workspace.DatabaseChoice(path: folder + "/new.db", isDefault: false)
      let report = try Workspace.importFiles([corpus], into: choice, replacing: false)
      #expect(report.summary.claimsAdded == ["a", "b"])
      #expect(report.summary.relationsAdded == [Relation(from: "b", to: "a", kind: .rebuts)])
      let again = try Workspace.importFiles([folder], into: choice, replacing: false)
      #expect(again.summary.changedNothing)
    }
  }

  @Test func failedImportIntoMissingFileLeavesNoFile() throws {
    try TestSupport.withTemporaryFolder { folder in
      let corpus = folder + "/bad.argdown"
      try TestSupport.write("# Mine {id: mine}\n\n[a]: First claim.\n  - [nowhere\n", to: corpus)
      let path = folder + "/new.db"
      #expect(throws: ArgmapError.self) {
        try Workspace.importFiles(
          [corpus], into: .init(path: path, isDefault: false), replacing: false)
      }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  /// Parse errors in one file stop the whole import, and the database keeps exactly its content.
  @Test func failedImportChangesNothing() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/map.db"
      try Workspace.create(at: path, contents: .builtin, replacing: false)
      let before = try dump(path)
      try TestSupport.write(
        "# Extra {id: extra}\n\n[fine]: A fine claim.\n  + [scenario-is-contrived]\n",
        to: folder + "/1-good.argdown")
      try TestSupport.write(
        "# Bad {id: bad}\n\n[broken: missing bracket\n\n[x]: ok\n  - <x>\n",
        to: folder + "/2-bad.argdown")
      do {
        _ = try Workspace.importFiles(
          [folder], into: .init(path: path, isDefault: false), replacing: false)
        Issue.record("the import should have failed")
      } catch ArgmapError.corpus(let diagnostics) {
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count >= 2, "every error is reported in one run")
        #expect(errors.allSatisfy { $0.location.file.hasSuffix("2-bad.argdown") })
      }
      #expect(try dump(path) == before)
    }
  }

  @Test func replaceRebuildsAPositionFromItsFile() throws {
    try TestSupport.withTemporaryFolder { folder in
      let choice = Workspace.DatabaseChoice(path: folder + "/map.db", isDefault: false)
      let file = folder + "/p.argdown"
      try TestSupport.write("# P {id: p}\n\n[a]: One.\n  + [b]: Two.\n  - [c]: Three.\n", to: file)
      _ = try Workspace.importFiles([file], into: choice, replacing: false)
      try TestSupport.write("# P {id: p}\n\n[a]: One, edited.\n  + [b]: Two.\n", to: file)
      let merged = try Workspace.importFiles([file], into: choice, replacing: false)
      #expect(merged.summary.claimsUpdated == ["a"])
      #expect(merged.summary.claimsRemoved == [])
      let replaced = try Workspace.importFiles([file], into: choice, replacing: true)
      #expect(replaced.summary.claimsRemoved == ["c"])
      #expect(replaced.summary.relationsRemoved == [Relation(from: "c", to: "a", kind: .rebuts)])
      #expect(try MapStore.open(path: choice.path).claims().map(\.id) == ["a", "b"])
    }
  }

  @Test func importResolvesReferencesToClaimsAlreadyInTheDatabase() throws {
    try TestSupport.withTemporaryFolder { folder in
      let choice = Workspace.DatabaseChoice(path: folder + "/map.db", isDefault: false)
      try Workspace.create(at: choice.path, contents: .builtin, replacing: false)
      let file = folder + "/reply.argdown"
      try TestSupport.write(
        "# My reply {id: my-reply}\n\n[my-point]: Contrived scenarios still reveal dispositions.\n  -> [scenario-is-contrived]\n",
        to: file)
      let report = try Workspace.importFiles([file], into: choice, replacing: false)
      #expect(
        report.summary.relationsAdded == [
          Relation(from: "my-point", to: "scenario-is-contrived", kind: .rebuts)
        ])
    }
  }

  /// Every table's rows, as text, to compare a database's content before and after.
  private func dump(_ path: String) throws -> String {
    let store = try MapStore.open(path: path)
    let map = try store.map()
    return MapJSON.render(map) + "\(try store.sources())"
  }
}
