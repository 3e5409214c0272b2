/// Graph algorithms over claim numbers, shared by checks that must stay linear on large maps.
public enum GraphAlgorithms {
  /// The strongly connected components that hold a cycle (two or more nodes), by Tarjan's
  /// algorithm run with an explicit stack, so a long chain cannot overflow the call stack.
  /// Linear in nodes plus edges.
  public static func cyclicComponents(_ successors: [Int: [Int]]) -> [[Int]] {
    var tarjan = Tarjan(successors: successors)
    for node in successors.keys.sorted() where tarjan.order[node] == nil {
      tarjan.visit(from: node)
    }
    return tarjan.components
  }

  /// The shortest cycle through `start` that stays inside `nodes`, in walking order from
  /// `start`, or nil when there is none.
  public static func shortestCycle(
    through start: Int, within nodes: Set<Int>, _ successors: [Int: [Int]]
  )
    -> [Int]?
  {
    var previous: [Int: Int] = [:]
    var frontier = [start]
    while !frontier.isEmpty {
      var next: [Int] = []
      for node in frontier {
        for target in successors[node] ?? [] where nodes.contains(target) {
          if target == start { return path(to: node, from: start, previous) }
          if target != start, previous[target] == nil {
            previous[target] = node
            next.append(target)
          }
        }
      }
      frontier = next
    }
    return nil
  }

  private static func path(to end: Int, from start: Int, _ previous: [Int: Int]) -> [Int] {
    var path = [end]
    while let last = path.last, last != start, let before = previous[last] {
      path.append(before)
    }
    return path.reversed()
  }
}

/// The state of one run of Tarjan's algorithm.
private struct Tarjan {
  let successors: [Int: [Int]]
  var order: [Int: Int] = [:]
  var lowest: [Int: Int] = [:]
  var stack: [Int] = []
  var onStack: Set<Int> = []
  var components: [[Int]] = []

  init(successors: [Int: [Int]]) {
    self.successors = successors
  }

  mutating func visit(from root: Int) {
    var work: [(node: Int, nextEdge: Int)] = [(root, 0)]
    enter(root)
    while var frame = work.popLast() {
      let edges = successors[frame.node] ?? []
      if frame.nextEdge < edges.count {
        let target = edges[frame.nextEdge]
        frame.nextEdge += 1
        work.append(frame)
        if order[target] == nil {
          enter(target)
          work.append((target, 0))
        } else if onStack.contains(target) {
          lowest[frame.node] = min(lowest[frame.node]!, order[target]!)
        }
        continue
      }
      if lowest[frame.node] == order[frame.node] { closeComponent(at: frame.node) }
      if let parent = work.last {
        lowest[parent.node] = min(lowest[parent.node]!, lowest[frame.node]!)
      }
    }
  }

  private mutating func enter(_ node: Int) {
    order[node] = order.count
    lowest[node] = order[node]
    stack.append(node)
    onStack.insert(node)
  }

  private mutating func closeComponent(at root: Int) {
    var component: [Int] = []
    while let top = stack.popLast() {
      onStack.remove(top)
      component.append(top)
      if top == root { break }
    }
    if component.count > 1 { components.append(component) }
  }
}
