import ArgModel

extension JSONValue {
  /// Writes the value as JSON text (RFC 8259), with no trailing newline.
  ///
  /// Compact output has no whitespace outside strings. Pretty output puts each array element and
  /// object member on its own line, indented by two spaces per level, with `": "` after keys;
  /// empty arrays and objects stay `[]` and `{}`.
  public func write(to target: inout some TextOutputStream, pretty: Bool = false) {
    target.write(serialized(pretty: pretty))
  }

  /// The value as JSON text; see ``write(to:pretty:)``.
  public func serialized(pretty: Bool = false) -> String {
    var output = OutputBuffer()
    JSONWriter.write(self, pretty: pretty, depth: 0, to: &output)
    return output.text
  }
}

extension JSONValue: CustomStringConvertible {
  /// Compact JSON text.
  public var description: String { serialized() }
}

/// The serializer behind ``JSONValue/write(to:pretty:)``, split into pieces so that exporters can
/// stream a large document element by element with byte-identical output. Public for the
/// exporters of other modules (AIF in ArgInterchange).
///
/// It writes bytes into an ``OutputBuffer``: punctuation a byte at a time and strings copied
/// whole, where a `TextOutputStream` would take every comma and quote as a `String`.
public enum JSONWriter {
  public static func write(
    _ value: JSONValue, pretty: Bool, depth: Int, to target: inout OutputBuffer
  ) {
    switch value {
    case .null: target.write("null")
    case .bool(let bool): target.write(bool ? "true" : "false")
    case .int(let int): target.write(int)
    case .double(let double): writeNumber(double, to: &target)
    case .string(let string): writeString(string, to: &target)
    case .array(let elements):
      writeContainer(elements, open: "[", close: "]", pretty: pretty, depth: depth, to: &target) {
        element, target in
        write(element, pretty: pretty, depth: depth + 1, to: &target)
      }
    case .object(let object):
      writeContainer(
        object.members, open: "{", close: "}", pretty: pretty, depth: depth, to: &target
      ) {
        member, target in
        writeKey(member.key, pretty: pretty, to: &target)
        write(member.value, pretty: pretty, depth: depth + 1, to: &target)
      }
    }
  }

  /// Writes `open`, each item through `writeItem` (which writes one value, or one key and value,
  /// at `depth + 1`), and `close`, with the separators and line breaks of the chosen layout.
  public static func writeContainer<Items: Collection>(
    _ items: Items, open: String, close: String, pretty: Bool, depth: Int,
    to target: inout OutputBuffer, writeItem: (Items.Element, inout OutputBuffer) -> Void
  ) {
    var elements = Elements(pretty: pretty, depth: depth)
    target.write(open)
    for item in items {
      elements.next(to: &target)
      writeItem(item, &target)
    }
    elements.close(close, to: &target)
  }

  /// The separators and line breaks between the elements (or members) of an array (or object)
  /// written one at a time, for a container whose length is not known until it ends. The
  /// caller writes the opening bracket, calls `next` before each element and `close` after the
  /// last: the bytes are those of ``writeContainer(_:open:close:pretty:depth:to:writeItem:)``.
  public struct Elements {
    let pretty: Bool
    /// The container's own depth; its elements are one deeper.
    let depth: Int
    public private(set) var isEmpty = true

    public init(pretty: Bool, depth: Int) {
      self.pretty = pretty
      self.depth = depth
    }

    public mutating func next(to target: inout OutputBuffer) {
      if pretty {
        writeLineBreak(depth: depth + 1, comma: !isEmpty, to: &target)
      } else if !isEmpty {
        target.write(ascii: UInt8(ascii: ","))
      }
      isEmpty = false
    }

    /// `next`, then an object member's key and colon.
    public mutating func next(key: String, to target: inout OutputBuffer) {
      next(to: &target)
      writeKey(key, pretty: pretty, to: &target)
    }

    public func close(_ bracket: String, to target: inout OutputBuffer) {
      if pretty && !isEmpty { writeLineBreak(depth: depth, to: &target) }
      target.write(bracket)
    }
  }

  /// The object of the members `forEach` gives, written as ``write(_:pretty:depth:to:)`` writes
  /// it, without building it: a large map's records are written a member at a time.
  public static func writeObject(
    pretty: Bool, depth: Int, to target: inout OutputBuffer,
    _ forEach: ((String, JSONValue) -> Void) -> Void
  ) {
    var members = Elements(pretty: pretty, depth: depth)
    target.write("{")
    forEach { key, value in
      members.next(key: key, to: &target)
      write(value, pretty: pretty, depth: depth + 1, to: &target)
    }
    members.close("}", to: &target)
  }

