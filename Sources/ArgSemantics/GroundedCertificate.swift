/// The grounded labelling together with the order it was found in: a certificate that a reader,
/// or a test, can check against the framework without trusting the solver.
///
/// Round 1 labels IN the unattacked arguments and OUT what they attack; round r + 1 labels IN
/// what has every attacker OUT by round r, and OUT what those attack. So an IN argument's
/// attackers are all OUT in earlier rounds, and each OUT argument has an IN attacker (its
/// defeater) from its own round: following defeaters always goes back in rounds, which makes
/// the proof that an argument is IN a finite tree (the grounded discussion game).
public struct GroundedCertificate: Sendable {
  public let labels: [Label]
  /// The round in which each IN or OUT argument got its label, from 1; 0 for UNDEC.
  public let rounds: [Int]
  /// For each OUT argument, an IN attacker of the same round; -1 for the others.
  public let defeaters: [Int]

  public init(_ af: AbstractFramework) {
    let count = af.argumentCount
    var labels = [Label](repeating: .undec, count: count)
    var rounds = [Int](repeating: 0, count: count)
    var defeaters = [Int](repeating: -1, count: count)
    var live = (0..<count).map { af.attackers(of: $0).count }
    var accepted = (0..<count).filter { live[$0] == 0 }
    var round = 1
    for argument in accepted {
      labels[argument] = .in
      rounds[argument] = round
    }
    while !accepted.isEmpty {
      var defeated: [Int] = []
      for argument in accepted {
        for target in af.targets(of: argument) where labels[Int(target)] == .undec {
          labels[Int(target)] = .out
          rounds[Int(target)] = round
          defeaters[Int(target)] = argument
          defeated.append(Int(target))
        }
      }
      round += 1
      accepted = []
      for argument in defeated {
        for target in af.targets(of: argument) {
          live[Int(target)] -= 1
          if live[Int(target)] == 0, labels[Int(target)] == .undec {
            labels[Int(target)] = .in
            rounds[Int(target)] = round
            accepted.append(Int(target))
          }
        }
      }
    }
    self.labels = labels
    self.rounds = rounds
    self.defeaters = defeaters
  }

  /// A chain of attacks that keeps UNDEC argument `argument` open in `labels` (a complete
  /// labelling): from `argument`, each next one is an UNDEC attacker of the one before, the
  /// first in framework order, until one repeats. Every UNDEC argument of a complete labelling
  /// has an UNDEC attacker (none is IN, not all are OUT), so the chain always closes: the
  /// result is the chain backwards from `argument`, and where in it the cycle starts (the last
  /// element attacks the one at that index).
  public static func undecidedCycle(
    in af: AbstractFramework, labels: [Label], from argument: Int
  ) -> (chain: [Int], cycleStart: Int)? {
    guard labels[argument] == .undec else { return nil }
    var chain = [argument]
    var position = [argument: 0]
    while true {
      let current = chain[chain.count - 1]
      guard let next = af.attackers(of: current).first(where: { labels[Int($0)] == .undec })
      else { return nil }
      if let seen = position[Int(next)] { return (chain, seen) }
      position[Int(next)] = chain.count
      chain.append(Int(next))
    }
  }
}
