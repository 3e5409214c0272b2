import Argmap
import Foundation
import Testing

/// The built-in map: the five positions of the discussion, each claim traceable to its comment.
@Suite struct CorpusTests {
  let map: ArgumentMap

  init() throws {
    map = try BuiltinCorpus.map()
  }

  @Test func embeddedFilesAreExactlyTheCorpusFolder() throws {
    let folder = TestSupport.packageRoot.appendingPathComponent("corpus").path
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".argdown") }.sorted().map { "corpus/" + $0 }
    #expect(BuiltinCorpus.files.map(\.path) == onDisk)
    for file in BuiltinCorpus.files {
      let text = try String(
        contentsOfFile: TestSupport.packageRoot.appendingPathComponent(file.path).path,
        encoding: .utf8)
      #expect(file.text == text, "embedded \(file.path) differs from the file")
    }
  }

  @Test func parsesWithoutDiagnostics() {
    let parsed = ArgdownParser.parse(BuiltinCorpus.files)
    #expect(parsed.diagnostics.map(\.description) == [])
  }

  @Test func hasTheFivePositionsEachWithClaims() {
    #expect(
      map.positions.map(\.id) == [
        "realism-critique", "never-subvert-users", "ambiguous-users", "self-preservation",
        "training-opacity",
      ])
    for position in map.positions {
      #expect(map.claims(inPosition: position.id).count >= 3, "\(position.id) has too few claims")
    }
    #expect((50...80).contains(map.claims.count))
  }

  @Test func everyClaimQuotesItsCommentVerbatim() {
    for claim in map.claims {
      guard let provenance = claim.provenance, let quote = provenance.quote else {
        Issue.record("\(claim.id) has no quote")
        continue
      }
      #expect(provenance.source == "discussion", "\(claim.id)")
      #expect(quote.split(separator: " ").count <= 32, "\(claim.id): quote is too long")
      #expect(claim.text != quote, "\(claim.id): the claim must be in our own words")
    }
  }

  /// A quote locates its point in the comment it is attributed to: it lies in one of that
  /// comment's own lines, not in a line where another comment quotes it, nor elsewhere.
  @Test func everyQuoteLiesInItsOwnComment() throws {
    let lines = Self.threadLines
    try #require(lines.count == 82, "the discussion fixture is missing")
    for claim in map.claims {
      guard let comment = claim.provenance?.comment, let quote = claim.provenance?.quote,
        let spans = Self.commentLines[comment]
      else {
        Issue.record("\(claim.id) names no comment of the thread")
        continue
      }
      let own = spans.flatMap { $0 }.filter { !Self.quotations.map(\.line).contains($0) }
      #expect(
        own.contains { lines[$0 - 1].contains(quote) },
        "\(claim.id): the quote is not in \(comment)'s own lines")
    }
  }

  /// The fixture tables agree with the thread: the outline's spans cover every line once, and
  /// each quotation repeats, inside the reply, a line of the comment it answers.
  @Test func outlineTablesMatchTheThread() {
    let lines = Self.threadLines
    let covered = Self.commentLines.values.flatMap { $0.flatMap { $0 } }
    #expect(covered.sorted() == Array(1...82))
    for quotation in Self.quotations {
      #expect(lines[quotation.repeats - 1].contains(lines[quotation.line - 1]))
      #expect(Self.commentLines[quotation.reply]!.contains { $0.contains(quotation.line) })
      #expect(Self.commentLines[quotation.answered]!.contains { $0.contains(quotation.repeats) })
    }
  }

  /// A reply that opens by quoting a line answers that line: every claim of the answered
  /// comment quoted from it has a relation from the reply's claims, to the claim itself, to an
  /// argument it feeds, or to a point of the same line that it supports.
  @Test(arguments: CorpusTests.quotations)
  func replyAnswersTheLineItQuotes(quotation: Quotation) {
    let quoted = Self.threadLines[quotation.line - 1]
    let comment = commentOfClaim()
    let kind = Dictionary(uniqueKeysWithValues: map.claims.map { ($0.id, $0.kind) })
    let inLine = Set(
      map.claims.filter {
        $0.provenance?.comment == quotation.answered
          && quoted.contains($0.provenance?.quote ?? "\u{0}")
      }.map(\.id))
    #expect(!inLine.isEmpty, "no \(quotation.answered) claim quotes line \(quotation.line)")
    for claim in inLine {
      let fed = map.relations.filter {
        $0.from == claim && $0.kind == .supports
          && (kind[$0.to] == .argument || inLine.contains($0.to))
      }.map(\.to)
      let answered = map.relations.contains {
        comment[$0.from] == quotation.reply && ($0.to == claim || fed.contains($0.to))
      }
      #expect(
        answered, "\(quotation.reply) does not answer \(claim), which line \(quotation.line) quotes"
      )
    }
  }

  /// C5, a research author, restates C2's rule as instruction following ("My proposed policy").
  @Test func instructionFollowingRestatesTheRule() {
    let comment = commentOfClaim()
    #expect(
      map.relations.contains {
        $0.kind == .rephrases && Set([comment[$0.from], comment[$0.to]]) == ["C5", "C2"]
      })
  }

  /// A reply that grants a point and disputes only what was drawn from it must not be mapped as
  /// rebutting the point: none of its claims relates to the point, and one of them undercuts or
  /// rebuts an argument that the point feeds.
  @Test(arguments: [
    ("C8", "sane-humans-would-blackmail"),  // "I agree that many humans would do so, but…"
    ("C8", "alignment-faking-precedent"),  // grants the higher positive goal, not the parity
    ("C12", "outside-research-needs-only-api"),  // "Yeah, but… We can still do stamp collecting"
    ("C5", "llm-has-many-users"),  // "I agree that obey instructions will sometimes involve…"
  ])
  func concessionIsNotMappedAsARebuttal(comment: String, conceded: String) throws {
    try #require(map.claim(withID: conceded) != nil)
    let byComment = commentOfClaim()
    let conceding = Set(map.claims.map(\.id).filter { byComment[$0] == comment })
    #expect(
      !map.relations.contains {
        (conceding.contains($0.from) && $0.to == conceded)
          || ($0.from == conceded && conceding.contains($0.to))
      }, "a \(comment) claim is related to \(conceded), which \(comment) grants")
    let fed = Set(
      map.relations.filter { $0.from == conceded && $0.kind == .supports }.map(\.to)
        .filter { map.claim(withID: $0)?.kind == .argument })
    #expect(
      map.relations.contains {
        conceding.contains($0.from) && fed.contains($0.to)
          && ($0.kind == .undercuts || $0.kind == .rebuts)
      }, "no \(comment) claim answers the argument \(conceded) feeds")
  }

  @Test func everyCommentContributesClaims() {
    let comments = Set(map.claims.compactMap { $0.provenance?.comment })
    #expect(comments == Set((1...12).map { "C\($0)" }))
  }

  /// Each reply in the seed outline is at least one relation from the reply's claims to the
  /// claims of the comment it answers.
  @Test(arguments: [
    ("C2", "C1"), ("C3", "C2"), ("C4", "C3"), ("C5", "C3"), ("C6", "C2"), ("C7", "C6"),
    ("C8", "C1"), ("C9", "C8"), ("C10", "C1"), ("C11", "C10"), ("C12", "C11"),
  ])
  func replyIsMapped(reply: String, target: String) {
    let comment = commentOfClaim()
    let linked = map.relations.contains {
      comment[$0.from] == reply && comment[$0.to] == target
    }
    #expect(linked, "no relation from a \(reply) claim to a \(target) claim")
  }

  @Test(arguments: [
    ("C3", "C2"), ("C4", "C3"), ("C5", "C3"), ("C8", "C1"), ("C9", "C8"), ("C11", "C10"),
    ("C12", "C11"),
  ])
  func rebuttalsInTheOutlineAreRebuts(reply: String, target: String) {
    let comment = commentOfClaim()
    #expect(
      map.relations.contains {
        $0.kind == .rebuts && comment[$0.from] == reply && comment[$0.to] == target
      })
  }

  @Test func mapIsOneConnectedWhole() {
    var neighbours: [String: [String]] = [:]
    for relation in map.relations {
      neighbours[relation.from, default: []].append(relation.to)
      neighbours[relation.to, default: []].append(relation.from)
    }
    var seen: Set<String> = [map.claims[0].id]
    var queue = [map.claims[0].id]
    while let next = queue.popLast() {
      for other in neighbours[next] ?? [] where seen.insert(other).inserted {
        queue.append(other)
      }
    }
    #expect(seen == Set(map.claims.map(\.id)))
  }

  /// Each claim's comment id, by claim id.
  private func commentOfClaim() -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: map.claims.compactMap { claim in
        claim.provenance?.comment.map { (claim.id, $0) }
      })
  }

  static let threadLines = TestSupport.discussion.split(separator: "\n").map(String.init)

  /// Each comment's lines in the thread, both passes, as the seed outline gives them.
  static let commentLines: [String: [ClosedRange<Int>]] = [
    "C1": [1...4, 43...46], "C2": [5...6, 47...47], "C3": [7...22, 48...62],
    "C4": [23...23, 63...63], "C5": [24...26, 64...66], "C6": [27...27, 67...67],
    "C7": [68...70], "C8": [28...29, 71...71], "C9": [30...34, 72...76],
    "C10": [35...39, 77...80], "C11": [40...40], "C12": [41...42, 81...82],
  ]

  /// A line that repeats an earlier one word for word is a quotation: the reply it opens
  /// answers the comment it repeats (seed outline).
  struct Quotation: Sendable, CustomTestStringConvertible {
    var line: Int
    var repeats: Int
    var reply: String
    var answered: String
    var testDescription: String { "\(reply) quotes \(answered) at line \(line)" }
  }

  static let quotations = [
    Quotation(line: 5, repeats: 4, reply: "C2", answered: "C1"),
    Quotation(line: 7, repeats: 6, reply: "C3", answered: "C2"),
    Quotation(line: 28, repeats: 2, reply: "C8", answered: "C1"),
    Quotation(line: 35, repeats: 4, reply: "C10", answered: "C1"),
  ]

  @Test func printsAndParsesBackToTheSameMap() {
    let text = ArgdownPrinter.print(map)
    let reparsed = ArgdownParser.parse([SourceFile(path: "printed.argdown", text: text)])
    #expect(reparsed.diagnostics.map(\.description) == [])
    #expect(reparsed.map.positions == map.positions)
    #expect(reparsed.map.claims == map.claims)
    #expect(Set(reparsed.map.relations) == Set(map.relations))
  }
}
