import ArgModel

/// Reads argmap's corpus: Argdown (argdown.org) with positions, groups, statements, arguments,
/// relations and premise-conclusion structures. See the README for the full syntax; in short:
///
/// ```
/// # Realism critique {id: realism-critique, source: discussion}
///
/// [scenario-is-contrived]: The model sees a fictional thought experiment. #realism
///   {comment: C1, quote: "designed to make blackmail maximally appealing"}
///   + [other-claim]: Text. {comment: C1}
///   - [existing-claim]
///   -> <some-argument>
/// ```
///
/// Beyond the example:
/// - Relations: `+`/`<+` and `-`/`<-` (the child supports or rebuts the parent), `+>`/`->`
///   (the parent supports or rebuts the child), `<_`/`_` (the child undercuts the parent),
///   `_>` (the parent undercuts the child; only an argument can be undercut), `><` (the child
///   contradicts the parent).
/// - `<id>` (or `<id>: text`) followed by numbered steps `(1) …` with inference lines (`----`,
///   `-- rule --`, or `--` … `--` over several lines) is a premise-conclusion structure: each
///   step is a statement (`[id]: text`, `[id]` or untitled text) and relation lines indented
///   under a step attach to it. Metadata on inference lines is ignored with a warning.
/// - A heading with no position heading above it (of a lower level) is a position; a deeper
///   one is a group of that position, nested in the enclosing group. Group ids are slugs of the
///   titles, made unique with `-2`, `-3`, … in reading order, unless `{id: …}` gives one.
/// - Free text at the top level, in a relation line, a list item or a step is an untitled
///   statement, with an id made from its first words, unique among the corpus's ids.
/// - `* ` and `1. ` list items hold what a top-level line holds.
/// - Front matter (`===` … `===`, first in a file) gives the map's `title`; the first file to
///   give one wins; other keys are ignored with a warning.
/// - A title in brackets that is not a valid id (`[Some Title]`) stands for its slug.
/// - Mentions (`@[x]`, `@<x>`), links and emphasis (`**b**`, `_i_`, `[text](url)`) are kept
///   in the text verbatim, as typed: argmap stores a claim's words, not their rendering.
/// - Metadata may span lines and a line break before a `key:` line separates entries like a
///   comma; `[a, b]` and `{…}` values are read whole. Unknown keys are ignored with a warning.
///   `speaker` and `time` are provenance; `rephrases: [ids]` and `prefers: [ids]` relate the
///   claim to those claims.
///
/// Rules the example does not show:
/// - Lines end with `\n`, `\r\n` or `\r`; a leading byte order mark is ignored.
/// - A relation line's parent is the nearest line above it that is indented less, where
///   indentation is counted in columns and a tab advances to the next multiple of 4. A blank
///   line ends a claim's relations, as in Argdown. A `[id]` or `<id>` line without a marker
///   starts a new tree, whatever its indentation.
/// - Text runs over following lines (joined with one space) until a blank line, a heading, a
///   relation or another node line; runs of blanks collapse to one space and the text is
///   trimmed. A line holding only a comment does not end the text.
/// - A backslash before any ASCII punctuation stands for that character (CommonMark's rule);
///   before anything else it is a literal backslash.
/// - `#tag` (ASCII letters, digits, `-`, `_` and any non-ASCII character) and `#(any tag)` are
///   tags where `#` starts the text or follows a blank; elsewhere `#` is text.
/// - Metadata values run to `,` or `}` and are trimmed, or are double-quoted (`\"` and `\\`
///   escape, inner whitespace is kept, a line break reads as a space). A trailing comma and
///   `{}` are allowed; a value may not be empty. Nothing is a comment inside `{…}`.
/// - Source and position ids follow `Identifier.isValid`, like claim ids.
/// - A heading's `source` is the default for the claims under it, up to the next heading of
///   the same file; each file starts outside every position.
/// - Defining a claim again is allowed when kind and text are the same; tags and provenance
///   fields given both times must agree, and the first definition's position is kept.
///   Known claims may be redefined by the files.
public enum ArgdownParser {
  /// Parses all files as one corpus. `knownClaims` are ids (with kinds) already in the user's
  /// database, so references to them resolve. Each file's text is let go once it is parsed
  /// (when the caller holds no other copy), so a large corpus is not all in memory at once.
  ///
  /// `knownTitles` maps the titles of stored claims that have one to their ids, so that
  /// `[Arg Mapping]` finds the claim an earlier import titled so.
  public static func parse(
    _ files: consuming [SourceFile], knownClaims: [String: ClaimKind] = [:],
    knownTitles: [String: String] = [:]
  ) -> ParsedCorpus {
    parse(files, known: StoredClaims(kinds: knownClaims, titles: knownTitles), sink: nil) {
      $0.text
    }
  }

  /// Parses as above, with the stored claims looked up in `known` as they are named, and each
  /// file's text given by `read` when its turn comes, so that only one file's text is in memory
  /// at a time. With a `sink`, the claims of each file that no later file can change are
  /// written there once the file is read (see `ParseSink`), and the result holds only the rest;
  /// `known` must then find the claims written, too.
  public static func parse<Failure: Error>(
    _ files: consuming [SourceFile], known: any KnownClaims, sink: (any ParseSink)?,
    read: (SourceFile) throws(Failure) -> String
  ) throws(Failure) -> ParsedCorpus {
    let session = ParseSession(known: known, sink: sink)
    for index in files.indices {
      var bytes = Array(try read(files[index]).utf8)
      files[index].text = ""
      bytes.withUnsafeMutableBufferPointer { buffer in
        session.lines.add(path: files[index].path, bytes: UnsafeBufferPointer(buffer))
        if let unterminated = CommentStripper.blank(buffer) {
          let start = SourcePosition(file: index, offset: unterminated.start)
          session.error(
            "expected '\(unterminated.closer)' to close the comment started at \(session.lines.lineColumn(start))",
            at: SourcePosition(file: index, offset: buffer.count),
            notes: [(start, "to match this '\(unterminated.opener)'")])
        }
        var parser = FileParser(session: session, file: index, bytes: UnsafeBufferPointer(buffer))
        parser.parse()
      }
      session.endFile()
    }
    return session.finish()
  }
}
