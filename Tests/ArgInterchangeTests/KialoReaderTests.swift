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

  /// Kialo's current layout, as its exports are now written: the title below its label, a
  /// label on every number line with the text below it, indented by depth, and footnotes.
  private let current = """
    Discussion Name:
    Should cities ban cars from their centres?

    1. Thesis:
    Cities should ban private cars
    from their centres.

        1.1. Pro:
        Fewer cars mean cleaner air [1] for everyone who lives there.

            1.1.1. Con:
            Electric cars already make the air clean [2][3].

        1.2. Con:
        Deliveries and disabled people need road access; see item [7] of the plan.

            1.2.1. Pro:
            -> See 1.1.1.

            1.2.2. Con:
            Centres that banned cars kept delivery windows [3].

    Sources:
    [1] https://example.org/air-quality
    "Nitrogen dioxide fell by a third
    within a year of the ban."

    [2] https://example.org/ev-emissions
    Tyre and brake dust remain.
    [3] https://example.org/deliveries
    "Deliveries before 10 am."

    """

  @Test("the current layout reads like the classic one, with footnotes as sources")
  func readsTheCurrentLayout() throws {
    let parsed = parse(current, path: "exports/cars.txt")
    #expect(parsed.diagnostics.isEmpty, "\(errors(parsed))")
    let map = parsed.map
    let position = "should-cities-ban-cars-from-their-centres"
    #expect(
      map.positions == [Position(id: position, title: "Should cities ban cars from their centres?")]
    )
    #expect(
      map.claims.map(\.id) == ["1", "1.1", "1.1.1", "1.2", "1.2.2"].map { "\(position)-\($0)" })
    #expect(
      map.claims.map(\.text) == [
        "Cities should ban private cars from their centres.",
        "Fewer cars mean cleaner air for everyone who lives there.",
        "Electric cars already make the air clean.",
        // [7] is not a listed footnote, so it stays text.
        "Deliveries and disabled people need road access; see item [7] of the plan.",
        "Centres that banned cars kept delivery windows.",
      ])
    let id = { (number: String) in "\(position)-\(number)" }
    #expect(
      map.relations == [
        Relation(from: id("1.1"), to: id("1"), kind: .supports),
        Relation(from: id("1.1.1"), to: id("1.1"), kind: .rebuts),
        Relation(from: id("1.2"), to: id("1"), kind: .rebuts),
        Relation(from: id("1.1.1"), to: id("1.2"), kind: .supports),
        Relation(from: id("1.2.2"), to: id("1.2"), kind: .rebuts),
      ])
    #expect(
      map.claims.map(\.provenance) == [
        Provenance(source: "cars", comment: "1", quote: "Cities should ban private cars"),
        Provenance(
          source: "cars-1", comment: "1.1",
          quote: "Nitrogen dioxide fell by a third within a year of the ban."),
        // Two footnotes: the first cited is the claim's source.
        Provenance(source: "cars-2", comment: "1.1.1", quote: "Tyre and brake dust remain."),
        Provenance(
          source: "cars", comment: "1.2",
          quote: "Deliveries and disabled people need road access; see item"),
        Provenance(source: "cars-3", comment: "1.2.2", quote: "Deliveries before 10 am."),
      ])
    // The cited sources, in the order first cited; each footnote's URL is its title and URL.
    // The export itself is the first source's text, its entries the comments.
    #expect(map.sources.first?.text?.hasPrefix("Discussion Name:\n") == true)
    #expect(map.sources.first?.spans.first?.comment == "1")
    var described = map.sources
    described[0].text = nil
    described[0].spans = []
    #expect(
      described == [
        Source(id: "cars", title: "Should cities ban cars from their centres?"),
        Source(
          id: "cars-1", title: "https://example.org/air-quality",
          url: "https://example.org/air-quality"),
        Source(
          id: "cars-2", title: "https://example.org/ev-emissions",
          url: "https://example.org/ev-emissions"),
        Source(
          id: "cars-3", title: "https://example.org/deliveries",
          url: "https://example.org/deliveries"),
      ])
  }

  @Test("the current layout's multi-thesis discussions, and text on the label's own line")
  func currentLayoutMultiThesis() {
    let text = """
      Discussion Name:
      Best film?

      1. Thesis: Which film is best?
          1.1. Thesis:
          Alien.
              1.1.1. Pro: It made a genre.
          1.2. Thesis:
          Heat.
      """
    let parsed = parse(text)
    #expect(parsed.diagnostics.isEmpty, "\(errors(parsed))")
    #expect(
      parsed.map.claims.map(\.text) == [
        "Which film is best?", "Alien.", "It made a genre.", "Heat.",
      ])
    #expect(
      parsed.map.relations == [
        Relation(from: "best-film-1.1.1", to: "best-film-1.1", kind: .supports)
      ])
  }

  @Test("the current layout's errors name the line and column, links and footnotes included")
  func currentLayoutErrors() {
    let text = """
      Discussion Name:
      T

      1. Thesis:
      A
          1.1. Por:
          B
          1.2. Pro:
          -> See 1.9.
      Sources:
      stray
      [1]
      """
    #expect(
      errors(parse(text)) == [
        "6:10: expected 'Pro:' or 'Con:' after '1.1.'",
        "9:12: expected the number of a claim in this file after '-> See', not '1.9.'",
        "11:1: expected a source, as '[1] https://…', after 'Sources:'",
        "12:4: expected the URL of source [1]",
      ])
    // A thesis without a label is a numbered list in the text above it.
    #expect(
      parse("Discussion Name:\nT\n1. Thesis:\nA\n2. B\n").map.claims.map(\.text) == ["A 2. B"])
    #expect(
      errors(parse("Discussion Name:\n\n1. Thesis:\nA\n")) == [
        "1:17: expected the discussion's title after 'Discussion Name:'"
      ])
  }
}
