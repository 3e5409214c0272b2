/// Byte constants and classes. The parser works on UTF-8 bytes: every byte with a meaning in
/// the syntax is ASCII, so multi-byte characters pass through untouched.
enum ASCII {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D
  static let space: UInt8 = 0x20
  static let quote: UInt8 = 0x22  // "
  static let hash: UInt8 = 0x23  // #
  static let apostrophe: UInt8 = 0x27  // '
  static let openParen: UInt8 = 0x28  // (
  static let closeParen: UInt8 = 0x29  // )
  static let asterisk: UInt8 = 0x2A  // *
  static let plus: UInt8 = 0x2B  // +
  static let comma: UInt8 = 0x2C  // ,
  static let minus: UInt8 = 0x2D  // -
  static let dot: UInt8 = 0x2E  // .
  static let slash: UInt8 = 0x2F  // /
  static let colon: UInt8 = 0x3A  // :
  static let less: UInt8 = 0x3C  // <
  static let equals: UInt8 = 0x3D  // =
  static let greater: UInt8 = 0x3E  // >
  static let at: UInt8 = 0x40  // @
  static let openBracket: UInt8 = 0x5B  // [
  static let backslash: UInt8 = 0x5C  // \
  static let closeBracket: UInt8 = 0x5D  // ]
  static let underscore: UInt8 = 0x5F  // _
  static let openBrace: UInt8 = 0x7B  // {
  static let closeBrace: UInt8 = 0x7D  // }
  static let exclamation: UInt8 = 0x21  // !

  /// Comments are overwritten with this byte before lines are parsed. It never occurs in UTF-8,
  /// so a line made only of it and blanks is known to have held a comment, not nothing.
  static let commentFill: UInt8 = 0xFF

  /// Space, tab, or blanked-out comment.
  @inline(__always) static func isBlank(_ byte: UInt8) -> Bool {
    byte == space || byte == tab || byte == commentFill
  }

  @inline(__always) static func isLineBreak(_ byte: UInt8) -> Bool {
    byte == lineFeed || byte == carriageReturn
  }

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
    byte >= 0x30 && byte <= 0x39
  }

  @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte)
  }

  /// The characters of a claim, argument or position id (`Identifier.isValid` adds that the
  /// first one is a letter or digit).
  @inline(__always) static func isIDCharacter(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == minus || byte == underscore || byte == dot
  }

  /// ASCII punctuation: what a backslash escapes, as in CommonMark.
  @inline(__always) static func isPunctuation(_ byte: UInt8) -> Bool {
    (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40)
      || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
  }

  /// Characters of a bare `#tag`: ASCII letters and digits, `-`, `_`, and any non-ASCII
  /// character (as in Argdown, so `#café` is one tag).
  @inline(__always) static func isTagCharacter(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == minus || byte == underscore
      || (byte >= 0x80 && byte != commentFill)
  }

  /// Characters of a metadata key.
  @inline(__always) static func isKeyCharacter(_ byte: UInt8) -> Bool {
    isAlphanumeric(byte) || byte == minus || byte == underscore
  }
}
