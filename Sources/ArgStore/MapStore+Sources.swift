import ArgModel
import SQLiteKit

/// A source as `sources` lists it: what cites it, and how much of it the map holds.
public struct SourceSummary: Hashable, Sendable {
  public var source: Source
  public var claims: Int
  /// Distinct comments cited by the claims drawn from it.
  public var comments: Int
  /// Lines of its text; nil when the map does not hold its text.
  public var lines: Int?
}

extension MapStore {
  /// Adds a source, or describes one already registered (a source cited before it was
  /// described is registered under its id). A text or spans given replace the stored ones.
  /// Returns whether the source is new.
  @discardableResult
  public func saveSource(_ source: Source) throws(StoreError) -> Bool {
    try requireValid(source)
    return try transaction {
      let isNew = try sourceSeq(source.id) == nil
      try database.run(
        """
        INSERT INTO sources (id, title, url) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = coalesce(excluded.url, url)
        """, [source.id, source.title, source.url])
      try writeText(of: source)
      return isNew
    }
  }

  /// Stores a source's text and comment spans, when it brings them; the row must exist. A new
  /// text drops the old spans, which counted lines of the old one.
  func writeText(of source: Source) throws {
    guard let seq = try sourceSeq(source.id) else { return }
    if let text = source.text {
      try database.run("UPDATE sources SET text = ? WHERE seq = ?", [text, seq])
    }
    guard source.text != nil || !source.spans.isEmpty else { return }
    try database.run("DELETE FROM comment_spans WHERE source_seq = ?", [seq])
    let insert = try database.prepare(
      "INSERT INTO comment_spans (source_seq, comment, first_line, last_line) VALUES (?, ?, ?, ?)")
    for span in source.spans {
      try insert.execute([seq, span.comment, span.lines.lowerBound, span.lines.upperBound])
    }
  }

  func requireValid(_ source: Source) throws(StoreError) {
    try requireValidID(source.id, of: .source)
    let lineCount = source.text.map { SourceText($0).lines.count }
    for span in source.spans {
      if span.lines.lowerBound < 1 || span.comment.isEmpty {
        throw .invalid("source '\(source.id)': comment span \(span.comment) is not a line range")
      }
      if let lineCount, span.lines.upperBound > lineCount {
        throw .invalid(
          "source '\(source.id)': comment \(span.comment) ends at line \(span.lines.upperBound), but the text has \(lineCount) lines"
        )
      }
    }
  }

  private func sourceSeq(_ id: String) throws -> Int? {
    try database.scalarInt("SELECT seq FROM sources WHERE id = ?", [id])
  }

  /// Every source, in the order registered, with its counts.
  public func sourceSummaries() throws(StoreError) -> [SourceSummary] {
    try storeErrors {
      try database.prepare(
        """
        SELECT s.id, s.title, s.url,
          (SELECT count(*) FROM claims c WHERE c.source_seq = s.seq),
          (SELECT count(DISTINCT c.comment) FROM claims c WHERE c.source_seq = s.seq),
          CASE WHEN s.text IS NULL THEN NULL
            ELSE length(s.text) - length(replace(s.text, char(10), '')) + 1
              - (substr(s.text, -1) = char(10)) END
        FROM sources s ORDER BY s.seq
        """
      ).map {
        SourceSummary(
          source: Source(id: $0.string(0), title: $0.string(1), url: $0.optionalString(2)),
          claims: $0.int(3), comments: $0.int(4), lines: $0.isNull(5) ? nil : $0.int(5))
      }
    }
  }

  /// One source with its text and comment spans, as far as the map holds them.
  public func source(id: String) throws(StoreError) -> Source {
    let found = try storeErrors {
      try database.prepare("SELECT seq, title, url, text FROM sources WHERE id = ?").first([id]) {
        (
          seq: $0.int(0),
          source: Source(
            id: id, title: $0.string(1), url: $0.optionalString(2), text: $0.optionalString(3))
        )
      }
    }
    guard let found else {
      throw .notFound(.source, id: id, suggestion: try nearest(to: id, in: "sources"))
    }
    var source = found.source
    let seq = found.seq
    source.spans = try storeErrors {
      try database.prepare(
        """
        SELECT comment, first_line, last_line FROM comment_spans WHERE source_seq = ?
        ORDER BY first_line, comment
        """
      ).map([seq]) { CommentSpan(comment: $0.string(0), lines: $0.int(1)...$0.int(2)) }
    }
    return source
  }

  /// The texts of the sources that have one, by source id, ready for finding quotes.
  public func sourceTexts() throws(StoreError) -> [String: SourceText] {
    let ids = try storeErrors {
      try database.prepare("SELECT id FROM sources WHERE text IS NOT NULL ORDER BY seq").map {
        $0.string(0)
      }
    }
    var texts: [String: SourceText] = [:]
    for id in ids {
      let source = try source(id: id)
      texts[id] = SourceText(source.text ?? "", spans: source.spans)
    }
    return texts
  }
}

extension MapStore {
  /// Where a claim's quote stands in its source's text; nil when it has no quote or the map
  /// does not hold that text.
  public func finding(forQuoteOf claim: Claim) throws(StoreError) -> SourceText.Finding? {
    guard let provenance = claim.provenance, let quote = provenance.quote else { return nil }
    let source = try source(id: provenance.source)
    guard let text = source.text else { return nil }
    return SourceText(text, spans: source.spans).find(quote, inComment: provenance.comment)
  }
}
