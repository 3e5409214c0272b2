import ArgModel

/// Where a streamed parse writes the claims of each file once the file is read (an import's
/// open transaction), so that a large corpus is never held whole in memory. Only claims whose
/// id, position and words no later file can change are written early; the rest come in the
/// parse's result at the end. Every relation goes to the sink, unchecked, with the place it
/// was written: the sink resolves and checks them all once every claim is written.
public protocol ParseSink: AnyObject {
  /// Writes the positions and claims read so far. Returns false when the store refuses them;
  /// the sink keeps the reason, and the parse writes nothing more.
  func write(positions: [Position], claims: [Claim]) -> Bool
  /// A claim written earlier, as stored, for a later file that states it again; nil (with the
  /// reason kept) when it cannot be read back.
  func storedClaim(id: String) -> Claim?
  /// Stages relations as read, before any is checked against another; false when the store
  /// refuses them.
  func write(relations: [(relation: Relation, location: SourceLocation)]) -> Bool
  /// Says that the relations from `argument`, a reconstructed argument, are its conclusion's
  /// (Argdown's model; see `ParseSession.speakingFor`). False when the store refuses.
  func relationsSpeak(forConclusion conclusion: String, ofArgument argument: String) -> Bool
}

/// The claims a parse holds, by index, with the key of each. A streamed parse lets go of the
/// claims it has written (see `ParseSession.forget(writtenUpTo:)`), and the indices of the rest
/// then start again from 0.
struct ClaimTable {
  private(set) var items: [Claim] = []
  private var keys: [Int] = []

  var count: Int { items.count }
  var indices: Range<Int> { items.indices }

  subscript(index: Int) -> Claim {
    get { items[index] }
    set { items[index] = newValue }
  }

  func key(at index: Int) -> Int { keys[index] }

  mutating func append(_ claim: Claim, key: Int) {
    items.append(claim)
    keys.append(key)
  }

  /// Lets go of the claims below `end`, and gives the others the keys `newKey` maps theirs to.
  mutating func removeFirst(_ end: Int, newKey: [Int]) {
    items = Array(items[end...])
    keys = keys[end...].map { newKey[$0] }
  }

  /// Puts the claims in the order of `order`, a permutation of `indices`.
  mutating func reorder(_ order: [Int]) {
    items = order.map { items[$0] }
  }
}
