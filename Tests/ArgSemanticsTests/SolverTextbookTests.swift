import Testing

@testable import ArgSemantics

@Suite struct SolverTextbookTests {
  func all(_ af: AbstractFramework, _ semantics: Semantics) throws -> [String] {
    codes(try Solver.labellings(af, semantics: semantics))
  }

  @Test func emptyFramework() throws {
    let af = framework(0, [])
    #expect(Solver.grounded(af) == [])
    for semantics in Semantics.allCases {
      #expect(try all(af, semantics) == [""])
    }
  }

  @Test func unattackedChainAlternates() throws {
    let af = framework(5, [(0, 1), (1, 2), (2, 3), (3, 4)])
    #expect(code(Solver.grounded(af)) == "IOIOI")
    for semantics in Semantics.allCases {
      #expect(try all(af, semantics) == ["IOIOI"])
    }
  }

  @Test func selfAttackIsUndecidedAndHasNoStableLabelling() throws {
    let af = framework(2, [(0, 0), (0, 1)])
    #expect(code(Solver.grounded(af)) == "UU")
    #expect(try all(af, .complete) == ["UU"])
    #expect(try all(af, .preferred) == ["UU"])
    #expect(try all(af, .stable) == [])
  }

  @Test func oddCycleLeavesEverythingUndecided() throws {
    let af = framework(3, [(0, 1), (1, 2), (2, 0)])
    #expect(code(Solver.grounded(af)) == "UUU")
    #expect(try all(af, .complete) == ["UUU"])
    #expect(try all(af, .preferred) == ["UUU"])
    #expect(try all(af, .stable) == [])
    #expect(try !Solver.isCredulouslyAccepted(af, argument: 0, semantics: .preferred))
    // No stable labelling: every argument is sceptically accepted, vacuously.
    #expect(try Solver.isSkepticallyAccepted(af, argument: 0, semantics: .stable))
  }

  @Test func evenCycleHasTwoChoices() throws {
    let af = framework(4, [(0, 1), (1, 2), (2, 3), (3, 0)])
    #expect(code(Solver.grounded(af)) == "UUUU")
    #expect(try all(af, .complete) == ["IOIO", "OIOI", "UUUU"])
    #expect(try all(af, .preferred) == ["IOIO", "OIOI"])
    #expect(try all(af, .stable) == ["IOIO", "OIOI"])
  }

  @Test func nixonDiamond() throws {
    // Quaker, so pacifist (0); Republican, so not pacifist (1): they rebut each other.
    let af = framework(2, [(0, 1), (1, 0)])
    #expect(code(Solver.grounded(af)) == "UU")
    #expect(try all(af, .complete) == ["IO", "OI", "UU"])
    #expect(try all(af, .preferred) == ["IO", "OI"])
    #expect(try all(af, .stable) == ["IO", "OI"])
    #expect(try Solver.isCredulouslyAccepted(af, argument: 0, semantics: .preferred))
    #expect(try !Solver.isSkepticallyAccepted(af, argument: 0, semantics: .preferred))
  }

  @Test func floatingReinstatement() throws {
    // a and b attack each other and both attack c, which attacks d: d stands in every
    // preferred labelling but is UNDEC in the grounded one.
    let af = framework(4, [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)])
    #expect(code(Solver.grounded(af)) == "UUUU")
    #expect(try all(af, .preferred) == ["IOOI", "OIOI"])
    #expect(try all(af, .complete) == ["IOOI", "OIOI", "UUUU"])
    #expect(try Solver.isSkepticallyAccepted(af, argument: 3, semantics: .preferred))
    #expect(try Solver.isSkepticallyAccepted(af, argument: 3, semantics: .stable))
    #expect(try !Solver.isSkepticallyAccepted(af, argument: 3, semantics: .grounded))
    #expect(try !Solver.isSkepticallyAccepted(af, argument: 3, semantics: .complete))
  }

  @Test func assumptionsFixLabelsForWhatIf() throws {
    let af = framework(4, [(0, 1), (1, 0), (0, 2), (1, 2), (2, 3)])
    #expect(code(Solver.grounded(af, assuming: [0: .in])) == "IOOI")
    #expect(code(Solver.grounded(af, assuming: [2: .in])) == "UUIO")
    #expect(
      codes(try Solver.labellings(af, semantics: .preferred, assuming: [1: .in])) == ["OIOI"])
    #expect(
      try Solver.labellings(af, semantics: .stable, assuming: [3: .out]).isEmpty)
  }

  @Test func limitStopsEnumeration() throws {
    let af = framework(6, [(0, 1), (1, 0), (2, 3), (3, 2), (4, 5), (5, 4)])
    #expect(try Solver.labellings(af, semantics: .complete).count == 27)
    #expect(try Solver.labellings(af, semantics: .complete, limit: 5).count == 5)
    #expect(try Solver.labellings(af, semantics: .preferred, limit: 3).count == 3)
    #expect(try Solver.labellings(af, semantics: .preferred).count == 8)
  }

  @Test func hardSearchGivesUpWithinItsBudget() throws {
    // 40 disjoint mutual attacks: 3^40 complete labellings, far beyond 50 ms.
    var attacks: [(Int, Int)] = []
    for pair in 0..<40 {
      attacks.append((2 * pair, 2 * pair + 1))
      attacks.append((2 * pair + 1, 2 * pair))
    }
    let af = framework(80, attacks)
    let budget = SolverBudget(timeout: .milliseconds(50))
    let start = ContinuousClock.now
    #expect(throws: SolverError.gaveUp(after: .milliseconds(50))) {
      try Solver.labellings(af, semantics: .complete, budget: budget)
    }
    #expect(ContinuousClock.now - start < .seconds(5))
  }
}
