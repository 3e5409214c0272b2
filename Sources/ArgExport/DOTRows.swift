import ArgModel

/// Positions in rows: Graphviz puts every cluster side by side, which draws a debate of five
/// positions as a strip several times wider than high. Here the clusters go into rows of
/// `perRow`, the first row on top, each row held above the next by invisible edges through a
/// point between them: from the top claims of each cluster of the lower row (claims with no
/// relation to a claim above them in their own position) to the point, and from the point to the bottom
/// claims of each cluster of the upper row. Relations between positions then must not rank
/// claims, or a rebuttal from an upper row into a lower one would fight the rows; they are
/// drawn with `constraint=false`.
struct DOTRows {
  let clusterCount: Int
  let perRow: Int
  /// Each cluster's top and bottom claims, found in the sketch read to size it, so that no
  /// cluster is read twice; empty when the clusters stand side by side.
  private var ends: [(tops: IDList, bottoms: IDList)] = []

  /// Arranges `clusterCount` clusters as `layout` asks; `auto` picks the row length whose
  /// drawing, by an estimate of each cluster's size from its `sketch`, comes closest to 3:2
  /// wide. Each cluster's sketch is read once, and only what the rows need of it is kept.
  init<Failure: Error>(
    clusterCount: Int, layout: DOTLayout, wrapWidth: Int,
    sketch: (Int) throws(Failure) -> PlaceSketch
  ) throws(Failure) {
    self.clusterCount = clusterCount
    guard layout != .columns else {
      perRow = max(1, clusterCount)
      return
    }
    var sizes: [(width: Double, height: Double)] = []
    for index in 0..<clusterCount {
      let cluster = try sketch(index)
      if layout == .auto { sizes.append(Self.estimatedSize(of: cluster, wrapWidth: wrapWidth)) }
      ends.append(Self.ends(of: cluster))
    }
    perRow = layout == .rows ? 1 : Self.bestRowLength(sizes)
  }

  /// Whether the drawing has more than one row, and so invisible edges and free cross-links.
  var isStacked: Bool { clusterCount > perRow }

  /// Whether `relation` must not rank its ends: it joins two positions of a stacked drawing.
  func isFree(_ relation: RelationRow) -> Bool {
    guard isStacked, let from = relation.fromPosition, let to = relation.toPosition else {
      return false
    }
    return from != to
  }

  /// The invisible points and edges that stack the rows; nothing for a single row.
  func write(to target: inout OutputBuffer) {
    guard isStacked else { return }
    let rows = stride(from: 0, to: clusterCount, by: perRow).map {
      Array($0..<min($0 + perRow, clusterCount))
    }
    target.write("\n")
    // The map's first position on top: each row sits above the next.
    for (index, lower) in rows.dropFirst().enumerated() {
      let point = DOTEscaping.id("row:\(index)")
      target.write("  \(point) [shape=point, style=invis, width=0, height=0, label=\"\"];\n")
      for cluster in lower {
        ends[cluster].tops.forEach { claim in
          target.write("  ")
          DOTEscaping.writeID(claim, to: &target)
          target.write(" -> ")
          target.write(point)
          target.write(" [style=invis];\n")
        }
      }
      for cluster in rows[index] {
        ends[cluster].bottoms.forEach { claim in
          target.write("  ")
          target.write(point)
          target.write(" -> ")
          DOTEscaping.writeID(claim, to: &target)
          target.write(" [style=invis];\n")
        }
      }
    }
  }

  /// Claims that no ranking relation (all but the symmetric kinds) inside the cluster leaves
  /// (tops: reasons point up, so these are the highest) and that none enters (bottoms).
  private static func ends(of cluster: PlaceSketch) -> (tops: IDList, bottoms: IDList) {
    var leaves = Array(repeating: false, count: cluster.claims.count)
    var entered = leaves
    for relation in cluster.relations where !relation.kind.isSymmetric {
      leaves[relation.from] = true
      entered[relation.to] = true
    }
    var ends = (tops: IDList(), bottoms: IDList())
    for (index, claim) in cluster.claims.enumerated() {
      if !leaves[index] { ends.tops.append(claim.id) }
      if !entered[index] { ends.bottoms.append(claim.id) }
    }
    return ends
  }

