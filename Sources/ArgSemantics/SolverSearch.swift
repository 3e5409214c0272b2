/// Labelling-based backtracking search for complete labellings (and, by restricting the
/// domains, stable ones), with propagation.
///
/// Every argument has a domain, a subset of {IN, OUT, UNDEC} as bits. A complete labelling
/// satisfies, for each argument `a` with attackers `B`:
/// IN ⇔ every `b` is OUT; OUT ⇔ some `b` is IN; UNDEC otherwise. Propagation keeps, per
/// argument, four counters over its attackers' domains (how many can be IN, are surely IN,
/// can be other than OUT, cannot be OUT), so each rule is checked in constant time:
/// - some attacker surely IN → `a` OUT; every attacker surely OUT → `a` IN;
///   no attacker can be IN → `a` not OUT; some attacker cannot be OUT → `a` not IN;
/// - `a` IN → every attacker OUT; `a` not OUT (IN or UNDEC) → no attacker IN;
/// - `a` OUT and exactly one attacker can be IN → that attacker IN;
/// - `a` not IN and exactly one attacker can be other than OUT → that attacker not OUT.
/// At a fixpoint with every domain a single label these rules are exactly the definition, so
/// every leaf is a complete labelling. Branching splits a domain into its lowest label and
/// the rest (IN first), so the leaves are distinct and together cover every complete
/// labelling consistent with the initial domains.
final class LabellingSearch {
  static let inBit: UInt8 = 1
  static let outBit: UInt8 = 2
  static let undecBit: UInt8 = 4
  static let all: UInt8 = 7

  let count: Int
  private let attackerStart: [Int]
  private let attackerList: [Int32]
  private let targetStart: [Int]
  private let targetList: [Int32]

  private(set) var domain: [UInt8]
  private var canIn: [Int32]
  private var sureIn: [Int32]
  private var notOut: [Int32]
  private var cantOut: [Int32]
  private var trail: [(argument: Int32, old: UInt8)] = []
  private var queue: [Int32] = []
  private var queued: [Bool]
  /// False once the initial domains were found contradictory.
  private(set) var consistent = true

  /// Starts with every argument free (restricted to IN/OUT for stable), narrowed to the
  /// grounded labelling, which every complete labelling contains.
  init(_ af: AbstractFramework, stable: Bool) {
    count = af.argumentCount
    attackerStart = af.attackerStart
    attackerList = af.attackerList
    targetStart = af.targetStart
    targetList = af.targetList
    let initial = stable ? Self.inBit | Self.outBit : Self.all
    domain = [UInt8](repeating: initial, count: count)
    canIn = [Int32](repeating: 0, count: count)
    sureIn = canIn
    notOut = canIn
    cantOut = canIn
    queued = [Bool](repeating: false, count: count)
    for argument in 0..<count {
      let degree = Int32(attackerStart[argument + 1] - attackerStart[argument])
      canIn[argument] = degree
      notOut[argument] = degree
    }
    for (argument, label) in Solver.grounded(af).enumerated() where label != .undec {
      if !narrow(argument, to: Self.bit(label)) { consistent = false }
    }
    for argument in 0..<count { enqueue(argument) }
    consistent = consistent && propagate()
    if !consistent { clearQueue() }
    trail.removeAll(keepingCapacity: true)
  }

  static func bit(_ label: Label) -> UInt8 {
    switch label {
    case .in: inBit
    case .out: outBit
    case .undec: undecBit
    }
  }

  static func label(_ bit: UInt8) -> Label {
    switch bit {
    case inBit: .in
    case outBit: .out
    default: .undec
    }
  }

  var labels: [Label] { domain.map(Self.label) }

  /// Restricts `argument` to `mask` permanently (before searching) and propagates.
  func restrict(_ argument: Int, to mask: UInt8) {
    guard consistent else { return }
    consistent = narrow(argument, to: mask) && propagate()
    trail.removeAll(keepingCapacity: true)
  }

  // MARK: Domains, counters and the trail

  @inline(__always)
  private func adjust(_ target: Int, from old: UInt8, to new: UInt8, by sign: Int32) {
    @inline(__always) func value(_ condition: Bool) -> Int32 { condition ? 1 : 0 }
    canIn[target] += sign * (value(new & Self.inBit != 0) - value(old & Self.inBit != 0))
    sureIn[target] += sign * (value(new == Self.inBit) - value(old == Self.inBit))
    notOut[target] += sign * (value(new != Self.outBit) - value(old != Self.outBit))
    cantOut[target] +=
      sign * (value(new & Self.outBit == 0) - value(old & Self.outBit == 0))
  }

  private func enqueue(_ argument: Int) {
    if !queued[argument] {
      queued[argument] = true
      queue.append(Int32(argument))
    }
  }

