import Foundation
import TestSupport
import Testing

@testable import ArgSemantics

private func read(_ text: String, _ format: ICCMAFormat) throws(ICCMAParseError)
  -> AbstractFramework
{
  try ICCMAReader.read(Array(text.utf8), format: format, file: "in.\(format.rawValue)")
}

/// The attacks as (attacker name, target name) pairs, sorted.
private func namedAttacks(_ af: AbstractFramework) -> [String] {
  (0..<af.argumentCount).flatMap { attacker in
    af.targets(of: attacker).map { "\(af.names[attacker])>\(af.names[Int($0)])" }
  }.sorted()
}

/// The framework's attacks by index, in CSR order: equal for frameworks equal up to renaming.
private func indexedAttacks(_ af: AbstractFramework) -> [[Int32]] {
  (0..<af.argumentCount).map { Array(af.targets(of: $0)) }
}

/// Names that need care in some format, next to plain claim ids.
private let awkwardNames = [
  "a.b", "x y", "", "#h", "#", "q\"uote", "back\\slash", "new\nline", "cr\rlf", "per%cent", "é",
  "(p)", "c,d", "tab\there", "arg", "att", "p", "1", "'", "claim-1.2_b", "\"", "\\", "a)", " lead",
  "日本",
]

private func randomFramework(_ rng: inout SeededGenerator) -> AbstractFramework {
  let count = Int.random(in: 0...12, using: &rng)
  var names: [String] = []
  var seen: Set<String> = []
  while names.count < count {
    let name =
      Bool.random(using: &rng)
      ? awkwardNames.randomElement(using: &rng)! : "c\(Int.random(in: 0..<100, using: &rng))"
    if seen.insert(name).inserted { names.append(name) }
  }
  let attacks: [(attacker: Int, target: Int)] =
    count == 0
    ? []
    : (0..<Int.random(in: 0...(count * 3), using: &rng)).map { _ in
      (Int.random(in: 0..<count, using: &rng), Int.random(in: 0..<count, using: &rng))
    }
  return AbstractFramework(names: names, attacks: attacks)
}

@Suite struct ICCMAFormatTests {
  @Test func formatsByExtension() {
    #expect(ICCMAFormat(pathExtension: "apx") == .apx)
    #expect(ICCMAFormat(pathExtension: ".TGF") == .tgf)
    #expect(ICCMAFormat(pathExtension: "i23") == .i23)
    #expect(ICCMAFormat(pathExtension: "af") == .i23)
    #expect(ICCMAFormat(pathExtension: "txt") == nil)
    #expect(ICCMAFormat(pathExtension: "") == nil)
  }

  // MARK: reading

  @Test func apxFactsCommentsAndDuplicates() throws {
    let text = """
      % a comment line
      arg(a). arg( b ).arg(c1).  % trailing comment
      arg(42).\r
      att(a,b). att( b , c1 ).\r
      att(a,b).
      att(42,42).
      att(c1,
          a).
      """
    let af = try read(text, .apx)
    #expect(af.names == ["a", "b", "c1", "42"])
    #expect(namedAttacks(af) == ["42>42", "a>b", "b>c1", "c1>a"])
    #expect(af.attackCount == 4)
  }

