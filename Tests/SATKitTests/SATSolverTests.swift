import SATKit
import Testing

@Suite struct SATSolverTests {
  @Test func solvesIncrementallyUnderAssumptions() {
    let solver = SATSolver()
    solver.add([1, 2])
    solver.add([-1, 2])
    #expect(solver.solve() == true)
    #expect(solver.value(2))
    solver.assume(-2)
    #expect(solver.solve() == false)
    #expect(solver.failed(-2))
    // Assumptions last one call.
    #expect(solver.solve() == true)
    solver.add([-2])
    #expect(solver.solve() == false)
  }

  /// Pigeonhole: 11 pigeons in 10 holes is hard for CDCL; the time limit stops it.
  @Test func giveUpAtTheTimeLimit() {
    let solver = SATSolver()
    let pigeons = 11
    let holes = 10
    func variable(_ pigeon: Int, _ hole: Int) -> Int32 { Int32(pigeon * holes + hole + 1) }
    for pigeon in 0..<pigeons { solver.add((0..<holes).map { variable(pigeon, $0) }) }
    for hole in 0..<holes {
      for first in 0..<pigeons {
        for second in (first + 1)..<pigeons {
          solver.add([-variable(first, hole), -variable(second, hole)])
        }
      }
    }
    let clock = ContinuousClock()
    let start = clock.now
    #expect(solver.solve(until: start.advanced(by: .milliseconds(200))) == nil)
    #expect(clock.now - start < .seconds(5))
  }
}
