import TestSupport
import Testing

@testable import ArgSemantics

/// The solver against brute force from the definitions on random small frameworks.
@Suite struct SolverPropertyTests {
  static let frameworkCount = 500

  @Test func semanticsMatchBruteForce() throws {
    var generator = SeededGenerator(seed: 1)
    for _ in 0..<Self.frameworkCount {
      let af = randomFramework(&generator)
      let brute = BruteForce(af)
      let grounded = Solver.grounded(af)
      #expect(grounded == brute.labelling(brute.groundedSet), "\(af)")
      #expect(try Solver.labellings(af, semantics: .grounded) == [grounded])
      let complete = try Solver.labellings(af, semantics: .complete)
      let preferred = try Solver.labellings(af, semantics: .preferred)
      let stable = try Solver.labellings(af, semantics: .stable)
      #expect(codes(complete) == codes(brute.labellings(.complete)), "\(af)")
      #expect(codes(preferred) == codes(brute.labellings(.preferred)), "\(af)")
      #expect(codes(stable) == codes(brute.labellings(.stable)), "\(af)")
      // No duplicates.
      #expect(Set(codes(complete)).count == complete.count)
      #expect(Set(codes(preferred)).count == preferred.count)
      // Grounded is the least complete labelling; stable ⊆ preferred ⊆ complete.
      for labelling in complete {
        #expect(
          grounded.indices.allSatisfy { grounded[$0] == .undec || grounded[$0] == labelling[$0] })
      }
      #expect(Set(codes(stable)).isSubset(of: Set(codes(preferred))))
      #expect(Set(codes(preferred)).isSubset(of: Set(codes(complete))))
      #expect(!preferred.isEmpty)
    }
  }

  @Test func acceptanceMatchesBruteForce() throws {
    var generator = SeededGenerator(seed: 2)
    for _ in 0..<Self.frameworkCount {
      let af = randomFramework(&generator)
      let brute = BruteForce(af)
      // The other semantics are checked on smaller frameworks in SolverSATTests.
      for semantics in [Semantics.grounded, .complete, .preferred, .stable] {
        let sets = brute.sets(semantics)
        for argument in 0..<af.argumentCount {
          let bit = UInt32(1) << argument
          let credulous = sets.contains { $0 & bit != 0 }
          let sceptical = sets.allSatisfy { $0 & bit != 0 }
          #expect(
            try Solver.isCredulouslyAccepted(af, argument: argument, semantics: semantics)
              == credulous, "\(semantics) \(argument) \(af)")
          #expect(
            try Solver.isSkepticallyAccepted(af, argument: argument, semantics: semantics)
              == sceptical, "\(semantics) \(argument) \(af)")
        }
      }
    }
  }

  @Test func assumptionsFilterTheLabellings() throws {
    var generator = SeededGenerator(seed: 3)
    for _ in 0..<Self.frameworkCount {
      let af = randomFramework(&generator)
      guard af.argumentCount > 0 else { continue }
      var assuming: [Int: Label] = [:]
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        assuming[Int.random(in: 0..<af.argumentCount, using: &generator)] =
          Label.allCases.randomElement(using: &generator)!
      }
      let brute = BruteForce(af)
      for semantics in [Semantics.complete, .preferred, .stable] {
        let expected = brute.labellings(semantics).filter { labelling in
          assuming.allSatisfy { labelling[$0.key] == $0.value }
        }
        let found = try Solver.labellings(af, semantics: semantics, assuming: assuming)
        #expect(codes(found) == codes(expected), "\(semantics) \(assuming) \(af)")
      }
    }
  }

  /// Grounded with assumptions is the least fixpoint of "IN iff every attacker OUT, OUT iff
  /// some attacker IN" over the arguments not fixed: checked over all 3^n labellings.
  @Test func groundedAssumptionsAreTheLeastFixpoint() throws {
    var generator = SeededGenerator(seed: 4)
    for _ in 0..<Self.frameworkCount {
      let af = randomFramework(&generator, maxCount: 6)
      guard af.argumentCount > 0 else { continue }
      var assuming: [Int: Label] = [:]
      for _ in 0..<Int.random(in: 0...2, using: &generator) {
        assuming[Int.random(in: 0..<af.argumentCount, using: &generator)] =
          Label.allCases.randomElement(using: &generator)!
      }
      let fixpoints = allLabellings(af.argumentCount).filter { labelling in
        labelling.indices.allSatisfy { argument in
          if let fixed = assuming[argument] { return labelling[argument] == fixed }
          let attackers = af.attackers(of: argument).map { labelling[Int($0)] }
          let expected: Label =
            attackers.allSatisfy { $0 == .out }
            ? .in : attackers.contains(.in) ? .out : .undec
          return labelling[argument] == expected
        }
      }
      let least = fixpoints.filter { candidate in
        fixpoints.allSatisfy { other in
          candidate.indices.allSatisfy { candidate[$0] == .undec || candidate[$0] == other[$0] }
        }
      }
      #expect(least.count == 1)
      #expect([Solver.grounded(af, assuming: assuming)] == least, "\(assuming) \(af)")
      #expect(
        try Solver.labellings(af, semantics: .grounded, assuming: assuming) == least)
    }
  }

  /// An assumption is an intervention: the assumed label holds in every labelling, complete
  /// and preferred labellings always exist, and grounded is the least fixpoint around it.
  @Test func interventionsAlwaysGiveTheAssumedLabel() throws {
    var generator = SeededGenerator(seed: 12)
    for _ in 0..<Self.frameworkCount {
      let af = randomFramework(&generator, maxCount: 8)
      guard af.argumentCount > 0 else { continue }
      var assuming: [Int: Label] = [:]
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        assuming[Int.random(in: 0..<af.argumentCount, using: &generator)] =
          Bool.random(using: &generator) ? .in : .out
      }
      let intervened = af.intervened(assuming)
      #expect(
        Array(Solver.grounded(intervened).prefix(af.argumentCount))
          == Solver.grounded(af, assuming: assuming), "\(assuming) \(af)")
      let brute = BruteForce(intervened)
      for semantics in Semantics.allCases {
        let found = try Solver.labellings(af, semantics: semantics, intervening: assuming)
        if semantics != .stable { #expect(!found.isEmpty, "\(semantics) \(assuming) \(af)") }
        // Stage is not admissibility-based: it may leave an unattacked argument out.
        for labelling in found where semantics != .stage {
          #expect(assuming.allSatisfy { labelling[$0.key] == $0.value }, "\(semantics)")
        }
        if semantics != .grounded {
          let expected = brute.labellings(semantics).map { Array($0.prefix(af.argumentCount)) }
          #expect(codes(found) == codes(expected), "\(semantics) \(assuming) \(af)")
        }
      }
    }
  }

  /// Cruxes as the definition says, by a full recompute for every argument and flip.
  func naiveCruxes(
    _ af: AbstractFramework, base: [Label], after: (Int, Label) -> [Label]?
  ) -> [Crux] {
    var result: [Crux] = []
    for argument in 0..<af.argumentCount {
      let flips: [Label] =
        switch base[argument] {
        case .in: [.out]
        case .out: [.in]
        case .undec: [.in, .out]
        }
      var best: Crux?
      for flipped in flips {
        guard let labels = after(argument, flipped) else { continue }
        let changed = labels.indices.filter { $0 != argument && labels[$0] != base[$0] }
        if changed.count > (best?.changed.count ?? 0) {
          best = Crux(argument: argument, changed: changed, flippedTo: flipped)
        }
      }
      if let best { result.append(best) }
    }
    return result.sorted {
      $0.changed.count != $1.changed.count
        ? $0.changed.count > $1.changed.count : $0.argument < $1.argument
    }
  }

  @Test func groundedCruxesMatchAFullRecompute() throws {
    var generator = SeededGenerator(seed: 5)
    for _ in 0..<Self.frameworkCount {
      let af = randomFramework(&generator, maxCount: 16)
      let expected = naiveCruxes(af, base: Solver.grounded(af)) {
        Solver.grounded(af, assuming: [$0: $1])
      }
      let ranked = try Cruxes.rank(af, semantics: .grounded, top: af.argumentCount + 1)
      #expect(ranked == expected, "\(af)")
      #expect(try Cruxes.rank(af, semantics: .grounded, top: 2) == Array(expected.prefix(2)))
    }
  }

  @Test func otherCruxesMatchBruteForce() throws {
    var generator = SeededGenerator(seed: 6)
    for _ in 0..<100 {
      let af = randomFramework(&generator, maxCount: 8)
      let brute = BruteForce(af)
      for semantics in [Semantics.complete, .preferred, .stable] {
        let all = brute.labellings(semantics)
        guard let base = Cruxes.sceptical(all, count: af.argumentCount) else {
          #expect(try Cruxes.rank(af, semantics: semantics, top: 5) == [])
          continue
        }
        // A flip is an intervention: the flipped argument's attacks removed (IN) or an
        // unattacked attacker added (OUT), then the semantics over the changed framework.
        let expected = naiveCruxes(af, base: base) { argument, label in
          let flipped = BruteForce(af.intervened([argument: label])).labellings(semantics)
          return Cruxes.sceptical(
            flipped.map { Array($0.prefix(af.argumentCount)) }, count: af.argumentCount)
        }
        let ranked = try Cruxes.rank(af, semantics: semantics, top: af.argumentCount)
        #expect(ranked == expected, "\(semantics) \(af)")
      }
    }
  }
}
