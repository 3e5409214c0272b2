import ArgExport
import ArgModel

/// Writes a map as GraphML (http://graphml.graphdrawing.org/xmlns) for graph tools such as
/// networkx, yEd and Gephi.
///
/// - One directed graph. Each claim is a node whose GraphML id is the claim's id; each relation
///   is an edge `from` → `to` with ids `e0`, `e1`, … in the map's order.
/// - Attributes are plain GraphML `<data>` declared by `<key>`s with `attr.name` and
///   `attr.type`, which every GraphML reader understands; no yEd graphics. Node attributes:
///   `kind`, `text`, `position`, `group`, `tags`, `source`, `comment`, `quote`, `speaker`,
///   `time`, `base` (a double) and `status`; edge attributes: `kind` and `scheme`; the graph has
///   `title`. A value the claim does not have is left out, so readers see it as missing.
///   GraphML has no list type: `tags` are joined by line feeds, which no tag can contain.
/// - Relations with an end that is not a claim in the map are left out, as a GraphML edge must
///   join two nodes; a repeated claim id is written once, from its first record.
/// - Text is escaped so that XML parsers give back exactly the map's characters: `<`, `&`, `>`,
///   quotes, and carriage returns, line feeds and tabs as character references (a parser would
///   otherwise turn `\r\n` into `\n`, and line breaks in attributes into spaces). Characters
///   XML 1.0 cannot carry at all, even as references (most C0 controls, U+FFFE, U+FFFF), become
///   U+FFFD, as in the DOT export.
///
/// Output is written as it is produced, in the map's order, so the same map always gives the
/// same bytes and a map of any size needs no more memory than one claim.
public enum GraphMLExporter {
  public static func write<Rows: MapRows>(
    _ rows: Rows, statuses: [String: String] = [:], to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    target.write(header)
    if let title = try rows.outline().title {
      target.write("    <data key=\"graph-title\">")
      writeEscaped(title, to: &target)
      target.write("</data>\n")
    }
    try rows.forEachClaim(in: nil) { writeNode($0, status: statuses[$0.id], to: &target) }
    var edges = 0
    try rows.forEachRelation { row in
      guard row.joinsClaims else { return }
      writeEdge(row.relation, index: edges, to: &target)
      edges += 1
    }
    target.write("  </graph>\n</graphml>\n")
  }

  /// The GraphML text; see ``write(_:statuses:to:)``.
  public static func render(_ map: ArgumentMap, statuses: [String: String] = [:]) -> String {
    var output = OutputBuffer()
    write(map, statuses: statuses, to: &output)
    return output.text
  }

  /// One declared attribute. Key ids carry the domain, because nodes and edges both have a
  /// `kind` and GraphML key ids are unique per document.
  private struct Key {
    var domain: String
    var name: String
    var type = "string"

    var id: String { "\(domain)-\(name)" }
  }

  private static let keys = [
    Key(domain: "graph", name: "title"),
    Key(domain: "node", name: "kind"), Key(domain: "node", name: "text"),
    Key(domain: "node", name: "position"), Key(domain: "node", name: "group"),
    Key(domain: "node", name: "tags"), Key(domain: "node", name: "source"),
    Key(domain: "node", name: "comment"), Key(domain: "node", name: "quote"),
    Key(domain: "node", name: "speaker"), Key(domain: "node", name: "time"),
    Key(domain: "node", name: "base", type: "double"), Key(domain: "node", name: "status"),
    Key(domain: "node", name: "title"),
    Key(domain: "edge", name: "kind"), Key(domain: "edge", name: "scheme"),
  ]

  private static let header: String = {
    var header = """
      <?xml version="1.0" encoding="UTF-8"?>
      <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
      xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
      xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns \
      http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

      """
    for key in keys {
      header +=
        "  <key id=\"\(key.id)\" for=\"\(key.domain)\" attr.name=\"\(key.name)\" "
        + "attr.type=\"\(key.type)\"/>\n"
    }
    header += "  <graph id=\"argmap\" edgedefault=\"directed\">\n"
    return header
  }()

