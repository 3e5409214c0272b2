/// A Dung abstract argumentation framework: arguments numbered 0..<count, and attacks between
/// them, kept in compressed adjacency arrays in both directions so that a framework with
/// millions of attacks is a handful of flat arrays rather than millions of small ones.
public struct AbstractFramework: Sendable, Equatable {
  public let argumentCount: Int
  /// Each argument's name (a claim id, or the name an ICCMA file gives it), or nil for a
  /// framework of numbers, whose argument `i` is called `i + 1` as i23 numbers it. A map's
  /// claims are numbered so: a caller names only the arguments it prints.
  private let givenNames: [String]?
  /// The attackers of `a` are `attackerList[attackerStart[a] ..< attackerStart[a + 1]]`.
  public let attackerStart: [Int]
  public let attackerList: [Int32]
  /// The arguments `a` attacks are `targetList[targetStart[a] ..< targetStart[a + 1]]`.
  public let targetStart: [Int]
  public let targetList: [Int32]

  /// Builds the framework from an edge list; duplicate attacks are kept once.
  public init(names: [String], attacks: [(attacker: Int, target: Int)]) {
    let count = names.count
    precondition(
      attacks.allSatisfy { (0..<count).contains($0.attacker) && (0..<count).contains($0.target) },
      "attacks must name arguments of the framework")
    self.init(
      argumentCount: count, names: names,
      attackKeys: attacks.map { BipolarGraph.key($0.attacker, $0.target) })
  }

  /// Builds the framework from attacks packed as `BipolarGraph.key(attacker, target)`, which
  /// the caller guarantees name arguments; duplicates are kept once. Sorting plain integers is
  /// what keeps millions of (derived) attacks cheap.
  init(argumentCount: Int, names: [String]?, attackKeys: [UInt64]) {
    let edges = BipolarGraph.uniqueEdges(attackKeys)
    self.argumentCount = argumentCount
    givenNames = names
    (targetStart, targetList) = Self.compressed(edges, count: argumentCount) { $0 }
    (attackerStart, attackerList) = Self.compressed(edges, count: argumentCount) { ($0.1, $0.0) }
  }

  /// Every argument's name, in order: for a framework of numbers, "1" to "N".
  public var names: [String] { givenNames ?? (0..<argumentCount).map(name) }

  /// Argument `argument`'s name.
  public func name(_ argument: Int) -> String {
    givenNames?[argument] ?? String(argument + 1)
  }

  /// Whether the arguments have names of their own, rather than numbers.
  public var isNamed: Bool { givenNames != nil }

  public var attackCount: Int { targetList.count }

  public func attackers(of argument: Int) -> ArraySlice<Int32> {
    attackerList[attackerStart[argument]..<attackerStart[argument + 1]]
  }

  public func targets(of argument: Int) -> ArraySlice<Int32> {
    targetList[targetStart[argument]..<targetStart[argument + 1]]
  }

  public func attacks(_ attacker: Int, _ target: Int) -> Bool {
    targets(of: attacker).contains(Int32(target))
  }

  /// Counting sort of edges by their first element: linear, and keeps the second sorted.
  private static func compressed(
    _ edges: [(Int32, Int32)], count: Int, key: ((Int32, Int32)) -> (Int32, Int32)
  ) -> ([Int], [Int32]) {
    var start = [Int](repeating: 0, count: count + 1)
    for edge in edges { start[Int(key(edge).0) + 1] += 1 }
    for index in 0..<count { start[index + 1] += start[index] }
    var next = start
    var list = [Int32](repeating: 0, count: edges.count)
    for edge in edges {
      let (from, to) = key(edge)
      list[next[Int(from)]] = to
      next[Int(from)] += 1
    }
    return (start, list)
  }

  public static func == (lhs: AbstractFramework, rhs: AbstractFramework) -> Bool {
    lhs.argumentCount == rhs.argumentCount && lhs.givenNames == rhs.givenNames
      && lhs.targetStart == rhs.targetStart && lhs.targetList == rhs.targetList
  }
}

/// A labelling's verdict on one argument.
public enum Label: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
  /// Accepted: every attacker is OUT.
  case `in`
  /// Rejected: some attacker is IN.
  case out
  /// Neither.
  case undec

  public var description: String {
    switch self {
    case .in: "in"
    case .out: "out"
    case .undec: "undec"
    }
  }
}
