import Foundation
import Testing

@testable import ArgExport

@Suite("JSONValue")
struct JSONValueTests {
  @Test("scalars")
  func scalars() {
    #expect(JSONValue.null.serialized() == "null")
    #expect(JSONValue.bool(true).serialized() == "true")
    #expect(JSONValue.bool(false).serialized() == "false")
    #expect(JSONValue.int(0).serialized() == "0")
    #expect(JSONValue.int(-42).serialized() == "-42")
    #expect(JSONValue.int(.max).serialized() == "9223372036854775807")
    #expect(JSONValue.int(.min).serialized() == "-9223372036854775808")
    #expect(JSONValue.string("").serialized() == "\"\"")
  }

  @Test("every control character is escaped, with the short form where JSON has one")
  func controlCharacters() throws {
    let short: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
    let hex = Array("0123456789abcdef")
    for byte in UInt8(0)...0x1F {
      let string = String(Unicode.Scalar(byte))
      let expected = short[byte] ?? "\\u00\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
      let json = JSONValue.string(string).serialized()
      #expect(json == "\"\(expected)\"", "U+\(String(byte, radix: 16))")
      #expect(foundationValue(try parseWithFoundation(json), matches: .string(string)))
    }
    // The first character that needs no escape.
    #expect(JSONValue.string(" ~\u{7F}").serialized() == "\" ~\u{7F}\"")
  }

  @Test("quotes and backslashes are escaped; the solidus is not")
  func quotesAndBackslashes() {
    #expect(JSONValue.string("a\"b").serialized() == #""a\"b""#)
    #expect(JSONValue.string("a\\b").serialized() == #""a\\b""#)
    #expect(JSONValue.string("\\\"").serialized() == #""\\\"""#)
    #expect(JSONValue.string("\\n").serialized() == #""\\n""#)
    #expect(JSONValue.string("</a>").serialized() == #""</a>""#)
  }

  @Test("U+2028 and U+2029 are escaped for JavaScript consumers")
  func lineSeparators() {
    #expect(JSONValue.string("a\u{2028}b\u{2029}c").serialized() == #""a\u2028b\u2029c""#)
    // Other characters that share the UTF-8 lead byte 0xE2 pass through.
    #expect(JSONValue.string("a\u{2027}—€\u{202A}").serialized() == "\"a\u{2027}—€\u{202A}\"")
  }

  @Test("non-ASCII text is written as UTF-8, unchanged")
  func unicodePassesThrough() {
    for text in ["👩‍👩‍👧‍👦🇨🇭", "e\u{301}", "é", "مرحبا", "עברית\u{200F}", "漢字", "\u{FEFF}\u{FFFF}"] {
      let json = JSONValue.string(text).serialized()
      #expect(Array(json.unicodeScalars) == Array("\"\(text)\"".unicodeScalars))
    }
  }

