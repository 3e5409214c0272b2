/// One place a claim is written, with what a text format writes beside it: a claim with a
/// single wording is written where it is placed; a claim with several members once for each
/// member, where that member is placed. The claim's links come with its first wording only.
public struct Wording: Sendable {
  public var claim: Claim
  /// The member's index in `claim.members`, or nil for a claim with a single wording.
  public var member: Int?
  /// The relations into the claim, in the map's order, but those a reconstruction puts in the
  /// graph (``Reconstruction/relations``), which the reconstruction itself shows.
  public var incoming: [Relation] = []
  /// The claim's outgoing relations that are neither reasons nor attacks (``RelationKind/isAside``),
  /// in the map's order.
  public var asides: [Relation] = []
  /// The claim's reconstruction, if it has one.
  public var reconstruction: Reconstruction?
  /// The claims that `incoming`, `asides` and `reconstruction` name, by id; an id missing here
  /// is no claim of the map.
  public var names: [String: ClaimName] = [:]

  public init(claim: Claim, member: Int? = nil) {
    self.claim = claim
    self.member = member
  }

  /// Whether this is the claim's first wording, which carries its links.
  public var isFirst: Bool { (member ?? 0) == 0 }
}

/// What a reference to a claim needs: its id, its kind and its title.
public struct ClaimName: Hashable, Sendable {
  public var id: String
  public var kind: ClaimKind
  public var title: String?

  public init(id: String, kind: ClaimKind, title: String?) {
    self.id = id
    self.kind = kind
    self.title = title
  }

  public init(_ claim: Claim) {
    self.init(id: claim.id, kind: claim.kind, title: claim.title)
  }
}

extension RelationKind {
  /// Whether the relation is a remark beside the argument (a rephrasing, a preference) rather
  /// than a reason or an attack.
  public var isAside: Bool { self == .rephrases || self == .prefers }
}

extension ArgumentMap {
  public func forEachWording(in place: ClaimPlace, _ body: (Wording) -> Void) {
    let links = Links(self)
    var groupPositions: [String: String] = [:]
    for group in groups where groupPositions[group.id] == nil {
      groupPositions[group.id] = group.position
    }
    func isPlaced(_ position: String?, _ group: String?) -> Bool {
      guard position == place.position else { return false }
      let drawnGroup = group.flatMap { groupPositions[$0] == position ? $0 : nil }
      return position == nil || drawnGroup == place.group
    }
    forEachClaim(in: nil) { claim in
      if claim.members.isEmpty {
        if isPlaced(claim.position, claim.group) { body(links.wording(claim, member: nil)) }
        return
      }
      for (index, member) in claim.members.enumerated()
      where isPlaced(member.position, member.group) {
        body(links.wording(claim, member: index))
      }
    }
  }

  public func unlistedPositions() -> [String] {
    var seen = Set(positions.map(\.id))
    var unlisted: [String] = []
    forEachClaim(in: nil) { claim in
      let written = claim.members.isEmpty ? [claim.position] : claim.members.map(\.position)
      for case let position? in written where seen.insert(position).inserted {
        unlisted.append(position)
      }
    }
    return unlisted
  }

  public func forEachDanglingRelation(_ body: (Relation, _ from: ClaimName?) -> Void) {
    let links = Links(self)
    for relation in relations
    where links.names[relation.to] == nil && !links.reconstructed.contains(relation) {
      body(relation, links.names[relation.from])
    }
  }

  /// What a wording needs from the rest of the map, gathered once.
  private struct Links {
    var names: [String: ClaimName] = [:]
    var incoming: [String: [Relation]] = [:]
    var asides: [String: [Relation]] = [:]
    var reconstructions: [String: Reconstruction] = [:]
    var reconstructed: Set<Relation> = []

    init(_ map: ArgumentMap) {
      map.forEachClaim(in: nil) { names[$0.id] = ClaimName($0) }
      for reconstruction in map.reconstructions
      where names[reconstruction.argument] != nil
        && reconstructions[reconstruction.argument] == nil
      {
        reconstructions[reconstruction.argument] = reconstruction
        reconstructed.formUnion(reconstruction.relations)
      }
      for relation in map.relations where !reconstructed.contains(relation) {
        incoming[relation.to, default: []].append(relation)
        if relation.kind.isAside { asides[relation.from, default: []].append(relation) }
      }
    }

    func wording(_ claim: Claim, member: Int?) -> Wording {
      var wording = Wording(claim: claim, member: member)
      guard wording.isFirst else { return wording }
      wording.incoming = incoming[claim.id] ?? []
      wording.asides = asides[claim.id] ?? []
      wording.reconstruction = reconstructions[claim.id]
      let named =
        wording.incoming.map(\.from) + wording.asides.map(\.to)
        + (wording.reconstruction?.steps.map(\.claim) ?? [])
      for id in named { wording.names[id] = names[id] }
      return wording
    }
  }
}
