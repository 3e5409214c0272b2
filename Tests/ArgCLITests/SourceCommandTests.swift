import Foundation
import Testing

/// Sources with their texts through the CLI: adding them, bringing them with an import,
/// and checking quotes against them.
@Suite struct SourceCommandTests {
  let harness: Harness

  init() throws {
    harness = try Harness()
    try harness.write(
      """
      Ada: School uniforms save families money, because children no longer need a wardrobe of
      fashionable clothes.
      Ben: I doubt it. A blazer alone can cost forty pounds, and shoes are extra.

      """, to: "lesson.txt")
  }

  private func lesson(frontMatter: String = "") -> String {
    """
    \(frontMatter)
    # Uniforms {id: uniforms, source: lesson}

    [uniforms-save-money]: Uniforms save families money on clothes.
      {quote: "children no longer need a wardrobe of fashionable clothes"}
      - [blazers-are-dear]: Parts of a uniform are expensive.
        {quote: "A blazer alone costs fifty pounds"}

    """
  }

  @Test func sourcesListsTheBuiltinThreadWithItsCounts() throws {
    let outcome = harness.run("sources")
    #expect(outcome.status == 0)
    let claims = try harness.count("claims")
    #expect(outcome.out.hasPrefix("discussion  \(claims) claims, 12 comments, 82 lines"))
    let json = try #require(harness.run("sources", "--json").json() as? [[String: Any]])
    #expect(json.first?["lines"] as? Int == 82)
    #expect(json.first?["comments"] as? Int == 12)
  }

  @Test func sourceShowPrintsOneCommentsLines() throws {
    let c7 = harness.run("source", "show", "discussion", "--comment", "C7")
    #expect(c7.status == 0)
    #expect(
      c7.outLines.filter { $0.first?.isNumber == true }.map { $0.prefix(2) } == ["68", "69", "70"])
    let c1 = try #require(
      harness.run("source", "show", "discussion", "--comment", "C1", "--json").json()
        as? [String: Any])
    let lines = (c1["lines"] as? [[String: Any]] ?? []).compactMap { $0["line"] as? Int }
    #expect(lines == Array(1...4) + Array(43...46))
    let unknown = harness.run("source", "show", "discussion", "--comment", "C99")
    #expect(unknown.status == 66)
    #expect(unknown.err.contains("C1, C2"))
    #expect(harness.run("source", "show", "nowhere").status == 66)
  }

  @Test func sourceAddStoresTheTextAndCheckFindsAWrongQuote() throws {
    try harness.write(lesson(), to: "lesson.argdown")
    let db = harness.path("lesson.db")
    #expect(harness.run("--db", db, "import", harness.path("lesson.argdown")).status == 0)
    // Without the text there is nothing to check a quote against.
    #expect(harness.run("--db", db, "check", "--quotes").out == "no problems found\n")
    let add = harness.run(
      "--db", db, "source", "add", "lesson", "--title", "Ada and Ben", "--file",
      harness.path("lesson.txt"))
    #expect(add.out == "updated source 'lesson', 3 lines\n")
    let check = harness.run("--db", db, "check", "--quotes", "--strict")
    #expect(check.status == 1)
    #expect(check.out.contains("blazers-are-dear (lesson): “A blazer alone costs fifty pounds”"))
    #expect(check.out.contains("nearest lesson:3: “A blazer alone can cost forty pounds"))
    #expect(!check.out.contains("uniforms-save-money"))
    let show = harness.run("--db", db, "show", "uniforms-save-money")
    #expect(show.out.contains("context:  lesson:1-2\n"))
  }

  @Test func importBringsATextByOptionOrFrontMatter() throws {
    try harness.write(lesson(), to: "plain.argdown")
    let byOption = harness.path("option.db")
    let imported = harness.run(
      "--db", byOption, "import", harness.path("plain.argdown"), "--source-file",
      "lesson=" + harness.path("lesson.txt"))
    #expect(imported.status == 0)
    #expect(harness.run("--db", byOption, "check", "--quotes").out.contains("blazers-are-dear"))

    // The front matter names the file relative to the map's own folder.
    try FileManager.default.createDirectory(
      atPath: harness.path("maps"), withIntermediateDirectories: true)
    try harness.write(
      lesson(frontMatter: "===\nsource: lesson=../lesson.txt\n===\n"), to: "maps/front.argdown")
    let byFrontMatter = harness.path("front.db")
    #expect(
      harness.run("--db", byFrontMatter, "import", harness.path("maps/front.argdown")).status == 0)
    #expect(
      harness.run("--db", byFrontMatter, "check", "--quotes").out.contains("blazers-are-dear"))
    #expect(
      harness.run("--db", byFrontMatter, "sources").out.contains(
        "lesson  2 claims, 0 comments, 3 lines"))
  }

  @Test func aMissingTextFileChangesNothing() throws {
    try harness.write(
      lesson(frontMatter: "===\nsource: lesson=gone.txt\n===\n"), to: "gone.argdown")
    let db = harness.path("gone.db")
    let outcome = harness.run("--db", db, "import", harness.path("gone.argdown"))
    #expect(outcome.status == 66)
    #expect(!FileManager.default.fileExists(atPath: db))
    let bad = harness.run("import", harness.path("gone.argdown"), "--source-file", "lesson")
    #expect(bad.status == 64)
  }

  @Test func searchSaysWhichFieldsMatched() throws {
    let json = try #require(
      harness.run("search", "Refusals", "subversion", "--json").json() as? [[String: Any]])
    let hit = try #require(json.first { $0["id"] as? String == "refusal-is-not-subversion" })
    #expect(hit["matched"] as? [String] == ["id", "text", "quote"])
    // A word only the quote holds finds the claim through it.
    let quoteOnly = harness.run("search", "nostalgebraist")
    #expect(quoteOnly.out.contains("blackmail-not-egregiously-misaligned"))
    #expect(quoteOnly.out.contains("matched quote"))
  }
}
