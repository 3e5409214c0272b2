import ArgModel

/// The grounded labelling of `BipolarFramework(graph:support: .derived)` computed on a framework
/// of linear size, without its derived attacks, which can be quadratic in number.
///
/// Grounded labelling is the least fixpoint, in Kleene's three-valued logic (IN true, OUT
/// false, UNDEC unknown), of `L(z) = ¬ ⋁ { L(a) : a attacks z }`. In the derived framework
/// `a` attacks `z` exactly when `a` supports* `x`, `x` attacks `y` directly and `y` supports*
/// `z`, so the disjunction factors through the components of the support graph (claims that
/// support* each other have the same supports*-ancestors):
///
///     up(K)   = ⋁ { L(a) : a ∈ K } ∨ ⋁ { up(J) : J supports K }       some ancestor is IN
///     down(K) = ⋁ { up(comp x) : x attacks a claim of K } ∨ ⋁ { down(J) : J supports K }
///     L(z)    = ¬ down(comp z)
///
/// Components form a DAG, so `up` and `down` are well defined given `L`, and substituting them
/// back gives the original equations; hence the least fixpoints agree on the claims (a joint
/// fixpoint projects to a fixpoint, and the least one extends to a joint one). Without the
/// condensation a support cycle would be an OR gate feeding itself, which the least fixpoint
/// leaves unknown instead of false. The same holds with claims fixed by assumptions.
///
/// Each OR gate is two auxiliary arguments, `¬g` attacked by its inputs and `g` attacked by
/// `¬g`, numbered after the claims. A component of one claim `a` needs fewer: without
/// supporters `up` is `a` itself, and when it supports no other component `a` itself is `¬down`
/// (attacked by down's inputs), as nothing else reads `down`. Where something does, `down`
/// stays a gate of its own, so that an assumption fixing `a` does not fix it. Debates are
/// mostly such components: a Kialo-shaped map of 10^6 claims gets 2.8 arguments per claim (at
/// most 5 in general), and at most 2n + 2c + 2s + r attacks for `n` claims, `c` components,
/// `s` supports and `r` direct attacks.
public struct DerivedGrounded: Sendable {
  /// How many claims the labelling is about: arguments `0..<claimCount`, the graph's claims.
  public let claimCount: Int
  private let gates: AbstractFramework

  public init(graph claims: ClaimGraph) {
    let graph = BipolarGraph(claims)
    let (component, componentCount) = DerivedGrounded.components(
      of: BipolarAdjacency(count: graph.count, edges: graph.supports), count: graph.count)
    let numbers = Gates(graph, component: component, componentCount: componentCount)
    let inComponent = { (claim: Int32) in Int(component[Int(claim)]) }
    var keys: [UInt64] = []
    keys.reserveCapacity(2 * numbers.argumentCount + 2 * graph.supports.count + graph.attacks.count)
    for claim in 0..<Int32(graph.count) {
      let own = inComponent(claim)
      if numbers.notUp[own] >= 0 { keys.append(numbers.key(claim, numbers.notUp[own])) }
      if numbers.notDown[own] != claim { keys.append(numbers.key(numbers.down[own], claim)) }
    }
    for gate in 0..<componentCount {
      if numbers.notUp[gate] >= 0 {
        keys.append(numbers.key(numbers.notUp[gate], numbers.up[gate]))
      }
      if numbers.down[gate] >= 0 {
        keys.append(numbers.key(numbers.notDown[gate], numbers.down[gate]))
      }
    }
    for (from, to) in graph.supports where inComponent(from) != inComponent(to) {
      keys.append(numbers.key(numbers.up[inComponent(from)], numbers.notUp[inComponent(to)]))
      keys.append(numbers.key(numbers.down[inComponent(from)], numbers.notDown[inComponent(to)]))
    }
    for (from, to) in graph.attacks {
      keys.append(numbers.key(numbers.up[inComponent(from)], numbers.notDown[inComponent(to)]))
    }
    claimCount = graph.count
    gates = AbstractFramework(argumentCount: numbers.argumentCount, names: nil, attackKeys: keys)
  }