  @Test func apxQuotedNames() throws {
    let af = try read(#"arg("a.b"). arg("x \"y\"\\z\n"). att("a.b","x \"y\"\\z\n")."#, .apx)
    #expect(af.names == ["a.b", "x \"y\"\\z\n"])
    #expect(af.attacks(0, 1))
  }

  @Test func tgfIdsLabelsBlankLinesAndCRLF() throws {
    let text = "1\r\n2 second argument\r\n\r\nthree\r\n#\r\n1 2\r\n  2 three  label\r\n\r\n1 2\r\n"
    let af = try read(text, .tgf)
    #expect(af.names == ["1", "2", "three"])
    #expect(namedAttacks(af) == ["1>2", "2>three"])
  }

  @Test func tgfWithoutAttacks() throws {
    let af = try read("a\nb", .tgf)
    #expect(af.names == ["a", "b"])
    #expect(af.attackCount == 0)
  }

  @Test func i23HeaderCommentsBlankLinesAndCRLF() throws {
    let text =
      "# made by hand\r\n\r\np af 4\r\n# attacks\r\n1 2\r\n2  3 # trailing\r\n\t4 4\r\n1 2\r\n"
    let af = try read(text, .i23)
    #expect(af.names == ["1", "2", "3", "4"])
    #expect(namedAttacks(af) == ["1>2", "2>3", "4>4"])
  }

  @Test func i23WithoutAttacks() throws {
    #expect(try read("p af 3", .i23).names == ["1", "2", "3"])
    #expect(try read("p af 0\n", .i23).argumentCount == 0)
  }

  // MARK: errors

  struct BadFile: CustomTestStringConvertible, Sendable {
    var format: ICCMAFormat
    var bytes: [UInt8]
    var line: Int
    var column: Int
    var message: String
    init(_ format: ICCMAFormat, _ text: String, _ line: Int, _ column: Int, _ message: String) {
      self.init(format, Array(text.utf8), line, column, message)
    }
    init(_ format: ICCMAFormat, _ bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
      (self.format, self.bytes, self.line, self.column, self.message) =
        (format, bytes, line, column, message)
    }
    var testDescription: String { "\(format): \(message)" }
  }

  static let badFiles: [BadFile] = [
    BadFile(.apx, "arg(a).\natt(a,b).\n", 2, 7, "unknown argument 'b'"),
    BadFile(.apx, "arg(a).\n  arg( a ).\n", 2, 8, "duplicate argument 'a'"),
    BadFile(.apx, "arg(a).\nfoo(a).\n", 2, 1, "expected 'arg' or 'att'"),
    BadFile(.apx, "arg(a).\n(a).\n", 2, 1, "expected 'arg' or 'att'"),
    BadFile(.apx, "arg(a)\narg(b).", 2, 1, "expected '.'"),
    BadFile(.apx, "arg(a", 1, 6, "expected ')'"),
    BadFile(.apx, "arg a).", 1, 5, "expected '('"),
    BadFile(.apx, "arg().", 1, 5, "expected an argument name"),
    BadFile(.apx, "arg(a).arg(b).att(a b).", 1, 21, "expected ','"),
    BadFile(.apx, "arg(a).arg(b).att(a,b,c).", 1, 22, "expected ')'"),
    BadFile(.apx, "arg(\"a).\narg(b).", 1, 5, "unterminated quoted name"),
    BadFile(.apx, "arg(\"a\\qb\").", 1, 7, "unknown escape in quoted name"),
    BadFile(.apx, "arg(é).\natt(é,x).", 2, 7, "unknown argument 'x'"),
    BadFile(
      .apx, Array("arg(".utf8) + [0xFF] + Array(").".utf8), 1, 5,
      "argument name is not valid UTF-8"),
    BadFile(.tgf, "a\nb\n#\na c\n", 4, 3, "unknown argument 'c'"),
    BadFile(.tgf, "a\n\"a\"\n", 2, 1, "duplicate argument 'a'"),
    BadFile(.tgf, "a\n#\na\n", 3, 2, "expected an argument name"),
    BadFile(.tgf, "a\r\n#\r\na\r\n", 3, 3, "expected an argument name"),
    BadFile(.tgf, "a\n\"b\n#\n", 2, 1, "unterminated quoted name"),
    BadFile(.i23, "1 2\n", 1, 1, "attack before the 'p af N' header"),
    BadFile(.i23, "# comment\n\np af 2\n1 3\n", 4, 3, "argument '3' is not in 1...2"),
    BadFile(.i23, "p af 2\n0 1\n", 2, 1, "argument '0' is not in 1...2"),
    BadFile(
      .i23, "p af 2\n1 99999999999999999999\n", 2, 3,
      "argument '99999999999999999999' is not in 1...2"),
    BadFile(.i23, "p af 0\n1 1\n", 2, 1, "argument '1' is not in 1...0"),
    BadFile(.i23, "p af 2\np af 2\n", 2, 1, "duplicate 'p af N' header"),
    BadFile(.i23, "p bf 2\n", 1, 3, "expected 'af'"),
    BadFile(.i23, "p af\n", 1, 5, "expected the number of arguments"),
    BadFile(.i23, "p af 99999999999\n", 1, 6, "too many arguments"),
    BadFile(.i23, "p af 2 x\n", 1, 8, "expected the end of the line"),
    BadFile(.i23, "p af 2\n1 2 3\n", 2, 5, "expected the end of the line"),
    BadFile(.i23, "p af 2\n1\n", 2, 2, "expected an argument number"),
    BadFile(.i23, "p af 2\nx y\n", 2, 1, "expected an attack 'a b' or the header 'p af N'"),
    BadFile(.i23, "", 1, 1, "missing 'p af N' header"),
    BadFile(.i23, "# only a comment\n", 2, 1, "missing 'p af N' header"),
  ]

  @Test(arguments: badFiles) func reportsErrorWithPosition(_ bad: BadFile) {
    let file = "bad.\(bad.format.rawValue)"
    let expected = ICCMAParseError(
      file: file, line: bad.line, column: bad.column, message: bad.message)
    #expect(throws: expected) {
      try ICCMAReader.read(bad.bytes, format: bad.format, file: file)
    }
  }

