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
    #expect((40...75).contains(map.claims.count))
  }

  @Test func everyClaimQuotesItsCommentVerbatim() {
    let lines = TestSupport.discussion.split(separator: "\n").map(String.init)
    #expect(lines.count > 80, "the discussion fixture is missing")
    for claim in map.claims {
      guard let provenance = claim.provenance, let quote = provenance.quote else {
        Issue.record("\(claim.id) has no quote")
        continue
      }
      #expect(provenance.source == "discussion", "\(claim.id)")
      #expect(lines.contains { $0.contains(quote) }, "\(claim.id): quote not found verbatim")
      #expect(quote.split(separator: " ").count <= 32, "\(claim.id): quote is too long")
      #expect(claim.text != quote, "\(claim.id): the claim must be in our own words")
    }
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
    let comment = Dictionary(
      uniqueKeysWithValues: map.claims.map { ($0.id, $0.provenance?.comment) })
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
    let comment = Dictionary(
      uniqueKeysWithValues: map.claims.map { ($0.id, $0.provenance?.comment) })
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

  @Test func printsAndParsesBackToTheSameMap() {
    let text = ArgdownPrinter.print(map)
    let reparsed = ArgdownParser.parse([SourceFile(path: "printed.argdown", text: text)])
    #expect(reparsed.diagnostics.map(\.description) == [])
    #expect(reparsed.map.positions == map.positions)
    #expect(reparsed.map.claims == map.claims)
    #expect(Set(reparsed.map.relations) == Set(map.relations))
  }
}
