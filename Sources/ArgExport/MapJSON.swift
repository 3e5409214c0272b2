import ArgModel

/// The JSON form of an argument map:
///
/// ```json
/// {"positions":[{"id":"…","title":"…","summary":null}],
///  "claims":[{"id":"…","kind":"statement","position":"…","text":"…","tags":["…"],
///             "source":"…","comment":"C3","quote":"…","base":null}],
///  "relations":[{"from":"…","to":"…","kind":"supports"}]}
/// ```
///
/// Keys come in this order and optional fields are present as `null`, so every record has the
/// same shape. Records come in the map's order. The map's `sources` are not part of this form.
public enum MapJSON {
  public static func value(of map: ArgumentMap) -> JSONValue {
    .object([
      ("positions", .array(map.positions.map(value(of:)))),
      ("claims", .array(map.claims.map(value(of:)))),
      ("relations", .array(map.relations.map(value(of:)))),
    ])
  }

  public static func value(of position: Position) -> JSONValue {
    .object([
      ("id", .string(position.id)),
      ("title", .string(position.title)),
      ("summary", JSONValue(position.summary)),
    ])
  }

  public static func value(of claim: Claim) -> JSONValue {
    .object([
      ("id", .string(claim.id)),
      ("kind", .string(claim.kind.rawValue)),
      ("position", JSONValue(claim.position)),
      ("text", .string(claim.text)),
      ("tags", .array(claim.tags.map(JSONValue.string))),
      ("source", JSONValue(claim.provenance?.source)),
      ("comment", JSONValue(claim.provenance?.comment)),
      ("quote", JSONValue(claim.provenance?.quote)),
      ("base", claim.base.map(JSONValue.double) ?? .null),
    ])
  }

  public static func value(of relation: Relation) -> JSONValue {
    .object([
      ("from", .string(relation.from)),
      ("to", .string(relation.to)),
      ("kind", .string(relation.kind.rawValue)),
    ])
  }

  /// Writes `value(of: map)` one record at a time, so a large map is never held as one
  /// `JSONValue`. The bytes are the same as `value(of: map).write(to:pretty:)`.
  public static func write(
    _ map: ArgumentMap, pretty: Bool = false, to target: inout some TextOutputStream
  ) {
    writeStreaming(map, pretty: pretty, to: &target)
  }

  /// The map as JSON text; see ``write(_:pretty:to:)``.
  public static func render(_ map: ArgumentMap, pretty: Bool = false) -> String {
    var text = ""
    write(map, pretty: pretty, to: &text)
    return text
  }

  private enum Section: CaseIterable {
    case positions, claims, relations
  }

  private static func writeStreaming<Target: TextOutputStream>(
    _ map: ArgumentMap, pretty: Bool, to target: inout Target
  ) {
    JSONWriter.writeContainer(
      Section.allCases, open: "{", close: "}", pretty: pretty, depth: 0, to: &target
    ) { section, target in
      switch section {
      case .positions:
        writeRecords("positions", map.positions, pretty: pretty, to: &target, value(of:))
      case .claims:
        writeRecords("claims", map.claims, pretty: pretty, to: &target, value(of:))
      case .relations:
        writeRecords("relations", map.relations, pretty: pretty, to: &target, value(of:))
      }
    }
  }

  /// One top-level member: its key, then an array of records at depth 1.
  private static func writeRecords<Record, Target: TextOutputStream>(
    _ key: String, _ records: [Record], pretty: Bool, to target: inout Target,
    _ value: (Record) -> JSONValue
  ) {
    JSONWriter.writeKey(key, pretty: pretty, to: &target)
    JSONWriter.writeContainer(records, open: "[", close: "]", pretty: pretty, depth: 1, to: &target)
    { record, target in
      JSONWriter.write(value(record), pretty: pretty, depth: 2, to: &target)
    }
  }
}
