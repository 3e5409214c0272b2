import ArgSemantics
import TestSupport
import Testing

@Suite struct SolverScaleTests {
  /// Grounded on 10^6 arguments and 3·10^6 random attacks: linear, so seconds even in a
  /// debug build. Prints the time of the framework build and of the labelling. Attacks go
  /// from lower to higher numbers (acyclic), so every argument ends IN or OUT and the queue
  /// passes over the whole framework.
  @Test func groundedOnAMillionArguments() {
    let count = 1_000_000
    // Arguments 0...count: an attack i→i becomes i→i+1, so the last one is only attacked.
    var generator = SeededGenerator(seed: 42)
    var attacks: [(attacker: Int, target: Int)] = []
    attacks.reserveCapacity(3 * count)
    for _ in 0..<(3 * count) {
      let value = generator.next()
      let first = Int(value % UInt64(count))
      let second = Int((value >> 32) % UInt64(count))
      attacks.append((min(first, second), max(first, second) + (first == second ? 1 : 0)))
    }
    let clock = ContinuousClock()
    var af: AbstractFramework?
    let build = clock.measure {
      af = AbstractFramework(names: (0...count).map { "a\($0)" }, attacks: attacks)
    }
    var labels: [Label] = []
    let solve = clock.measure { labels = Solver.grounded(af!) }
    let accepted = labels.count { $0 == .in }
    print(
      "grounded 10^6 arguments, \(af!.attackCount) attacks: build \(build), solve \(solve);"
        + " \(accepted) IN")
    #expect(labels.count == count + 1)
    #expect(!labels.contains(.undec))
    // A spot check of the definition on every argument.
    let framework = af!
    let consistent = (0...count).allSatisfy { argument in
      let attackers = framework.attackers(of: argument).map { labels[Int($0)] }
      switch labels[argument] {
      case .in: return attackers.allSatisfy { $0 == .out }
      case .out: return attackers.contains(.in)
      case .undec: return !attackers.contains(.in) && !attackers.allSatisfy { $0 == .out }
      }
    }
    #expect(consistent)
    #expect(solve < .seconds(10))
  }
}
