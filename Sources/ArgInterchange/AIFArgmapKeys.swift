import ArgExport
import ArgModel

/// What argmap's AIF export adds to AIF, so that a map comes back from it whole: keys that
/// arguebuf and OVA pass over, and that ``AIFReader`` reads only in a file that has the marker.
///
/// - The document's `argmap` key marks the file as argmap's and holds what belongs to no node,
///   as `export json` writes it: `version`, the map's `title`, and its `sources`, `positions`,
///   `groups` and `reconstructions`.
/// - A claim's node adds `kind` (`argument`; a statement has none), `wordless` (true for a
///   claim without words, whose node shows its name), `position`, `group`, `tags`, `base`,
///   `title`, `members` (each as `export json` writes a member) and its provenance's `source`
///   and `comment`. Its quote, speaker and time are AIF's own: a locution (L node) anchored to
///   it through a YA node, `Speaker : quote` with the speaker as a participant and the time as
///   the L node's timestamp.
/// - A CA node adds `relation`: `rebuts`, `undercuts` or `contradicts`, which AIF's conflict
///   does not tell apart. A scheme node has `scheme` only when the relation names one.
enum AIFArgmapKeys {
  /// The document key that marks argmap's export.
  static let marker = "argmap"
  static let version = 1

  // MARK: Writing

  /// Writes the `argmap` key's value: what of the map no node holds, at depth 1.
  static func writeMetadata<Rows: MapRows>(
    _ rows: Rows, pretty: Bool, to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    let outline = try rows.outline()
    var members = JSONWriter.Elements(pretty: pretty, depth: 1)
    func write(_ key: String, _ value: JSONValue, to target: inout OutputBuffer) {
      members.next(key: key, to: &target)
      JSONWriter.write(value, pretty: pretty, depth: 2, to: &target)
    }
    target.write("{")
    write("version", .int(version), to: &target)
    if let title = outline.title { write("title", .string(title), to: &target) }
    write("sources", .array(outline.sources.map(MapJSON.value(of:))), to: &target)
    write("positions", .array(outline.positions.map(MapJSON.value(of:))), to: &target)
    if !outline.groups.isEmpty {
      write("groups", .array(outline.groups.map(MapJSON.value(of:))), to: &target)
    }
    // Written only when the map has any, which is known once the first one comes.
    var reconstructions = JSONWriter.Elements(pretty: pretty, depth: 2)
    try rows.forEachReconstruction { reconstruction in
      if reconstructions.isEmpty {
        members.next(key: "reconstructions", to: &target)
        target.write("[")
      }
      reconstructions.next(to: &target)
      JSONWriter.write(MapJSON.value(of: reconstruction), pretty: pretty, depth: 3, to: &target)
    }
    if !reconstructions.isEmpty { reconstructions.close("]", to: &target) }
    members.close("}", to: &target)
  }

  /// The claim's keys in its node, in order.
  static func forEachMember(of claim: Claim, _ member: (String, JSONValue) -> Void) {
    if claim.kind == .argument { member("kind", .string(claim.kind.rawValue)) }
    if claim.text.isEmpty { member("wordless", .bool(true)) }
    if let position = claim.position { member("position", .string(position)) }
    if let group = claim.group { member("group", .string(group)) }
    if !claim.tags.isEmpty { member("tags", .array(claim.tags.map(JSONValue.string))) }
    if let base = claim.base { member("base", .double(base)) }
    if let title = claim.title { member("title", .string(title)) }
    if !claim.members.isEmpty {
      member("members", .array(claim.members.map(MapJSON.value(of:))))
    }
    if let provenance = claim.provenance {
      member("source", .string(provenance.source))
      if let comment = provenance.comment { member("comment", .string(comment)) }
    }
  }

  /// An L node's text as AIFdb writes it: `Speaker : what was said`.
  static func locutionText(_ provenance: Provenance) -> String {
    (provenance.speaker.map { "\($0) : " } ?? "") + (provenance.quote ?? "")
  }

  // MARK: Reading

  /// The file's metadata when it has the marker: a map of all but claims and relations.
  static func metadata(_ marker: JSONNode, fields: inout JSONFields) -> ArgumentMap {
    let records = MapJSONRecords(fields: fields)
    defer { fields = records.fields }
    guard records.fields.object(marker, "'\(Self.marker)'") != nil else { return ArgumentMap() }
    return ArgumentMap(
      title: records.fields.optionalString("title", in: marker),
      sources: records.records("sources", in: marker, required: false, records.source),
      positions: records.records("positions", in: marker, required: false, records.position),
      groups: records.records("groups", in: marker, required: false, records.group),
      reconstructions: records.records(
        "reconstructions", in: marker, required: false, records.reconstruction))
  }

  static func isArgument(_ record: JSONNode) -> Bool {
    guard case .string(let kind) = record["kind"]?.content else { return false }
    return kind == ClaimKind.argument.rawValue
  }

  /// A CA node's `relation`; nil when missing, and (with an error) when it is no conflict.
  static func conflict(_ record: JSONNode, fields: inout JSONFields) -> RelationKind? {
    guard let written = fields.optionalString("relation", in: record) else { return nil }
    guard let kind = RelationKind(rawValue: written), kind.isAttack else {
      fields.error(
        "expected 'relation' to be 'rebuts', 'undercuts' or 'contradicts', not '\(written)'",
        at: record["relation"]!.offset)
      return nil
    }
    return kind
  }

  /// What a locution that argmap wrote quotes: its text after the speaker's name.
  static func quote(_ text: String, speaker: String?) -> String? {
    var said = text[...]
    if let speaker, said.hasPrefix(speaker + " : ") { said = said.dropFirst(speaker.count + 3) }
    return said.isEmpty ? nil : String(said)
  }

  /// The keys a claim's node adds, read with the same rules as `export json`'s records.
  struct ClaimKeys {
    var isWordless: Bool
    var position: String?
    var group: String?
    var tags: [String]
    var base: Double?
    var members: [ClaimMember]
    var source: String?
    var comment: String?

    init(_ record: JSONNode, fields: inout JSONFields) {
      let records = MapJSONRecords(fields: fields)
      defer { fields = records.fields }
      if case .bool(let wordless) = record["wordless"]?.content {
        isWordless = wordless
      } else {
        isWordless = false
      }
      position = records.optionalID("position", in: record)
      group = records.optionalID("group", in: record)
      tags = records.tags(record) ?? []
      base = records.base(record)
      members = records.members(record) ?? []
      source = records.fields.optionalString("source", in: record)
      comment = records.fields.optionalString("comment", in: record)
    }
  }
}
