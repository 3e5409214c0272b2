import ArgModel

/// Reads argmap's corpus: a subset of Argdown (argdown.org) made of positions, statements,
/// arguments and support/rebut relations. See the README for the full syntax; in short:
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
/// A relation line's parent is the nearest line above it that is indented less, where
/// indentation is counted in columns and a tab advances to the next multiple of 4. A blank line
/// ends a claim's relations, as in Argdown.
public enum ArgdownParser {
  /// Parses all files as one corpus. `knownClaims` are ids (with kinds) already in the user's
  /// database, so references to them resolve.
  public static func parse(_ files: [SourceFile], knownClaims: [String: ClaimKind] = [:])
    -> ParsedCorpus
  {
    let session = ParseSession(files: files, knownClaims: knownClaims)
    for (index, file) in files.enumerated() {
      var bytes = Array(file.text.utf8)
      bytes.withUnsafeMutableBufferPointer { buffer in
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
    }
    return session.finish()
  }
}
