import ArgModel

/// The JSON form of an argument map:
///
/// ```json
/// {"title":"…",
///  "sources":[{"id":"…","title":"…","url":null}],
///  "positions":[{"id":"…","title":"…","summary":null}],
///  "groups":[{"id":"…","title":"…","position":"…","parent":null}],
///  "claims":[{"id":"…","kind":"statement","position":"…","text":"…","tags":["…"],
///             "source":"…","comment":"C3","quote":"…","base":null,
///             "group":"…","speaker":"…","time":"…","title":"…",
///             "members":[{"text":"…","position":"…","group":"…","tags":["…"],
///                         "source":"…","comment":"…","quote":"…","speaker":"…","time":"…"}]}],
///  "relations":[{"from":"…","to":"…","kind":"supports","scheme":"…"}],
///  "reconstructions":[{"argument":"…","steps":[{"claim":"…","inference":null}]}]}
/// ```
///
/// Keys come in this order. The fields of the first version of this form are always present,
/// optional ones as `null`, so every record has the same shape; the fields added since (the
/// map's `title`, `sources`, `groups` and `reconstructions`, a claim's `group`, `speaker`,
/// `time`, `title` and `members`, a relation's `scheme`) are left out when absent or empty, so
/// a map that has none of them is written exactly as before. Records come in the map's order.
/// A member has `text`, `position` and `tags` always, the rest when present.
public enum MapJSON {
  public static func value(of map: ArgumentMap) -> JSONValue {
    .object(
      Section.present(in: map).map { section in
        switch section {
        case .title: ("title", JSONValue(map.title))
        case .sources: ("sources", .array(map.sources.map(value(of:))))
        case .positions: ("positions", .array(map.positions.map(value(of:))))
        case .groups: ("groups", .array(map.groups.map(value(of:))))
        case .claims: ("claims", .array(map.claims.map(value(of:))))
        case .relations: ("relations", .array(map.relations.map(value(of:))))
        case .reconstructions:
          ("reconstructions", .array(map.reconstructions.map(value(of:))))
        }
      })
  }

  public static func value(of position: Position) -> JSONValue {
    .object([
      ("id", .string(position.id)),
      ("title", .string(position.title)),
      ("summary", JSONValue(position.summary)),
    ])
  }

  public static func value(of source: Source) -> JSONValue {
    .object([
      ("id", .string(source.id)), ("title", .string(source.title)), ("url", JSONValue(source.url)),
    ])
  }

  public static func value(of group: Group) -> JSONValue {
    .object([
      ("id", .string(group.id)),
      ("title", .string(group.title)),
      ("position", .string(group.position)),
      ("parent", JSONValue(group.parent)),
    ])
  }

  public static func value(of claim: Claim) -> JSONValue {
    var object = JSONObject()
    forEachMember(of: claim) { object.append($0, $1) }
    return .object(object)
  }

  /// The members of `value(of: claim)` in order, for a writer that writes them as they come.
  private static func forEachMember(of claim: Claim, _ body: (String, JSONValue) -> Void) {
    body("id", .string(claim.id))
    body("kind", .string(claim.kind.rawValue))
    body("position", JSONValue(claim.position))
    body("text", .string(claim.text))
    body("tags", .array(claim.tags.map(JSONValue.string)))
    body("source", JSONValue(claim.provenance?.source))
    body("comment", JSONValue(claim.provenance?.comment))
    body("quote", JSONValue(claim.provenance?.quote))
    body("base", claim.base.map(JSONValue.double) ?? .null)
    if let group = claim.group { body("group", .string(group)) }
    if let speaker = claim.provenance?.speaker { body("speaker", .string(speaker)) }
    if let time = claim.provenance?.time { body("time", .string(time)) }
    if let title = claim.title { body("title", .string(title)) }
    if !claim.members.isEmpty { body("members", .array(claim.members.map(value(of:)))) }
  }

  public static func value(of member: ClaimMember) -> JSONValue {
    var object: JSONObject = [
      "text": .string(member.text),
      "position": JSONValue(member.position),
      "tags": .array(member.tags.map(JSONValue.string)),
    ]
    appendIfPresent("group", member.group, to: &object)
    if let provenance = member.provenance {
      object.append("source", .string(provenance.source))
      appendIfPresent("comment", provenance.comment, to: &object)
      appendIfPresent("quote", provenance.quote, to: &object)
      appendIfPresent("speaker", provenance.speaker, to: &object)
      appendIfPresent("time", provenance.time, to: &object)
    }
    return .object(object)
  }

