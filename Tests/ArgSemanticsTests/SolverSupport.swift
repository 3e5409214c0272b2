import TestSupport

@testable import ArgSemantics

/// Frameworks from short edge lists with names "a", "b", … (or "1"… for i23 style).
func framework(_ count: Int, _ attacks: [(Int, Int)], numbered: Bool = false) -> AbstractFramework {
  let names = (0..<count).map { numbered ? String($0 + 1) : letterName($0) }
  return AbstractFramework(names: names, attacks: attacks.map { (attacker: $0.0, target: $0.1) })
}

func letterName(_ index: Int) -> String {
  index < 26 ? String(UnicodeScalar(UInt8(97 + index))) : "x\(index)"
}

/// Labellings written as strings, one letter each: I, O, U.
func code(_ labelling: [Label]) -> String {
  String(
    labelling.map {
      switch $0 {
      case .in: "I"
      case .out: "O"
      case .undec: "U"
      }
    })
}

func codes(_ labellings: [[Label]]) -> [String] { labellings.map(code).sorted() }

func randomFramework(
  _ generator: inout SeededGenerator, maxCount: Int = 12, minCount: Int = 0
) -> AbstractFramework {
  let count = Int.random(in: minCount...maxCount, using: &generator)
  let density = Double.random(in: 0.05...0.4, using: &generator)
  var attacks: [(Int, Int)] = []
  for attacker in 0..<count {
    for target in 0..<count where Double.random(in: 0..<1, using: &generator) < density {
      // Self-attacks rarer than other attacks.
      if attacker == target && Bool.random(using: &generator) { continue }
      attacks.append((attacker, target))
    }
  }
  return framework(count, attacks)
}

/// Brute force from the definitions, over all 2^n sets of arguments (bit masks).
struct BruteForce {
  let count: Int
  let attackersMask: [UInt32]
  let targetsMask: [UInt32]

  init(_ af: AbstractFramework) {
    count = af.argumentCount
    var attackers = [UInt32](repeating: 0, count: count)
    var targets = [UInt32](repeating: 0, count: count)
    for a in 0..<count {
      for b in 0..<count where af.attacks(a, b) {
        targets[a] |= 1 << b
        attackers[b] |= 1 << a
      }
    }
    attackersMask = attackers
    targetsMask = targets
  }

  var full: UInt32 { count == 0 ? 0 : UInt32.max >> (32 - count) }
  var allSets: [UInt32] { (0..<(UInt32(1) << count)).map { $0 } }

  func attackedBy(_ set: UInt32) -> UInt32 {
    var result: UInt32 = 0
    for a in 0..<count where set & (1 << a) != 0 { result |= targetsMask[a] }
    return result
  }

  func conflictFree(_ set: UInt32) -> Bool { attackedBy(set) & set == 0 }

  func defended(_ set: UInt32) -> UInt32 {
    let out = attackedBy(set)
    var result: UInt32 = 0
    for a in 0..<count where attackersMask[a] & ~out == 0 { result |= 1 << a }
    return result
  }

  func admissible(_ set: UInt32) -> Bool {
    conflictFree(set) && set & ~defended(set) == 0
  }

  func complete(_ set: UInt32) -> Bool { conflictFree(set) && defended(set) == set }

  func stable(_ set: UInt32) -> Bool { conflictFree(set) && (set | attackedBy(set)) == full }

  var completeSets: [UInt32] { allSets.filter(complete) }
  var admissibleSets: [UInt32] { allSets.filter(admissible) }
  var preferredSets: [UInt32] {
    let candidates = admissibleSets
    return candidates.filter { set in
      !candidates.contains { $0 != set && $0 & set == set }
    }
  }
  var stableSets: [UInt32] { allSets.filter(stable) }
  var groundedSet: UInt32 { completeSets.reduce(full) { $0 & $1 } }

  func range(_ set: UInt32) -> UInt32 { set | attackedBy(set) }

  /// The sets whose range no other set of `candidates` strictly contains.
  func rangeMaximal(_ candidates: [UInt32]) -> [UInt32] {
    let ranges = Set(candidates.map(range))
    return candidates.filter { set in
      let own = range(set)
      return !ranges.contains { $0 != own && $0 & own == own }
    }
  }

  var semiStableSets: [UInt32] { rangeMaximal(completeSets) }
  var stageSets: [UInt32] { rangeMaximal(allSets.filter(conflictFree)) }
  /// The union of the admissible sets inside every preferred extension (itself admissible).
  var idealSet: UInt32 {
    let common = preferredSets.reduce(full) { $0 & $1 }
    return admissibleSets.filter { $0 & ~common == 0 }.reduce(0) { $0 | $1 }
  }

  func sets(_ semantics: Semantics) -> [UInt32] {
    switch semantics {
    case .grounded: [groundedSet]
    case .complete: completeSets
    case .preferred: preferredSets
    case .stable: stableSets
    case .semiStable: semiStableSets
    case .stage: stageSets
    case .ideal: [idealSet]
    }
  }

  /// The labelling of an extension: IN its members, OUT what they attack, UNDEC the rest.
  func labelling(_ set: UInt32) -> [Label] {
    let out = attackedBy(set)
    return (0..<count).map {
      set & (1 << $0) != 0 ? .in : out & (1 << $0) != 0 ? .out : .undec
    }
  }

  func labellings(_ semantics: Semantics) -> [[Label]] { sets(semantics).map(labelling) }
}

/// Whether the labelling is one of the semantics by the definitions that can be checked on
/// the labelling alone: complete (IN iff every attacker OUT, OUT iff some attacker IN),
/// stable (complete without UNDEC), or, for stage, IN conflict-free with OUT exactly what
/// IN attacks. Maximality is checked elsewhere (brute force, or the other engine).
func isLegal(_ labelling: [Label], _ af: AbstractFramework, _ semantics: Semantics) -> Bool {
  labelling.indices.allSatisfy { argument in
    let attackers = af.attackers(of: argument).map { labelling[Int($0)] }
    let attacked = attackers.contains(.in)
    switch (semantics, labelling[argument]) {
    case (.stage, .in): return !attacked
    case (.stage, .out): return attacked
    case (.stage, .undec): return !attacked
    case (.stable, .undec): return false
    case (_, .in): return attackers.allSatisfy { $0 == .out }
    case (_, .out): return attacked
    case (_, .undec): return !attacked && !attackers.allSatisfy { $0 == .out }
    }
  }
}

/// All 3^n labellings (small n only).
func allLabellings(_ count: Int) -> [[Label]] {
  var result: [[Label]] = [[]]
  for _ in 0..<count {
    result = result.flatMap { prefix in Label.allCases.map { prefix + [$0] } }
  }
  return result
}
