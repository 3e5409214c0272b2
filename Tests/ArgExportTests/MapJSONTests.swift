import ArgModel
import Foundation
import Testing

@testable import ArgExport

@Suite("MapJSON")
struct MapJSONTests {
  @Test("the documented shape, keys in order, nulls present")
  func shape() {
    let map = ArgumentMap(
      positions: [Position(id: "p", title: "P", summary: nil)],
      claims: [
        Claim(
          id: "a", text: "A", position: "p", tags: ["y", "x"],
          provenance: Provenance(source: "s", comment: "C3", quote: "q")),
        Claim(id: "b", kind: .argument, text: "B"),
      ],
      relations: [Relation(from: "b", to: "a", kind: .rebuts)]
    )
    let expected =
      #"{"positions":[{"id":"p","title":"P","summary":null}],"#
      + #""claims":[{"id":"a","kind":"statement","position":"p","text":"A","tags":["x","y"],"#
      + #""source":"s","comment":"C3","quote":"q","base":null},"#
      + #"{"id":"b","kind":"argument","position":null,"text":"B","tags":[],"#
      + #""source":null,"comment":null,"quote":null,"base":null}],"#
      + #""relations":[{"from":"b","to":"a","kind":"rebuts"}]}"#
    #expect(MapJSON.value(of: map).serialized() == expected)
    #expect(MapJSON.render(map) == expected)
  }

  @Test("a title and members come after the other fields, members with their own provenance")
  func titleAndMembers() {
    let claim = Claim(
      id: "t", text: "Two.", title: "T",
      members: [
        ClaimMember(text: "One.", position: "p", tags: ["x"], provenance: Provenance(source: "s")),
        ClaimMember(text: "Two.", position: "q", group: "g"),
      ])
    #expect(
      MapJSON.value(of: claim).serialized()
        == #"{"id":"t","kind":"statement","position":null,"text":"Two.","tags":[],"#
        + #""source":null,"comment":null,"quote":null,"base":null,"title":"T","members":["#
        + #"{"text":"One.","position":"p","tags":["x"],"source":"s"},"#
        + #"{"text":"Two.","position":"q","tags":[],"group":"g"}]}"#)
  }

  @Test("an empty map")
  func empty() {
    #expect(MapJSON.render(ArgumentMap()) == #"{"positions":[],"claims":[],"relations":[]}"#)
    #expect(
      MapJSON.render(ArgumentMap(), pretty: true)
        == "{\n  \"positions\": [],\n  \"claims\": [],\n  \"relations\": []\n}")
  }

  @Test("streaming writes the same bytes as the built value", arguments: [false, true])
  func streamingMatchesValue(pretty: Bool) {
    for map in [smallMap, nastyMap, ArgumentMap()] {
      #expect(
        MapJSON.render(map, pretty: pretty) == MapJSON.value(of: map).serialized(pretty: pretty))
    }
  }

  @Test("records keep the map's order")
  func order() throws {
    let json = MapJSON.value(of: smallMap)
    guard case .array(let claims) = json["claims"] else {
      Issue.record("claims is not an array")
      return
    }
    #expect(claims.compactMap { $0["id"] } == smallMap.claims.map { .string($0.id) })
    #expect(
      json.serialized().ranges(of: "\"id\":").count
        == smallMap.sources.count + smallMap.positions.count + smallMap.claims.count)
  }

  @Test("Foundation reads every field back", arguments: [false, true])
  func foundationReadsBack(pretty: Bool) throws {
    for map in [smallMap, nastyMap] {
      let text = MapJSON.render(map, pretty: pretty)
      let parsed = try #require(try parseWithFoundation(text) as? [String: Any])
      #expect(foundationValue(parsed, matches: MapJSON.value(of: map)))

      let claims = try #require(parsed["claims"] as? [[String: Any]])
      #expect(claims.count == map.claims.count)
      for (record, claim) in zip(claims, map.claims) {
        #expect(record["id"] as? String == claim.id)
        #expect(record["kind"] as? String == claim.kind.rawValue)
        #expect(
          (record["text"] as? String).map { Array($0.unicodeScalars) }
            == Array(claim.text.unicodeScalars))
        #expect(record["tags"] as? [String] == claim.tags)
        #expect(record["position"] as? String == claim.position)
        #expect(record["quote"] as? String == claim.provenance?.quote)
        #expect(record["base"] as? Double == claim.base)
        #expect(record.keys.count == 9)
      }
    }
  }

  @Test("pretty output is the compact output with layout whitespace added")
  func prettyMatchesCompact() {
    for map in [smallMap, nastyMap] {
      #expect(minified(MapJSON.render(map, pretty: true)) == MapJSON.render(map))
    }
  }
}
