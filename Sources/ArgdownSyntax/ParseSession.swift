import ArgModel

/// What one parse run collects across files: positions, claims, references and relations as
/// they are read, and diagnostics. `finish()` resolves references and checks the relations once
/// every file has been read, so a claim may be used before, or in another file than, its
/// definition.
final class ParseSession {
  private struct PendingDiagnostic {
    var severity: Diagnostic.Severity
    var position: SourcePosition
    var message: String
    var notes: [(SourcePosition, String)]
    var sequence: Int
  }

  /// Ids are interned: each distinct id gets a small number the first time it is seen, so that
  /// references and relations are checked by array index instead of by hashing strings.
  typealias Key = Int

  private struct Reference {
    var key: Key
    /// Nil where either kind will do (an id in `rephrases` or `prefers` metadata).
    var kind: ClaimKind?
    var position: SourcePosition
  }

  /// Where a node was first referred to: a node the files never define is created there, as
  /// Argdown places an equivalence class without a definition in its first reference's section.
  struct Site {
    var position: String?
    /// The index of the group in `groups`, or -1.
    var group: Int
  }

  /// One wording of a claim defined with several texts, with the group index it stood under.
  private struct PendingMember {
    var member: ClaimMember
    var group: Int
    /// `{isCanonical: true}`: Argdown's choice of the text that stands for the claim.
    var isCanonical: Bool
  }

  private struct EdgeKey: Hashable {
    var pair: UInt64
    var kind: RelationKind
  }

  private struct PendingGroup {
    /// Nil until `finish()` when the heading gives no `{id: …}`.
    var id: String?
    var title: String
    var position: String
    var parent: Int?
    var origin: SourcePosition
  }

  /// A premise-conclusion structure: its steps' keys and inference texts.
  struct PendingReconstruction {
    var argument: Key
    var steps: [(key: Key, inference: String?)]
    var origin: SourcePosition
  }

  private struct PendingRelation {
    var from: Key
    var to: Key
    var kind: RelationKind
    var position: SourcePosition
  }

  let lines = LineTables()
  private let known: any KnownClaims
  private var diagnostics: [PendingDiagnostic] = []

  private var positions: [Position] = []
  private var positionIndex: [String: Int] = [:]
  private var positionOrigins: [SourcePosition] = []

  /// In a streamed parse, only the keys that something still pending names, or whose claims
  /// are not written yet: `forget(writtenUpTo:)` lets the others go, and a later mention of a
  /// written claim finds it among the known claims.
  private var keys: [String: Key] = [:]
  private var names: [String] = []
  /// For each key, the index of its claim in `claims`, or -1 while it has none in memory.
  private var claimOfKey: [Int] = []
  /// For each key, what the known claims say of its id (looked up when the key is made, and
  /// again when the id is chosen at the end), or nil.
  private var knownOfKey: [KnownClaim?] = []

  private var claims = ClaimTable()
  private var claimOrigins: [SourcePosition] = []
  /// Where each claim written to the sink was defined, by its place among the written claims
  /// (`KnownClaim.written`): a later file that states it again is pointed there.
  private var writtenOrigins: [SourcePosition] = []
  /// The claims read back from the store to be merged again, to their places among the written
  /// claims: written again, they keep that place.
  private var takenBack: [Int: Int] = [:]
  /// For each claim, the index of its group in `groups`, or -1.
  private var claimGroups: [Int] = []
  /// Untitled statements, named once every explicit id of the corpus is known.
  private var untitledKeys: [Key] = []
  /// Premise-conclusion structures without an argument line: their arguments are named last.
  private var untitledArgumentKeys: [Key] = []
  /// Keys spelled as a title that is not an id (`[Arg Mapping]`), given ids in `finish()`.
  private var titledKeys: [Key] = []
  /// The first reference to each key, for the nodes that are never defined.
  private var sites: [Key: Site] = [:]
  /// The wordings of claims defined with more than one text, by claim index.
  private var members: [Int: [PendingMember]] = [:]
  /// Sources named by a title rather than an id (`source: "CSIS Lights Out Report"`).
  private var namedSources: [String: Source] = [:]
  private var namedSourceOrder: [String] = []

  private var groups: [PendingGroup] = []
  private var groupsByID: [String: Int] = [:]
  private var reconstructions: [PendingReconstruction] = []
  private var title: (text: String, origin: SourcePosition)?

  private var references: [Reference] = []
  /// The titles of keys spelled as something other than their id.
  private var nodeTitles: [Key: String] = [:]
  /// Whether a claim's origin moved after it was first read (a node made for references that
  /// nothing defines, or one placed by an annotated reference until its definition), so the
  /// claims must be put back in reading order.
  private var reordered = false
  /// Claims first met as a reference with tags or metadata, placed until a definition comes.
  private var placedByReference: Set<Int> = []
  private var relations: [PendingRelation] = []

  /// Where each file's settled claims and its relations go once it is read; nil once nothing
  /// more may go there (see `endFile`).
  private var sink: (any ParseSink)?
  /// Whether claims still go to the sink as their files end: they are written in reading order,
  /// so the first claim that is not settled keeps every later one for the end.
  private var streamingClaims = true
  /// The positions handed to the sink so far.
  private var positionsWritten = 0

