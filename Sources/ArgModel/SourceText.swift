/// A source's text, read for finding quotes in it.
///
/// A quote counts as found when it occurs verbatim, or once white space runs (line breaks
/// included) are folded to one space and typographic quotes and apostrophes to straight ones:
/// editors retype quotes with the keys they have, and wrap them where they like.
public struct SourceText: Sendable {
  /// Each line of the text, as characters, so a match can be shown in its own words.
  public let lines: [[Character]]
  private let spans: [CommentSpan]
  /// The folded text, and for each of its characters the line (from 1) and column it came from.
  private let folded: [Character]
  private let origin: [(line: Int, column: Int)]

  public init(_ text: String, spans: [CommentSpan] = []) {
    // A final line break ends the last line; it does not start another.
    var split = text.split(separator: "\n", omittingEmptySubsequences: false)
    if split.count > 1, split.last?.isEmpty == true { split.removeLast() }
    lines = split.map { Array($0.hasSuffix("\r") ? $0.dropLast() : $0) }
    self.spans = spans
    var folded: [Character] = []
    var origin: [(line: Int, column: Int)] = []
    for (index, line) in lines.enumerated() {
      for (column, character) in line.enumerated() {
        let character = Self.fold(character)
        if character == " ", folded.last == " " { continue }
        folded.append(character)
        origin.append((index + 1, column))
      }
      if folded.last != " " {
        folded.append(" ")
        origin.append((index + 1, line.count))
      }
    }
    self.folded = folded
    self.origin = origin
  }

  /// Where a quote was found: its first and last line, and the whole sentence (or sentences)
  /// around it on those lines.
  public struct Match: Hashable, Sendable {
    public var lines: ClosedRange<Int>
    public var context: String
  }

  /// What looking for a quote found.
  public enum Finding: Hashable, Sendable {
    /// Inside the comment's span, or anywhere when the comment's span is unknown.
    case found(Match)
    /// In the text, but not inside any span of the comment the claim names.
    case outsideComment(Match)
    /// Nowhere; the passage most like it, to correct it from.
    case missing(nearest: Match?)
  }

  /// Looks for `quote`, inside the spans of `comment` when the text knows any.
  public func find(_ quote: String, inComment comment: String?) -> Finding {
    let allowed = spans.filter { $0.comment == comment }.map(\.lines)
    let matches = occurrences(of: quote)
    if let inside = matches.first(where: { match in
      allowed.isEmpty || allowed.contains { $0.contains(match.lines) }
    }) {
      return .found(inside)
    }
    if let elsewhere = matches.first { return .outsideComment(elsewhere) }
    return .missing(nearest: nearestPassage(to: quote, within: allowed))
  }

  /// Every place `quote` occurs, folded, in text order. An ellipsis opening or closing the
  /// quote marks it as cut from a longer passage (AIF imports cut long locutions so), and is
  /// not looked for.
  func occurrences(of quote: String) -> [Match] {
    var needle = Self.folded(quote)
    for ellipsis in ["\u{2026}", "..."] {
      if needle.starts(with: ellipsis) { needle.removeFirst(ellipsis.count) }
      if needle.reversed().starts(with: ellipsis.reversed()) { needle.removeLast(ellipsis.count) }
    }
    while needle.first == " " { needle.removeFirst() }
    while needle.last == " " { needle.removeLast() }
    guard let first = needle.first, needle.count <= folded.count else { return [] }
    var matches: [Match] = []
    var start = 0
    while start + needle.count <= folded.count {
      if folded[start] == first, folded[start..<(start + needle.count)].elementsEqual(needle) {
        matches.append(match(from: start, to: start + needle.count - 1))
      }
      start += 1
    }
    return matches
  }

