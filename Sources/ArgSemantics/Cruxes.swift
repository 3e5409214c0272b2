/// A claim whose label, if flipped, changes the most other labels under the semantics.
public struct Crux: Sendable, Hashable {
  public var argument: Int
  /// The other arguments whose label changes, ascending.
  public var changed: [Int]
  /// The label the argument was assumed to have: OUT for IN, IN for OUT; an UNDEC argument
  /// is tried both ways and keeps whichever changes more (IN on a tie).
  public var flippedTo: Label

  public init(argument: Int, changed: [Int], flippedTo: Label) {
    self.argument = argument
    self.changed = changed
    self.flippedTo = flippedTo
  }
}

public enum Cruxes {
  /// The `top` arguments whose flip changes the most other labels, most changes first, ties
  /// by argument index; flips that change nothing are left out.
  ///
  /// Grounded: the flipped argument is fixed and the least fixpoint is recomputed only over
  /// what it reaches through attacks (nothing else can change), so a claim deep in the map
  /// costs only its downstream part. Other semantics: the baseline is the sceptical labelling
  /// (an argument's label where all labellings agree, else UNDEC), compared with the
  /// sceptical labelling once the flip is made as an intervention (`intervened`), within the
  /// budget. A flip to UNDEC is never tried, so every flip has labellings under complete and
  /// preferred semantics; under stable, a framework with no stable labelling has no cruxes.
  public static func rank(
    _ af: AbstractFramework, semantics: Semantics, top: Int, budget: SolverBudget = .unlimited
  ) throws(SolverError) -> [Crux] {
    guard top > 0 else { return [] }
    var deadline = Deadline(budget)
    var cruxes: [Crux] = []
    if semantics == .grounded {
      var propagation = DownstreamGrounded(af)
      for argument in 0..<af.argumentCount {
        try deadline.check()
        if let crux = best(
          argument, propagation.base[argument],
          { label in
            propagation.changes(flipping: argument, to: label)
          })
        {
          cruxes.append(crux)
        }
      }
    } else {
      let all = try Solver.labellings(
        af, semantics: semantics, assuming: [:], deadline: &deadline, limit: nil)
      guard let base = sceptical(all, count: af.argumentCount) else { return [] }
      for argument in 0..<af.argumentCount {
        var outcomes: [Label: [Int]] = [:]
        for label in flips(of: base[argument]) {
          let flipped = try Solver.labellings(
            af, semantics: semantics, intervening: [argument: label], &deadline)
          guard let labels = sceptical(flipped, count: af.argumentCount) else { continue }
          outcomes[label] = labels.indices.filter { $0 != argument && labels[$0] != base[$0] }
        }
        if let crux = best(argument, base[argument], { outcomes[$0] ?? [] }) {
          cruxes.append(crux)
        }
      }
    }
    cruxes.sort {
      ($0.changed.count, -$0.argument) > ($1.changed.count, -$1.argument)
    }
    return Array(cruxes.prefix(top))
  }

  private static func flips(of label: Label) -> [Label] {
    switch label {
    case .in: [.out]
    case .out: [.in]
    case .undec: [.in, .out]
    }
  }

  private static func best(
    _ argument: Int, _ label: Label, _ changes: (Label) -> [Int]
  ) -> Crux? {
    var result: Crux?
    for flipped in flips(of: label) {
      let changed = changes(flipped)
      if !changed.isEmpty && changed.count > (result?.changed.count ?? 0) {
        result = Crux(argument: argument, changed: changed, flippedTo: flipped)
      }
    }
    return result
  }

  /// Each argument's label where all labellings agree, else UNDEC; nil for no labellings.
  static func sceptical(_ labellings: [[Label]], count: Int) -> [Label]? {
    guard var result = labellings.first else { return nil }
    for labelling in labellings.dropFirst() {
      for index in 0..<count where result[index] != labelling[index] {
        result[index] = .undec
      }
    }
    return result
  }
}

/// The grounded labelling with one argument fixed, recomputed only over the arguments that
/// argument reaches; scratch arrays are reset after each use, so one flip costs the size of
/// its downstream part, not of the framework.
struct DownstreamGrounded {
  let af: AbstractFramework
  let base: [Label]
  private var reached: [Bool]
  private var label: [Label]
  private var live: [Int32]
  private var region: [Int] = []
  private var queue: [Int] = []

  init(_ af: AbstractFramework) {
    self.af = af
    base = Solver.grounded(af)
    reached = [Bool](repeating: false, count: af.argumentCount)
    label = base
    live = [Int32](repeating: 0, count: af.argumentCount)
  }

  /// The other arguments whose grounded label changes when `argument` is fixed to `flipped`.
  mutating func changes(flipping argument: Int, to flipped: Label) -> [Int] {
    // The downstream region, by breadth-first search over attacks.
    region = [argument]
    reached[argument] = true
    var next = 0
    while next < region.count {
      for target in af.targets(of: region[next]) where !reached[Int(target)] {
        reached[Int(target)] = true
        region.append(Int(target))
      }
      next += 1
    }
    // Inside the region everything but the fixed argument starts UNDEC; outside keeps its
    // base label. Then the usual queue: IN when every attacker is OUT, OUT when one is IN.
    // Live counts first, with every attacker inside the region (the fixed one too) still
    // counted: the fixed argument's own label reaches its targets as a queued event.
    for member in region { label[member] = .undec }
    for member in region.dropFirst() {
      var count: Int32 = 0
      for attacker in af.attackers(of: member) where label[Int(attacker)] != .out {
        count += 1
      }
      live[member] = count
    }
    label[argument] = flipped
    queue.removeAll(keepingCapacity: true)
    if flipped != .undec { queue.append(argument) }
    for member in region.dropFirst() {
      let attackedByIn = af.attackers(of: member).contains {
        !reached[Int($0)] && label[Int($0)] == .in
      }
      if attackedByIn {
        label[member] = .out
        queue.append(member)
      } else if live[member] == 0 {
        label[member] = .in
        queue.append(member)
      }
    }
    var head = 0
    while head < queue.count {
      let current = queue[head]
      head += 1
      if label[current] == .in {
        for target in af.targets(of: current) where label[Int(target)] == .undec {
          let target = Int(target)
          guard target != argument else { continue }
          label[target] = .out
          queue.append(target)
        }
      } else {
        for target in af.targets(of: current) {
          let target = Int(target)
          guard target != argument else { continue }
          live[target] -= 1
          if live[target] == 0 && label[target] == .undec {
            label[target] = .in
            queue.append(target)
          }
        }
      }
    }
    var changed: [Int] = []
    for member in region where member != argument && label[member] != base[member] {
      changed.append(member)
    }
    changed.sort()
    for member in region {
      reached[member] = false
      label[member] = base[member]
    }
    return changed
  }
}
