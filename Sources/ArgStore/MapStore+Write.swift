import ArgModel
import SQLiteKit

/// What an import changed, claim by claim, so the CLI can say so.
public struct ImportSummary: Hashable, Sendable {
  public var positionsAdded: [String] = []
  public var positionsUpdated: [String] = []
  public private(set) var claimsAdded: [String] = []
  public var claimsUpdated: [String] = []
  public var claimsRemoved: [String] = []
  public private(set) var relationsAdded: [Relation] = []
  public var relationsChanged: [Relation] = []
  public var relationsRemoved: [Relation] = []
  public var sourcesAdded: [String] = []
  /// The map's title the files gave and the import did not take, because the map has another.
  public var ignoredTitle: String?
  /// The map's new title, when the import gave it one.
  public var titleSet: String?
  /// Claims the files define under another position than the stored one, which they keep.
  public var claimsKeptInPlace: [KeptClaim] = []

  /// A claim that stays in its stored position although a file defines it elsewhere.
  public struct KeptClaim: Hashable, Sendable {
    public var id: String
    public var storedPosition: String
    public var filePosition: String
  }

  /// How many claims and relations the import added: `claimsAdded` and `relationsAdded` list
  /// them only when `listsAdditions` is set, since at 10^6 claims the lists would cost more
  /// memory than the rest of the import.
  public private(set) var claimsAddedCount = 0
  public private(set) var relationsAddedCount = 0
  public var listsAdditions = true
  /// How many relations the import stated, new or stored already, each counted once.
  public internal(set) var relationsStated = 0

  public init() {}

  public var changedNothing: Bool {
    positionsAdded.isEmpty && positionsUpdated.isEmpty && claimsAddedCount == 0
      && claimsUpdated.isEmpty && claimsRemoved.isEmpty && relationsAddedCount == 0
      && relationsChanged.isEmpty && relationsRemoved.isEmpty && sourcesAdded.isEmpty
      && titleSet == nil
  }

  mutating func added(claim id: String) {
    claimsAddedCount += 1
    if listsAdditions { claimsAdded.append(id) }
  }

  mutating func added(_ relation: Relation) {
    relationsAddedCount += 1
    if listsAdditions { relationsAdded.append(relation) }
  }

  /// Relations added by a set-wise insert, counted without listing them.
  mutating func addedRelations(count: Int) {
    relationsAddedCount += count
  }

  /// `--replace` sorts the relations it added into added and changed ones, which needs the list.
  mutating func setRelationsAdded(_ relations: [Relation]) {
    relationsAdded = relations
    relationsAddedCount = relations.count
  }
}

extension MapStore {
  /// Merges `map` into the store in one transaction: all of it lands or none of it does.
  ///
  /// New claims are added and claims whose content changed are updated; relations are added (or
  /// change kind). With `replacingPositions`, the claims of every position that `map` defines
  /// are dropped first, with their relations, so a position can be rebuilt from its edited file.
  ///
  /// The map's title is taken from `map` only when the store has none, or with
  /// `replacingTitle`; otherwise the summary names the title left out.
  @discardableResult
  public func importMap(
    _ map: ArgumentMap, replacingPositions: Bool = false, replacingTitle: Bool = false
  ) throws(StoreError) -> ImportSummary {
    try validate(map)
    return try transaction {
      let replaced = replacingPositions ? try removeClaims(ofPositions: map.positions) : nil
      var summary = try importing(removed: replaced?.claims ?? [:]) { writer in
        try writer.write(map, replacingTitle: replacingTitle)
      }
      if var replaced {
        let kept = try restoreIncomingRelations(replaced, map: map)
        replaced.relations.removeAll { kept.contains($0) }
        record(replaced, against: map, into: &summary)
      }
      return summary
    }
  }

  /// Runs `body` with an import under way inside the caller's transaction: `body` hands the
  /// writer the map in parts (a file's claims as soon as they are read, the rest at the end),
  /// and the summary covers every part. Run it inside `transaction`, `recording` or `dryRun`,
  /// so that a failure in any part, however late, takes back every part written before it.
  public func importing(
    listing: Bool = true, _ body: (MapImport) throws -> Void
  ) throws -> ImportSummary {
    try importing(listing: listing, removed: [:], body)
  }

