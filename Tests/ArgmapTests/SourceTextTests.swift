import Argmap
import Foundation
import Testing

/// Quotes checked against the texts they were drawn from: the built-in thread's, and small
/// texts written here.
@Suite struct SourceTextTests {
  let store: MapStore

  init() throws {
    store = try MapStore.inMemory()
    try store.importMap(try BuiltinCorpus.map())
  }

  @Test func theBuiltinSourceIsTheSeedThreadWithTheOutlinesSpans() throws {
    let source = try store.source(id: "discussion")
    #expect(source.text == TestSupport.discussion)
    let spans = { (comment: String) in source.spans.filter { $0.comment == comment }.map(\.lines) }
    #expect(spans("C1") == [1...4, 43...46])
    #expect(spans("C3") == [7...22, 48...62])
    #expect(spans("C7") == [68...70])
    #expect(spans("C11") == [40...40])
    #expect(Set(source.spans.map(\.comment)) == Set((1...12).map { "C\($0)" }))
    // The two passes cover the file, and no two comments share a line.
    let lines = source.spans.flatMap { Array($0.lines) }
    #expect(lines.sorted() == Array(1...82))
  }

  /// A new text replaces the old and its comments' lines, which counted the old one's.
  @Test func aNewTextDropsTheOldSpans() throws {
    #expect(
      try store.saveSource(Source(id: "discussion", title: "Thread", text: "Short.\n")) == false)
    let source = try store.source(id: "discussion")
    #expect(source.text == "Short.\n")
    #expect(source.spans == [])
    #expect(throws: StoreError.self) {
      try store.saveSource(
        Source(
          id: "discussion", title: "Thread", text: "One line.\n",
          spans: [CommentSpan(comment: "C1", lines: 1...2)]))
    }
  }

  @Test func everyBuiltinQuoteIsFoundInsideItsComment() throws {
    #expect(try store.checkQuotes() == [])
    #expect(try store.check().filter { $0.quote != nil } == [])
  }

  /// `show` gives every built-in claim's quote in its sentence, on the line it is on.
  @Test func everyBuiltinQuoteHasItsContext() throws {
    let lines = TestSupport.discussion.split(separator: "\n", omittingEmptySubsequences: false)
    for claim in try store.claims() {
      let quote = try #require(claim.provenance?.quote)
      guard case .found(let match) = try store.finding(forQuoteOf: claim) else {
        Issue.record("\(claim.id): quote not found")
        continue
      }
      #expect(match.context.contains(quote), "\(claim.id)")
      #expect(lines[match.lines.lowerBound - 1].contains(quote), "\(claim.id)")
      #expect(match.context.count < quote.count + 700, "\(claim.id): context is not a sentence")
    }
  }

  @Test func aPlantedWrongQuoteIsFoundWithTheNearestPassage() throws {
    try store.addClaim(
      Claim(
        id: "planted", text: "Planted.", position: "realism-critique",
        provenance: Provenance(
          source: "discussion", comment: "C1", quote: "many sane humans would do exactly this")))
    let problems = try store.checkQuotes()
    #expect(problems.map(\.kind) == [.quoteNotFound])
    #expect(problems.map(\.claimIDs) == [["planted"]])
    let problem = try #require(problems.first?.quote)
    #expect(problem.quote == "many sane humans would do exactly this")
    let nearest = try #require(problem.passage)
    #expect(nearest.lines == 2...2)
    #expect(nearest.context.contains("Many sane humans would do the same."))
    #expect(try store.check().contains(problems[0]))
  }

  /// Each built-in claim moved to a comment whose lines do not hold its quote is reported.
  @Test func eachQuoteOutsideItsCommentsSpanIsReported() throws {
    let source = try store.source(id: "discussion")
    let text = SourceText(source.text ?? "", spans: source.spans)
    let comments = (1...12).map { "C\($0)" }
    var moved = 0
    for claim in try store.claims() {
      guard let provenance = claim.provenance, let quote = provenance.quote else { continue }
      for other in comments where other != provenance.comment {
        if case .outsideComment(let match) = text.find(quote, inComment: other) {
          #expect(match.context.contains(quote))
          moved += 1
        } else {
          // Only a quote that recurs in that other comment may be found there.
          let otherLines = source.spans.filter { $0.comment == other }.map(\.lines)
          let lines = TestSupport.discussion.split(
            separator: "\n", omittingEmptySubsequences: false)
          #expect(
            otherLines.contains { $0.contains { lines[$0 - 1].contains(quote) } },
            "\(claim.id) in \(other)")
        }
      }
    }
    #expect(moved > 500)
  }

  /// A claim stated in several wordings keeps a quote for each; each is checked.
  @Test func eachWordingsQuoteIsChecked() throws {
    var claim = Claim(
      id: "twice", text: "Stated twice.", position: "realism-critique",
      provenance: Provenance(
        source: "discussion", comment: "C1", quote: "Many sane humans would do the same."))
    claim.members = [
      ClaimMember(
        text: "Stated twice.",
        provenance: Provenance(
          source: "discussion", comment: "C1", quote: "Many sane humans would do the same.")),
      ClaimMember(
        text: "Said again.",
        provenance: Provenance(
          source: "discussion", comment: "C8", quote: "Many sane humans would do it too.")),
    ]
    try store.importMap(ArgumentMap(claims: [claim]))
    let problems = try store.checkQuotes()
    #expect(problems.map(\.claimIDs) == [["twice"]])
    #expect(problems.first?.quote?.quote == "Many sane humans would do it too.")
    #expect(problems.first?.quote?.comment == "C8")
  }

  @Test func aQuoteOutsideItsCommentIsAProblemNamingWhereItIs() throws {
    try store.addClaim(
      Claim(
        id: "misplaced", text: "Misplaced.", position: "realism-critique",
        provenance: Provenance(
          source: "discussion", comment: "C7", quote: "Many sane humans would do the same.")))
    let problems = try store.checkQuotes()
    #expect(problems.map(\.kind) == [.quoteOutsideComment])
    #expect(problems.first?.quote?.passage?.lines == 2...2)
  }

  @Test(arguments: [
    ("say “hello”   world", "say \"hello\" world"),
    ("it’s\n  here", "it's here"),
    ("it's here", "it’s here"),
    ("‘quoted’ text", "'quoted' text"),
  ])
  func foldingWhiteSpaceAndTypographicQuotes(text: String, quote: String) {
    guard case .found(let match) = SourceText(text).find(quote, inComment: nil) else {
      Issue.record("'\(quote)' not found in '\(text)'")
      return
    }
    #expect(match.lines.lowerBound == 1)
  }

  /// An import cuts a long locution and marks the cut with an ellipsis; the rest is found.
  @Test func anEllipsisAtEitherEndMarksACut() {
    let text = SourceText("We should ban cars from every city centre by next year.\n")
    for quote in ["We should ban cars…", "…ban cars from every", "...city centre by next year."] {
      if case .found = text.find(quote, inComment: nil) {
      } else {
        Issue.record("\(quote) not found")
      }
    }
    if case .found = text.find("We should…ban cars", inComment: nil) {
      Issue.record("an ellipsis inside a quote is part of it")
    }
  }

  @Test func otherDifferencesAreNotFolded() {
    for quote in ["Say hello", "say hello.", "sayhello", "say  hello world", "say hello world"] {
      let finding = SourceText("say hello, world").find(quote, inComment: nil)
      if case .found = finding { Issue.record("'\(quote)' should not be found") }
    }
  }

  @Test func aQuoteOverALineBreakSpansBothLines() {
    let text = SourceText("First line ends here\nand the second goes on. Then more.\n")
    guard case .found(let match) = text.find("ends here and the second", inComment: nil) else {
      Issue.record("not found")
      return
    }
    #expect(match.lines == 1...2)
    #expect(match.context == "First line ends here and the second goes on.")
  }

  @Test func aTextWithoutSpansAcceptsAQuoteAnywhere() {
    let text = SourceText("one\ntwo\n", spans: [CommentSpan(comment: "A", lines: 1...1)])
    if case .found = text.find("two", inComment: "B") {} else { Issue.record("unknown comment") }
    if case .outsideComment = text.find("two", inComment: "A") {
    } else {
      Issue.record("known comment")
    }
  }
}
