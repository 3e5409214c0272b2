/// Reads abstract frameworks from the ICCMA formats.
public enum ICCMAReader {
  /// Parses bytes in one streaming pass over UTF-8 bytes (no per-line String allocation on the
  /// hot path); names are interned into indices via a dictionary, and an argument's index is the
  /// order in which it is declared. The first error stops the parse and is thrown with its
  /// `file:line:column`: an unknown argument in an attack, a duplicate argument, an attack before
  /// the header or an argument outside 1...N (i23), or a malformed fact or line. Attacks named
  /// twice are kept once. Line and column are worked out only when an error is thrown.
  public static func read(
    _ bytes: [UInt8], format: ICCMAFormat, file: String
  ) throws(ICCMAParseError) -> AbstractFramework {
    let result: Result<AbstractFramework, ICCMAParseError> = bytes.withUnsafeBufferPointer {
      buffer in
      var parser = ICCMAByteParser(bytes: buffer, file: file)
      defer { for storage in parser.decodedNames { storage.deallocate() } }
      return Result { () throws(ICCMAParseError) in
        switch format {
        case .apx: try parser.readAPX()
        case .tgf: try parser.readTGF()
        case .i23: try parser.readI23()
        }
      }
    }
    return try result.get()
  }
}

/// A cursor over the file's bytes with the grammar of each format.
private struct ICCMAByteParser {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String
  var position = 0
  var names: [String] = []
  /// Interned names, keyed by their bytes in the file so that a lookup makes no String.
  var index: [NameKey: Int] = [:]
  /// Storage of quoted names that had escapes, freed once the parse is over.
  var decodedNames: [UnsafeMutableBufferPointer<UInt8>] = []
  var attacks: [(attacker: Int, target: Int)] = []

