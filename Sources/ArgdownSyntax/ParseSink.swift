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

/// The claims a parse has read, by index. In a streamed parse the claims below `base` have been
/// written to the sink and let go; their kinds and keys stay, which is all the end of the parse
/// needs of them.
struct ClaimTable {
  private(set) var base = 0
  private var items: [Claim] = []
  private var kinds: [ClaimKind] = []
  private var keys: [Int] = []

  var count: Int { base + items.count }
  var indices: Range<Int> { 0..<count }
  /// The claims not written yet, in index order.
  var unwritten: [Claim] { items }
  var unwrittenIndices: Range<Int> { base..<count }

  subscript(index: Int) -> Claim {
    get { items[index - base] }
    set { items[index - base] = newValue }
  }

  func isWritten(_ index: Int) -> Bool { index < base }
  func kind(at index: Int) -> ClaimKind { kinds[index] }
  func key(at index: Int) -> Int { keys[index] }

  mutating func append(_ claim: Claim, key: Int) {
    items.append(claim)
    kinds.append(claim.kind)
    keys.append(key)
  }

  /// Hands over the claims below `end` to be written, and lets them go.
  mutating func takeWritable(upTo end: Int) -> [Claim] {
    let taken = Array(items[..<(end - base)])
    items.removeFirst(end - base)
    base = end
    return taken
  }

  /// Puts the unwritten claims in the order of `order`, a permutation of `unwrittenIndices`.
  mutating func reorderUnwritten(_ order: [Int]) {
    items = order.map { items[$0 - base] }
  }
}