  private func importing(
    listing: Bool = true, removed: [String: Claim], _ body: (MapImport) throws -> Void
  ) throws -> ImportSummary {
    // Its own transaction, nested as a savepoint in the caller's: the import drops the index
    // trigger and makes staging tables, which a failure must take back even for a caller
    // that forgot to open one.
    try database.transaction {
      let writer = try MapImport(store: self, listing: listing, removed: removed)
      try writer.indexingNewClaimsAtEnd {
        try body(writer)
        try writer.resolveRelations()
      }
      try writer.dropStagingTables()
      return writer.summary
    }
  }

  public func addPosition(_ position: Position) throws(StoreError) {
    try requireValid(position)
    try transaction {
      guard try database.scalarInt("SELECT 1 FROM positions WHERE id = ?", [position.id]) == nil
      else { throw StoreError.alreadyExists(.position, id: position.id) }
      try insert(position)
    }
  }

  public func addClaim(_ claim: Claim) throws(StoreError) {
    try requireValid(claim)
    if let positionID = claim.position { _ = try position(id: positionID) }
    try storeErrors {
      try requireUniqueTitle(claim)
      try requireGroup(claim.group, in: claim.position)
    }
    try transaction {
      var summary = ImportSummary()
      try registerSources([claim.provenance?.source].compactMap { $0 }, into: &summary)
      guard try insertIfNew(claim) else { throw StoreError.alreadyExists(.claim, id: claim.id) }
    }
  }

  /// Adds "from kind to". Linking an already linked pair the same way changes nothing and
  /// returns false; a pair linked the other way must be unlinked first.
  @discardableResult
  public func link(_ relation: Relation) throws(StoreError) -> Bool {
    let fromSeq = try storeErrors { try seq(ofClaim: relation.from) }
    let toSeq = try storeErrors { try seq(ofClaim: relation.to) }
    if relation.kind == .undercuts {
      try requireUndercutTarget(
        relation, kind: try storeErrors { try storedKind(ofClaim: relation.to) })
    }
    return try transaction {
      if let existing = try existingKind(from: fromSeq, to: toSeq) {
        if existing != relation.kind, relation.kind.isSymmetric,
          try existingKind(from: toSeq, to: fromSeq) == nil
        {
          try insertRelation(relation, from: toSeq, to: fromSeq)
          return true
        }
        guard existing == relation.kind else {
          throw StoreError.invalid(
            "'\(relation.from)' already \(existing.rawValue) '\(relation.to)'; unlink it first")
        }
        return false
      }
      if try isStoredBackwards(relation, from: fromSeq, to: toSeq) { return false }
      try insertRelation(relation, from: fromSeq, to: toSeq)
      return true
    }
  }

  /// Removes the relation from `fromID` to `toID` and returns it.
  @discardableResult
  public func unlink(from fromID: String, to toID: String) throws(StoreError) -> Relation {
    let fromSeq = try storeErrors { try seq(ofClaim: fromID) }
    let toSeq = try storeErrors { try seq(ofClaim: toID) }
    return try transaction {
      guard let kind = try existingKind(from: fromSeq, to: toSeq) else {
        let reverse = try existingKind(from: toSeq, to: fromSeq)
        // "a contradicts b" is stored once, in the direction first given; either way names it.
        if let reverse, reverse.isSymmetric {
          try database.run(
            "DELETE FROM relations WHERE from_seq = ? AND to_seq = ?", [toSeq, fromSeq])
          return Relation(from: toID, to: fromID, kind: reverse)
        }
        throw StoreError.notFound(
          .relation, id: "\(fromID) → \(toID)",
          suggestion: reverse == nil ? nil : "\(toID) → \(fromID)")
      }
      try database.run("DELETE FROM relations WHERE from_seq = ? AND to_seq = ?", [fromSeq, toSeq])
      return Relation(from: fromID, to: toID, kind: kind)
    }
  }

