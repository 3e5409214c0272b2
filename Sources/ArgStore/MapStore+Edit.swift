import ArgModel
import SQLiteKit

/// What `editClaim` changes. A nil field is left as it is; an empty string clears an optional
/// text field (title, group, comment, quote, speaker, time).
public struct ClaimEdit: Sendable, Equatable {
  public var text: String?
  public var title: String?
  public var position: String?
  public var group: String?
  public var kind: ClaimKind?
  public var addedTags: [String] = []
  public var removedTags: [String] = []
  public var source: String?
  public var comment: String?
  public var quote: String?
  public var speaker: String?
  public var time: String?
  public var base: Double?

  public init() {}

  public var isEmpty: Bool { self == ClaimEdit() }
}

extension MapStore {
  /// Changes what `edit` names of claim `id` and returns the claim as stored. Refused, with
  /// nothing changed, when the result would break a rule of the map: an undercut aimed at a
  /// statement, a reconstruction of a statement, a group outside the claim's position.
  @discardableResult
  public func editClaim(_ id: String, _ edit: ClaimEdit) throws(StoreError) -> Claim {
    let stored = try claim(id: id)
    let edited = try applying(edit, to: stored)
    try requireValid(edited)
    if let position = edited.position, position != stored.position {
      _ = try self.position(id: position)
    }
    guard edited != stored else { return stored }
    try storeErrors {
      try requireUniqueTitle(edited)
      try requireGroup(edited.group, in: edited.position)
      if edited.kind != stored.kind { try requireKindChangeAllowed(edited) }
      try transaction {
        var summary = ImportSummary()
        try registerSources([edited.provenance?.source].compactMap { $0 }, into: &summary)
        try database.run(
          """
          UPDATE claims SET \(Self.claimAssignments) WHERE id = ?1
          """, [id] + claimColumnValues(edited))
        let seq = try seq(ofClaim: id)
        if edited.tags != stored.tags { try replaceTags(ofClaimSeq: seq, with: edited.tags) }
        if edited.members != stored.members {
          try database.run("DELETE FROM claim_members WHERE claim_seq = ?", [seq])
          try insertMembers(ofClaimSeq: seq, edited.members)
        }
      }
    }
    return try claim(id: id)
  }

  private func applying(_ edit: ClaimEdit, to stored: Claim) throws(StoreError) -> Claim {
    var claim = stored
    if let text = edit.text {
      claim.text = Claim.normalizedText(text)
      // The canonical member carries the claim's words, so it follows them.
      if let canonical = claim.members.lastIndex(where: { $0.text == stored.text }) {
        claim.members[canonical].text = claim.text
      }
    }
    if let title = edit.title { claim.title = title.isEmpty ? nil : title }
    if let position = edit.position, position != stored.position {
      claim.position = position
      // A group belongs to one position; moving the claim leaves its old group behind.
      claim.group = nil
    }
    if let group = edit.group { claim.group = group.isEmpty ? nil : group }
    if let kind = edit.kind { claim.kind = kind }
    claim.setTags(Set(claim.tags).union(edit.addedTags).subtracting(edit.removedTags).sorted())
    claim.base = edit.base ?? claim.base
    claim.provenance = try provenance(stored.provenance, edited: edit, claim: stored.id)
    return claim
  }

  private func provenance(_ stored: Provenance?, edited edit: ClaimEdit, claim: String)
    throws(StoreError) -> Provenance?
  {
    let fields = [edit.comment, edit.quote, edit.speaker, edit.time]
    guard edit.source != nil || fields.contains(where: { $0 != nil }) else { return stored }
    // An empty source clears the provenance whole: the other fields mean nothing without it.
    if edit.source == "" { return nil }
    guard let source = edit.source ?? stored?.source else {
      throw .invalid("claim '\(claim)' has no source; give '--source' with its comment or quote")
    }
    func value(_ new: String?, _ old: String?) -> String? {
      guard let new else { return old }
      return new.isEmpty ? nil : new
    }
    return Provenance(
      source: source, comment: value(edit.comment, stored?.comment),
      quote: value(edit.quote.map(Claim.normalizedText), stored?.quote),
      speaker: value(edit.speaker, stored?.speaker), time: value(edit.time, stored?.time))
  }

  /// A title names one node, as in Argdown, where claims that share a title are one claim.
  func requireUniqueTitle(_ claim: Claim) throws {
    guard let title = claim.title,
      let other = try database.cachedStatement(
        "SELECT id FROM claims WHERE title = ? AND id <> ?"
      ).first([title, claim.id], { $0.string(0) })
    else { return }
    throw StoreError.invalid(
      "claim '\(other)' has the title '\(title)' already; in Argdown one title is one claim")
  }

  func requireGroup(_ group: String?, in position: String?) throws {
    guard let group else { return }
    guard
      let owner = try database.cachedStatement("SELECT position_id FROM claim_groups WHERE id = ?")
        .first([group], { $0.string(0) })
    else {
      throw StoreError.notFound(
        .group, id: group, suggestion: try nearest(to: group, in: "claim_groups"))
    }
    guard owner == position else {
      throw StoreError.invalid(
        "group '\(group)' belongs to position '\(owner)', not to '\(position ?? "none")'")
    }
  }