  public static func value(of relation: Relation) -> JSONValue {
    var object = JSONObject()
    forEachMember(of: relation) { object.append($0, $1) }
    return .object(object)
  }

  private static func forEachMember(of relation: Relation, _ body: (String, JSONValue) -> Void) {
    body("from", .string(relation.from))
    body("to", .string(relation.to))
    body("kind", .string(relation.kind.rawValue))
    if let scheme = relation.scheme { body("scheme", .string(scheme)) }
  }

  public static func value(of reconstruction: Reconstruction) -> JSONValue {
    .object([
      ("argument", .string(reconstruction.argument)),
      (
        "steps",
        .array(
          reconstruction.steps.map { step in
            .object([("claim", .string(step.claim)), ("inference", JSONValue(step.inference))])
          })
      ),
    ])
  }

  private static func appendIfPresent(_ key: String, _ value: String?, to object: inout JSONObject)
  {
    if let value { object.append(key, .string(value)) }
  }

  /// Writes `value(of: map)` a record at a time as `rows` gives them, so a large map is never
  /// held whole. The bytes are the same as `value(of: map).write(to:pretty:)`.
  public static func write<Rows: MapRows>(
    _ rows: Rows, pretty: Bool = false, to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    let outline = try rows.outline()
    var members = JSONWriter.Elements(pretty: pretty, depth: 0)
    target.write("{")
    if let title = outline.title {
      members.next(key: "title", to: &target)
      JSONWriter.writeString(title, to: &target)
    }
    if !outline.sources.isEmpty {
      members.next(key: "sources", to: &target)
      writeRecords(outline.sources, pretty: pretty, to: &target, value(of:))
    }
    members.next(key: "positions", to: &target)
    writeRecords(outline.positions, pretty: pretty, to: &target, value(of:))
    if !outline.groups.isEmpty {
      members.next(key: "groups", to: &target)
      writeRecords(outline.groups, pretty: pretty, to: &target, value(of:))
    }
    members.next(key: "claims", to: &target)
    var claims = JSONWriter.Elements(pretty: pretty, depth: 1)
    target.write("[")
    try rows.forEachClaim(in: nil) { claim in
      claims.next(to: &target)
      JSONWriter.writeObject(pretty: pretty, depth: 2, to: &target) { forEachMember(of: claim, $0) }
    }
    claims.close("]", to: &target)
    members.next(key: "relations", to: &target)
    var relations = JSONWriter.Elements(pretty: pretty, depth: 1)
    target.write("[")
    try rows.forEachRelation { row in
      relations.next(to: &target)
      JSONWriter.writeObject(pretty: pretty, depth: 2, to: &target) {
        forEachMember(of: row.relation, $0)
      }
    }
    relations.close("]", to: &target)
    // Written only when the map has any, which is known once the first one comes.
    var reconstructions = JSONWriter.Elements(pretty: pretty, depth: 1)
    try rows.forEachReconstruction { reconstruction in
      if reconstructions.isEmpty {
        members.next(key: "reconstructions", to: &target)
        target.write("[")
      }
      reconstructions.next(to: &target)
      JSONWriter.write(value(of: reconstruction), pretty: pretty, depth: 2, to: &target)
    }
    if !reconstructions.isEmpty { reconstructions.close("]", to: &target) }
    members.close("}", to: &target)
  }

  /// The map as JSON text; see ``write(_:pretty:to:)``.
  public static func render(_ map: ArgumentMap, pretty: Bool = false) -> String {
    var output = OutputBuffer()
    write(map, pretty: pretty, to: &output)
    return output.text
  }

  /// One top-level member's value: an array of records at depth 1.
  private static func writeRecords<Record>(
    _ records: [Record], pretty: Bool, to target: inout OutputBuffer, _ value: (Record) -> JSONValue
  ) {
    JSONWriter.writeContainer(records, open: "[", close: "]", pretty: pretty, depth: 1, to: &target)
    { record, target in
      JSONWriter.write(value(record), pretty: pretty, depth: 2, to: &target)
    }
  }

  private enum Section: CaseIterable {
    case title, sources, positions, groups, claims, relations, reconstructions

    /// The sections written for `map`: the original three always, the later ones when present.
    static func present(in map: ArgumentMap) -> [Section] {
      allCases.filter { section in
        switch section {
        case .title: map.title != nil
        case .sources: !map.sources.isEmpty
        case .groups: !map.groups.isEmpty
        case .reconstructions: !map.reconstructions.isEmpty
        case .positions, .claims, .relations: true
        }
      }
    }
  }
}
