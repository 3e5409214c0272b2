import ArgModel
import Testing

@testable import ArgStore

/// A claim's tags are a set, kept sorted: the same tags however they were given, so a map
/// compares, exports and round-trips the same.
@Suite("Claim tags")
struct ClaimTagsTests {
  @Test(arguments: [
    ([], []),
    (["b"], ["b"]),
    (["a", "b", "c"], ["a", "b", "c"]),
    (["c", "a", "b"], ["a", "b", "c"]),
    (["a", "a"], ["a"]),
    (["b", "a", "b"], ["a", "b"]),
  ])
  func tagsAreSortedAndDistinct(given: [String], kept: [String]) {
    #expect(Claim(id: "c", text: "t", tags: given).tags == kept)
  }

  @Test func storedTagsComeBackSortedAndDistinct() throws {
    let store = try MapStore.inMemory()
    try store.importMap(
      ArgumentMap(claims: [Claim(id: "c", text: "t", tags: ["zeta", "alpha", "zeta", "mid"])]))
    #expect(try store.claim(id: "c").tags == ["alpha", "mid", "zeta"])
  }
}