  /// The argument standing for each gate of each support component: a claim, an auxiliary
  /// argument numbered after the claims, or -1 where the gate is not needed.
  private struct Gates {
    var up: [Int32]
    var notUp: [Int32]
    var down: [Int32]
    var notDown: [Int32]
    var argumentCount: Int

    init(_ graph: BipolarGraph, component: [Int32], componentCount: Int) {
      var size = [Int32](repeating: 0, count: componentCount)
      var member = [Int32](repeating: 0, count: componentCount)
      for claim in 0..<graph.count {
        size[Int(component[claim])] += 1
        member[Int(component[claim])] = Int32(claim)
      }
      var supported = [Bool](repeating: false, count: componentCount)
      var supporting = [Bool](repeating: false, count: componentCount)
      for (from, to) in graph.supports where component[Int(from)] != component[Int(to)] {
        supporting[Int(component[Int(from)])] = true
        supported[Int(component[Int(to)])] = true
      }
      let none = [Int32](repeating: -1, count: componentCount)
      (up, notUp, down, notDown) = (none, none, none, none)
      var next = Int32(graph.count)
      let fresh = { () -> Int32 in
        defer { next += 1 }
        return next
      }
      for gate in 0..<componentCount {
        let single = size[gate] == 1
        if single && !supported[gate] {
          up[gate] = member[gate]
        } else {
          notUp[gate] = fresh()
          up[gate] = fresh()
        }
        // Only where nothing reads `down`: fixing the claim by an assumption must not fix what
        // its supported claims are attacked by.
        if single && !supporting[gate] {
          notDown[gate] = member[gate]
        } else {
          notDown[gate] = fresh()
          down[gate] = fresh()
        }
      }
      argumentCount = Int(next)
    }

    func key(_ attacker: Int32, _ target: Int32) -> UInt64 {
      BipolarGraph.key(Int(attacker), Int(target))
    }
  }

  /// The claims' grounded labels, with the claims in `assuming` fixed to their labels.
  public func labelling(assuming: [Int: Label] = [:]) -> [Label] {
    Array(Solver.grounded(gates, assuming: assuming).prefix(claimCount))
  }

  /// Each node's strongly connected component along `edges`, by Tarjan's algorithm with an
  /// explicit stack (a chain of 10^6 supports would overflow the call stack), over flat
  /// arrays; linear in nodes plus edges.
  static func components(of edges: BipolarAdjacency, count: Int) -> (
    component: [Int32], count: Int
  ) {
    let unvisited: Int32 = -1
    var order = [Int32](repeating: unvisited, count: count)
    var lowest = [Int32](repeating: 0, count: count)
    var component = [Int32](repeating: -1, count: count)
    var stack: [Int32] = []
    var work: [(node: Int32, nextEdge: Int)] = []
    var visited: Int32 = 0
    var components: Int32 = 0
    for root in 0..<count where order[root] == unvisited {
      work.append((Int32(root), edges.start[root]))
      order[root] = visited
      lowest[root] = visited
      visited += 1
      stack.append(Int32(root))
      while var frame = work.popLast() {
        let node = Int(frame.node)
        if frame.nextEdge < edges.start[node + 1] {
          let next = Int(edges.list[frame.nextEdge])
          frame.nextEdge += 1
          work.append(frame)
          if order[next] == unvisited {
            order[next] = visited
            lowest[next] = visited
            visited += 1
            stack.append(Int32(next))
            work.append((Int32(next), edges.start[next]))
          } else if component[next] < 0 {
            lowest[node] = min(lowest[node], order[next])
          }
          continue
        }
        if lowest[node] == order[node] {
          // `node` roots a component: everything above it on the stack belongs to it.
          while let top = stack.popLast() {
            component[Int(top)] = components
            if Int(top) == node { break }
          }
          components += 1
        }
        if let parent = work.last {
          lowest[Int(parent.node)] = min(lowest[Int(parent.node)], lowest[node])
        }
      }
    }
    return (component, Int(components))
  }
}
