import Foundation
import Testing

@testable import ArgExport

/// Parses JSON text with Foundation, an independent parser, allowing a scalar at the top level.
func parseWithFoundation(_ text: String) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// Whether a value parsed by Foundation is the same JSON as `value`. Strings compare scalar by
/// scalar (Swift's `==` would equate canonically equivalent spellings), doubles bit by bit.
/// Object member order is checked elsewhere, on the text; Foundation returns a dictionary.
func foundationValue(_ parsed: Any, matches value: JSONValue) -> Bool {
  switch value {
  case .null:
    return parsed is NSNull
  case .bool(let bool):
    return (parsed as? Bool) == bool
  case .int(let int):
    return (parsed as? NSNumber)?.int64Value == Int64(int)
  case .double(let double):
    guard double.isFinite else { return parsed is NSNull }
    return (parsed as? NSNumber)?.doubleValue.bitPattern == double.bitPattern
  case .string(let string):
    guard let parsed = parsed as? String else { return false }
    return Array(parsed.unicodeScalars) == Array(string.unicodeScalars)
  case .array(let elements):
    guard let parsed = parsed as? [Any], parsed.count == elements.count else { return false }
    return zip(parsed, elements).allSatisfy { foundationValue($0, matches: $1) }
  case .object(let object):
    guard let parsed = parsed as? [String: Any], parsed.count == Set(object.keys).count else {
      return false
    }
    return object.allSatisfy { member in
      parsed[member.key].map { foundationValue($0, matches: member.value) } ?? false
    }
  }
}

/// JSON text with the whitespace outside strings removed.
func minified(_ json: String) -> String {
  var result = ""
  var inString = false
  var escaping = false
  for scalar in json.unicodeScalars {
    if inString {
      if escaping {
        escaping = false
      } else if scalar == "\\" {
        escaping = true
      } else if scalar == "\"" {
        inString = false
      }
    } else if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
      continue
    } else if scalar == "\"" {
      inString = true
    }
    result.unicodeScalars.append(scalar)
  }
  return result
}

/// Strings that have tripped JSON writers: every control character, quotes and backslashes next
/// to each other and to combining marks, the JavaScript line separators, and non-ASCII text.
let nastyStrings: [String] = [
  "",
  String(String.UnicodeScalarView((0...0x1F).map { Unicode.Scalar(UInt8($0)) })),
  "quote \" backslash \\ slash / both \\\" end\\",
  "\\u0041 is not an escape here, nor is \\n",
  "\"\u{301} quote then combining acute; \\\u{301} backslash then acute; \n\u{301}",
  "line\u{2028}separator and paragraph\u{2029}separator",
  "emoji 👩‍👩‍👧‍👦 🇨🇭 🏳️‍🌈 and astral 𝄞",
  "combining: e\u{301} vs é, Å vs A\u{30A}, zalgo a\u{300}\u{316}\u{350}",
  "RTL: مرحبا بالعالم — עברית \u{200F}mark\u{200E} and \u{202E}override\u{202C}",
  "CJK 漢字かなカナ 한국어",
  "DEL \u{7F} NEL \u{85} NBSP \u{A0} BOM \u{FEFF} noncharacter \u{FFFF}",
  "</script><!-- -->",
]