  @Test("an escaped scalar sharing a grapheme cluster with the next is not duplicated or lost")
  func escapeInsideGraphemeCluster() {
    #expect(
      Array(JSONValue.string("\"\u{301}x").serialized().unicodeScalars)
        == Array("\"\\\"\u{301}x\"".unicodeScalars))
    #expect(
      Array(JSONValue.string("\n\u{301}").serialized().unicodeScalars)
        == Array("\"\\n\u{301}\"".unicodeScalars))
    #expect(
      Array(JSONValue.string("\r\n").serialized().unicodeScalars)
        == Array(#""\r\n""#.unicodeScalars))
  }

  @Test("nasty strings read back identically with Foundation", arguments: nastyStrings)
  func roundTripStrings(_ text: String) throws {
    for pretty in [false, true] {
      let value: JSONValue = ["key \(text)": .string(text), "list": [.string(text)]]
      let json = value.serialized(pretty: pretty)
      #expect(foundationValue(try parseWithFoundation(json), matches: value))
      #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
      #expect(!json.unicodeScalars.contains { $0 == "\u{2028}" || $0 == "\u{2029}" })
    }
  }

  @Test("doubles use the shortest text that reads back exactly")
  func doubles() throws {
    let cases: [(Double, String)] = [
      (0.1, "0.1"), (1.0, "1.0"), (-0.0, "-0.0"), (100, "100.0"), (1e-7, "1e-07"),
      (1e16, "1e+16"), (123_456_789.125, "123456789.125"),
      (.leastNonzeroMagnitude, "5e-324"), (.greatestFiniteMagnitude, "1.7976931348623157e+308"),
      (1.0 / 3.0, "0.3333333333333333"),
    ]
    for (number, expected) in cases {
      let json = JSONValue.double(number).serialized()
      #expect(json == expected)
      #expect(Double(json)?.bitPattern == number.bitPattern)
      #expect(foundationValue(try parseWithFoundation(json), matches: .double(number)))
    }
  }

  @Test("non-finite doubles become null")
  func nonFinite() {
    let value: JSONValue = [.double(.nan), .double(.infinity), .double(-.infinity)]
    #expect(value.serialized() == "[null,null,null]")
  }

  @Test("compact layout")
  func compact() {
    let value: JSONValue = [
      "b": 1, "a": [true, nil, 2.5, "x"], "empty": [:], "none": [], "nested": ["k": ["v"]],
    ]
    #expect(
      value.serialized()
        == #"{"b":1,"a":[true,null,2.5,"x"],"empty":{},"none":[],"nested":{"k":["v"]}}"#)
    #expect(value.description == value.serialized())
  }

  @Test("pretty layout: two-space indent, one item a line, empty containers kept short")
  func pretty() {
    let value: JSONValue = [
      "b": 1, "a": [true, nil, 2.5, "x"], "empty": [:], "none": [], "nested": ["k": ["v"]],
    ]
    let expected = """
      {
        "b": 1,
        "a": [
          true,
          null,
          2.5,
          "x"
        ],
        "empty": {},
        "none": [],
        "nested": {
          "k": [
            "v"
          ]
        }
      }
      """
    #expect(value.serialized(pretty: true) == expected)
    #expect(JSONValue.array([]).serialized(pretty: true) == "[]")
    #expect(JSONValue.string("a b").serialized(pretty: true) == "\"a b\"")
  }

  @Test("pretty and compact output are the same JSON", arguments: nastyStrings)
  func prettyMatchesCompact(_ text: String) throws {
    let value: JSONValue = [
      "text": .string(text), " spaced key ": [[], [:], [[1, 2], ["a": .string(text)]]],
      "n": -0.5,
    ]
    let compact = value.serialized()
    let pretty = value.serialized(pretty: true)
    #expect(minified(pretty) == compact)
    #expect(foundationValue(try parseWithFoundation(pretty), matches: value))
    #expect(foundationValue(try parseWithFoundation(compact), matches: value))
  }

  @Test("members keep the order they were built in, repeated keys included")
  func memberOrder() {
    var object = JSONObject()
    for key in ["zebra", "apple", "mango", "apple"] { object.append(key, .string(key)) }
    #expect(
      JSONValue.object(object).serialized()
        == #"{"zebra":"zebra","apple":"apple","mango":"mango","apple":"apple"}"#)
    let fromPairs = JSONValue.object([("z", 1), ("a", 2)])
    #expect(fromPairs.serialized() == #"{"z":1,"a":2}"#)
    #expect(fromPairs != JSONValue.object([("a", 2), ("z", 1)]))
  }

  @Test("object and value accessors")
  func accessors() {
    var object: JSONObject = ["a": 1, "b": 2]
    object["a"] = "one"
    object["c"] = 3
    #expect(object.keys == ["a", "b", "c"])
    #expect(object["a"] == "one")
    object["b"] = nil
    #expect(object.keys == ["a", "c"])
    #expect(object.map(\.key) == ["a", "c"])

    let value = JSONValue.object(object)
    #expect(value["c"] == 3)
    #expect(value["missing"] == nil)
    #expect(JSONValue.array([1, 2])[1] == 2)
    #expect(JSONValue.array([1, 2])[2] == nil)
    #expect(JSONValue.int(1)["a"] == nil)
  }

  @Test("literals and optional strings")
  func literals() {
    let name = "x"
    let value: JSONValue = [nil, true, 1, 1.5, "s", "in\(name)terp", [], [:]]
    #expect(
      value
        == .array([
          .null, .bool(true), .int(1), .double(1.5), .string("s"), .string("inxterp"), .array([]),
          .object(JSONObject()),
        ]))
    #expect(JSONValue(String?.none) == .null)
    #expect(JSONValue(String?.some("a")) == .string("a"))
  }

  @Test("writes to any TextOutputStream")
  func streams() {
    struct Chunks: TextOutputStream {
      var chunks: [String] = []
      mutating func write(_ string: String) { chunks.append(string) }
    }
    var chunks = Chunks()
    let value: JSONValue = ["a": [1, "b"]]
    value.write(to: &chunks, pretty: true)
    #expect(chunks.chunks == [value.serialized(pretty: true)])
    #expect(chunks.chunks.joined().contains("\n    1,\n"))
  }
}