  /// Intersects the domain with `mask`; false when that leaves it empty.
  private func narrow(_ argument: Int, to mask: UInt8) -> Bool {
    let old = domain[argument]
    let new = old & mask
    if new == old { return true }
    if new == 0 { return false }
    trail.append((Int32(argument), old))
    domain[argument] = new
    enqueue(argument)
    for index in targetStart[argument]..<targetStart[argument + 1] {
      let target = Int(targetList[index])
      adjust(target, from: old, to: new, by: 1)
      enqueue(target)
    }
    return true
  }

  private func undo(to mark: Int) {
    while trail.count > mark {
      let (argument32, old) = trail.removeLast()
      let argument = Int(argument32)
      let current = domain[argument]
      for index in targetStart[argument]..<targetStart[argument + 1] {
        adjust(Int(targetList[index]), from: old, to: current, by: -1)
      }
      domain[argument] = old
    }
  }

  private func clearQueue() {
    for argument in queue { queued[Int(argument)] = false }
    queue.removeAll(keepingCapacity: true)
  }

  /// Applies the rules until nothing changes; false on a contradiction.
  private func propagate() -> Bool {
    while let argument32 = queue.popLast() {
      let a = Int(argument32)
      queued[a] = false
      var mask = Self.all
      if sureIn[a] > 0 { mask &= Self.outBit }
      if notOut[a] == 0 { mask &= Self.inBit }
      if canIn[a] == 0 { mask &= ~Self.outBit }
      if cantOut[a] > 0 { mask &= ~Self.inBit }
      guard narrow(a, to: mask) else {
        clearQueue()
        return false
      }
      let d = domain[a]
      let attackers = attackerStart[a]..<attackerStart[a + 1]
      var ok = true
      if d == Self.inBit && notOut[a] > 0 {
        for index in attackers where ok {
          ok = narrow(Int(attackerList[index]), to: Self.outBit)
        }
      }
      if ok && d & Self.outBit == 0 && canIn[a] > 0 {
        for index in attackers where ok {
          ok = narrow(Int(attackerList[index]), to: ~Self.inBit)
        }
      }
      if ok && d == Self.outBit && sureIn[a] == 0 && canIn[a] == 1 {
        for index in attackers where domain[Int(attackerList[index])] & Self.inBit != 0 {
          ok = narrow(Int(attackerList[index]), to: Self.inBit)
          break
        }
      }
      if ok && d & Self.inBit == 0 && cantOut[a] == 0 && notOut[a] == 1 {
        for index in attackers where domain[Int(attackerList[index])] != Self.outBit {
          ok = narrow(Int(attackerList[index]), to: ~Self.outBit)
          break
        }
      }
      if !ok {
        clearQueue()
        return false
      }
    }
    return true
  }

  // MARK: Search

  /// Visits every complete labelling consistent with the current domains, depth first, IN
  /// before the rest. `prune` may cut a subtree (given the current domains); `visit` gets
  /// each leaf and returns whether to go on. Restores the domains before returning.
  func search(
    _ deadline: inout Deadline,
    prune: ([UInt8]) -> Bool = { _ in false },
    visit: ([UInt8]) throws(SolverError) -> Bool
  ) throws(SolverError) {
    guard consistent else { return }
    let base = trail.count
    defer {
      clearQueue()
      undo(to: base)
    }
    var frames: [(argument: Int, mark: Int, free: Int, second: UInt8)] = []
    var free = 0
    while true {
      try deadline.tick()
      while free < count && domain[free].nonzeroBitCount == 1 { free += 1 }
      var backtrack = true
      if free == count {
        if try !visit(domain) { return }
      } else if !prune(domain) {
        let d = domain[free]
        let first = d & (0 &- d)
        frames.append((free, trail.count, free, d & ~first))
        backtrack = !(narrow(free, to: first) && propagate())
      }
      while backtrack {
        guard let frame = frames.popLast() else { return }
        undo(to: frame.mark)
        free = frame.free
        if frame.second != 0 {
          try deadline.tick()
          frames.append((frame.argument, frame.mark, frame.free, 0))
          backtrack = !(narrow(frame.argument, to: frame.second) && propagate())
        }
      }
    }
  }

  /// The first labelling the search finds, if any.
  func first(_ deadline: inout Deadline) throws(SolverError) -> [UInt8]? {
    var found: [UInt8]?
    try search(&deadline) { leaf in
      found = leaf
      return false
    }
    return found
  }

  /// Whether some complete labelling consistent with the current domains also has every
  /// argument in `mustIn` IN.
  func hasLabelling(with mustIn: [Int], _ deadline: inout Deadline) throws(SolverError) -> Bool {
    guard consistent else { return false }
    let base = trail.count
    defer {
      clearQueue()
      undo(to: base)
    }
    for argument in mustIn where !narrow(argument, to: Self.inBit) { return false }
    guard propagate() else { return false }
    return try first(&deadline) != nil
  }
}