  init(known: any KnownClaims, sink: (any ParseSink)? = nil) {
    self.known = known
    self.sink = sink
  }

  /// The key of the node written `[title]` or `<title>`. A title that is a valid id is the id;
  /// any other is Argdown's title, whose id is chosen once every title is known.
  func intern(title: String) -> Key {
    if let key = keys[title] { return key }
    let key = intern(title)
    if !Identifier.isValid(title) { titledKeys.append(key) }
    return key
  }

  /// The key of `id`, assigned on first sight.
  func intern(_ id: String) -> Key {
    if let key = keys[id] { return key }
    let key = names.count
    keys[id] = key
    names.append(id)
    claimOfKey.append(-1)
    knownOfKey.append(lookUp(id))
    return key
  }

  /// What the known claims say of `name`; a title or an untitled node's name is no id.
  private func lookUp(_ name: String) -> KnownClaim? {
    Identifier.isValid(name) ? known.claim(name) : nil
  }

  /// Gives `key` the id chosen for it at the end.
  private func rename(_ key: Key, to id: String) {
    keys[names[key]] = nil
    keys[id] = key
    names[key] = id
    knownOfKey[key] = lookUp(id)
  }

  /// Whether `id` is a claim this parse wrote and let go: its name is taken, as it would be
  /// were the claim still in memory.
  private func isWritten(_ id: String) -> Bool {
    lookUp(id)?.written != nil
  }

  /// Whether `key` names a claim stored before the parse (not one the parse wrote).
  private func isStoredBefore(_ key: Key) -> Bool {
    knownOfKey[key].map { $0.written == nil } ?? false
  }

  /// The kind of `key`'s claim: from its definition, else from the known claims, else none.
  private func kind(ofKey key: Key) -> ClaimKind? {
    let index = claimOfKey[key]
    return index >= 0 ? claims[index].kind : knownOfKey[key]?.kind
  }

  /// Where `key`'s claim was defined, when the parse defined it.
  private func origin(ofKey key: Key) -> SourcePosition? {
    let index = claimOfKey[key]
    if index >= 0 { return claimOrigins[index] }
    return knownOfKey[key]?.written.map { writtenOrigins[$0] }
  }

  /// A fresh key for an untitled statement. Its name cannot be spelled in a file, so it
  /// collides with nothing until `finish()` gives it a readable id.
  func internUntitled() -> Key {
    let key = intern("\u{1}\(untitledKeys.count)")
    untitledKeys.append(key)
    return key
  }

  /// A fresh key for the argument of a premise-conclusion structure with no argument line.
  func internUntitledArgument() -> Key {
    let key = intern("\u{2}\(untitledArgumentKeys.count)")
    untitledArgumentKeys.append(key)
    return key
  }

  /// A source described in front matter: its title is the one argmap keeps.
  func describeSource(_ source: Source) {
    if namedSources[source.id] == nil { namedSourceOrder.append(source.id) }
    namedSources[source.id] = source
  }

  /// A source named by its title in metadata: registered under the title's slug, which is
  /// returned. Nil when the title has no letter or digit to make an id from.
  func source(titled title: String) -> String? {
    let id = Identifier.slug(from: title)
    guard !id.isEmpty else { return nil }
    if namedSources[id] == nil {
      namedSources[id] = Source(id: id, title: title)
      namedSourceOrder.append(id)
    }
    return id
  }

  /// A front matter's `source: id=path`: the source's text is in that file, named relative
  /// to the folder of the map that names it.
  func source(_ id: String, textFile path: String, at origin: SourcePosition) {
    let map = lines.path(ofFile: origin.file)
    let folder = map.lastIndex(of: "/").map { String(map[...$0]) } ?? ""
    if namedSources[id] == nil {
      namedSources[id] = Source(id: id, title: id)
      namedSourceOrder.append(id)
    }
    namedSources[id]?.textFile = path.hasPrefix("/") ? path : folder + path
  }

  // MARK: Diagnostics

  func error(_ message: String, at position: SourcePosition, notes: [(SourcePosition, String)] = [])
  {
    report(.error, message, at: position, notes: notes)
  }

  func warning(
    _ message: String, at position: SourcePosition, notes: [(SourcePosition, String)] = []
  ) {
    report(.warning, message, at: position, notes: notes)
  }

  private func report(
    _ severity: Diagnostic.Severity, _ message: String, at position: SourcePosition,
    notes: [(SourcePosition, String)]
  ) {
    diagnostics.append(
      PendingDiagnostic(
        severity: severity, position: position, message: message, notes: notes,
        sequence: diagnostics.count))
  }

  // MARK: Collecting

  /// A front matter's `title`: the first one read is the map's.
  func setTitle(_ text: String, at origin: SourcePosition) {
    guard let title else {
      self.title = (text, origin)
      return
    }
    if title.text != text {
      warning(
        "the map is already titled '\(title.text)'; this title is ignored", at: origin,
        notes: [(title.origin, "first titled here")])
    }
  }

