import ArgModel
import ArgdownSyntax
import TestSupport
import Testing

/// Random input built from syntax fragments: the parser must not crash, must report sane
/// locations, and whatever it accepts without errors must survive print → parse unchanged.
@Suite struct FuzzTests {
  static let fragments: [String] = [
    "\n", "\n", "\n", "\r\n", "\r", "\n\n", "  ", "    ", "\t", " ", "[a]", "[b]", "[c-1]", "<a>",
    "<arg>",
    "[a]: ", "[b]: ", "<arg>: ", "[x]:", ": ", "+ ", "- ", "<+ ", "<- ", "+> ", "-> ", "_> ", "><",
    "--", "(1) ", "* ", "1. ", "===", "# ", "## ", "#tag", "#(a tag)", "#(", ")", "{", "}",
    "{source: s}", "{comment: C1}", "{source: s, quote: \"q\"}", "{id: p}", "{summary: \"x\"}",
    "\"", "\\", "\\[", "\\#", ",", ":", "source", "text", "Some words", "é", "🙂", "日本", "//",
    "// c\n", "/*", "*/", "<!--", "-->", "https://x", "@[a]", "[", "]", "<", ">", "'", "x",
  ]

  static func randomInput(_ generator: inout SeededGenerator) -> String {
    (0..<Int.random(in: 0...40, using: &generator)).map { _ in
      fragments.randomElement(using: &generator)!
    }.joined()
  }

  @Test(arguments: 0..<8)
  func randomInputIsHandledSanely(seed: UInt64) {
    var generator = SeededGenerator(seed: 7_000 + seed)
    var clean = 0
    defer { #expect(clean > 0, "some inputs must be accepted for the round trip to be tested") }
    for _ in 0..<400 {
      let input = Self.randomInput(&generator)
      let parsed = parse(input)
      let lineCount = input.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count + 1
      for diagnostic in parsed.diagnostics {
        #expect(diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount, "\(input)")
        #expect(diagnostic.location.column >= 1)
        #expect(diagnostic.message.first?.isUppercase == false)
        #expect(!diagnostic.message.hasSuffix("."))
      }
      let places = parsed.diagnostics.map { [$0.location.line, $0.location.column] }
      #expect(places == places.sorted { $0.lexicographicallyPrecedes($1) }, "sorted")
      guard !parsed.hasErrors else { continue }
      clean += 1
      let printed = ArgdownPrinter.print(parsed.map)
      let reparsed = parse(printed)
      #expect(reparsed.diagnostics.isEmpty, "\(input.debugDescription)\n\(printed)")
      #expect(
        canonical(reparsed.map) == canonical(parsed.map), "\(input.debugDescription)\n\(printed)")
    }
  }
}
