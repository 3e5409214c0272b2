import ArgExport
import ArgdownSyntax
import Testing

@testable import ArgInterchange

private func read(_ text: String) throws(Diagnostic) -> JSONValue {
  try JSONReader.value(SourceFile(path: "t.json", text: text))
}

/// The diagnostic reading `text` fails with, as `line:column: message`.
private func failure(_ text: String) -> String? {
  do {
    _ = try read(text)
    return nil
  } catch {
    return "\(error.location.line):\(error.location.column): \(error.message)"
  }
}

@Suite struct JSONReaderTests {
  @Test(
    arguments: [
      ("null", .null),
      ("true", true),
      (" false ", false),
      ("0", 0),
      ("-12", -12),
      ("9223372036854775807", .int(Int.max)),
      ("9223372036854775808", .double(9_223_372_036_854_775_808)),
      ("1.5", 1.5),
      ("-0.0", .double(-0.0)),
      ("1e3", 1000.0),
      ("2.5E-2", 0.025),
      (#""a\"b\\c\/d\b\f\n\r\t""#, "a\"b\\c/d\u{8}\u{C}\n\r\t"),
      (#""\u0041\u00e9\u4e2D""#, "Aé中"),
      (#""\ud83d\ude00 é 👩‍👩‍👧""#, "😀 é 👩‍👩‍👧"),
      ("[]", []),
      ("{}", [:]),
      (#"[1, [2, {"a": [3]}], "x"]"#, [1, [2, ["a": [3]]], "x"]),
      (#"{"b": 1, "a": {"c": null}, "b": 2}"#, .object([("b", 1), ("a", ["c": nil]), ("b", 2)])),
      ("\u{FEFF}[true]", [true]),
    ] as [(String, JSONValue)])
  func readsTheGrammar(text: String, expected: JSONValue) throws {
    #expect(try read(text) == expected)
  }

  @Test func readsWhatTheWriterWrites() throws {
    let value: JSONValue = [
      "strings": .array(
        [
          "", "\u{0}\u{1F}", "quote \" back \\", "line\u{2028}sep", "astral 𝄞 🇨🇭",
          "e\u{301}",
        ]),
      "numbers": [0, -1, 1.0e-7, 1.7976931348623157e308, 0.1],
      "nested": [["x": [nil, true, false]]],
    ]
    #expect(try read(value.serialized()) == value)
    #expect(try read(value.serialized(pretty: true)) == value)
  }

  @Test(arguments: [
    ("", "1:1: expected a value, found the end of the document"),
    ("[1,]", "1:4: expected a value, found ']'"),
    ("[1 2]", "1:4: expected ',' or ']', found '2'"),
    (#"{"a" 1}"#, "1:6: expected ':' after the key, found '1'"),
    (#"{"a": 1,}"#, "1:9: expected a string as the member's key, found '}'"),
    ("{\n  a: 1}", "2:3: expected a string as the member's key, found 'a'"),
    ("[1]\n x", "2:2: expected the end of the document, found 'x'"),
    (#"["abc"#, #"1:2: expected '"' to close the string started here"#),
    ("[\"a\tb\"]", #"1:4: expected '\u0009' for a control character in a string"#),
    (
      #"["\x"]"#,
      #"1:4: expected one of '"', '\', '/', 'b', 'f', 'n', 'r', 't', 'u' after '\', found 'x'"#
    ),
    (#"["\u12G4"]"#, #"1:7: expected four hex digits after '\u', found 'G'"#),
    (#"["\ud800 x"]"#, #"1:3: expected a low surrogate '\uDC00'…'\uDFFF' to follow"#),
    (#"["\ud800\u0041"]"#, #"1:9: expected a low surrogate '\uDC00'…'\uDFFF'"#),
    (#"["\udc00"]"#, "1:3: expected a high surrogate before this low surrogate"),
    ("01", "1:2: expected the end of the document, found '1'"),
    ("-", "1:2: expected a digit after '-', found the end of the document"),
    ("1.", "1:3: expected a digit after '.', found the end of the document"),
    ("1e+", "1:4: expected a digit after the exponent's 'e', found the end of the document"),
    ("1e999", "1:1: number '1e999' is out of range"),
    ("tru", "1:1: expected a value, found 't'"),
    ("nul l", "1:1: expected a value, found 'n'"),
    ("[é, 1]", "1:2: expected a value, found 'é'"),
    ("\"é\" x", "1:5: expected the end of the document, found 'x'"),
    ("[1]\r\n\r\n  ]", "3:3: expected the end of the document, found ']'"),
    ("// c\n1", "1:1: expected a value, found '/'"),
  ])
  func reportsTheFirstErrorWhereItIs(text: String, expected: String) {
    #expect(failure(text) == expected)
  }

  @Test func capsTheNestingDepth() throws {
    let depth = JSONReader.maximumDepth
    let deepest = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    var value = try read(deepest)
    for _ in 1..<depth {
      guard case .array(let elements) = value, let inner = elements.first else {
        Issue.record("not nested \(depth) deep")
        return
      }
      value = inner
    }
    #expect(value == [])
    let tooDeep = String(repeating: "[", count: depth + 1)
    #expect(failure(tooDeep) == "1:\(depth + 1): nesting deeper than \(depth) levels")
    // Hostile input far beyond the cap fails the same way instead of overflowing the stack.
    #expect(
      failure(String(repeating: #"{"a":["#, count: 200_000))
        == "1:\(6 * depth / 2 + 1): nesting deeper than \(depth) levels")
  }

  @Test func nodesKnowWhereTheyStart() throws {
    let node = try JSONReader.parse(SourceFile(path: "t.json", text: #"{"a": [1, "é", {"b": 2}]}"#))
    guard case .array(let elements)? = node["a"]?.content else {
      Issue.record("'a' is not an array")
      return
    }
    #expect(node.offset == 0)
    #expect(elements.map(\.offset) == [7, 10, 16])
    #expect(elements[2]["b"]?.offset == 22)
  }
}