  /// A heading below a position's. A heading with an explicit id may head several sections
  /// as long as title, position and parent agree; one without gets a new group each time.
  /// Returns the group's index, or nil after an error.
  func openGroup(
    id: String?, title: String, position: String, parent: Int?, at origin: SourcePosition
  ) -> Int? {
    let group = PendingGroup(
      id: id, title: title, position: position, parent: parent, origin: origin)
    guard let id else {
      groups.append(group)
      return groups.count - 1
    }
    guard let index = groupsByID[id] else {
      groupsByID[id] = groups.count
      groups.append(group)
      return groups.count - 1
    }
    let first = groups[index]
    guard first.title == title, first.position == position, first.parent == parent else {
      error(
        "group '\(id)' is already defined with another title or under another heading",
        at: origin, notes: [(first.origin, "first defined here")])
      return nil
    }
    return index
  }

  func reconstruct(_ reconstruction: PendingReconstruction) {
    reconstructions.append(reconstruction)
  }

  /// A `# Title {id: …}` heading. The same id may head several sections, in one file or many,
  /// as long as the titles agree; a summary given twice must agree too.
  func open(_ position: Position, at origin: SourcePosition) {
    guard let index = positionIndex[position.id] else {
      positionIndex[position.id] = positions.count
      positions.append(position)
      positionOrigins.append(origin)
      return
    }
    let first = positions[index]
    let note = [(positionOrigins[index], "first defined here")]
    if first.title != position.title {
      error(
        "position '\(position.id)' is titled '\(position.title)' here but '\(first.title)' where first defined",
        at: origin, notes: note)
    }
    if let summary = position.summary {
      if let firstSummary = first.summary {
        if firstSummary != summary {
          error("conflicting summary for position '\(position.id)'", at: origin, notes: note)
        }
      } else {
        positions[index].summary = summary
      }
    }
  }

  /// A `[id]: text` or `<id>: text` definition. A definition with the text already given adds
  /// nothing but the tags and provenance fields it states, which must agree with those given
  /// before; one with other words makes the claim an equivalence class with several members
  /// (Argdown's reading of a title used with several texts); one with no words (`[Title]:`)
  /// only names the node. The first definition decides the claim's position.
  ///
  /// A reference with tags or metadata (`isReference`) defines the node too, but places it only
  /// until a definition proper comes: Argdown places a node where it is defined.
  func define(
    _ claim: Claim, key: Key, group: Int?, isCanonical: Bool = false, isReference: Bool = false,
    at origin: SourcePosition
  ) {
    var index = claimOfKey[key]
    if index < 0, let written = knownOfKey[key]?.written {
      index = takeBack(key: key, written: written)
    }
    guard index >= 0 else {
      claimOfKey[key] = claims.count
      claims.append(claim, key: key)
      claimOrigins.append(origin)
      claimGroups.append(group ?? -1)
      if isReference { placedByReference.insert(claims.count - 1) }
      if isCanonical { members[claims.count - 1] = [member(claim, group: group, true)] }
      return
    }
    if !isReference, placedByReference.remove(index) != nil {
      claims[index].position = claim.position
      claimGroups[index] = group ?? -1
      claimOrigins[index] = origin
      reordered = true
    }
    let existing = claims[index]
    if existing.kind != claim.kind {
      error(
        "'\(claim.id)' is already defined as \(Self.article(existing.kind))", at: origin,
        notes: [(claimOrigins[index], "first defined here")])
      return
    }
    if claim.text.isEmpty || existing.text == claim.text || existing.text.isEmpty {
      if existing.text.isEmpty { claims[index].text = claim.text }
      mergeRestatement(claim, into: index, at: origin)
      if isCanonical { markCanonical(claim.text, of: index) }
      return
    }
    addMember(claim, group: group, isCanonical: isCanonical, to: index)
  }

  /// A claim an earlier file wrote, stated again: it is read back from the store to be merged
  /// as if it had stayed in memory, and written again with what this statement adds.
  private func takeBack(key: Key, written: Int) -> Int {
    let claim =
      sink?.storedClaim(id: names[key])
      ?? Claim(id: names[key], kind: knownOfKey[key]?.kind ?? .statement, text: "")
    let index = claims.count
    claimOfKey[key] = index
    claims.append(claim, key: key)
    claimOrigins.append(writtenOrigins[written])
    // A written claim was settled, so it stood under no group.
    claimGroups.append(-1)
    takenBack[index] = written
    return index
  }

  /// Ends a file: in a streamed parse, its settled claims go to the sink, in reading order,
  /// and its relations between named claims. A claim that a later file or the end of the parse
  /// may still rename, place or reword (a titled, untitled or stored one, one placed by a
  /// reference, grouped or with several wordings) stops the streaming of claims there, so that
  /// claims are written in reading order; errors stop all of it, as they leave nothing to write.
  func endFile() {
    guard let sink else { return }
    guard !diagnostics.contains(where: { $0.severity == .error }) else {
      self.sink = nil
      return
    }
    guard streamingClaims else { return writeRelations(namedOnly: true) }
    var end = 0
    while end < claims.count, isSettled(end) { end += 1 }
    let written = sink.write(
      positions: Array(positions[positionsWritten...]), claims: Array(claims.items[..<end]))
    positionsWritten = positions.count
    guard written else {
      self.sink = nil
      return
    }
    if end < claims.count { streamingClaims = false }
    writeRelations(namedOnly: true)
    forget(writtenUpTo: end)
  }