  /// Deletes a claim; its relations and tags go with it.
  public func removeClaim(id: String) throws(StoreError) {
    _ = try claim(id: id)
    try transaction { try database.run("DELETE FROM claims WHERE id = ?", [id]) }
  }

  // MARK: - Import steps

  /// Rejects ids that the map's own rules forbid before anything is written.
  func validate(_ map: ArgumentMap) throws(StoreError) {
    for position in map.positions { try requireValid(position) }
    for claim in map.claims { try requireValid(claim) }
    for source in map.sources { try requireValid(source) }
    let positions = Set(map.positions.map(\.id))
    for positionID in Set(map.claims.compactMap(\.position)) where !positions.contains(positionID) {
      _ = try position(id: positionID)
    }
    let kinds = kindsOfClaims(askedAboutIn: map)
    for group in map.groups { try requireValidID(group.id, of: .group) }
    try requireKnownGroups(map)
    for reconstruction in map.reconstructions {
      try requireValid(reconstruction, kinds: kinds)
    }
  }

  /// The kinds of the claims that reconstructions name, as the map defines them: a dictionary
  /// of every claim would cost as much as the claims' ids again. (Undercuts are checked when
  /// the relations are resolved, every claim written by then.)
  private func kindsOfClaims(askedAboutIn map: ArgumentMap) -> [String: ClaimKind] {
    let asked = Set(map.reconstructions.map(\.argument))
    guard !asked.isEmpty else { return [:] }
    var kinds: [String: ClaimKind] = [:]
    for claim in map.claims where asked.contains(claim.id) && kinds[claim.id] == nil {
      kinds[claim.id] = claim.kind
    }
    return kinds
  }

  /// A claim or group may name a group defined in the map or already stored; any other name
  /// would fail as a bare foreign-key error, so it is reported by name instead.
  private func requireKnownGroups(_ map: ArgumentMap) throws(StoreError) {
    let defined = Set(map.groups.map(\.id))
    let named = Set(map.claims.compactMap(\.group) + map.groups.compactMap(\.parent))
    for id in named.subtracting(defined).sorted() {
      let stored = try storeErrors {
        try database.scalarInt("SELECT 1 FROM claim_groups WHERE id = ?", [id]) != nil
      }
      guard stored else {
        throw .notFound(.group, id: id, suggestion: try nearest(to: id, in: "claim_groups"))
      }
    }
  }

  /// An undercut denies that an argument's premises carry its conclusion, so only an argument
  /// has an inference to undercut. A missing target is left for the relation step to name.
  private func requireUndercutTarget(_ relation: Relation, kind: ClaimKind?) throws(StoreError) {
    guard kind == nil || kind == .argument else { throw Self.notAnUndercut(relation) }
  }

  static func notAnUndercut(_ relation: Relation) -> StoreError {
    .invalid(
      "'\(relation.from)' cannot undercut '\(relation.to)': only an argument has an inference "
        + "to undercut; use 'rebuts' to speak against a statement")
  }

  private func requireValid(_ reconstruction: Reconstruction, kinds: [String: ClaimKind])
    throws(StoreError)
  {
    let argument = reconstruction.argument
    // The argument may be stored already and only its reconstruction be new.
    var kind = kinds[argument]
    if kind == nil { kind = try storeErrors { try storedKind(ofClaim: argument) } }
    guard kind == .argument else {
      throw .invalid("'\(argument)' has a premise-conclusion structure but is not an argument")
    }
    guard let last = reconstruction.steps.last, last.isConclusion else {
      throw .invalid("the reconstruction of '\(argument)' does not end in a conclusion")
    }
    if reconstruction.steps.contains(where: { $0.claim == argument }) {
      throw .invalid("argument '\(argument)' cannot be a step of its own reconstruction")
    }
  }

  private func requireValid(_ position: Position) throws(StoreError) {
    try requireValidID(position.id, of: .position)
    // A heading may give only an id (`# {id: p}`), as the corpus format allows; blanks alone
    // are no title.
    if !position.title.isEmpty, position.title.allSatisfy(\.isWhitespace) {
      throw .invalid("position '\(position.id)' has a blank title")
    }
  }

