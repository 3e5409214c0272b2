import ArgModel
import ArgdownSyntax
import Testing

/// `{base: …}` gives a claim its base score for gradual strength.
@Suite struct BaseScoreTests {
  @Test func aBaseScoreIsReadAndPrintedBack() {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "b.argdown", text: "[a]: A claim. {base: 0.7}\n\n[b]: Plain.\n")
    ])
    #expect(parsed.diagnostics == [])
    #expect(parsed.map.claims.map(\.base) == [0.7, nil])
    let printed = ArgdownPrinter.print(parsed.map)
    #expect(printed.contains("{base: 0.7}"))
    #expect(ArgdownParser.parse([SourceFile(path: "p", text: printed)]).map == parsed.map)
  }

  @Test(arguments: ["1.5", "-0.1", "high", "nan"])
  func aBaseScoreOutsideZeroToOneIsAnError(value: String) {
    let parsed = ArgdownParser.parse([
      SourceFile(path: "b.argdown", text: "[a]: A claim. {base: \(value)}\n")
    ])
    #expect(
      parsed.diagnostics.map(\.description) == [
        "b.argdown:1:22: error: expected a base score between 0 and 1, not '\(value)'"
      ])
  }

  @Test func conflictingBaseScoresAreAnError() {
    let parsed = ArgdownParser.parse([
      SourceFile(
        path: "b.argdown", text: "[a]: A claim. {base: 0.2}\n\n[a]: A claim. {base: 0.9}\n")
    ])
    #expect(parsed.hasErrors)
    #expect(parsed.diagnostics.first?.message.contains("conflicting base") == true)
  }
}
