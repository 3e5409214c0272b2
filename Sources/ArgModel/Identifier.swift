/// Rules for the ids of positions, claims and sources, shared by the parser, the store and the
/// CLI so that an id accepted in one place is accepted everywhere.
public enum Identifier {
  /// Ids are slugs: ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit.
  /// Keeping them to this set means they need no quoting in Argdown, DOT or a shell.
  public static func isValid(_ id: String) -> Bool {
    guard let first = id.utf8.first, isAlphanumeric(first) else { return false }
    return id.utf8.allSatisfy {
      isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        || $0 == UInt8(ascii: ".")
    }
  }

  /// Tags are free text, but not empty and without control characters such as line breaks,
  /// so that every tag can be written back as `#(…)` in Argdown.
  public static func isValidTag(_ tag: String) -> Bool {
    !tag.allSatisfy(\.isWhitespace) && !containsControlCharacter(tag)
  }

  /// Whether `text` holds a control character (Unicode category Cc, such as a line break).
  /// In ASCII that is a byte below 0x20 or 0x7F, so ASCII text, most of any corpus, is checked
  /// byte by byte; the Unicode property lookup costs a tenth of a large import otherwise.
  public static func containsControlCharacter(_ text: String) -> Bool {
    var isASCII = true
    for byte in text.utf8 {
      if byte < 0x20 || byte == 0x7F { return true }
      if byte >= 0x80 { isASCII = false }
    }
    return !isASCII && text.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// A kebab-case slug made from a title, e.g. `Ambiguous users` → `ambiguous-users`.
  public static func slug(from title: String) -> String {
    var slug = ""
    var pendingDash = false
    for byte in title.utf8 {
      if isAlphanumeric(byte) {
        if pendingDash && !slug.isEmpty { slug.append("-") }
        pendingDash = false
        slug.unicodeScalars.append(Unicode.Scalar(lowercased(byte)))
      } else {
        pendingDash = true
      }
    }
    return slug
  }

  /// The id a claim's title gives it: its slug, cut at a word's end to at most
  /// `maximumTitleIDLength` characters, so that a paragraph used as a title still makes an id
  /// one can type. Empty when the title has no ASCII letter or digit.
  public static func id(forTitle title: String) -> String {
    let slug = slug(from: title)
    guard slug.utf8.count > maximumTitleIDLength else { return slug }
    var id = ""
    for word in slug.split(separator: "-") {
      guard id.utf8.count + word.utf8.count < maximumTitleIDLength else { break }
      id += id.isEmpty ? word : "-" + word
    }
    return id.isEmpty ? String(slug.prefix(maximumTitleIDLength)) : id
  }

  public static let maximumTitleIDLength = 48

  /// The candidate closest to `id` by edit distance, if it is close enough to be a likely typo.
  public static func nearest(to id: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(2, id.count / 3)
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(id, candidate)
      if distance <= limit, distance < (best?.distance ?? Int.max) {
        best = (candidate, distance)
      }
    }
    return best?.candidate
  }

  /// Levenshtein distance over Unicode scalars, with one row of memory.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars)
    let b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
  }

  private static func lowercased(_ byte: UInt8) -> UInt8 {
    (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte + 32 : byte
  }
}
