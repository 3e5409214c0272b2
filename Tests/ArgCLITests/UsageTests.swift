import Testing

/// Help, versions and usage errors: three lines on stderr and exit 64.
@Suite struct UsageTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
  }

  @Test func unknownOptionSuggestsTheNearest() {
    let outcome = harness.run("tree", "x", "--deph", "2")
    #expect(outcome.status == 64)
    #expect(
      outcome.err == """
        argmap: error: unknown option '--deph'. Did you mean '--depth'?
        usage: argmap tree <id> [--depth <n>] [--limit <n>] [--json]
          see 'argmap tree --help'

        """)
  }

  @Test func unknownCommandSuggestsTheNearest() {
    let outcome = harness.run("postions")
    #expect(outcome.status == 64)
    #expect(
      outcome.err.hasPrefix("argmap: error: unknown command 'postions'. Did you mean 'positions'?"))
  }

  @Test(arguments: [
    ["show"], ["show", "a", "b"], ["tree", "x", "--depth", "-1"], ["tree", "x", "--depth"],
    ["path", "a"], ["link", "a", "b"], ["export", "pdf"], ["add", "claim", "x"],
    ["search"], ["positions", "--json=yes"], ["--db"], ["help", "nosuch"],
    ["help", "export", "pdf"],
  ])
  func usageErrorsExit64(arguments: [String]) {
    let outcome = harness.run(arguments)
    #expect(outcome.status == 64, "\(arguments)")
    #expect(outcome.err.hasPrefix("argmap: error: "))
    #expect(outcome.err.contains("\nusage: argmap"))
    #expect(outcome.out.isEmpty)
  }

  @Test(arguments: [
    [], ["--help"], ["-h"], ["help"], ["help", "tree"], ["tree", "--help"], ["export"],
    ["export", "dot", "--help"], ["add", "claim", "-h"], ["positions", "--help"],
  ])
  func helpIsPrintedToStdout(arguments: [String]) {
    let outcome = harness.run(arguments)
    #expect(outcome.status == 0, "\(arguments)")
    #expect(outcome.out.hasPrefix("OVERVIEW: "))
    #expect(outcome.out.contains("USAGE: argmap"))
    #expect(outcome.err.isEmpty)
  }

  @Test func everyCommandHasHelp() {
    for command in [
      "positions", "claims", "show", "search", "tree", "path", "export dot", "export json",
      "export argdown", "init", "import", "add claim", "add position", "link", "unlink",
      "remove claim", "check", "stats", "sources", "source add", "source show", "why",
    ] {
      let outcome = harness.run(command.split(separator: " ").map(String.init) + ["--help"])
      #expect(outcome.status == 0, "\(command)")
      #expect(outcome.out.contains("USAGE: argmap \(command)"), "\(command)")
      for line in outcome.out.split(separator: "\n") where line.count > 80 {
        Issue.record("'\(command) --help' has a line over 80 columns: \(line)")
      }
    }
  }

  @Test func rootHelpDocumentsExitCodesAndTheDatabase() {
    let help = harness.run("--help").out
    for code in ["0 ", "64", "65", "66", "73", "74"] {
      #expect(help.contains("\n  \(code)"), "exit code \(code) is not documented")
    }
    #expect(help.contains("ARGMAP_DB"))
    #expect(help.split(separator: "\n").allSatisfy { $0.count <= 80 })
  }

  @Test func aDatabaseThatIsNoFileIsRefused() {
    let outcome = harness.run("--db", ":memory:", "import", "x.argdown")
    #expect(outcome.status == 64)
    #expect(outcome.err.contains("':memory:' is not a file path"))
  }

  @Test func helpAfterDoubleDashIsAnArgument() {
    let outcome = harness.run("search", "--", "-h")
    #expect(outcome.status == 0)
    #expect(!outcome.out.hasPrefix("OVERVIEW"))
  }

  @Test func versionPrintsTheVersion() {
    #expect(harness.run("--version").out == "argmap 0.1.0\n")
    #expect(harness.run("tree", "--version").out == "argmap 0.1.0\n")
    #expect(harness.run("export", "dot", "--version").out == "argmap 0.1.0\n")
  }
}
