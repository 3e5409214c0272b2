import Argmap
import Foundation
import Testing

/// The page's status views and the Graphviz run behind its drawing.
@Suite struct MapPageTests {
  /// `c` supports `a`, `a` rebuts `b`, and `x` and `y` contradict each other; `u` supports
  /// `v`, which rebuts `w`, and `q` rebuts `v`, so `w` falls only to the attack `u` carries.
  private let map = ArgumentMap(
    positions: [Position(id: "p", title: "P")],
    claims: ["a", "b", "c", "x", "y", "q", "u", "v", "w"].map {
      Claim(id: $0, text: "Claim \($0).", position: "p")
    },
    relations: [
      Relation(from: "c", to: "a", kind: .supports),
      Relation(from: "a", to: "b", kind: .rebuts),
      Relation(from: "x", to: "y", kind: .contradicts),
      Relation(from: "u", to: "v", kind: .supports),
      Relation(from: "v", to: "w", kind: .rebuts),
      Relation(from: "q", to: "v", kind: .rebuts),
    ])

  @Test func everyViewGivesEachClaimAStandingAndAReason() throws {
    let (views, unavailable) = MapPage.statusViews(map, settings: MapPage.Settings())
    #expect(unavailable.isEmpty)
    #expect(views.map(\.id) == ["grounded", "preferred", "strength"])
    let grounded = views[0].claims
    #expect(grounded["b"]?.standing == "rejected")
    #expect(grounded["b"]?.reason == "a attacks it and stands")
    #expect(grounded["a"]?.standing == "accepted")
    #expect(grounded["a"]?.reason == "nothing rebuts it, and no attack through support stands")
    #expect(grounded["w"]?.standing == "rejected")
    #expect(grounded["w"]?.reason == "u stands and supports v, which rebuts it")
    #expect(grounded["x"]?.standing == "undecided")
    #expect(grounded["x"]?.reason == "caught in a cycle of attacks that the semantics leaves open")
    let preferred = views[1].claims
    #expect(preferred["x"]?.standing == "credulous")
    #expect(preferred["x"]?.reason == "it stands in some of the 2 preferred labellings, not all")
    let strength = views[2].claims
    #expect(strength["a"]?.reason == "base 0.50, 1 supporter, 0 attackers")
    #expect(strength["b"]?.reason == "base 0.50, 0 supporters, 1 attacker")
    #expect(strength["b"]?.note == Evaluation.formatted(try #require(strength["b"]?.strength)))
  }

  @Test func aMissingDotIsItsOwnErrorAndABrokenGraphIsReported() throws {
    #expect(Graphviz.findDot(searchPath: "/nonexistent:/also/not") == nil)
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-graphviz-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    defer { try? FileManager.default.removeItem(at: folder) }
    let (dot, svg) = (
      folder.appendingPathComponent("a.dot"), folder.appendingPathComponent("a.svg")
    )
    try Data("digraph { a }".utf8).write(to: dot)
    #expect(throws: ArgmapError.self) {
      try Graphviz.svg(fromDOTFile: dot.path, to: svg.path, searchPath: "/nonexistent")
    }
    try Graphviz.svg(fromDOTFile: dot.path, to: svg.path, searchPath: Graphviz.defaultSearchPath)
    #expect(try String(contentsOf: svg, encoding: .utf8).contains("<svg"))
    try Data("digraph { a -> }".utf8).write(to: dot)
    do {
      try Graphviz.svg(fromDOTFile: dot.path, to: svg.path, searchPath: Graphviz.defaultSearchPath)
      Issue.record("dot accepted a broken graph")
    } catch .graphvizFailed(let status, let message) {
      #expect(status != 0)
      #expect(message.contains("syntax error"), "\(message)")
    } catch {
      Issue.record("\(error)")
    }
  }

  @Test func thePageDrawsEveryClaim() throws {
    let page = try MapPage.render(map, judgedIn: map, settings: MapPage.Settings(title: "T"))
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(page.contains("<title>T</title>"))
    for claim in map.claims {
      #expect(page.contains("<title>\(claim.id)</title>"), "\(claim.id)")
    }
  }

  @Test func aLongPageComesWholeAndEveryCharacterIntact() throws {
    // Well over one 64 KiB piece of the page file, in characters of two to four bytes; each
    // quote under the 16 KiB that `dot` takes in one quoted string.
    let quote = String(repeating: "é€👩‍👩‍👧‍👦 ", count: 500)
    var map = map
    for index in map.claims.indices {
      map.claims[index].provenance = Provenance(source: "s", quote: quote)
    }
    let page = try MapPage.render(map, judgedIn: map, settings: MapPage.Settings())
    #expect(page.utf8.count > 2 << 16)
    #expect(!page.contains("\u{FFFD}"))
    #expect(page.contains(quote))
    #expect(page.hasSuffix("</html>\n"))
  }
}
