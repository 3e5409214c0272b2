import TestSupport
import Testing

@testable import ArgExport

@Suite("TextWrap")
struct TextWrapTests {
  @Test("short text stays on one line")
  func fits() {
    #expect(TextWrap.wrap("a short claim", width: 40) == ["a short claim"])
    #expect(TextWrap.wrap("exactly ten", width: 11) == ["exactly ten"])
  }

  @Test("greedy breaks between words")
  func greedy() {
    #expect(
      TextWrap.wrap("the quick brown fox jumps over the lazy dog", width: 10)
        == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
    #expect(TextWrap.wrap("aaaa bbbb", width: 9) == ["aaaa bbbb"])
    #expect(TextWrap.wrap("aaaa bbbb", width: 8) == ["aaaa", "bbbb"])
  }

  @Test("an over-long word is cut, and the next word may follow its last piece")
  func longWord() {
    #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(TextWrap.wrap("x abcdefghij y", width: 4) == ["x", "abcd", "efgh", "ij y"])
    #expect(TextWrap.wrap("abcdefgh y", width: 4) == ["abcd", "efgh", "y"])
    #expect(TextWrap.wrap("abc", width: 1) == ["a", "b", "c"])
  }

  @Test("whitespace runs collapse; leading and trailing whitespace goes")
  func whitespace() {
    #expect(TextWrap.wrap("  a \t  b   c  ", width: 40) == ["a b c"])
    #expect(TextWrap.wrap("a\u{A0}b", width: 40) == ["a b"])
  }

  @Test("line breaks are hard breaks; blank lines between paragraphs stay")
  func paragraphs() {
    #expect(TextWrap.wrap("one\ntwo", width: 40) == ["one", "two"])
    #expect(
      TextWrap.wrap("one\r\ntwo\rthree\u{2028}four", width: 40) == ["one", "two", "three", "four"])
    #expect(TextWrap.wrap("one\n\ntwo", width: 40) == ["one", "", "two"])
    #expect(TextWrap.wrap("\n\n one \n \n", width: 40) == ["one"])
    #expect(TextWrap.wrap("aa bb\ncc dd", width: 2) == ["aa", "bb", "cc", "dd"])
  }

  @Test("nothing to wrap gives no lines")
  func empty() {
    #expect(TextWrap.wrap("", width: 40) == [])
    #expect(TextWrap.wrap(" \n\t\r\n ", width: 40) == [])
  }

  @Test("columns are Characters: clusters, emoji and CJK count one each")
  func characters() {
    let decomposed = String(repeating: "e\u{301}", count: 6)
    #expect(
      TextWrap.wrap(decomposed, width: 3) == [String(repeating: "e\u{301}", count: 3)] + [
        String(repeating: "e\u{301}", count: 3)
      ])
    #expect(TextWrap.wrap("👩‍👩‍👧‍👦👩‍👩‍👧‍👦 🇨🇭🇨🇭", width: 2) == ["👩‍👩‍👧‍👦👩‍👩‍👧‍👦", "🇨🇭🇨🇭"])
    #expect(TextWrap.wrap("漢字かな", width: 2) == ["漢字", "かな"])
  }

  @Test("a width below 1 disables wrapping")
  func noWrap() {
    let text = "a fairly long line that would otherwise be wrapped\nsecond  paragraph"
    #expect(
      TextWrap.wrap(text, width: 0) == [
        "a fairly long line that would otherwise be wrapped", "second paragraph",
      ])
    #expect(TextWrap.wrap("a b", width: -5) == ["a b"])
  }

  @Test(
    "lines never exceed the width and keep every word, in order", arguments: [1, 2, 5, 13, 40, 80])
  func invariants(width: Int) {
    // One paragraph, so that every line break is the wrapper's.
    let text =
      "Lorem ipsum dolor sit amet, consectetur adipiscing elit; "
      + "Pneumonoultramicroscopicsilicovolcanoconiosis sed do eiusmod tempor incididunt ut "
      + "labore et dolore magna aliqua.   Ut enim ad minim veniam."
    let lines = TextWrap.wrap(text, width: width)
    #expect(lines.allSatisfy { $0.count <= width && !$0.isEmpty })
    #expect(lines.allSatisfy { !$0.hasPrefix(" ") && !$0.hasSuffix(" ") })
    #expect(lines.joined().filter { !$0.isWhitespace } == text.filter { !$0.isWhitespace })
    // Greedy: the first word of each line would not have fitted on the line before.
    for (previous, line) in zip(lines, lines.dropFirst()) {
      let firstWord = line.split(separator: " ").first.map(String.init) ?? ""
      #expect(previous.count + 1 + firstWord.count > width || firstWord.count > width)
    }
  }

  /// Single-spaced ASCII text is wrapped a line at a time; a doubled space or a trailing one
  /// sends the same words down the word-by-word path, which must agree.
  @Test("single-spaced text wraps as the word path wraps it", arguments: [1, 3, 7, 12, 40])
  func singleSpacedPathAgrees(width: Int) {
    var generator = SeededGenerator(seed: UInt64(width))
    for _ in 0..<300 {
      let words = (0..<Int.random(in: 1...14, using: &generator)).map { _ in
        String(repeating: "x", count: Int.random(in: 1...(width * 2 + 3), using: &generator))
      }
      let text = words.joined(separator: " ")
      let lines = TextWrap.wrap(text, width: width)
      #expect(lines == TextWrap.wrap(text + " ", width: width), "\(text)")
      #expect(lines == TextWrap.wrap(words.joined(separator: "  "), width: width), "\(text)")
      #expect(lines == TextWrap.wrap(text.replacingOccurrences(of: " ", with: "\t"), width: width))
    }
    #expect(TextWrap.wrap("abcdefgh ij", width: 3) == ["abc", "def", "gh", "ij"])
    #expect(TextWrap.wrap("ab cdefgh i", width: 3) == ["ab", "cde", "fgh", "i"])
    #expect(TextWrap.wrap("abcd e", width: 3) == ["abc", "d e"])
  }
}
