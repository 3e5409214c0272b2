import TestSupport
import Testing

@testable import ArgSemantics

/// The SAT engine against brute force from the definitions, and against the backtracking
/// search, on random frameworks.
@Suite struct SolverSATTests {
  func sat(
    _ af: AbstractFramework, _ semantics: Semantics, assuming: [Int: Label] = [:]
  ) throws -> [[Label]] {
    var deadline = Deadline(.unlimited)
    return try Solver.labellings(
      af, semantics: semantics, assuming: assuming, deadline: &deadline, limit: nil,
      engine: .sat)
  }

  func search(_ af: AbstractFramework, _ semantics: Semantics) throws -> [[Label]] {
    var deadline = Deadline(.unlimited)
    return try Solver.labellings(
      af, semantics: semantics, assuming: [:], deadline: &deadline, limit: nil,
      engine: .search)
  }

  /// Credulous and sceptical acceptance of `argument` by one engine, with the witness each
  /// answer comes with.
  func acceptance(
    _ af: AbstractFramework, _ argument: Int, _ semantics: Semantics, _ engine: Solver.Engine
  ) throws -> (credulous: [Label]?, counterexample: [Label]?) {
    var deadline = Deadline(.unlimited)
    return (
      try Solver.credulousWitness(
        af, argument: argument, semantics: semantics, &deadline, engine: engine),
      try Solver.skepticalCounterexample(
        af, argument: argument, semantics: semantics, &deadline, engine: engine)
    )
  }

  @Test func everySemanticsMatchesBruteForce() throws {
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<300 {
      let af = randomFramework(&generator, maxCount: 10)
      let brute = BruteForce(af)
      for semantics in Semantics.allCases {
        let found = try sat(af, semantics)
        #expect(codes(found) == codes(brute.labellings(semantics)), "\(semantics) \(af)")
        #expect(Set(codes(found)).count == found.count, "duplicates: \(semantics) \(af)")
        for labelling in found {
          #expect(isLegal(labelling, af, semantics), "\(semantics) \(code(labelling)) \(af)")
        }
      }
    }
  }

  @Test func acceptanceAndWitnessesMatchBruteForce() throws {
    var generator = SeededGenerator(seed: 12)
    for _ in 0..<300 {
      let af = randomFramework(&generator, maxCount: 10, minCount: 1)
      let brute = BruteForce(af)
      let argument = Int.random(in: 0..<af.argumentCount, using: &generator)
      let bit = UInt32(1) << argument
      for semantics in Semantics.allCases {
        let sets = brute.sets(semantics)
        let (witness, counterexample) = try acceptance(af, argument, semantics, .sat)
        #expect((witness != nil) == sets.contains { $0 & bit != 0 }, "\(semantics) \(af)")
        #expect(
          (counterexample == nil) == sets.allSatisfy { $0 & bit != 0 }, "\(semantics) \(af)")
        // A witness is an extension of the semantics, except that credulous complete and
        // preferred answer with a complete one (which a preferred one extends).
        let witnessSets = semantics == .preferred ? brute.completeSets : sets
        if let witness {
          #expect(witness[argument] == .in)
          #expect(witnessSets.contains(set(of: witness)), "\(semantics) \(af)")
        }
        if let counterexample {
          #expect(counterexample[argument] != .in)
          #expect(sets.contains(set(of: counterexample)), "\(semantics) \(af)")
        }
      }
    }
  }

  @Test func assumptionsFilterEverySemantics() throws {
    var generator = SeededGenerator(seed: 13)
    for _ in 0..<200 {
      let af = randomFramework(&generator, maxCount: 9, minCount: 1)
      let brute = BruteForce(af)
      var assuming: [Int: Label] = [:]
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        assuming[Int.random(in: 0..<af.argumentCount, using: &generator)] =
          Label.allCases.randomElement(using: &generator)!
      }
      for semantics in Semantics.allCases where semantics != .grounded {
        let expected = brute.labellings(semantics).filter { labelling in
          assuming.allSatisfy { labelling[$0.key] == $0.value }
        }
        let found = try sat(af, semantics, assuming: assuming)
        #expect(codes(found) == codes(expected), "\(semantics) \(assuming) \(af)")
      }
    }
  }

  /// Thousands of frameworks up to 14 arguments, where brute force is too slow: both engines
  /// give the same labellings and the same acceptance.
  @Test func satMatchesTheSearch() throws {
    var generator = SeededGenerator(seed: 14)
    for _ in 0..<2000 {
      let af = randomFramework(&generator, maxCount: 14, minCount: 1)
      let argument = Int.random(in: 0..<af.argumentCount, using: &generator)
      for semantics in [Semantics.complete, .preferred, .stable] {
        let found = try sat(af, semantics)
        #expect(codes(found) == codes(try search(af, semantics)), "\(semantics) \(af)")
        for labelling in found { #expect(isLegal(labelling, af, semantics)) }
        let bySAT = try acceptance(af, argument, semantics, .sat)
        let bySearch = try acceptance(af, argument, semantics, .search)
        #expect((bySAT.credulous == nil) == (bySearch.credulous == nil), "\(semantics) \(af)")
        #expect(
          (bySAT.counterexample == nil) == (bySearch.counterexample == nil),
          "\(semantics) \(af)")
      }
    }
  }

  /// Larger frameworks, past brute force: the engines agree and every labelling is legal.
  @Test func satMatchesTheSearchOnLargerFrameworks() throws {
    var generator = SeededGenerator(seed: 15)
    for _ in 0..<30 {
      let af = randomFramework(&generator, maxCount: 40, minCount: 25)
      for semantics in [Semantics.preferred, .stable] {
        let found = try sat(af, semantics)
        #expect(codes(found) == codes(try search(af, semantics)), "\(semantics) \(af)")
        for labelling in found { #expect(isLegal(labelling, af, semantics)) }
      }
      for semantics in [Semantics.semiStable, .stage, .ideal] {
        for labelling in try sat(af, semantics) {
          #expect(isLegal(labelling, af, semantics), "\(semantics) \(af)")
        }
      }
    }
  }

  /// The budget reaches into CaDiCaL: enumerating 3^20 complete labellings gives up on time.
  @Test func timeoutStopsTheSATEngine() throws {
    var pairs: [(Int, Int)] = []
    for pair in 0..<20 { pairs += [(2 * pair, 2 * pair + 1), (2 * pair + 1, 2 * pair)] }
    let af = framework(40, pairs)
    let clock = ContinuousClock()
    let start = clock.now
    #expect(throws: SolverError.gaveUp(after: .milliseconds(200))) {
      try Solver.labellings(
        af, semantics: .complete, budget: SolverBudget(timeout: .milliseconds(200)))
    }
    #expect(clock.now - start < .seconds(5))
  }

  func set(of labelling: [Label]) -> UInt32 {
    labelling.indices.reduce(0) { labelling[$1] == .in ? $0 | 1 << $1 : $0 }
  }
}
