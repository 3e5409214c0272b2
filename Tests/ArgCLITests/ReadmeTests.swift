import Foundation
import Testing

/// The README's examples are real: every `console` block is run in order against a fresh
/// default database, and must print exactly what the README shows.
@Suite struct ReadmeTests {
  @Test func consoleExamplesPrintWhatTheReadmeShows() throws {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let harness = try Harness()
    for (name, text) in exampleFiles(in: readme) {
      try harness.write(text, to: name)
    }
    let examples = consoleExamples(in: readme)
    #expect(examples.count >= 10, "the README's tour is missing")
    for example in examples {
      // The real binary, in the folder holding the example files, as a reader would run it.
      let outcome = try harness.runProcess(try shellWords(example.command))
      let printed = outcome.out + outcome.err
      #expect(
        withoutTimings(printed) == withoutTimings(example.output),
        "README example '$ argmap \(example.command)' is out of date")
    }
  }

  /// An import's summary ends with how long it took, which no two runs agree on.
  /// The text without what changes from run to run: an import's duration, and the times of
  /// history entries (`2026-12-06T02:38:00Z`).
  private func withoutTimings(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.hasPrefix("imported "), line.hasSuffix(" s"),
        let range = line.range(of: " in ", options: .backwards)
      else { return String(line).replacing(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, with: "…") }
      return line[..<range.upperBound] + "…"
    }.joined(separator: "\n")
  }

  @Test func opensWithTheTwoCommandsForAFreshMachine() throws {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let firstBlock = try #require(readme.components(separatedBy: "```sh\n").dropFirst().first)
    let commands = firstBlock.components(separatedBy: "```")[0]
      .split(separator: "\n").map {
        $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces)
      }
    #expect(
      commands == [
        "swift run argmap tree blackmail-not-egregiously-misaligned", ".ci/clients && swift test",
      ])
    #expect(harness().run("tree", "blackmail-not-egregiously-misaligned").status == 0)
    let ci = try String(contentsOf: packageRoot.appendingPathComponent(".ci/run"), encoding: .utf8)
    #expect(ci.split(separator: "\n").contains(".ci/clients && swift test"))
  }

  /// The README's table of exit codes says what `argmap --help` says.
  @Test func exitCodesMatchTheHelp() throws {
    let readme = try String(
      contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let help = harness().run("--help").out
    let section = try #require(help.components(separatedBy: "EXIT CODES:\n").last)
    var rows: [(code: String, meaning: String)] = []
    for line in section.split(separator: "\n") {
      let words = line.split(separator: " ", maxSplits: 1)
      if let code = words.first, Int(code) != nil, words.count == 2 {
        rows.append((String(code), words[1].trimmingCharacters(in: .whitespaces)))
      } else if !rows.isEmpty {
        rows[rows.count - 1].meaning += " " + line.trimmingCharacters(in: .whitespaces)
      }
    }
    #expect(rows.count >= 7)
    for row in rows {
      #expect(readme.contains("| \(row.code) | \(row.meaning) |"), "exit code \(row.code)")
    }
  }

  private func harness() -> Harness { try! Harness() }

  private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  struct Example {
    var command: String
    var output: String
  }

  /// `$ argmap …` lines in ```console blocks, each with the lines printed after it.
  private func consoleExamples(in readme: String) -> [Example] {
    var examples: [Example] = []
    for block in readme.components(separatedBy: "```console\n").dropFirst() {
      let body = block.components(separatedBy: "\n```")[0]
      for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("$ argmap ") {
          examples.append(Example(command: String(line.dropFirst("$ argmap ".count)), output: ""))
        } else if !examples.isEmpty {
          examples[examples.count - 1].output += line + "\n"
        }
      }
    }
    return examples
  }

  /// Fenced blocks introduced by a line that ends by naming a file, such as
  /// "`my-reply.argdown`:" or "where `cycle.apx`:".
  private func exampleFiles(in readme: String) -> [(String, String)] {
    var files: [(String, String)] = []
    let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var index = 0
    while index < lines.count {
      defer { index += 1 }
      guard lines[index].hasPrefix("```"), index > 1 else { continue }
      let intro = lines[index - 1].isEmpty ? lines[index - 2] : lines[index - 1]
      guard intro.hasSuffix("`:"), let open = intro.dropLast(2).lastIndex(of: "`") else { continue }
      let name = String(intro[intro.index(after: open)..<intro.index(intro.endIndex, offsetBy: -2)])
      let body = lines[(index + 1)...].prefix { !$0.hasPrefix("```") }
      files.append((name, body.joined(separator: "\n") + "\n"))
      index += body.count + 1
    }
    return files
  }
}

/// Splits a command line as a POSIX shell would for simple quoting: '…' and "…".
func shellWords(_ line: String) throws -> [String] {
  var words: [String] = []
  var current = ""
  var quote: Character?
  var inWord = false
  for character in line {
    if let open = quote {
      if character == open { quote = nil } else { current.append(character) }
    } else if character == "'" || character == "\"" {
      quote = character
      inWord = true
    } else if character == " " {
      if inWord { words.append(current) }
      current = ""
      inWord = false
    } else {
      current.append(character)
      inWord = true
    }
  }
  if quote != nil { throw CocoaError(.formatting) }
  if inWord { words.append(current) }
  return words
}