  /// The run of words as long as the quote that shares most words with it, in the comment's
  /// spans when known. Word overlap finds the passage a quote was mistyped or paraphrased from
  /// without an edit distance at every offset.
  func nearestPassage(to quote: String, within allowed: [ClosedRange<Int>]) -> Match? {
    let wanted = Self.words(in: Self.folded(quote))
    let words = wordRanges().filter { range in
      allowed.isEmpty || allowed.contains { $0.contains(origin[range.lowerBound].line) }
    }
    guard !wanted.isEmpty, !words.isEmpty else { return nil }
    let length = min(wanted.count, words.count)
    var wantedCounts: [String: Int] = [:]
    for word in wanted { wantedCounts[word, default: 0] += 1 }
    var best: (score: Int, start: Int) = (-1, 0)
    for start in 0...(words.count - length) {
      var counts = wantedCounts
      var score = 0
      for range in words[start..<(start + length)] {
        let word = String(folded[range]).lowercased()
        if let left = counts[word], left > 0 {
          counts[word] = left - 1
          score += 1
        }
      }
      // Of passages sharing as many words, the one that starts as the quote does.
      let startsAlike = String(folded[words[start]]).lowercased() == wanted[0] ? 1 : 0
      score = score * 2 + startsAlike
      if score > best.score { best = (score, start) }
    }
    guard best.score > 0 else { return nil }
    return match(
      from: words[best.start].lowerBound, to: words[best.start + length - 1].upperBound - 1)
  }

  /// The folded text's words (runs without spaces), as index ranges into it.
  private func wordRanges() -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start: Int?
    for index in folded.indices {
      if folded[index] == " " {
        if let begun = start { ranges.append(begun..<index) }
        start = nil
      } else if start == nil {
        start = index
      }
    }
    if let begun = start { ranges.append(begun..<folded.count) }
    return ranges
  }

  private static func words(in characters: [Character]) -> [String] {
    characters.split(separator: " ").map { String($0).lowercased() }
  }

  /// The match from folded index `start` to `end`, widened to whole sentences on its lines.
  private func match(from start: Int, to end: Int) -> Match {
    let first = origin[start]
    let last = origin[end]
    var context: [String] = []
    for line in first.line...last.line {
      let characters = lines[line - 1]
      let from = line == first.line ? sentenceStart(characters, before: first.column) : 0
      let to =
        line == last.line
        ? sentenceEnd(characters, after: min(last.column, characters.count)) : characters.count
      context.append(String(characters[from..<to]).trimmingSpaces())
    }
    return Match(lines: first.line...last.line, context: context.joined(separator: " "))
  }

  private func sentenceStart(_ line: [Character], before column: Int) -> Int {
    var index = min(column, line.count)
    while index > 1 {
      if Self.endsSentence(line[index - 2]), line[index - 1] == " " { return index }
      index -= 1
    }
    return 0
  }

  private func sentenceEnd(_ line: [Character], after column: Int) -> Int {
    var index = column
    while index < line.count {
      if Self.endsSentence(line[index]), index + 1 == line.count || line[index + 1] == " " {
        return index + 1
      }
      index += 1
    }
    return line.count
  }

  private static func endsSentence(_ character: Character) -> Bool {
    character == "." || character == "?" || character == "!"
  }

  static func folded(_ text: String) -> [Character] {
    var result: [Character] = []
    for character in text {
      let character = fold(character)
      if character == " ", result.last == " " || result.isEmpty { continue }
      result.append(character)
    }
    if result.last == " " { result.removeLast() }
    return result
  }

  /// White space to a space; curly, low and prime quotes and apostrophes to straight ones.
  private static func fold(_ character: Character) -> Character {
    if character.isWhitespace { return " " }
    switch character {
    case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": return "'"
    case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": return "\""
    default: return character
    }
  }
}

extension String {
  fileprivate func trimmingSpaces() -> String {
    var characters = Substring(self)
    while characters.first == " " { characters.removeFirst() }
    while characters.last == " " { characters.removeLast() }
    return String(characters)
  }
}