  func requireValid(_ claim: Claim) throws(StoreError) {
    try requireValidID(claim.id, of: .claim)
    if let source = claim.provenance?.source { try requireValidID(source, of: .source) }
    for tag in claim.tags where !Identifier.isValidTag(tag) {
      throw .invalid(
        "invalid tag '\(tag)' on claim '\(claim.id)': a tag needs text and no line breaks")
    }
    // A node may have no words (Argdown shows it by its title), but not words of blanks alone.
    if !claim.text.isEmpty && claim.text.allSatisfy(\.isWhitespace) {
      throw .invalid("claim '\(claim.id)' has no text")
    }
    if let title = claim.title {
      if title.allSatisfy(\.isWhitespace) || Identifier.containsControlCharacter(title) {
        throw .invalid("claim '\(claim.id)' has a blank title, or a control character in it")
      }
      if title.utf8.count > Claim.maximumTitleLength {
        throw .invalid(
          "claim '\(claim.id)' has a title longer than \(Claim.maximumTitleLength) bytes")
      }
    }
    if let base = claim.base, !(0...1).contains(base) {
      throw .invalid("claim '\(claim.id)' has base score \(base); it must be between 0 and 1")
    }
    if Identifier.containsControlCharacter(claim.text) {
      throw .invalid(
        "claim '\(claim.id)' has a control character (such as a line break) in its text")
    }
    // Argdown writes provenance as one-line metadata; a line break there could not come back.
    if let provenance = claim.provenance {
      let fields = [
        ("comment", provenance.comment), ("quote", provenance.quote),
        ("speaker", provenance.speaker), ("time", provenance.time),
      ]
      for case (let name, let value?) in fields where Identifier.containsControlCharacter(value) {
        throw .invalid(
          "claim '\(claim.id)' has a control character (such as a line break) in its \(name)")
      }
    }
    // A claim is a sentence or a paragraph; search snippets and labels assume no more.
    if claim.text.utf8.count > Claim.maximumTextLength {
      throw .invalid(
        "claim '\(claim.id)' is longer than \(Claim.maximumTextLength) bytes; split it into claims")
    }
  }

  /// The map's title is one line of text, as front matter and headings give it.
  func requireValidMapTitle(_ title: String) throws(StoreError) {
    if title.allSatisfy(\.isWhitespace) || Identifier.containsControlCharacter(title) {
      throw .invalid("the map's title is blank or holds a control character")
    }
  }

  func requireValidID(_ id: String, of item: StoreError.Item) throws(StoreError) {
    guard Identifier.isValid(id) else {
      throw .invalid(
        "invalid \(item.rawValue) id '\(id)': use letters, digits, '-', '_' and '.', starting with a letter or digit"
      )
    }
  }

  func upsertSources(_ map: ArgumentMap, into summary: inout ImportSummary) throws {
    let exists = try database.prepare("SELECT 1 FROM sources WHERE id = ?")
    for source in map.sources {
      if try exists.first([source.id], { _ in true }) == nil {
        summary.sourcesAdded.append(source.id)
      }
      try database.run(
        """
        INSERT INTO sources (id, title, url) VALUES (?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET title = excluded.title, url = coalesce(excluded.url, url)
        WHERE title IS NOT excluded.title OR url IS NOT coalesce(excluded.url, url)
        """, [source.id, source.title, source.url])
      try writeText(of: source)
    }
    // A wording may cite a source of its own, which needs its row as the claim's does.
    let cited = map.claims.lazy.flatMap { claim in
      [claim.provenance?.source] + claim.members.map { $0.provenance?.source }
    }
    try registerSources(cited.compactMap { $0 }, into: &summary)
  }