  /// Lets go of the claims just written, those below `end`, and of every key that nothing
  /// pending names, so that a streamed parse holds one file's claims and what waits for the
  /// end, not the whole corpus: a later file that names a written claim finds it among the
  /// known claims. References to written claims are checked now, as their kinds are final.
  private func forget(writtenUpTo end: Int) {
    for index in 0..<end {
      let key = claims.key(at: index)
      let written = takenBack.removeValue(forKey: index) ?? writtenOrigins.count
      if written == writtenOrigins.count { writtenOrigins.append(claimOrigins[index]) }
      knownOfKey[key] = KnownClaim(
        kind: claims[index].kind, hasTitle: claims[index].title != nil, written: written)
      claimOfKey[key] = -1
    }
    references.removeAll { reference in
      guard claimOfKey[reference.key] < 0, knownOfKey[reference.key]?.written != nil else {
        return false
      }
      checkKind(of: reference)
      return true
    }
    let newKey = keepingPendingKeys()
    claims.removeFirst(end, newKey: newKey)
    claimOrigins = Array(claimOrigins[end...])
    claimGroups = Array(claimGroups[end...])
    members = Dictionary(uniqueKeysWithValues: members.map { ($0.key - end, $0.value) })
    placedByReference = Set(placedByReference.map { $0 - end })
    takenBack = Dictionary(uniqueKeysWithValues: takenBack.map { ($0.key - end, $0.value) })
    for key in claimOfKey.indices where claimOfKey[key] >= 0 { claimOfKey[key] -= end }
  }

  /// Drops the keys that no pending reference, relation or reconstruction names, nor a claim
  /// still held, nor a node whose id is chosen at the end; numbers the rest from 0 again.
  /// Returns the new key of each old one (-1 for a dropped key).
  private func keepingPendingKeys() -> [Key] {
    var pending = [Bool](repeating: false, count: names.count)
    for reference in references { pending[reference.key] = true }
    for relation in relations {
      pending[relation.from] = true
      pending[relation.to] = true
    }
    for reconstruction in reconstructions {
      pending[reconstruction.argument] = true
      for step in reconstruction.steps { pending[step.key] = true }
    }
    for key in untitledKeys + untitledArgumentKeys + titledKeys { pending[key] = true }
    for index in claims.indices { pending[claims.key(at: index)] = true }
    let kept = names.indices.filter { pending[$0] }
    var newKey = [Key](repeating: -1, count: names.count)
    for (new, old) in kept.enumerated() { newKey[old] = new }
    names = kept.map { names[$0] }
    claimOfKey = kept.map { claimOfKey[$0] }
    knownOfKey = kept.map { knownOfKey[$0] }
    keys = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    for index in references.indices { references[index].key = newKey[references[index].key] }
    for index in relations.indices {
      relations[index].from = newKey[relations[index].from]
      relations[index].to = newKey[relations[index].to]
    }
    for index in reconstructions.indices {
      reconstructions[index].argument = newKey[reconstructions[index].argument]
      for step in reconstructions[index].steps.indices {
        reconstructions[index].steps[step].key = newKey[reconstructions[index].steps[step].key]
      }
    }
    untitledKeys = untitledKeys.map { newKey[$0] }
    untitledArgumentKeys = untitledArgumentKeys.map { newKey[$0] }
    titledKeys = titledKeys.map { newKey[$0] }
    sites = Dictionary(
      uniqueKeysWithValues: sites.compactMap {
        newKey[$0.key] >= 0 ? (newKey[$0.key], $0.value) : nil
      })
    return newKey
  }

  /// Hands the relations read so far to the sink, unchecked: the store checks them once every
  /// claim is written. With `namedOnly`, a relation naming a node whose id is chosen at the end
  /// (titled or untitled) stays until then.
  private func writeRelations(namedOnly: Bool) {
    guard let sink else { return }
    var kept: [PendingRelation] = []
    var batch: [(relation: Relation, location: SourceLocation)] = []
    batch.reserveCapacity(relations.count)
    for relation in relations {
      if namedOnly,
        !Identifier.isValid(names[relation.from]) || !Identifier.isValid(names[relation.to])
      {
        kept.append(relation)
        continue
      }
      batch.append(
        (
          Relation(from: names[relation.from], to: names[relation.to], kind: relation.kind),
          lines.location(relation.position)
        ))
    }
    relations = kept
    if !sink.write(relations: batch) { self.sink = nil }
  }

  private func isSettled(_ index: Int) -> Bool {
    Identifier.isValid(claims[index].id) && !isStoredBefore(claims.key(at: index))
      && !placedByReference.contains(index) && members[index] == nil && claimGroups[index] < 0
  }

  private func member(_ claim: Claim, group: Int?, _ isCanonical: Bool) -> PendingMember {
    PendingMember(
      member: ClaimMember(
        text: claim.text, position: claim.position, tags: claim.tags,
        provenance: claim.provenance),
      group: group ?? -1, isCanonical: isCanonical)
  }

