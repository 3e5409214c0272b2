import ArgModel

/// A claim graph's supports and attacks as deduplicated edge lists between claim numbers.
/// Rebuttals, undercuts and contradictions (both ways) all attack: an undercut's target is the
/// argument whose inference it denies, so attacking that node is how abstract argumentation
/// reads it.
struct BipolarGraph: Sendable {
  let count: Int
  /// `(from, to)`: `from` supports `to`. Sorted, each edge once.
  let supports: [(Int32, Int32)]
  /// `(from, to)`: `from` attacks `to`. Sorted, each edge once.
  let attacks: [(Int32, Int32)]

  init(_ graph: ClaimGraph) {
    var supportKeys: [UInt64] = []
    var attackKeys: [UInt64] = []
    for relation in graph.relations {
      let (from, to) = (Int(relation.from), Int(relation.to))
      if relation.kind == .supports {
        supportKeys.append(BipolarGraph.key(from, to))
      } else if relation.kind.isAttack {
        attackKeys.append(BipolarGraph.key(from, to))
        if relation.kind.isSymmetric { attackKeys.append(BipolarGraph.key(to, from)) }
      }
    }
    self.count = graph.count
    self.supports = BipolarGraph.uniqueEdges(supportKeys)
    self.attacks = BipolarGraph.uniqueEdges(attackKeys)
  }

  /// One edge as a single integer, ordered by `from` then `to`.
  static func key(_ from: Int, _ to: Int) -> UInt64 {
    UInt64(UInt32(truncatingIfNeeded: from)) << 32 | UInt64(UInt32(truncatingIfNeeded: to))
  }

  /// Keys back to edges, sorted, each once.
  static func uniqueEdges(_ keys: [UInt64]) -> [(Int32, Int32)] {
    var edges: [(Int32, Int32)] = []
    edges.reserveCapacity(keys.count)
    var previous: UInt64?
    for key in keys.sorted() where key != previous {
      previous = key
      edges.append((Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key)))
    }
    return edges
  }
}

/// Compressed adjacency over `0..<count`: the neighbours of `node` are
/// `list[start[node] ..< start[node + 1]]`, built by a counting sort in linear time.
struct BipolarAdjacency: Sendable {
  let start: [Int]
  let list: [Int32]

  /// Each edge `(node, neighbour)` makes `neighbour` one of `node`'s neighbours.
  init(count: Int, edges: [(Int32, Int32)]) {
    var start = [Int](repeating: 0, count: count + 1)
    for edge in edges { start[Int(edge.0) + 1] += 1 }
    for node in 0..<count { start[node + 1] += start[node] }
    var next = start
    var list = [Int32](repeating: 0, count: edges.count)
    for edge in edges {
      list[next[Int(edge.0)]] = edge.1
      next[Int(edge.0)] += 1
    }
    self.start = start
    self.list = list
  }

  subscript(node: Int) -> ArraySlice<Int32> {
    list[start[node]..<start[node + 1]]
  }

  func degree(_ node: Int) -> Int {
    start[node + 1] - start[node]
  }
}

/// A reusable breadth-first search: `reached` lists the nodes found from the last source, in
/// order of distance, and `parent` leads each one back toward that source. Marks are stamped,
/// so a new search costs only what it visits, not the size of the graph.
struct BipolarSearch {
  private var mark: [UInt32]
  private var stamp: UInt32 = 0
  private(set) var parent: [Int32]
  private(set) var depth: [Int32]
  private(set) var reached: [Int32] = []

  init(count: Int) {
    mark = [UInt32](repeating: 0, count: count)
    parent = [Int32](repeating: -1, count: count)
    depth = [Int32](repeating: 0, count: count)
  }

  mutating func run(from source: Int, along edges: BipolarAdjacency) {
    if stamp == UInt32.max {
      for index in mark.indices { mark[index] = 0 }
      stamp = 0
    }
    stamp += 1
    reached.removeAll(keepingCapacity: true)
    mark[source] = stamp
    parent[source] = -1
    depth[source] = 0
    reached.append(Int32(source))
    var head = 0
    while head < reached.count {
      let node = Int(reached[head])
      head += 1
      for next in edges[node] where mark[Int(next)] != stamp {
        mark[Int(next)] = stamp
        parent[Int(next)] = Int32(node)
        depth[Int(next)] = depth[node] + 1
        reached.append(next)
      }
    }
  }

  /// The nodes from `node` back to the source of the last search, both included.
  func pathToSource(from node: Int) -> [Int] {
    var path = [node]
    var current = node
    while parent[current] >= 0 {
      current = Int(parent[current])
      path.append(current)
    }
    return path
  }
}