  /// Writes a member's key and the colon after it; the caller writes the value.
  public static func writeKey(_ key: String, pretty: Bool, to target: inout OutputBuffer) {
    if !writeQuoted(key, then: pretty ? ": " : ":", to: &target) {
      writeString(key, to: &target)
      target.write(pretty ? ": " : ":")
    }
  }

  /// A line break indented to `depth`, after a comma if there is one. Every element of a large
  /// export passes here, so it goes in as one token.
  static func writeLineBreak(depth: Int, comma: Bool = false, to target: inout OutputBuffer) {
    let start = comma ? 1 : 0
    target.write(count: start + 1 + 2 * depth) { bytes in
      if comma { bytes.pointee = UInt8(ascii: ",") }
      bytes[start] = UInt8(ascii: "\n")
      (bytes + start + 1).update(repeating: UInt8(ascii: " "), count: 2 * depth)
    }
  }

  /// The shortest text that reads back as the same `Double`; `null` if there is none.
  static func writeNumber(_ number: Double, to target: inout OutputBuffer) {
    // Swift's `description` is the shortest round-trip form, and for finite values it is always
    // valid JSON: `1.0`, `-0.0`, `1e-07`, `1.7976931348623157e+308`.
    target.write(number.isFinite ? number.description : "null")
  }

  public static func writeString(_ string: String, to target: inout OutputBuffer) {
    if !writeQuoted(string, then: "", to: &target) {
      target.write(ascii: UInt8(ascii: "\""))
      target.write(escaped(string))
      target.write(ascii: UInt8(ascii: "\""))
    }
  }

  /// Writes `string` in quotes, then `suffix`, as one token when the string needs no escape,
  /// and returns whether it did: most strings need none, and they are most of an export.
  private static func writeQuoted(
    _ string: String, then suffix: StaticString, to target: inout OutputBuffer
  ) -> Bool {
    var string = string
    return string.withUTF8 { text in
      guard
        ByteBlocks.firstIndex(in: text, from: 0, block: blockMayNeedEscape, byte: mayNeedEscape)
          == text.count
      else { return false }
      suffix.withUTF8Buffer { suffix in
        target.write(count: text.count + 2 + suffix.count) { bytes in
          bytes.pointee = UInt8(ascii: "\"")
          if let start = text.baseAddress { (bytes + 1).update(from: start, count: text.count) }
          bytes[text.count + 1] = UInt8(ascii: "\"")
          if let start = suffix.baseAddress {
            (bytes + text.count + 2).update(from: start, count: suffix.count)
          }
        }
      }
      return true
    }
  }

  /// True for every byte that starts something `escaped` rewrites: controls, `"`, `\`, and the
  /// lead byte 0xE2 of U+2028 and U+2029 (it also leads other characters, which cost only the
  /// slower path).
  private static func mayNeedEscape(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
  }

  /// True for every block of eight bytes holding a byte ``mayNeedEscape(_:)`` is true of, and
  /// for any holding a non-ASCII byte.
  private static func blockMayNeedEscape(_ block: UInt64) -> Bool {
    ByteBlocks.hasByte(below: 0x20, in: block) || ByteBlocks.hasNonASCII(block)
      || ByteBlocks.has(UInt8(ascii: "\""), in: block)
      || ByteBlocks.has(UInt8(ascii: "\\"), in: block)
  }

  /// Works scalar by scalar rather than on `Character`s or `String` indices: an escaped scalar
  /// may share a grapheme cluster with the next one (`"` followed by U+0301), and slicing a
  /// `String` there would round to the cluster boundary.
  static func escaped(_ string: String) -> String {
    var result = ""
    result.reserveCapacity(string.utf8.count + 8)
    for scalar in string.unicodeScalars {
      switch scalar.value {
      case 0x22: result += "\\\""
      case 0x5C: result += "\\\\"
      case 0x08: result += "\\b"
      case 0x09: result += "\\t"
      case 0x0A: result += "\\n"
      case 0x0C: result += "\\f"
      case 0x0D: result += "\\r"
      case 0x00..<0x20, 0x2028, 0x2029: result += unicodeEscape(scalar.value)
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `\u` and four lowercase hex digits, as `JSON.stringify` writes them.
  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
