import ArgModel
import ArgdownSyntax
import Testing

/// Argdown constructs outside argmap's subset: each is reported, at its place, with a message
/// naming it and containing "not supported yet", and parsing carries on after it.
@Suite struct UnsupportedTests {
  @Test(arguments: [
    ("▸(1) [p]: A premise.", "premise-conclusion structures ('(1)')"),
    ("▸--\n", "premise-conclusion structures ('--' inference lines)"),
    ("▸----", "premise-conclusion structures ('--' inference lines)"),
    ("[a]: A.\n  ▸_> [u]: Undercut.", "undercuts ('_>')"),
    ("[a]: A.\n  ▸<_ [u]: Undercut.", "undercuts ('<_')"),
    ("[a]: A.\n  ▸_ [u]: Undercut.", "undercuts ('_')"),
    ("[a]: A.\n  ▸>< [c]: Contradiction.", "contradictions ('><')"),
    ("▸===\ntitle: x\n===\n", "front matter ('===')"),
    ("▸* item", "lists ('*')"),
    ("  ▸* indented item", "lists ('*')"),
    ("▸12. item", "ordered lists ('12.')"),
    ("▸## Section", "level-2 headings ('##')"),
    ("▸### Section", "level-3 headings ('###')"),
    ("[a]: See ▸@[b].", "mentions ('@[…]')"),
    ("[a]: See ▸@<b>.", "mentions ('@<…>')"),
    ("▸Just a paragraph.", "untitled statements are not supported yet"),
    ("[a]: A.\n  + ▸untitled reason", "untitled statements are not supported yet"),
    ("[a]: A.\n  ▸++ [b]: B.", "relation marker '++'"),
    ("[a]: A.\n  ▸+- [b]: B.", "relation marker '+-'"),
    ("[a]: A.\n  ▸->> [b]: B.", "relation marker '->>'"),
    ("▸> a block quote", "relation marker '>'"),
  ])
  func constructIsReported(source: String, fragment: String) throws {
    let parsed = expectErrors(source, [fragment])
    let message = try #require(parsed.diagnostics.first?.message)
    #expect(message.contains("not supported yet"))
  }

  @Test func aPremiseConclusionStructureGivesOneErrorAndIsSkipped() {
    let parsed = expectErrors(
      """
      <arg>: The argument.

      ▸(1) [p1]: First premise
          running over a line.
      (2) [p2]: Second premise.
      ----
      (3) [c]: Conclusion.
        + [child]: Dropped with the block.

      [after]: Parsing continues.
      ▸(1) A second structure is reported again.
      """,
      ["premise-conclusion structures ('(1)')", "premise-conclusion structures ('(1)')"])
    #expect(parsed.map.claims.map(\.id) == ["arg", "child", "after"])
    #expect(parsed.map.relations.isEmpty)
  }

  @Test func listsGiveOneErrorPerList() {
    let parsed = expectErrors(
      """
      ▸* one
      * two
        * nested
      continued

      ▸1. first
      2. second

      [a]: A.
      """,
      ["lists ('*')", "ordered lists ('1.')"])
    #expect(parsed.map.claims.map(\.id) == ["a"])
  }

  @Test func frontMatterIsSkippedUpToItsClosingFence() {
    let parsed = expectErrors(
      """
      ▸===
      title: Not parsed
      [x]: Not a claim either.
      ===

      [a]: A.
      """,
      ["front matter ('===') is not supported yet"])
    #expect(parsed.map.claims.map(\.id) == ["a"])
  }

  @Test func unclosedFrontMatterSkipsOnlyItsParagraph() {
    let parsed = expectErrors(
      "▸===\ntitle: x\n\n[a]: A.\n", ["front matter ('===') is not supported yet"])
    #expect(parsed.map.claims.map(\.id) == ["a"])
  }

  @Test func childrenOfAnUnsupportedRelationAreParsedButNotAttached() {
    let parsed = expectErrors(
      """
      [a]: A.
        ▸>< [b]: B.
          + [c]: C, related to nothing.
        + [d]: D, related to a.
      """,
      ["contradictions ('><') are not supported yet"])
    #expect(parsed.map.claims.map(\.id) == ["a", "c", "d"])
    #expect(parsed.map.relations == [Relation(from: "d", to: "a", kind: .supports)])
  }

  @Test func levelTwoHeadingsDoNotChangeThePosition() {
    let parsed = expectErrors(
      "# Top {id: top}\n\n▸## Sub\n\n[a]: A.\n", ["level-2 headings ('##') are not supported yet"])
    #expect(parsed.map.claims.first?.position == "top")
  }

  @Test func textLikeLinesStartingWithMarkerCharactersAreText() {
    // `_italic_`, `*bold*`, `2024` and `(note)` are not markers.
    let map = parseClean("[a]: A\n_italic_ words\n*bold* words\n2024 was a year\n(note) done")
    #expect(map.claims.first?.text == "A _italic_ words *bold* words 2024 was a year (note) done")
  }
}