  /// Another wording of the claim at `index`. A text already among its members adds nothing.
  private func addMember(_ claim: Claim, group: Int?, isCanonical: Bool, to index: Int) {
    var list = members[index] ?? [member(claims[index], group: claimGroups[index], false)]
    if let same = list.firstIndex(where: { $0.member.text == claim.text }) {
      if isCanonical { list[same].isCanonical = true }
    } else {
      list.append(member(claim, group: group, isCanonical))
    }
    members[index] = list
  }

  private func markCanonical(_ text: String, of index: Int) {
    var list = members[index] ?? [member(claims[index], group: claimGroups[index], false)]
    let target = list.firstIndex { $0.member.text == (text.isEmpty ? claims[index].text : text) }
    if let target { list[target].isCanonical = true }
    members[index] = list
  }

  /// The same claim stated again with its text (or none): its tags, provenance and base are
  /// merged into the first definition, and must agree where both give them.
  private func mergeRestatement(_ claim: Claim, into index: Int, at origin: SourcePosition) {
    var existing = claims[index]
    let note = [(claimOrigins[index], "first defined here")]
    existing.title = existing.title ?? claim.title
    // Argdown gathers a node's tags from every line that gives some.
    existing.setTags(existing.tags + claim.tags)
    if let new = claim.provenance {
      if var old = existing.provenance {
        func merge(_ field: WritableKeyPath<Provenance, String?>, _ name: String) {
          guard let value = new[keyPath: field] else { return }
          if let current = old[keyPath: field] {
            if current != value {
              error(
                "conflicting \(name) for '\(claim.id)': '\(value)' here but '\(current)' where first defined",
                at: origin, notes: note)
            }
          } else {
            old[keyPath: field] = value
          }
        }
        if old.source != new.source {
          error(
            "conflicting source for '\(claim.id)': '\(new.source)' here but '\(old.source)' where first defined",
            at: origin, notes: note)
        }
        merge(\.comment, "comment")
        merge(\.quote, "quote")
        merge(\.speaker, "speaker")
        merge(\.time, "time")
        existing.provenance = old
      } else {
        existing.provenance = new
      }
    }
    if let base = claim.base {
      if let current = existing.base, current != base {
        error(
          "conflicting base for '\(claim.id)': \(base) here but \(current) where first defined",
          at: origin, notes: note)
      }
      existing.base = base
    }
    claims[index] = existing
  }

  /// `[id]` or `<id>` without a definition; checked once every file is read.
  func refer(to key: Key, kind: ClaimKind?, site: Site, at position: SourcePosition) {
    references.append(Reference(key: key, kind: kind, position: position))
    if sites[key] == nil { sites[key] = site }
  }

  func relate(_ from: Key, _ kind: RelationKind, _ to: Key, at position: SourcePosition) {
    relations.append(PendingRelation(from: from, to: to, kind: kind, position: position))
  }

  // MARK: Resolving

  /// Resolves references, checks and merges relations, and sorts the diagnostics.
  func finish() -> ParsedCorpus {
    nameTitledNodes()
    nameUntitledStatements()
    let groups = nameGroups()
    defineNodesOnlyReferredTo()
    for (index, group) in claimGroups.enumerated() where group >= 0 {
      claims[index].group = groups[group].id
    }
    assembleMembers(groups: groups)
    nameUntitledArguments()
    let reconstructions = resolveReconstructions()
    let kinds = names.indices.map(kind(ofKey:))
    for reference in references { checkKind(of: reference) }

    let conclusions = conclusionKeys(of: reconstructions)
    let merged: [Relation]
    if let sink {
      writeRelations(namedOnly: false)
      for (argument, conclusion) in conclusions
      where !sink.relationsSpeak(forConclusion: names[conclusion], ofArgument: names[argument]) {
        self.sink = nil
        break
      }
      merged = []
    } else {
      merged = checkedRelations(kinds: kinds, conclusions: conclusions)
    }

    let sorted = diagnostics.sorted {
      ($0.position.file, $0.position.offset, $0.sequence)
        < ($1.position.file, $1.position.offset, $1.sequence)
    }
    let converted = sorted.map { pending in
      Diagnostic(
        severity: pending.severity, location: lines.location(pending.position),
        message: pending.message,
        notes: pending.notes.map {
          Diagnostic.Note(location: lines.location($0.0), message: $0.1)
        })
    }
    var definitions: [String: SourceLocation] = [:]
    for index in claims.indices where isStoredBefore(claims.key(at: index)) {
      definitions[claims[index].id] = lines.location(claimOrigins[index])
    }
    if reordered { putClaimsInReadingOrder() }
    var parsed = ParsedCorpus(
      map: ArgumentMap(
        title: title?.text, sources: namedSourceOrder.compactMap { namedSources[$0] },
        positions: positions, groups: groups, claims: claims.items, relations: merged,
        reconstructions: reconstructions),
      diagnostics: converted, definitions: definitions,
      titleLocation: title.map { lines.location($0.origin) })
    // A claim read back to be merged again was counted when first written.
    parsed.claimsWritten = writtenOrigins.count - takenBack.count
    return parsed
  }