  /// Sources cited but never described are registered under their id, so provenance keeps its
  /// foreign key and the user can describe them later.
  func registerSources(_ ids: [String], into summary: inout ImportSummary) throws {
    let insert = try database.prepare(
      "INSERT INTO sources (id, title) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
    for id in Set(ids).sorted() {
      try insert.execute([id, id])
      if database.changes > 0 { summary.sourcesAdded.append(id) }
    }
  }

  func upsertTitle(_ title: String?, replacing: Bool, into summary: inout ImportSummary)
    throws
  {
    guard let title else { return }
    try requireValidMapTitle(title)
    let stored = try self.title()
    guard stored != title else { return }
    if !replacing, stored != nil {
      summary.ignoredTitle = title
      return
    }
    summary.titleSet = title
    try database.run(
      "INSERT INTO map_info (key, value) VALUES ('title', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      [title])
  }

  /// Groups come parents first (the parser emits them in heading order), so each parent exists
  /// before its children refer to it.
  func upsertGroups(_ groups: [Group]) throws {
    let upsert = try database.prepare(
      """
      INSERT INTO claim_groups (id, title, position_id, parent_id) VALUES (?1, ?2, ?3, ?4)
      ON CONFLICT (id) DO UPDATE SET title = ?2, position_id = ?3, parent_id = ?4
      """)
    for group in groups {
      try upsert.execute([group.id, group.title, group.position, group.parent])
    }
  }

  /// An argument's reconstruction is replaced whole: steps are numbered, so merging two
  /// versions step by step would make an argument that neither file states.
  func replaceReconstructions(_ reconstructions: [Reconstruction]) throws {
    let clear = try database.prepare(
      "DELETE FROM reconstruction_steps WHERE argument_seq = (SELECT seq FROM claims WHERE id = ?)")
    let insert = try database.prepare(
      """
      INSERT INTO reconstruction_steps (argument_seq, step, claim_seq, inference)
      SELECT a.seq, ?2, c.seq, ?4 FROM claims a, claims c WHERE a.id = ?1 AND c.id = ?3
      """)
    let stored = try database.prepare(
      """
      SELECT c.id, s.inference FROM reconstruction_steps s JOIN claims c ON c.seq = s.claim_seq
      WHERE s.argument_seq = (SELECT seq FROM claims WHERE id = ?) ORDER BY s.step
      """)
    for reconstruction in reconstructions {
      // One stated again as it stands is no change, and leaves no trace in the history.
      let steps = try stored.map([reconstruction.argument]) {
        Reconstruction.Step(claim: $0.string(0), inference: $0.optionalString(1))
      }
      guard steps != reconstruction.steps else { continue }
      try clear.execute([reconstruction.argument])
      for (index, step) in reconstruction.steps.enumerated() {
        try insert.execute([reconstruction.argument, index + 1, step.claim, step.inference])
        guard database.changes == 1 else { throw try claimNotFound(step.claim) }
      }
    }
  }

  func upsertPositions(_ positions: [Position], into summary: inout ImportSummary) throws {
    let find = try database.prepare(
      "SELECT \(Rows.positionColumns) FROM positions p WHERE p.id = ?")
    let update = try database.prepare("UPDATE positions SET title = ?, summary = ? WHERE id = ?")
    for position in positions {
      switch try find.first([position.id], Rows.position) {
      case nil:
        try insert(position)
        summary.positionsAdded.append(position.id)
      case let existing?:
        let merged = position.merged(into: existing)
        guard merged != existing else { continue }
        try update.execute([merged.title, merged.summary, merged.id])
        // A position an earlier part of this import added is news only as an addition.
        if !summary.positionsAdded.contains(position.id) {
          summary.positionsUpdated.append(position.id)
        }
      }
    }
  }

  /// New claims go in by one statement each, which does nothing when the id is stored already;
  /// only then is the stored claim read and merged. Most claims of a large import are new.
  func upsertClaims(_ claims: [Claim], in writer: MapImport) throws {
    for claim in claims {
      guard try !insertIfNew(claim) else {
        if let before = writer.removed[claim.id] {
          if before != claim { writer.summary.claimsUpdated.append(claim.id) }
        } else {
          writer.summary.added(claim: claim.id)
        }
        continue
      }
      try merge(claim, in: writer)
    }
  }

  /// A claim stored before the import is merged and reported; one an earlier part of this
  /// import wrote (a claim stated again in a later file) is merged silently, since the summary
  /// counts it as added already.
  private func merge(_ claim: Claim, in writer: MapImport) throws {
    guard let found = try storedClaim(id: claim.id) else { throw try claimNotFound(claim.id) }
    let existing = found.claim
    let isNew = found.seq > writer.storedUpTo
    if let home = existing.position, let position = claim.position, home != position,
      !claim.text.isEmpty, claim.text != existing.text
    {
      throw StoreError.invalid(
        "claim '\(claim.id)' belongs to position '\(home)' and says something else there; "
          + "refer to it as '[\(claim.id)]' or edit it in its own position")
    }
    let merged = claim.merged(into: existing)
    if let home = existing.position, let position = claim.position, home != position, !isNew {
      writer.summary.claimsKeptInPlace.append(
        .init(id: claim.id, storedPosition: home, filePosition: position))
    }
    guard merged != existing else { return }
    // The update trigger takes the old text out of the index, so it must be in there.
    if found.seq > writer.unindexed { try indexClaims(after: &writer.unindexed) }
    try database.cachedStatement(
      """
      UPDATE claims SET \(Self.claimAssignments) WHERE seq = ?1
      """
    ).execute([found.seq] + claimColumnValues(merged))
    if merged.tags != existing.tags { try replaceTags(ofClaimSeq: found.seq, with: merged.tags) }
    if merged.members != existing.members {
      try database.run("DELETE FROM claim_members WHERE claim_seq = ?", [found.seq])
      try insertMembers(ofClaimSeq: found.seq, merged.members)
    }
    if !isNew { writer.summary.claimsUpdated.append(claim.id) }
  }

  /// The stored claim with its tags and members, and its seq.
  func storedClaim(id: String) throws -> (seq: Int, claim: Claim)? {
    guard
      var found = try database.cachedStatement(
        "SELECT \(Rows.claimColumns) FROM claims c WHERE c.id = ?"
      ).first([id], { (seq: $0.int(0), claim: Rows.claim($0, tags: [])) })
    else { return nil }
    found.claim.setTags(try tags(ofClaimSeqs: [found.seq])[found.seq] ?? [])
    found.claim.members = try members(ofClaimSeqs: [found.seq])[found.seq] ?? []
    return found
  }

  /// Indexes the claims with a seq above `seq` as `claims_fts_insert` would, and moves `seq`
  /// past them. New rows get seqs above every stored one, so these are the unindexed ones.
  func indexClaims(after seq: inout Int) throws {
    try database.cachedStatement(
      """
      INSERT INTO claims_fts (rowid, id, text, title, quote, speaker)
        SELECT seq, id, text, title, quote, speaker FROM claims WHERE seq > ?
      """
    ).execute([seq])
    seq = try database.scalarInt("SELECT coalesce(max(seq), 0) FROM claims") ?? 0
  }

  /// The relations of a part are staged, to be resolved when the import ends (see
  /// `MapImport.resolveRelations`).
  func upsertRelations(_ relations: [Relation], in writer: MapImport) throws {
    for relation in relations { try writer.stage(relation) }
  }

  /// Merges one relation into the pair's stored one, as `link` does. A file cannot silently
  /// turn a rebuttal into a support: the pair must be unlinked, or its position rebuilt with
  /// `--replace`.
  func merge(_ relation: Relation, from: Int, to: Int, into summary: inout ImportSummary) throws {
    switch try existingKind(from: from, to: to) {
    case nil:
      guard try !isStoredBackwards(relation, from: from, to: to) else { return }
      try insertRelation(relation, from: from, to: to)
      summary.added(relation)
    case relation.kind?:
      // A scheme the import names is news; one it leaves unsaid keeps the stored one.
      if let scheme = relation.scheme {
        try database.cachedStatement(
          "UPDATE relations SET scheme = ?3 WHERE from_seq = ?1 AND to_seq = ?2 AND scheme IS NOT ?3"
        ).execute([from, to, scheme])
      }
    case let stored?:
      // "a contradicts b" says "b contradicts a" too: the pair's other way may be free for it.
      if relation.kind.isSymmetric, try existingKind(from: to, to: from) == nil {
        try insertRelation(relation, from: to, to: from)
        summary.added(relation)
        return
      }
      throw RelationConflict(relation: relation, stored: stored)
    }
  }

  /// What `--replace` dropped, to report what did not come back.
  private struct Removed {
    var claims: [String: Claim]
    var relations: [Relation]
  }

  private func removeClaims(ofPositions positions: [Position]) throws -> Removed {
    var removed = Removed(claims: [:], relations: [])
    for position in positions {
      let claims = try loadClaims(
        "SELECT \(Rows.claimColumns) FROM claims c WHERE c.position_seq = \(Rows.positionSeq(ofID: "?"))",
        [position.id])
      for claim in claims { removed.claims[claim.id] = claim }
      removed.relations += try relations(touchingPosition: position.id)
      try database.run(
        "DELETE FROM claims WHERE position_seq = \(Rows.positionSeq(ofID: "?"))", [position.id])
      try database.run("DELETE FROM claim_groups WHERE position_id = ?", [position.id])
    }
    return removed
  }

  private func relations(touchingPosition positionID: String) throws -> [Relation] {
    try database.prepare(
      """
      SELECT \(Rows.relationColumns) FROM relations r
      JOIN claims f ON f.seq = r.from_seq JOIN claims t ON t.seq = r.to_seq
      WHERE f.position_seq = \(Rows.positionSeq(ofID: "?1"))
        OR t.position_seq = \(Rows.positionSeq(ofID: "?1"))
      """
    ).map([positionID], Rows.relation)
  }

  /// A relation from another position's claim into a rebuilt claim was most likely written in
  /// that other position's file, so rebuilding this position must not lose it: it is put back
  /// when its target comes back and the files say nothing about the pair. `unlink` removes one.
  private func restoreIncomingRelations(_ removed: Removed, map: ArgumentMap) throws -> Set<
    Relation
  > {
    let declared = Set(map.relations.map { [$0.from, $0.to] })
    let insert = try database.prepare(
      """
      INSERT OR IGNORE INTO relations (from_seq, to_seq, kind, scheme)
      SELECT f.seq, t.seq, ?3, ?4 FROM claims f, claims t WHERE f.id = ?1 AND t.id = ?2
      """)
    var restored: Set<Relation> = []
    for relation in removed.relations
    where removed.claims[relation.from] == nil && !declared.contains([relation.from, relation.to]) {
      try insert.execute([relation.from, relation.to, relation.kind.rawValue, relation.scheme])
      if database.changes > 0 { restored.insert(relation) }
    }
    return restored
  }

  private func record(
    _ removed: Removed, against map: ArgumentMap, into summary: inout ImportSummary
  ) {
    let kept = Set(map.claims.map(\.id))
    summary.claimsRemoved = removed.claims.keys.filter { !kept.contains($0) }.sorted()
    let restoredPairs = Set(map.relations.map { [$0.from, $0.to] })
    let removedRelations = Set(removed.relations).filter {
      !restoredPairs.contains([$0.from, $0.to])
    }
    summary.relationsRemoved = removedRelations.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
    // A relation dropped and restored unchanged is no news; restored with the other kind, it
    // changed.
    let previousKinds = Dictionary(
      removed.relations.map { ([$0.from, $0.to], $0.kind) }, uniquingKeysWith: { kind, _ in kind }
    )
    var added: [Relation] = []
    for relation in summary.relationsAdded {
      switch previousKinds[[relation.from, relation.to]] {
      case nil: added.append(relation)
      case relation.kind?: break
      default: summary.relationsChanged.append(relation)
      }
    }
    summary.setRelationsAdded(added)
  }

  // MARK: - Rows

  private func insert(_ position: Position) throws {
    try database.run(
      "INSERT INTO positions (id, title, summary) VALUES (?, ?, ?)",
      [position.id, position.title, position.summary])
  }

  /// Inserts `claim` unless its id is stored already; returns whether it did.
  private func insertIfNew(_ claim: Claim) throws -> Bool {
    try database.run(
      """
      INSERT INTO claims (
        id, kind, text, position_seq, source_seq, comment, quote, base, group_id, speaker,
        said_at, title)
      VALUES (
        ?1, ?2, ?3, \(Rows.positionSeq(ofID: "?4")), \(Rows.sourceSeq(ofID: "?5")), ?6, ?7, ?8,
        ?9, ?10, ?11, ?12)
      ON CONFLICT (id) DO NOTHING
      """, [claim.id] + claimColumnValues(claim))
    guard database.changes == 1 else { return false }
    let seq = Int(database.lastInsertRowID)
    try insertTags(ofClaimSeq: seq, claim.tags)
    try insertMembers(ofClaimSeq: seq, claim.members)
    return true
  }

  /// The SET clause that writes `claimColumnValues` as ?2…?12 (?1 names the claim).
  static let claimAssignments = """
    kind = ?2, text = ?3, position_seq = \(Rows.positionSeq(ofID: "?4")),
    source_seq = \(Rows.sourceSeq(ofID: "?5")), comment = ?6, quote = ?7, base = ?8,
    group_id = ?9, speaker = ?10, said_at = ?11, title = ?12
    """

  func claimColumnValues(_ claim: Claim) -> [any SQLBindable] {
    [
      claim.kind.rawValue, claim.text, claim.position, claim.provenance?.source,
      claim.provenance?.comment, claim.provenance?.quote, claim.base, claim.group,
      claim.provenance?.speaker, claim.provenance?.time, claim.title,
    ]
  }

  func insertMembers(ofClaimSeq seq: Int, _ members: [ClaimMember]) throws {
    guard !members.isEmpty else { return }
    let insert = try database.cachedStatement(
      """
      INSERT INTO claim_members (
        claim_seq, member, text, position_seq, group_id, tags, source_seq, comment, quote,
        speaker, said_at)
      VALUES (
        ?1, ?2, ?3, \(Rows.positionSeq(ofID: "?4")), ?5, ?6, \(Rows.sourceSeq(ofID: "?7")), ?8,
        ?9, ?10, ?11)
      """)
    for (number, member) in members.enumerated() {
      let provenance = member.provenance
      try insert.execute([
        seq, number + 1, member.text, member.position, member.group,
        member.tags.joined(separator: String(Rows.tagSeparator)), provenance?.source,
        provenance?.comment, provenance?.quote, provenance?.speaker, provenance?.time,
      ])
    }
  }

  func replaceTags(ofClaimSeq seq: Int, with tags: [String]) throws {
    try database.run("DELETE FROM claim_tags WHERE claim_seq = ?", [seq])
    try insertTags(ofClaimSeq: seq, tags)
  }

  private func insertTags(ofClaimSeq seq: Int, _ tags: [String]) throws {
    let insert = try database.cachedStatement(
      "INSERT INTO claim_tags (claim_seq, tag) VALUES (?, ?)")
    for tag in tags { try insert.execute([seq, tag]) }
  }

  private func storedKind(ofClaim id: String) throws -> ClaimKind? {
    try database.cachedStatement("SELECT kind FROM claims WHERE id = ?")
      .first([id]) { ClaimKind(rawValue: $0.string(0)) } ?? nil
  }

  private func insertRelation(_ relation: Relation, from: Int, to: Int) throws {
    try database.cachedStatement(
      "INSERT INTO relations (from_seq, to_seq, kind, scheme) VALUES (?, ?, ?, ?)"
    ).execute([from, to, relation.kind.rawValue, relation.scheme])
  }

  /// "b contradicts a" is already stored when "a contradicts b" is: a symmetric relation is kept
  /// once, in the direction first given.
  private func isStoredBackwards(_ relation: Relation, from: Int, to: Int) throws -> Bool {
    try relation.kind.isSymmetric && existingKind(from: to, to: from) == relation.kind
  }

  private func existingKind(from: Int, to: Int) throws -> RelationKind? {
    try database.cachedStatement("SELECT kind FROM relations WHERE from_seq = ? AND to_seq = ?")
      .first([from, to]) { RelationKind(rawValue: $0.string(0)) } ?? nil
  }
}