  /// An argument that is undercut or reconstructed cannot become a statement, and a
  /// statement that is a step of a reconstruction cannot become an argument.
  private func requireKindChangeAllowed(_ claim: Claim) throws {
    let seq = try seq(ofClaim: claim.id)
    let reason: String?
    if claim.kind == .statement {
      if try database.scalarInt(
        "SELECT 1 FROM relations WHERE to_seq = ? AND kind = 'undercuts'", [seq]) != nil
      {
        reason = "it is undercut, and only an argument can be; unlink the undercut first"
      } else if try database.scalarInt(
        "SELECT 1 FROM reconstruction_steps WHERE argument_seq = ?", [seq]) != nil
      {
        reason = "it has a premise-conclusion structure, which only an argument has"
      } else {
        reason = nil
      }
    } else if try database.scalarInt(
      "SELECT 1 FROM reconstruction_steps WHERE claim_seq = ?", [seq]) != nil
    {
      reason = "it is a step of a premise-conclusion structure, and steps are statements"
    } else {
      reason = nil
    }
    if let reason {
      throw StoreError.invalid(
        "claim '\(claim.id)' cannot become \(claim.kind == .statement ? "a statement" : "an argument"): \(reason)"
      )
    }
  }

  // MARK: - Renaming

  /// Gives a claim, position or source a new id. Everything that refers to it follows:
  /// relations, tags and reconstructions by the claim's seq, claims and groups by the foreign
  /// keys' ON UPDATE CASCADE.
  public func rename(_ item: StoreError.Item, from old: String, to new: String) throws(StoreError) {
    guard let table = Self.renamableTables[item] else {
      throw .invalid("a \(item.rawValue) cannot be renamed")
    }
    try requireValidID(new, of: item)
    try storeErrors {
      guard try database.scalarInt("SELECT 1 FROM \(table) WHERE id = ?", [old]) != nil else {
        throw StoreError.notFound(item, id: old, suggestion: try nearest(to: old, in: table))
      }
      guard try database.scalarInt("SELECT 1 FROM \(table) WHERE id = ?", [new]) == nil else {
        throw StoreError.alreadyExists(item, id: new)
      }
      try transaction { try database.run("UPDATE \(table) SET id = ? WHERE id = ?", [new, old]) }
    }
  }

  private static let renamableTables: [StoreError.Item: String] = [
    .claim: "claims", .position: "positions", .source: "sources",
  ]

  // MARK: - Removing

  /// Removes a position and its groups. Refused while it holds claims, unless `withClaims`,
  /// which removes them too with their relations. Returns how many claims went.
  @discardableResult
  public func removePosition(_ id: String, withClaims: Bool) throws(StoreError) -> Int {
    try remove(.position, id, withClaims: withClaims)
  }

  /// Removes a source. Refused while claims cite it, unless `withClaims`, which removes them
  /// too. Returns how many claims went.
  @discardableResult
  public func removeSource(_ id: String, withClaims: Bool) throws(StoreError) -> Int {
    try remove(.source, id, withClaims: withClaims)
  }

  /// A position or a source: each holds claims by a column of theirs, and wordings of other
  /// claims may stand in it or cite it, which removing it clears rather than deletes.
  private struct Holder {
    var table: String
    var claimColumn: String
    var holding: String
    var releaseMembers: String
  }

  private static let holders: [StoreError.Item: Holder] = [
    .position: Holder(
      table: "positions", claimColumn: "position_seq", holding: "holds",
      releaseMembers:
        "UPDATE claim_members SET position_seq = NULL, group_id = NULL WHERE position_seq = ?"),
    .source: Holder(
      table: "sources", claimColumn: "source_seq", holding: "is cited by",
      releaseMembers: """
        UPDATE claim_members SET source_seq = NULL, comment = NULL, quote = NULL, speaker = NULL,
          said_at = NULL
        WHERE source_seq = ?
        """),
  ]

  private func remove(_ item: StoreError.Item, _ id: String, withClaims: Bool) throws(StoreError)
    -> Int
  {
    let holder = Self.holders[item]!
    return try storeErrors {
      guard
        let key = try database.scalarInt("SELECT seq FROM \(holder.table) WHERE id = ?", [id])
      else {
        throw StoreError.notFound(item, id: id, suggestion: try nearest(to: id, in: holder.table))
      }
      let count =
        try database.scalarInt(
          "SELECT count(*) FROM claims WHERE \(holder.claimColumn) = ?", [key]) ?? 0
      guard count == 0 || withClaims else {
        throw StoreError.refused(
          "\(item.rawValue) '\(id)' \(holder.holding) \(count) claim\(count == 1 ? "" : "s"); "
            + "pass '--with-claims' to remove them too, or move them first")
      }
      try transaction {
        try database.run("DELETE FROM claims WHERE \(holder.claimColumn) = ?", [key])
        try database.run(holder.releaseMembers, [key])
        try database.run("DELETE FROM \(holder.table) WHERE id = ?", [id])
      }
      return count
    }
  }

  // MARK: - The map

  /// Sets the map's title, or removes it when `title` is nil.
  public func setTitle(_ title: String?) throws(StoreError) {
    if let title { try requireValidMapTitle(title) }
    try storeErrors {
      try transaction {
        if let title {
          try database.run(
            "INSERT INTO map_info (key, value) VALUES ('title', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [title])
        } else {
          try database.execute("DELETE FROM map_info WHERE key = 'title'")
        }
      }
    }
  }

  /// Runs `body` and rolls back whatever it wrote: what a write would change, without
  /// changing it.
  public func dryRun<T>(_ body: () throws -> T) throws(StoreError) -> T {
    var result: T?
    do {
      try database.transaction {
        result = try body()
        throw RolledBack()
      }
    } catch is RolledBack {
      // Expected: the rollback is the point.
    } catch let error as StoreError {
      throw error
    } catch let error as SQLiteError {
      throw .sqlite(error)
    } catch {
      throw .invalid("\(error)")
    }
    return result!
  }
}

/// Thrown to end a dry run's transaction in a rollback.
private struct RolledBack: Error {}