  /// A reference spelled for the other kind than its claim's is an error.
  private func checkKind(of reference: Reference) {
    guard let expected = reference.kind, let kind = kind(ofKey: reference.key), kind != expected
    else { return }
    let id = names[reference.key]
    let spelled = kind == .statement ? "[\(id)]" : "<\(id)>"
    error(
      "'\(id)' is \(Self.article(kind)), so refer to it as '\(spelled)'",
      at: reference.position,
      notes: origin(ofKey: reference.key).map { [($0, "defined here")] } ?? [])
  }

  /// The relations as the map holds them, checked against each other: a second statement of
  /// one is dropped, and a pair related two opposite ways is an error.
  ///
  /// A streamed parse leaves this to the store, which checks the staged relations in SQL,
  /// against each other and the stored ones (`MapImport.resolveRelations`). Both exist because
  /// this module has no store: a parse without a sink (the built-in corpus, an import with
  /// `--replace` or with files of other formats) has its relations only in memory, while the
  /// store's check must not load 10^6 relations into memory. They share the message
  /// (`Relation.conflict(withEarlier:)`) and the rule, which the store's key on the ordered
  /// pair states.
  private func checkedRelations(kinds: [ClaimKind?], conclusions: [Key: Key]) -> [Relation] {
    var seen: Set<EdgeKey> = []
    seen.reserveCapacity(relations.count)
    // Supporting and rebutting the same claim contradict each other; other kinds may share a
    // pair (an argument's premise may also undercut it).
    var polarity: [UInt64: (kind: RelationKind, position: SourcePosition)] = [:]
    var merged: [Relation] = []
    merged.reserveCapacity(relations.count)
    for var relation in relations {
      guard kinds[relation.from] != nil, kinds[relation.to] != nil else { continue }
      relation.from = speakingFor(relation, conclusions: conclusions)
      let from = names[relation.from]
      let to = names[relation.to]
      if relation.kind == .undercuts, kinds[relation.to] != .argument {
        error(
          "only an argument can be undercut, and '\(to)' is a statement; refer to an argument as '<\(to)>'",
          at: relation.position)
        continue
      }
      let pair = UInt64(relation.from) << 32 | UInt64(relation.to)
      // "a >< b" after "b >< a" says nothing new.
      let reversed = UInt64(relation.to) << 32 | UInt64(relation.from)
      if relation.kind.isSymmetric, seen.contains(EdgeKey(pair: reversed, kind: relation.kind)) {
        continue
      }
      guard seen.insert(EdgeKey(pair: pair, kind: relation.kind)).inserted else { continue }
      // One relation holds an ordered pair (the store keys relations so); a symmetric one can
      // go the other way round, which the store does when this way is taken.
      if !relation.kind.isSymmetric {
        if let first = polarity[pair] {
          error(
            Relation(from: from, to: to, kind: relation.kind).conflict(withEarlier: first.kind),
            at: relation.position, notes: [(first.position, "first related here")])
          continue
        }
        polarity[pair] = (relation.kind, relation.position)
      }
      merged.append(Relation(from: from, to: to, kind: relation.kind))
    }
    return merged
  }

  /// Gives each title that is not an id the id of the stored claim with that title, or else a
  /// slug of it, unique among the corpus's ids and the stored ones, in reading order. A stored
  /// claim without a title whose id is the slug is taken to be the same node: argmap kept no
  /// titles before, and its maps would otherwise gain a copy of every titled claim.
  private func nameTitledNodes() {
    guard !titledKeys.isEmpty else { return }
    let storedIDs = known.ids(titled: Set(titledKeys.map { names[$0] }))
    var taken = Set(names.filter { Identifier.isValid($0) })
    var claimedLegacy: Set<String> = []
    // By title, not reading order, so that the same titles get the same ids however a file
    // orders them (an exported file puts references before definitions).
    for key in titledKeys.sorted(by: { names[$0] < names[$1] }) {
      let title = names[key]
      let slug = Identifier.id(forTitle: title)
      let id: String
      if let stored = storedIDs[title] {
        id = stored
      } else if let legacy = lookUp(slug), legacy.written == nil, !legacy.hasTitle,
        !taken.contains(slug), claimedLegacy.insert(slug).inserted
      {
        id = slug
      } else {
        id = Self.unique(slug.isEmpty ? "node" : slug, in: &taken) { self.lookUp($0) != nil }
      }
      taken.insert(id)
      rename(key, to: id)
      nodeTitles[key] = title
      let index = claimOfKey[key]
      if index >= 0 {
        claims[index].id = id
        // A `title:` in the metadata names the node as the reader sees it; the brackets then
        // only identify it.
        claims[index].title = claims[index].title ?? title
      }
    }
  }