  private static func writeNode(
    _ claim: Claim, status: String?, to output: inout OutputBuffer
  ) {
    output.write("    <node id=\"")
    writeEscaped(claim.id, to: &output)
    output.write("\">\n")
    let provenance = claim.provenance
    writeData("node-kind", claim.kind.rawValue, to: &output)
    writeData("node-text", claim.text, to: &output)
    writeData("node-position", claim.position, to: &output)
    writeData("node-group", claim.group, to: &output)
    writeData(
      "node-tags", claim.tags.isEmpty ? nil : claim.tags.joined(separator: "\n"), to: &output)
    writeData("node-source", provenance?.source, to: &output)
    writeData("node-comment", provenance?.comment, to: &output)
    writeData("node-quote", provenance?.quote, to: &output)
    writeData("node-speaker", provenance?.speaker, to: &output)
    writeData("node-time", provenance?.time, to: &output)
    writeData("node-base", claim.base.map { "\($0)" }, to: &output)
    writeData("node-status", status, to: &output)
    writeData("node-title", claim.title, to: &output)
    output.write("    </node>\n")
  }

  private static func writeEdge(_ relation: Relation, index: Int, to output: inout OutputBuffer) {
    output.write("    <edge id=\"e")
    output.write(index)
    output.write("\" source=\"")
    writeEscaped(relation.from, to: &output)
    output.write("\" target=\"")
    writeEscaped(relation.to, to: &output)
    output.write("\">\n")
    writeData("edge-kind", relation.kind.rawValue, to: &output)
    writeData("edge-scheme", relation.scheme, to: &output)
    output.write("    </edge>\n")
  }

  /// A `<data>` element of the key `key` (one of `keys`' ids), or nothing without a value.
  private static func writeData(_ key: String, _ value: String?, to output: inout OutputBuffer) {
    guard let value else { return }
    output.write("      <data key=\"")
    output.write(key)
    output.write("\">")
    writeEscaped(value, to: &output)
    output.write("</data>\n")
  }

  /// `string` as XML character data that is also safe inside a double-quoted attribute; see the
  /// type's note.
  static func escaped(_ string: String) -> String {
    var output = OutputBuffer()
    writeEscaped(string, to: &output)
    return output.text
  }

  /// Writes ``escaped(_:)``: most strings need nothing, and are copied as they are.
  private static func writeEscaped(_ string: String, to output: inout OutputBuffer) {
    guard string.utf8Contains(block: blockNeedsAttention, byte: needsAttention) else {
      return output.write(string)
    }
    var result = ""
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t": result += "&#9;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      default: result.unicodeScalars.append(XMLCharacters.safe(scalar))
      }
    }
    output.write(result)
  }

  /// Whether a UTF-8 byte may start something ``escaped(_:)`` changes: markup characters, C0
  /// controls, and the lead byte of U+FFFE and U+FFFF.
  private static func needsAttention(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
      UInt8(ascii: "'"), 0x00..<0x20, 0xEF:
      true
    default: false
    }
  }
  /// True for every block of eight bytes holding a byte ``needsAttention(_:)`` is true of, and
  /// for any holding a non-ASCII byte.
  private static func blockNeedsAttention(_ block: UInt64) -> Bool {
    ByteBlocks.hasByte(below: 0x20, in: block) || ByteBlocks.hasNonASCII(block)
      || ByteBlocks.has(UInt8(ascii: "&"), in: block)
      || ByteBlocks.has(UInt8(ascii: "<"), in: block)
      || ByteBlocks.has(UInt8(ascii: ">"), in: block)
      || ByteBlocks.has(UInt8(ascii: "\""), in: block)
      || ByteBlocks.has(UInt8(ascii: "'"), in: block)
  }
}