  /// Ids kept as their UTF-8 bytes end to end: a large map's bottom claims are most of its
  /// claims, and a `String` apiece would cost several times the bytes.
  private struct IDList {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    mutating func append(_ id: String) {
      bytes.append(contentsOf: id.utf8)
      ends.append(bytes.count)
    }

    func forEach(_ body: (String) -> Void) {
      var start = 0
      for end in ends {
        body(String(decoding: bytes[start..<end], as: UTF8.self))
        start = end
      }
    }
  }

  /// Width and height in points, as `dot` would roughly draw the cluster: claims ranked by the
  /// longest chain of ranking relations inside it below them, each rank as wide as its nodes
  /// side by side. Lines are counted from the text's length, not wrapped, as an estimate needs
  /// no more and the export stays one pass of wrapping.
  static func estimatedSize(of cluster: PlaceSketch, wrapWidth: Int) -> (
    width: Double, height: Double
  ) {
    let claims = cluster.claims
    var below = Array(repeating: [Int](), count: claims.count)
    var incoming = Array(repeating: 0, count: claims.count)
    for relation in cluster.relations where !relation.kind.isSymmetric {
      guard relation.from != relation.to else { continue }
      below[relation.from].append(relation.to)
      incoming[relation.to] += 1
    }
    // Longest-path ranks in topological order; claims on a cycle keep the rank reached so far.
    var rank = Array(repeating: 0, count: claims.count)
    var ready = claims.indices.filter { incoming[$0] == 0 }
    while let next = ready.popLast() {
      for above in below[next] {
        rank[above] = max(rank[above], rank[next] + 1)
        incoming[above] -= 1
        if incoming[above] == 0 { ready.append(above) }
      }
    }
    var widths: [Int: Double] = [:]
    var heights: [Int: Double] = [:]
    for (position, claim) in claims.enumerated() {
      let length = claim.textLength
      let lineLength = wrapWidth > 0 ? min(length, wrapWidth) : length
      let lines = wrapWidth > 0 ? (length + wrapWidth - 1) / wrapWidth : 1
      let width = max(Double(claim.id.utf8.count) * 4.6, Double(lineLength) * 5.2)
      widths[rank[position], default: 0] += width + 20 + nodeSeparation
      heights[rank[position]] = max(heights[rank[position]] ?? 0, Double(lines) * 10 + 26)
    }
    let width = (widths.values.max() ?? 0) + 16
    let height =
      heights.values.reduce(0, +) + Double(max(0, heights.count - 1)) * rankSeparation + 30
    return (width, height)
  }

  /// The row length whose drawing comes closest to 3:2, which stays under 2:1 however the
  /// estimate errs by a quarter either way.
  static func bestRowLength(_ sizes: [(width: Double, height: Double)]) -> Int {
    guard sizes.count > 1 else { return 1 }
    func aspect(_ perRow: Int) -> Double {
      var width = 0.0
      var height = 0.0
      for start in stride(from: 0, to: sizes.count, by: perRow) {
        let row = sizes[start..<min(start + perRow, sizes.count)]
        width = max(width, row.map(\.width).reduce(0, +) + Double(row.count - 1) * 16)
        height += (row.map(\.height).max() ?? 0) + rankSeparation
      }
      return width / max(height, 1)
    }
    // How far from 3:2, as a factor either way.
    func distance(_ perRow: Int) -> Double {
      let ratio = aspect(perRow) / 1.5
      return max(ratio, 1 / ratio)
    }
    return (1...sizes.count).min { distance($0) < distance($1) } ?? 1
  }

  /// `nodesep` and `ranksep` of the graph, in points.
  private static let nodeSeparation = 0.3 * 72
  private static let rankSeparation = 0.45 * 72
}
