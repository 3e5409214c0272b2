import ArgExport
import ArgModel
import ArgdownSyntax

/// Reads argmap's own JSON dump (`MapJSON`, `argmap export json`) back into a map:
/// `parse(MapJSON.render(map))` gives `map` again.
///
/// Optional fields may be missing as well as `null`, so a hand-written file need not spell
/// them out. Every missing required field, value of the wrong type, unknown kind and invalid id
/// is an error at the offending value, and all of a file's errors are reported together.
public enum MapJSONReader {
  public static func parse(_ file: SourceFile) -> ParsedCorpus {
    let root: JSONNode
    do {
      root = try JSONReader.parse(file)
    } catch {
      return ParsedCorpus(map: ArgumentMap(), diagnostics: [error])
    }
    let reader = MapJSONRecords(fields: JSONFields(file))
    let map = reader.map(root)
    return ParsedCorpus(map: map, diagnostics: reader.fields.diagnostics)
  }
}

/// Reads the records of argmap's JSON form, collecting errors in `fields`. A class so that its
/// methods can be handed to `records` while they collect errors. ``AIFReader`` reads the same
/// records where argmap's AIF export keeps them.
final class MapJSONRecords {
  var fields: JSONFields

  init(fields: JSONFields) {
    self.fields = fields
  }

  func map(_ root: JSONNode) -> ArgumentMap {
    guard fields.object(root, "the document") != nil else { return ArgumentMap() }
    return ArgumentMap(
      title: fields.optionalString("title", in: root),
      sources: records("sources", in: root, required: false, source),
      positions: records("positions", in: root, required: true, position),
      groups: records("groups", in: root, required: false, group),
      claims: records("claims", in: root, required: true, claim),
      relations: records("relations", in: root, required: true, relation),
      reconstructions: records("reconstructions", in: root, required: false, reconstruction))
  }

  func records<Record>(
    _ key: String, in root: JSONNode, required: Bool,
    _ read: (JSONNode) -> Record?
  ) -> [Record] {
    let elements = fields.array(key, in: root, required: required) ?? []
    return elements.compactMap { element in
      guard fields.object(element, "each of '\(key)'") != nil else { return nil }
      return read(element)
    }
  }

  func position(_ record: JSONNode) -> Position? {
    let id = self.id("id", in: record)
    let title = fields.string("title", in: record)
    let summary = fields.optionalString("summary", in: record)
    guard let id, let title else { return nil }
    return Position(id: id, title: title, summary: summary)
  }

  func source(_ record: JSONNode) -> Source? {
    let id = self.id("id", in: record)
    let title = fields.string("title", in: record)
    let url = fields.optionalString("url", in: record)
    guard let id, let title else { return nil }
    return Source(id: id, title: title, url: url)
  }

  func group(_ record: JSONNode) -> Group? {
    let id = self.id("id", in: record)
    let title = fields.string("title", in: record)
    let position = self.id("position", in: record)
    let parent = optionalID("parent", in: record)
    guard let id, let title, let position else { return nil }
    return Group(id: id, title: title, position: position, parent: parent)
  }

  private func claim(_ record: JSONNode) -> Claim? {
    let id = self.id("id", in: record)
    let kind = enumValue("kind", ClaimKind.self, in: record)
    let text = fields.string("text", in: record)
    let position = optionalID("position", in: record)
    let group = optionalID("group", in: record)
    let tags = self.tags(record)
    let provenance = self.provenance(record)
    let base = self.base(record)
    let title = fields.optionalString("title", in: record)
    let members = self.members(record)
    guard let id, let kind, let text, let tags, let provenance, let members else { return nil }
    return Claim(
      id: id, kind: kind, text: text, position: position, group: group, tags: tags,
      provenance: provenance, base: base, title: title, members: members)
  }

