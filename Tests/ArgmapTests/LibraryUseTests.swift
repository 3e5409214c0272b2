import Argmap
import Testing

/// The README's "Using argmap from Swift" example, kept compiling and working.
@Suite struct LibraryUseTests {
  @Test func theReadmeExampleWorks() throws {
    try TestSupport.withTemporaryFolder { folder in
      let path = folder + "/debate.db"
      try Workspace.create(at: path, contents: .builtin, replacing: false)

      let store = try MapStore.open(path: path)
      var lines: [String] = []
      for node in try store.tree(rootID: "ai-should-not-act-on-self-preservation", depth: 2) {
        lines.append(
          String(repeating: "  ", count: node.depth) + (node.relation?.rawValue ?? "")
            + node.claim.id)
      }
      let parsed = ArgdownParser.parse([SourceFile(path: "x.argdown", text: "[a]: A claim.")])
      let dot = DOTExporter.render(parsed.map)

      // As the README streams a position to stdout, here into a buffer that keeps it.
      var out = OutputBuffer()
      try store.withRows(.position("self-preservation")) { rows throws(StoreError) in
        try DOTExporter.write(rows, options: DOTOptions(), to: &out)
      }
      out.flush()
      #expect(out.text.hasPrefix("digraph"))
      #expect(out.text.contains("self-preservation-scary-in-ais"))

      #expect(lines.first == "ai-should-not-act-on-self-preservation")
      #expect(lines.count > 3)
      #expect(parsed.map.claims.map(\.id) == ["a"])
      #expect(dot.hasPrefix("digraph"))
    }
  }
}