  /// Creates the nodes the files refer to but never define nor find stored: a statement or
  /// argument shown by its title alone, placed where it was first referred to. A name close to
  /// a defined one may be a typo, so it is pointed out.
  private func defineNodesOnlyReferredTo() {
    var reconstructed = Set(reconstructions.map(\.argument))
    reconstructed.formUnion(untitledArgumentKeys)
    var suggested = 0
    var knownIDs: (written: [String], stored: [String])?
    for reference in references where claimOfKey[reference.key] < 0 {
      let key = reference.key
      let id = names[key]
      guard knownOfKey[key] == nil else { continue }
      let site = sites[key] ?? Site(position: nil, group: -1)
      // Suggesting costs a pass over every id; a flood of such nodes gets the check for the
      // first few only.
      suggested += 1
      // Short names are a few edits from any other short name: only longer ones are checked.
      if suggested <= 64, id.count >= 5, !reconstructed.contains(key) {
        // The known ids are fetched once, for every id to be checked.
        let ids = knownIDs ?? known.ids(lengths: suggestionLengths())
        knownIDs = ids
        if let near = nearest(to: id, known: ids), !Self.differInNumbersOnly(id, near) {
          warning(
            "'\(id)' is never defined, so it is a node without text; did you mean '\(near)'?",
            at: reference.position)
        }
      }
      claimOfKey[key] = claims.count
      reordered = true
      claims.append(
        Claim(
          id: id, kind: reference.kind ?? .statement, text: "", position: site.position,
          title: nodeTitles[key]), key: key)
      claimOrigins.append(reference.position)
      claimGroups.append(site.group)
    }
  }

  /// The main conclusion's key of every reconstructed argument, by the argument's key.
  private func conclusionKeys(of reconstructions: [Reconstruction]) -> [Key: Key] {
    var conclusions: [Key: Key] = [:]
    for reconstruction in reconstructions {
      guard let argument = keys[reconstruction.argument],
        let conclusion = reconstruction.steps.last.flatMap({ keys[$0.claim] })
      else { continue }
      conclusions[argument] = conclusions[argument] ?? conclusion
    }
    return conclusions
  }

  /// Who a relation is from once a reconstructed argument's outgoing relations are its main
  /// conclusion's, as Argdown's model has them: `<A> -> [x]` says that A's conclusion rebuts x.
  /// The argument's own support of its conclusion stays, as do `rephrases` and `prefers`.
  private func speakingFor(_ relation: PendingRelation, conclusions: [Key: Key]) -> Key {
    guard let conclusion = conclusions[relation.from],
      relation.kind != .rephrases, relation.kind != .prefers,
      !(relation.kind == .supports && relation.to == conclusion)
    else { return relation.from }
    return conclusion
  }

  /// Sorts the claims by where they are defined (or, for nodes only referred to, first
  /// referred to). Claims are otherwise in reading order, so a stable sort keeps every other
  /// claim where it is, and an exported file, which defines each node where it stands, reads
  /// back in the same order.
  private func putClaimsInReadingOrder() {
    let order = claims.indices.sorted {
      (claimOrigins[$0].file, claimOrigins[$0].offset, $0)
        < (claimOrigins[$1].file, claimOrigins[$1].offset, $1)
    }
    claims.reorder(order)
  }

  /// Gives every claim defined with several texts its members, and takes its text and
  /// provenance from the canonical one: the member marked `isCanonical`, else the last, as
  /// Argdown chooses.
  private func assembleMembers(groups: [Group]) {
    for (index, var list) in members {
      let first = claims[index]
      list[0].member = ClaimMember(
        text: list[0].member.text, position: first.position, tags: first.tags,
        provenance: first.provenance)
      let canonical = list.lastIndex(where: \.isCanonical) ?? list.count - 1
      let chosen = list[canonical].member
      claims[index].members =
        list.count > 1
        ? list.map { pending in
          var member = pending.member
          member.group = pending.group >= 0 ? groups[pending.group].id : nil
          return member
        } : []
      claims[index].text = chosen.text
      claims[index].provenance = chosen.provenance
      claims[index].setTags(list.flatMap(\.member.tags))
    }
  }

  /// Gives each untitled statement an id made from its first words, unique among the corpus's
  /// ids. Names are given in reading order, so the same files give the same ids every run.
  private func nameUntitledStatements() {
    var taken = Set(keys.keys)
    for key in untitledKeys {
      let index = claimOfKey[key]
      let base = index >= 0 ? Self.untitledBase(claims[index].text) : "statement"
      let id = Self.unique(base, in: &taken, or: isWritten)
      rename(key, to: id)
      if index >= 0 { claims[index].id = id }
    }
  }

  /// Names each argument that a premise-conclusion structure defines without an argument line:
  /// `argument-for-` and its conclusion's first words, then a fingerprint of its steps. The
  /// same structure gets the same id on every run and in every file, so importing it again
  /// finds it; different structures for one conclusion get different ids.
  private func nameUntitledArguments() {
    guard !untitledArgumentKeys.isEmpty else { return }
    var structures: [Key: PendingReconstruction] = [:]
    for structure in reconstructions where structures[structure.argument] == nil {
      structures[structure.argument] = structure
    }
    var taken = Set(names)
    for key in untitledArgumentKeys {
      let steps = structures[key]?.steps ?? []
      let conclusion = steps.last.map { Self.untitledBase(names[$0.key]) } ?? "nothing"
      let fingerprint = Self.fingerprint(
        steps.map { names[$0.key] + "\u{1F}" + ($0.inference ?? "\u{1E}") })
      let id = Self.unique("argument-for-\(conclusion)-\(fingerprint)", in: &taken, or: isWritten)
      rename(key, to: id)
      let index = claimOfKey[key]
      if index >= 0 { claims[index].id = id }
    }
  }