  /// The claim's wordings; missing means it has one. Nil after an error.
  func members(_ record: JSONNode) -> [ClaimMember]? {
    let records = fields.array("members", in: record, required: false) ?? []
    let members = records.map { node -> ClaimMember? in
      guard fields.object(node, "each of 'members'") != nil else { return nil }
      let text = fields.string("text", in: node)
      let position = optionalID("position", in: node)
      let group = optionalID("group", in: node)
      let tags = self.tags(node)
      let provenance = self.provenance(node)
      guard let text, let tags, let provenance else { return nil }
      return ClaimMember(
        text: text, position: position, group: group, tags: tags, provenance: provenance)
    }
    return members.contains(nil) ? nil : members.compactMap { $0 }
  }

  private func relation(_ record: JSONNode) -> Relation? {
    let from = id("from", in: record)
    let to = id("to", in: record)
    let kind = enumValue("kind", RelationKind.self, in: record)
    let scheme = fields.optionalString("scheme", in: record)
    guard let from, let to, let kind else { return nil }
    return Relation(from: from, to: to, kind: kind, scheme: scheme)
  }

  func reconstruction(_ record: JSONNode) -> Reconstruction? {
    let argument = id("argument", in: record)
    let steps = (fields.array("steps", in: record, required: true) ?? []).compactMap {
      step -> Reconstruction.Step? in
      guard fields.object(step, "each of 'steps'") != nil else { return nil }
      let claim = id("claim", in: step)
      let inference = fields.optionalString("inference", in: step)
      return claim.map { Reconstruction.Step(claim: $0, inference: inference) }
    }
    return argument.map { Reconstruction(argument: $0, steps: steps) }
  }

  /// The claim's tags; missing or null means none.
  func tags(_ record: JSONNode) -> [String]? {
    guard let node = fields.member("tags", in: record, required: false) else { return [] }
    if case .null = node.content { return [] }
    guard case .array(let elements) = node.content else {
      fields.error("expected 'tags' to be an array, found \(node.typeDescription)", at: node.offset)
      return nil
    }
    let tags = elements.map { fields.string($0, "each tag") }
    return tags.contains(nil) ? nil : tags.compactMap { $0 }
  }

  /// The provenance fields; an outer nil after an error, an inner nil when the claim has none.
  func provenance(_ record: JSONNode) -> Provenance?? {
    let source = fields.optionalString("source", in: record)
    let comment = fields.optionalString("comment", in: record)
    let quote = fields.optionalString("quote", in: record)
    let speaker = fields.optionalString("speaker", in: record)
    let time = fields.optionalString("time", in: record)
    guard let source else {
      if [comment, quote, speaker, time].contains(where: { $0 != nil }) {
        fields.error(
          "expected a 'source' for the claim's comment, quote, speaker or time", at: record.offset)
        return nil
      }
      return .some(nil)
    }
    return Provenance(source: source, comment: comment, quote: quote, speaker: speaker, time: time)
  }

  func base(_ record: JSONNode) -> Double? {
    guard let base = fields.optionalNumber("base", in: record) else { return nil }
    guard (0...1).contains(base) else {
      fields.error("expected 'base' between 0 and 1, not \(base)", at: record["base"]!.offset)
      return nil
    }
    return base
  }

  func id(_ key: String, in record: JSONNode) -> String? {
    guard let id = fields.string(key, in: record) else { return nil }
    return validated(id, key, in: record)
  }

  func optionalID(_ key: String, in record: JSONNode) -> String? {
    guard let id = fields.optionalString(key, in: record) else { return nil }
    return validated(id, key, in: record)
  }

  private func validated(_ id: String, _ key: String, in record: JSONNode) -> String? {
    guard Identifier.isValid(id) else {
      fields.error(
        "'\(id)' is not a valid id for '\(key)': use ASCII letters, digits, '-', '_' and '.', "
          + "starting with a letter or digit", at: record[key]!.offset)
      return nil
    }
    return id
  }

  private func enumValue<Kind: RawRepresentable & CaseIterable>(
    _ key: String, _ type: Kind.Type, in record: JSONNode
  ) -> Kind? where Kind.RawValue == String {
    guard let raw = fields.string(key, in: record) else { return nil }
    guard let value = Kind(rawValue: raw) else {
      let known = Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
      fields.error(
        "expected '\(key)' to be one of \(known), not '\(raw)'", at: record[key]!.offset)
      return nil
    }
    return value
  }
}