  init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
    self.bytes = bytes
    self.file = file
  }

  // MARK: apx

  mutating func readAPX() throws(ICCMAParseError) -> AbstractFramework {
    while true {
      skipWhitespaceAndComments()
      guard position < bytes.count else { break }
      let start = position
      while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
      let isArgument: Bool
      if matches(start, "arg") {
        isArgument = true
      } else if matches(start, "att") {
        isArgument = false
      } else {
        throw error("expected 'arg' or 'att'", at: start)
      }
      try expect(UInt8(ascii: "("))
      if isArgument {
        try declare(try apxName())
      } else {
        let attacker = try argument(apxName())
        try expect(UInt8(ascii: ","))
        let target = try argument(apxName())
        attacks.append((attacker, target))
      }
      try expect(UInt8(ascii: ")"))
      try expect(UInt8(ascii: "."))
    }
    return AbstractFramework(names: names, attacks: attacks)
  }

  /// Whitespace, including line breaks, and `%` comments to the end of their line.
  private mutating func skipWhitespaceAndComments() {
    while position < bytes.count {
      let byte = bytes[position]
      if isWhitespace(byte) {
        position += 1
      } else if byte == UInt8(ascii: "%") {
        skipToEndOfLine()
      } else {
        return
      }
    }
  }

  private mutating func expect(_ byte: UInt8) throws(ICCMAParseError) {
    while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
    guard position < bytes.count, bytes[position] == byte else {
      throw error("expected '\(Character(Unicode.Scalar(byte)))'", at: position)
    }
    position += 1
  }

  /// A quoted name, or a run of bytes other than whitespace and `( ) , .`.
  private mutating func apxName() throws(ICCMAParseError) -> Name {
    while position < bytes.count, isWhitespace(bytes[position]) { position += 1 }
    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") { return try quotedName() }
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if isWhitespace(byte) || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
        || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".")
      {
        break
      }
      position += 1
    }
    guard position > start else { throw error("expected an argument name", at: start) }
    return name(at: start, start..<position)
  }

  // MARK: tgf

  mutating func readTGF() throws(ICCMAParseError) -> AbstractFramework {
    var inAttacks = false
    while position < bytes.count {
      skipBlanks()
      guard position < bytes.count, bytes[position] != UInt8(ascii: "\n") else {
        position += 1
        continue
      }
      if !inAttacks {
        if bytes[position] == UInt8(ascii: "#") {
          inAttacks = true
        } else {
          try declare(try tgfName())
        }
      } else {
        let attacker = try argument(tgfName())
        skipBlanks()
        let target = try argument(tgfName())
        attacks.append((attacker, target))
      }
      skipToEndOfLine()  // the rest is a TGF label
    }
    return AbstractFramework(names: names, attacks: attacks)
  }

  /// A quoted name or a run of bytes other than whitespace.
  private mutating func tgfName() throws(ICCMAParseError) -> Name {
    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") { return try quotedName() }
    let start = position
    while position < bytes.count, !isWhitespace(bytes[position]) { position += 1 }
    guard position > start else { throw error("expected an argument name", at: start) }
    return name(at: start, start..<position)
  }

  // MARK: i23

  mutating func readI23() throws(ICCMAParseError) -> AbstractFramework {
    var count: Int? = nil
    while position < bytes.count {
      skipBlanks()
      guard position < bytes.count else { break }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "#") {
        skipToEndOfLine()
        continue
      }
      let start = position
      if isDigit(byte) {
        guard let count else { throw error("attack before the 'p af N' header", at: start) }
        let attacker = try number(in: count)
        let target = try number(in: count)
        attacks.append((attacker - 1, target - 1))
      } else {
        while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
        guard position - start == 1, byte == UInt8(ascii: "p") else {
          throw error("expected an attack 'a b' or the header 'p af N'", at: start)
        }
        guard count == nil else { throw error("duplicate 'p af N' header", at: start) }
        skipBlanks()
        let kind = position
        while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
        guard matches(kind, "af") else { throw error("expected 'af'", at: kind) }
        skipBlanks()
        let digits = position
        guard let value = digitsValue() else {
          throw error("expected the number of arguments", at: digits)
        }
        guard value < Int(Int32.max) else { throw error("too many arguments", at: digits) }
        count = value
      }
      try endOfLine()
    }
    guard let count else { throw error("missing 'p af N' header", at: position) }
    names.reserveCapacity(count)
    for number in 0..<count { names.append(String(number + 1)) }
    return AbstractFramework(names: names, attacks: attacks)
  }

  /// An argument number in 1...count, after optional blanks.
  private mutating func number(in count: Int) throws(ICCMAParseError) -> Int {
    skipBlanks()
    let start = position
    guard let value = digitsValue() else { throw error("expected an argument number", at: start) }
    guard value >= 1, value <= count else {  // `1...count` would trap when count is 0
      let shown = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
      throw error("argument '\(shown)' is not in 1...\(count)", at: start)
    }
    return value
  }

  /// A run of decimal digits as a number, saturated at Int32.max; nil without digits.
  private mutating func digitsValue() -> Int? {
    let start = position
    var value = 0
    while position < bytes.count, isDigit(bytes[position]) {
      value = min(value * 10 + Int(bytes[position] &- UInt8(ascii: "0")), Int(Int32.max))
      position += 1
    }
    return position > start ? value : nil
  }

  /// Blanks, then a `#` comment, a line break or the end of the file.
  private mutating func endOfLine() throws(ICCMAParseError) {
    skipBlanks()
    guard position < bytes.count else { return }
    let byte = bytes[position]
    guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "#") else {
      throw error("expected the end of the line", at: position)
    }
    skipToEndOfLine()
  }

  // MARK: names

  /// A name as found in the file: where it starts (its quote, if quoted), and its bytes.
  struct Name {
    var start: Int
    var key: NameKey
  }

  private func name(at start: Int, _ range: Range<Int>) -> Name {
    Name(start: start, key: NameKey(bytes: UnsafeBufferPointer(rebasing: bytes[range])))
  }

  /// `"..."` with the escapes `\" \\ \n \r \t`, on one line.
  private mutating func quotedName() throws(ICCMAParseError) -> Name {
    let quote = position
    position += 1
    var decoded: [UInt8] = []
    var segment = position
    while true {
      guard position < bytes.count, bytes[position] != UInt8(ascii: "\n"),
        bytes[position] != UInt8(ascii: "\r")
      else { throw error("unterminated quoted name", at: quote) }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") { break }
      guard byte == UInt8(ascii: "\\") else {
        position += 1
        continue
      }
      decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<position]))
      let escape = position
      position += 1
      guard position < bytes.count else { throw error("unterminated quoted name", at: quote) }
      switch bytes[position] {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): decoded.append(bytes[position])
      case UInt8(ascii: "n"): decoded.append(UInt8(ascii: "\n"))
      case UInt8(ascii: "r"): decoded.append(UInt8(ascii: "\r"))
      case UInt8(ascii: "t"): decoded.append(UInt8(ascii: "\t"))
      default: throw error("unknown escape in quoted name", at: escape)
      }
      position += 1
      segment = position
    }
    defer { position += 1 }
    guard segment > quote + 1 else { return name(at: quote, quote + 1..<position) }
    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segment..<position]))
    let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: decoded.count)
    _ = storage.initialize(from: decoded)
    decodedNames.append(storage)
    return Name(start: quote, key: NameKey(bytes: UnsafeBufferPointer(storage)))
  }

  private mutating func declare(_ name: Name) throws(ICCMAParseError) {
    guard let text = String(validating: name.key.bytes, as: UTF8.self) else {
      throw error("argument name is not valid UTF-8", at: name.start)
    }
    let next = names.count
    let existing = index.updateValue(next, forKey: name.key)
    guard existing == nil else { throw error("duplicate argument '\(text)'", at: name.start) }
    names.append(text)
  }

  private func argument(_ name: Name) throws(ICCMAParseError) -> Int {
    guard let found = index[name.key] else {
      let text = String(decoding: name.key.bytes, as: UTF8.self)
      throw error("unknown argument '\(text)'", at: name.start)
    }
    return found
  }

  // MARK: bytes

  private mutating func skipBlanks() {
    while position < bytes.count {
      let byte = bytes[position]
      guard isWhitespace(byte), byte != UInt8(ascii: "\n") else { return }
      position += 1
    }
  }

  /// Moves past the next line break, or to the end.
  private mutating func skipToEndOfLine() {
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\n") { return }
    }
  }

  private func matches(_ start: Int, _ word: StaticString) -> Bool {
    guard position - start == word.utf8CodeUnitCount else { return false }
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    for offset in 0..<expected.count where bytes[start + offset] != expected[offset] {
      return false
    }
    return true
  }

  /// The error at a byte offset, its line and column counted from the start of the file.
  private func error(_ message: String, at offset: Int) -> ICCMAParseError {
    var line = 1
    var lineStart = 0
    for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    // Columns count Unicode scalars: every byte but UTF-8 continuation bytes.
    var column = 1
    for index in lineStart..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
    return ICCMAParseError(file: file, line: line, column: column, message: message)
  }
}

@inline(__always) private func isWhitespace(_ byte: UInt8) -> Bool {
  byte == 0x20 || (0x09...0x0D).contains(byte)
}

@inline(__always) private func isDigit(_ byte: UInt8) -> Bool {
  (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

@inline(__always) private func isWordByte(_ byte: UInt8) -> Bool {
  let lower = byte | 0x20
  return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || isDigit(byte)
    || byte == UInt8(ascii: "_")
}

/// A name's bytes, hashed and compared by content; valid while the parse runs.
private struct NameKey: Hashable {
  let bytes: UnsafeBufferPointer<UInt8>

  static func == (lhs: NameKey, rhs: NameKey) -> Bool {
    lhs.bytes.count == rhs.bytes.count && lhs.bytes.elementsEqual(rhs.bytes)
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
  }
}