  /// Eight hex digits of FNV-1a over the parts: stable across runs and platforms, unlike
  /// Swift's seeded `Hasher`.
  private static func fingerprint(_ parts: [String]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
      for byte in part.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
      }
      hash ^= 0xFF
      hash &*= 0x100_0000_01b3
    }
    let hex = String(hash >> 32, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
  }

  /// The first words of `text` as a slug, short enough to read in a reference.
  private static func untitledBase(_ text: String) -> String {
    var base = ""
    for word in Identifier.slug(from: text).split(separator: "-").prefix(6) {
      guard base.utf8.count + word.utf8.count < 40 else { break }
      base += base.isEmpty ? word : "-" + word
    }
    return base.isEmpty ? "statement" : base
  }

  /// `base`, or `base-2`, `base-3`, … : the first not in `taken` (nor `stored`), which it is
  /// added to.
  private static func unique(
    _ base: String, in taken: inout Set<String>, or stored: (String) -> Bool = { _ in false }
  ) -> String {
    var candidate = base
    var suffix = 1
    while taken.contains(candidate) || stored(candidate) {
      suffix += 1
      candidate = "\(base)-\(suffix)"
    }
    taken.insert(candidate)
    return candidate
  }

  /// The groups with ids: explicit ones kept, the others made from titles, in reading order.
  private func nameGroups() -> [Group] {
    var taken = Set(groups.compactMap(\.id))
    let ids = groups.map { group in
      group.id ?? Self.unique(Self.slugOrDefault(group.title, "group"), in: &taken)
    }
    return groups.indices.map { index in
      let group = groups[index]
      return Group(
        id: ids[index], title: group.title, position: group.position,
        parent: group.parent.map { ids[$0] })
    }
  }

  private static func slugOrDefault(_ title: String, _ fallback: String) -> String {
    let slug = Identifier.slug(from: title)
    return slug.isEmpty ? fallback : slug
  }

  /// The reconstructions whose claims all exist, each adding its relations to the graph. An
  /// argument is reconstructed once; a second, different structure for it is an error.
  private func resolveReconstructions() -> [Reconstruction] {
    var resolved: [Reconstruction] = []
    var origins: [String: (index: Int, origin: SourcePosition)] = [:]
    for pending in reconstructions {
      let keysUsed = [pending.argument] + pending.steps.map(\.key)
      guard keysUsed.allSatisfy({ claimOfKey[$0] >= 0 || knownOfKey[$0] != nil }) else {
        continue
      }
      let reconstruction = Reconstruction(
        argument: names[pending.argument],
        steps: pending.steps.map { .init(claim: names[$0.key], inference: $0.inference) })
      if let first = origins[reconstruction.argument] {
        if resolved[first.index] != reconstruction {
          error(
            "'\(reconstruction.argument)' is reconstructed twice, differently",
            at: pending.origin, notes: [(first.origin, "first reconstructed here")])
        }
        continue
      }
      origins[reconstruction.argument] = (resolved.count, pending.origin)
      resolved.append(reconstruction)
      for relation in reconstruction.relations {
        relate(keys[relation.from]!, relation.kind, keys[relation.to]!, at: pending.origin)
      }
    }
    return resolved
  }

  /// The id nearest to `id` among the claims held, those written (`known.written`, defined
  /// before them) and the stored ones.
  private func nearest(
    to id: String, known: (written: [String], stored: [String])
  ) -> String? {
    // `Identifier.nearest` accepts nothing further than this many edits; ids whose lengths
    // differ by more cannot be that close, so they are skipped without measuring.
    let limit = max(2, id.count / 3)
    let length = id.utf8.count
    func isCandidate(_ other: String) -> Bool { abs(other.utf8.count - length) <= limit }
    // Definition order, then the stored ids sorted, so that ties break the same way every run.
    // A known id also held in memory is taken where it is held.
    func isOnlyKnown(_ other: String) -> Bool {
      isCandidate(other) && keys[other].map { claimOfKey[$0] < 0 } ?? true
    }
    let held = claims.indices.lazy.map { self.names[self.claims.key(at: $0)] }.filter(isCandidate)
    return Identifier.nearest(
      to: id,
      among: known.written.filter(isOnlyKnown) + Array(held) + known.stored.filter(isOnlyKnown))
  }

  /// The lengths of the known ids that may be suggested for a node only referred to, as
  /// `nearest` measures them, for every such node at once.
  private func suggestionLengths() -> ClosedRange<Int> {
    var lengths: ClosedRange<Int>?
    for reference in references where claimOfKey[reference.key] < 0 {
      let id = names[reference.key]
      let limit = max(2, id.count / 3)
      let range = max(0, id.utf8.count - limit)...(id.utf8.count + limit)
      lengths =
        lengths.map { min($0.lowerBound, range.lowerBound)...max($0.upperBound, range.upperBound) }
        ?? range
    }
    return lengths ?? 0...0
  }

  /// `argument-2` beside `argument-1` is a series, not a typo.
  private static func differInNumbersOnly(_ a: String, _ b: String) -> Bool {
    a.filter { !$0.isNumber } == b.filter { !$0.isNumber }
  }

  static func article(_ kind: ClaimKind) -> String {
    kind == .statement ? "a statement" : "an argument"
  }
}