  @Test func errorDescriptionLooksLikeACompilerDiagnostic() {
    let error = ICCMAParseError(file: "x.apx", line: 3, column: 9, message: "unknown argument 'b'")
    #expect(error.description == "x.apx:3:9: error: unknown argument 'b'")
  }

  @Test func reportsOnlyTheFirstError() {
    var text = "p af 3\n1 2\n1 4\n"
    for _ in 0..<10_000 { text += "9 9\nbad line\n" }
    #expect(
      throws: ICCMAParseError(
        file: "in.i23", line: 3, column: 3, message: "argument '4' is not in 1...3")
    ) {
      try read(text, .i23)
    }
  }

  // MARK: writing

  @Test func writesEachFormat() {
    let af = AbstractFramework(
      names: ["a", "claim.2", "c d"], attacks: [(0, 1), (1, 2), (2, 0), (1, 1), (0, 1)])
    #expect(
      ICCMAWriter.render(af, format: .apx) == """
        arg(a).
        arg("claim.2").
        arg("c d").
        att(a,"claim.2").
        att("claim.2","claim.2").
        att("claim.2","c d").
        att("c d",a).

        """)
    #expect(
      ICCMAWriter.render(af, format: .tgf) == """
        a
        claim.2
        "c d"
        #
        a claim.2
        claim.2 claim.2
        claim.2 "c d"
        "c d" a

        """)
    #expect(ICCMAWriter.render(af, format: .i23) == "p af 3\n1 2\n2 2\n2 3\n3 1\n")
  }

  @Test func writesEmptyFrameworks() throws {
    let empty = AbstractFramework(names: [], attacks: [])
    for format in ICCMAFormat.allCases {
      let text = ICCMAWriter.render(empty, format: format)
      #expect(try read(text, format) == empty, "\(format): \(text)")
    }
  }

  @Test func writesToAStreamInChunks() {
    struct Counting: TextOutputStream {
      var writes = 0
      var text = ""
      mutating func write(_ string: String) {
        writes += 1
        text += string
      }
    }
    let count = 20_000
    let af = AbstractFramework(
      names: (0..<count).map { "a\($0)" }, attacks: (1..<count).map { ($0 - 1, $0) })
    var stream = Counting()
    ICCMAWriter.write(af, format: .apx, to: &stream)
    #expect(stream.writes > 1)
    #expect(stream.text == ICCMAWriter.render(af, format: .apx))
  }

  // MARK: round trips

  @Test func roundTripsRandomFrameworks() throws {
    var rng = SeededGenerator(seed: 2023)
    for trial in 0..<400 {
      let af = randomFramework(&rng)
      for format in [ICCMAFormat.apx, .tgf] {
        let text = ICCMAWriter.render(af, format: format)
        let back = try read(text, format)
        #expect(back == af, "trial \(trial), \(format):\n\(text)")
      }
      let text = ICCMAWriter.render(af, format: .i23)
      let back = try read(text, .i23)
      #expect(back.names == (0..<af.argumentCount).map { String($0 + 1) })
      #expect(indexedAttacks(back) == indexedAttacks(af), "trial \(trial):\n\(text)")
    }
  }

  @Test func everyAwkwardNameRoundTripsAlone() throws {
    for name in awkwardNames {
      let af = AbstractFramework(names: [name, "z"], attacks: [(0, 0), (1, 0)])
      for format in [ICCMAFormat.apx, .tgf] {
        let text = ICCMAWriter.render(af, format: format)
        #expect(try read(text, format) == af, "\(format): \(text)")
      }
    }
  }

  @Test func plainClaimIdsAreWrittenBare() {
    #expect(ICCMAWriter.apxName("claim-1_b") == "claim-1_b")
    #expect(ICCMAWriter.apxName("claim.1") == "\"claim.1\"")
    #expect(ICCMAWriter.tgfName("claim.1") == "claim.1")
    #expect(ICCMAWriter.tgfName("#1") == "\"#1\"")
  }

  // MARK: cross-format equivalence

  @Test func sameFrameworkInEveryFormat() throws {
    let apx = try read("arg(a1). arg(a2). arg(a3).\natt(a1,a2). att(a2,a3). att(a3,a3).", .apx)
    let tgf = try read("a1\na2\na3\n#\na1 a2\na2 a3\na3 a3\n", .tgf)
    let i23 = try read("p af 3\n1 2\n2 3\n3 3\n", .i23)
    #expect(apx == tgf)
    #expect(indexedAttacks(apx) == indexedAttacks(i23))
    #expect(apx.attackerList == i23.attackerList && apx.attackerStart == i23.attackerStart)
  }

  @Test func convertingBetweenFormatsKeepsTheFramework() throws {
    var rng = SeededGenerator(seed: 7)
    for trial in 0..<200 {
      let af = randomFramework(&rng)
      let viaTGF = try read(ICCMAWriter.render(af, format: .tgf), .tgf)
      let viaAPX = try read(ICCMAWriter.render(viaTGF, format: .apx), .apx)
      let viaI23 = try read(ICCMAWriter.render(viaAPX, format: .i23), .i23)
      #expect(viaAPX == af, "trial \(trial)")
      #expect(indexedAttacks(viaI23) == indexedAttacks(af), "trial \(trial)")
      // And back from i23: numbered names, the same structure.
      let numbered = try read(ICCMAWriter.render(viaI23, format: .tgf), .tgf)
      #expect(numbered == viaI23, "trial \(trial)")
    }
  }

  // MARK: speed

  /// An i23 file with `count` arguments and 3·count attacks. Set ICCMA_BENCH_ARGUMENTS to
  /// measure another size (the figures in the report use 1_000_000).
  @Test func parsesALargeI23FileQuickly() throws {
    let count =
      ProcessInfo.processInfo.environment["ICCMA_BENCH_ARGUMENTS"].flatMap { Int($0) }
      ?? 200_000
    var rng = SeededGenerator(seed: 1)
    var bytes: [UInt8] = Array("p af \(count)\n".utf8)
    bytes.reserveCapacity(count * 3 * 16)
    func appendNumber(_ value: Int) {
      var digits: [UInt8] = []
      var rest = value
      repeat {
        digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
        rest /= 10
      } while rest > 0
      bytes.append(contentsOf: digits.reversed())
    }
    for _ in 0..<(3 * count) {
      appendNumber(Int.random(in: 1...count, using: &rng))
      bytes.append(UInt8(ascii: " "))
      appendNumber(Int.random(in: 1...count, using: &rng))
      bytes.append(UInt8(ascii: "\n"))
    }
    let clock = ContinuousClock()
    var af: AbstractFramework?
    let elapsed = try clock.measure {
      af = try ICCMAReader.read(bytes, format: .i23, file: "big.i23")
    }
    let framework = try #require(af)
    #expect(framework.argumentCount == count)
    #expect(framework.attackCount > 3 * count * 9 / 10)  // a few random duplicates merge
    print(
      "ICCMA i23 read: \(count) arguments, \(3 * count) attack lines, \(bytes.count) bytes:",
      elapsed)
  }
}
