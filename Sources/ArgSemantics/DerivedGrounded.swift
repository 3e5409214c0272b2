import ArgModel

/// The grounded labelling of `BipolarFramework(map:support: .derived)` computed on a framework
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
/// `¬g`: four per component, after the claims, so the framework has at most 5n arguments and
/// about 2n + 2s + r attacks for `n` claims, `s` supports and `r` direct attacks.
public struct DerivedGrounded: Sendable {
  /// The claims' ids, in map order: the arguments the labelling is about.
  public let claimIDs: [String]
  private let gates: AbstractFramework
  private let indexByID: [String: Int]

  public init(map: ArgumentMap) {
    let graph = BipolarGraph(map: map)
    let count = graph.count
    let (component, componentCount) = DerivedGrounded.components(
      of: BipolarAdjacency(count: count, edges: graph.supports), count: count)
    let notUp = { (claim: Int32) in count + 4 * Int(component[Int(claim)]) }
    let up = { (claim: Int32) in notUp(claim) + 1 }
    let notDown = { (claim: Int32) in notUp(claim) + 2 }
    let down = { (claim: Int32) in notUp(claim) + 3 }
    var keys: [UInt64] = []
    keys.reserveCapacity(
      2 * count + 2 * componentCount + 2 * graph.supports.count
        + graph.attacks.count)
    for claim in 0..<Int32(count) {
      keys.append(BipolarGraph.key(Int(claim), notUp(claim)))
      keys.append(BipolarGraph.key(down(claim), Int(claim)))
    }
    for first in stride(from: count, to: count + 4 * componentCount, by: 4) {
      keys.append(BipolarGraph.key(first, first + 1))
      keys.append(BipolarGraph.key(first + 2, first + 3))
    }
    for (from, to) in graph.supports where component[Int(from)] != component[Int(to)] {
      keys.append(BipolarGraph.key(up(from), notUp(to)))
      keys.append(BipolarGraph.key(down(from), notDown(to)))
    }
    for (from, to) in graph.attacks {
      keys.append(BipolarGraph.key(up(from), notDown(to)))
    }
    claimIDs = map.claims.map(\.id)
    indexByID = graph.indexByID
    gates = AbstractFramework(
      names: claimIDs + Array(repeating: "", count: 4 * componentCount), attackKeys: keys)
  }

  /// The argument number of the claim with this id, or nil when the map has no such claim.
  public func index(of claimID: String) -> Int? {
    indexByID[claimID]
  }

  /// The claims' grounded labels, with the claims in `assuming` fixed to their labels.
  public func labelling(assuming: [Int: Label] = [:]) -> [Label] {
    Array(Solver.grounded(gates, assuming: assuming).prefix(claimIDs.count))
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
