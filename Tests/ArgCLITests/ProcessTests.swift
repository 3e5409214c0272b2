import Foundation
import Testing

/// The real binary, run as a user runs it: from another directory, exit codes and streams.
@Suite struct ProcessTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func binaryRunsFromAnyDirectoryWithItsEmbeddedMap() throws {
    let outcome = try harness.runProcess(["positions"])
    #expect(outcome.status == 0, "\(outcome.err)")
    #expect(outcome.out.contains("realism-critique"))
    #expect(outcome.out.contains("training-opacity"))
  }

  @Test func versionAndUsageErrorExitCodes() throws {
    #expect(try harness.runProcess(["--version"]).out.hasPrefix("argmap "))
    let usage = try harness.runProcess(["nonsense"])
    #expect(usage.status == 64)
    #expect(usage.out.isEmpty)
    #expect(usage.err.hasPrefix("argmap: error: unknown command 'nonsense'"))
    let missing = try harness.runProcess(["show", "no-such-claim"])
    #expect(missing.status == 66)
  }

  @Test func exportPipesIntoGraphviz() throws {
    let dot = try harness.runProcess(["export", "dot"])
    #expect(dot.status == 0)
    let svg = try shell("dot -Tsvg", stdin: dot.out)
    #expect(svg.status == 0)
    #expect(svg.out.contains("<svg"))
  }
}
