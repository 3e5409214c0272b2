import ArgModel
import ArgdownSyntax
import Testing

@testable import ArgInterchange

private func parse(_ text: String, path: String = "exports/should-we-42.txt") -> ParsedCorpus {
  KialoReader.parse(SourceFile(path: path, text: text))
}

/// `line:column: message` of each diagnostic, for compact expectations.
private func errors(_ parsed: ParsedCorpus) -> [String] {
  parsed.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
}

@Suite("KialoReader")
struct KialoReaderTests {
  private let example = """
    Discussion Title: Should we?

    1. We should.
    1.1. Pro: A pro argument.
    1.1.1. Con: Text that can
    continue on following lines.
    1.2. Con: -> See 1.1.1.
    1.3. Pro: A reason with a \\(markdown\\) [link](https://example.org).

    """

  @Test("a discussion becomes a position; numbered lines claims; Pro supports, Con rebuts")
  func readsTheExample() throws {
    let parsed = parse(example)
    #expect(parsed.diagnostics.isEmpty)
    let map = parsed.map
    #expect(map.positions == [Position(id: "should-we", title: "Should we?")])
    #expect(map.sources.map(\.id) == ["should-we-42"])
    #expect(map.sources.map(\.title) == ["Should we?"])
    // The export is the source's text; each entry, continuation lines included, a comment.
    #expect(map.sources.first?.text == example)
    #expect(
      map.sources.first?.spans.map { "\($0.comment) \($0.lines)" } == [
        "1 3...3", "1.1 4...4", "1.1.1 5...6", "1.2 7...7", "1.3 8...8",
      ])
    #expect(
      map.claims.map(\.id) == ["should-we-1", "should-we-1.1", "should-we-1.1.1", "should-we-1.3"])
    #expect(map.claims.allSatisfy { Identifier.isValid($0.id) && $0.position == "should-we" })
    #expect(map.claims[2].text == "Text that can continue on following lines.")
    #expect(map.claims[3].text == #"A reason with a \(markdown\) [link](https://example.org)."#)
    #expect(
      map.claims[2].provenance
        == Provenance(source: "should-we-42", comment: "1.1.1", quote: "Text that can"))
    #expect(
      map.relations == [
        Relation(from: "should-we-1.1", to: "should-we-1", kind: .supports),
        Relation(from: "should-we-1.1.1", to: "should-we-1.1", kind: .rebuts),
        // The link: 1.1.1 also rebuts the thesis, and no claim is made for 1.2.
        Relation(from: "should-we-1.1.1", to: "should-we-1", kind: .rebuts),
        Relation(from: "should-we-1.3", to: "should-we-1", kind: .supports),
      ])
  }

  @Test("the same file gives the same map every time")
  func stable() {
    #expect(parse(example).map == parse(example).map)
  }

  @Test("a multi-thesis discussion: unlabelled theses below the question, without relations")
  func multiThesis() {
    let parsed = parse(
      """
      Discussion Title: The best science fiction movie is…

      1. The best science fiction movie is…
      1.1. Tron: Legacy
      1.1.1. Pro: The soundtrack.
      1.2. Alien
      1.2.1. Con: -> See 1.1.1.
      """, path: "best.txt")
    #expect(parsed.diagnostics.isEmpty)
    #expect(
      parsed.map.claims.map(\.text) == [
        "The best science fiction movie is…", "Tron: Legacy", "The soundtrack.", "Alien",
      ])
    #expect(
      parsed.map.relations == [
        Relation(
          from: "the-best-science-fiction-movie-is-1.1.1",
          to: "the-best-science-fiction-movie-is-1.1", kind: .supports),
        Relation(
          from: "the-best-science-fiction-movie-is-1.1.1",
          to: "the-best-science-fiction-movie-is-1.2", kind: .rebuts),
      ])
  }

  @Test("a numbered list or blank lines inside a claim's text stay text")
  func numberedListsInText() {
    let parsed = parse(
      """
      Discussion Title: T
      1. Thesis.
      1.1. Con: An argument:

      1. First premise.
       2. Second premise.
      3. Conclusion.
      1.2. Pro: -> See discussion #123: Another thesis.
      """)
    #expect(parsed.diagnostics.isEmpty)
    #expect(
      parsed.map.claims.map(\.text) == [
        "Thesis.", "An argument: 1. First premise. 2. Second premise. 3. Conclusion.",
        "-> See discussion #123: Another thesis.",
      ])
    #expect(parsed.map.claims[1].provenance?.quote == "An argument:")
  }

  @Test("links point ahead or through other links, each relation once, never to the parent")
  func links() {
    let parsed = parse(
      """
      Discussion Title: T
      1. Thesis.
      1.1. Pro: -> See 1.3.
      1.2. Pro: -> See 1.1.
      1.3. Con: Original.
      1.3.1. Pro: -> See 1.3.
      """)
    #expect(errors(parsed) == ["6:8: a claim cannot support itself: '1.3.1.' links to its parent"])
    #expect(parsed.map.claims.map(\.id) == ["t-1", "t-1.3"])
    #expect(
      parsed.map.relations == [
        Relation(from: "t-1.3", to: "t-1", kind: .supports),
        Relation(from: "t-1.3", to: "t-1", kind: .rebuts),
      ])
  }

  @Test("Windows line ends and a byte order mark read the same, with the same columns")
  func windowsLineEnds() {
    let windows = "\u{FEFF}" + example.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(parse(windows).map == parse(example).map)
    let broken = "\u{FEFF}Discussion Title: T\r\n1. A\r\n1.1. Pro: é\r\n1.2. Por: b\r\n"
    #expect(errors(parse(broken)) == ["4:6: expected 'Pro:' or 'Con:' after '1.2.'"])
  }

  @Test("every error in the file is reported, in order, with what was expected")
  func errorsTogether() {
    let parsed = parse(
      """
      1. Thesis without a title line.
      1.1. Pro: Fine.
      1.1.1. Contra: A bad label.
      1.2.1. Pro: A parent that is missing.
      1.3. Con:
      1.4. Pro: -> See 1.9.
      1.1. Con: A number used twice.
      1.5. A thesis among arguments.
      """)
    #expect(
      errors(parsed) == [
        "1:1: expected 'Discussion Title:' and the discussion's title first",
        "3:8: expected 'Pro:' or 'Con:' after '1.1.1.'",
        "4:1: expected a claim numbered '1.2.' for '1.2.1.' to answer",
        "5:10: expected the text of claim '1.3. Con:'",
        "6:18: expected the number of a claim in this file after '-> See', not '1.9.'",
        "7:1: '1.1.' is numbered like the claim on line 2",
        "8:6: expected 'Pro:' or 'Con:' after '1.5.'",
      ])
    #expect(parsed.diagnostics.allSatisfy { $0.location.file == "exports/should-we-42.txt" })
    // What could be read is still there, under the file name's slug.
    #expect(parsed.map.positions.map(\.id) == ["should-we-42"])
    #expect(parsed.map.claims.map(\.id).prefix(2) == ["should-we-42-1", "should-we-42-1.1"])
  }

  @Test("a thesis with a label among unlabelled theses, an empty title, a missing thesis")
  func moreErrors() {
    #expect(
      errors(parse("Discussion Title: Q\n1. Q\n1.1. Yes\n1.2. Pro: No\n1.3. Maybe\n")) == [
        "4:6: expected a thesis without 'Pro:' or 'Con:', like the discussion's other theses"
      ])
    #expect(
      errors(parse("Discussion Title:  \nstray text\n1. A\n")) == [
        "1:18: expected the discussion's title after 'Discussion Title:'",
        "2:1: expected the thesis, numbered '1.'",
      ])
    #expect(
      errors(parse("\n\n")) == ["1:1: expected 'Discussion Title:' and the discussion's title"])
  }

  @Test("a title without ASCII letters takes the file name's slug as the position's id")
  func nonLatinTitle() {
    let parsed = parse("Discussion Title: Ελλάδα;\n\n1. Ναι.\n", path: "ellada-7.txt")
    #expect(parsed.map.positions == [Position(id: "ellada-7", title: "Ελλάδα;")])
    #expect(parsed.map.claims.map(\.id) == ["ellada-7-1"])
  }

  @Test("quotes are the start of the text, verbatim, cut at a word break")
  func quotes() {
    let long = String(repeating: "word ", count: 30)
    let parsed = parse("Discussion Title: T\n1. \(long)\n")
    let quote = parsed.map.claims[0].provenance?.quote ?? ""
    #expect(quote.count <= 60 && long.hasPrefix(quote) && quote.hasSuffix("word"))
  }
}
