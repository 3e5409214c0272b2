import ArgModel

public struct DOTOptions: Hashable, Sendable {
  /// Shown above the map; no graph label when `nil` or empty.
  public var title: String?
  /// Claim texts wrap at this many characters (see ``TextWrap``); below 1, they do not wrap.
  public var wrapWidth: Int
  /// Whether to add a small cluster explaining the node shapes and edge styles.
  public var legend: Bool
  /// Colours nodes by an evaluation, such as which claims stand; nil draws the plain map.
  public var shading: DOTShading?
  /// How the positions' clusters are arranged.
  public var layout: DOTLayout

  public init(
    title: String? = nil, wrapWidth: Int = 40, legend: Bool = true, shading: DOTShading? = nil,
    layout: DOTLayout = .auto
  ) {
    self.title = title
    self.wrapWidth = wrapWidth
    self.legend = legend
    self.shading = shading
    self.layout = layout
  }
}

/// How the positions of a map are arranged on the page.
public enum DOTLayout: String, Hashable, Sendable, CaseIterable {
  /// As many positions to a row as keep the drawing at most about 2:1 wide (see
  /// ``DOTExporter``).
  case auto
  /// One position to a row, stacked top to bottom in the map's order.
  case rows
  /// Every position side by side in one row, Graphviz's own arrangement.
  case columns
}

/// A fill colour and a short note per claim, and the legend that explains the colours. The
/// exporter knows nothing of semantics; the caller decides what the colours mean.
public struct DOTShading: Hashable, Sendable {
  public struct Swatch: Hashable, Sendable {
    public var label: String
    /// A Graphviz colour, e.g. `#a5d6a7`.
    public var colour: String

    public init(label: String, colour: String) {
      self.label = label
      self.colour = colour
    }
  }

  /// What the colours show, e.g. "grounded"; heads the legend's swatches.
  public var title: String
  /// Claim id → fill colour. Claims not listed keep their plain fill.
  public var fills: [String: String]
  /// Claim id → a short note shown after the id, e.g. "IN" or "0.62".
  public var notes: [String: String]
  public var swatches: [Swatch]

  public init(
    title: String, fills: [String: String], notes: [String: String], swatches: [Swatch]
  ) {
    self.title = title
    self.fills = fills
    self.notes = notes
    self.swatches = swatches
  }
}

/// Renders a map as a Graphviz `digraph` for `dot`.
///
/// - Each position with claims is a cluster labelled with its title; claims without a position,
///   or whose position is not in the map, sit outside every cluster. A position's groups are
///   clusters inside its cluster, nested as `Group.parent` nests them, each labelled with its
///   title; a claim sits in the cluster of its group when the group belongs to the claim's
///   position, and directly in the position's cluster otherwise. A group whose parent is missing,
///   in another position or part of a cycle of parents sits directly in its position's cluster.
/// - A node's label is its title (its id when it has none), small and bold, in Argdown's
///   brackets (`[Title]` for statements, `<Title>` for arguments), over its text wrapped at
///   ``DOTOptions/wrapWidth``; a node without words shows the title alone. Statements are
///   rounded blue boxes, arguments square yellow ones. The tooltip is the provenance (source,
///   comment and quote), or the text when there is none.
/// - Each relation kind has its own colour, line and arrowheads (see `edgeStyle`): `supports`
///   solid green with an arrow, `rebuts` dashed red with a tee, and so on. Edges point from → to,
///   and the graph is laid out bottom to top, so reasons sit below what they bear on, as in
///   Argdown's maps. An edge's tooltip names the relation and its scheme, if any.
/// - Relations with an end that is not a claim in the map are left out, so a sub-map renders
///   cleanly. A repeated position, group or claim id is drawn once, from its first record.
/// - The legend shows the node kinds and the relation kinds the drawing has: a map uses two or
///   three of the six relation kinds, often only statements, and a legend entry for something
///   that appears nowhere is noise.
///
/// Cluster names keep apart what could share an id: positions are `cluster_<id>`, groups
/// `cluster:group:<id>` and the legends `cluster:legend` and `cluster:shading`.
///
/// Output follows the map's order throughout, so the same map always gives the same bytes.
public enum DOTExporter {
  /// Writes the map as `rows` gives it: one position's cluster at a time, each group's claims
  /// as one query, then the relations. Stacking positions in rows reads a sketch of each
  /// position (its claims' ids and text lengths and its relations) once, one position at a
  /// time, and keeps the ids of its top and bottom claims.
  public static func write<Rows: MapRows>(
    _ rows: Rows, options: DOTOptions = DOTOptions(), to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    let outline = try rows.outline()
    let clusters = Layout(outline, counts: try rows.claimCounts()).clusters
    target.write("digraph argmap {\n")
    var graphAttributes = "rankdir=BT, fontname=\"\(font)\", fontsize=14, nodesep=0.3, ranksep=0.45"
    if let title = options.title, !title.isEmpty {
      graphAttributes += ", labelloc=t, label=\(DOTEscaping.label(title))"
    }
    target.write("  graph [\(graphAttributes)];\n")
    target.write("  node [fontname=\"\(font)\", fontsize=10, margin=\"0.12,0.06\"];\n")
    target.write("  edge [fontname=\"\(font)\", fontsize=9, arrowsize=0.8];\n")

    var claimKinds: Set<ClaimKind> = []
    for cluster in clusters {
      target.write("\n")
      try writeCluster(
        cluster, rows: rows, options: options, indent: "  ", kinds: &claimKinds, to: &target)
    }
    var unplaced = false
    try rows.forEachClaim(in: .outside) { claim in
      if !unplaced { target.write("\n") }
      unplaced = true
      claimKinds.insert(claim.kind)
      writeNode(claim, options: options, indent: "  ", to: &target)
    }

    func sketch(_ index: Int) throws(Rows.Failure) -> PlaceSketch {
      try rows.sketch(of: places(in: clusters[index]))
    }
    let stacking = try DOTRows(
      clusterCount: clusters.count, layout: options.layout, wrapWidth: options.wrapWidth,
      sketch: sketch)
    var relationKinds: Set<RelationKind> = []
    try rows.forEachRelation { row in
      guard row.joinsClaims else { return }
      if relationKinds.isEmpty { target.write("\n") }
      let relation = row.relation
      relationKinds.insert(relation.kind)
      target.write(static: "  ")
      DOTEscaping.writeID(relation.from, to: &target)
      target.write(static: " -> ")
      DOTEscaping.writeID(relation.to, to: &target)
      target.write(static: " [")
      writeEdgeStyle(relation.kind, to: &target)
      if stacking.isFree(row), !relation.kind.isSymmetric {
        target.write(static: ", constraint=false")
      }
      target.write(static: ", tooltip=")
      writeTooltip(for: relation, to: &target)
      target.write(static: "];\n")
    }
    stacking.write(to: &target)

    if options.legend {
      writeLegend(claimKinds: claimKinds, relationKinds: relationKinds, to: &target)
      if let shading = options.shading { writeSwatches(shading, to: &target) }
    }
    target.write("}\n")
  }

  /// A position's or a group's cluster: the claims placed in it, then the clusters of its
  /// groups.
  private struct Cluster {
    var name: String
    var title: String
    var tooltip: String?
    var style: String
    var place: ClaimPlace
    var groups: [Cluster]
  }

  /// The clusters to draw, in the map's order: positions, and groups nested in them, that hold
  /// a claim somewhere inside.
  private struct Layout {
    var clusters: [Cluster] = []

    init(_ outline: MapOutline, counts: [ClaimPlace: Int]) {
      var positionIDs: Set<String> = []
      let positions = outline.positions.filter { positionIDs.insert($0.id).inserted }
      let groups = GroupTree(outline.groups, positions: positionIDs)
      /// Nil for a cluster with nothing to draw, which Graphviz would show as an empty box.
      func nonEmpty(_ cluster: Cluster) -> Cluster? {
        counts[cluster.place, default: 0] == 0 && cluster.groups.isEmpty ? nil : cluster
      }
      func cluster(_ group: Group) -> Cluster? {
        nonEmpty(
          Cluster(
            name: "cluster:group:" + group.id, title: group.title, style: groupStyle,
            place: ClaimPlace(position: group.position, group: group.id),
            groups: groups.children(of: group.id).compactMap(cluster)))
      }
      clusters = positions.compactMap { position in
        nonEmpty(
          Cluster(
            name: "cluster_" + position.id, title: position.title,
            tooltip: position.summary.flatMap { $0.isEmpty ? nil : $0 }, style: clusterStyle,
            place: ClaimPlace(position: position.id),
            groups: groups.roots(in: position.id).compactMap(cluster)))
      }
    }
  }

  /// The places of the cluster, its groups' included, in the order their claims are drawn.
  private static func places(in cluster: Cluster) -> [ClaimPlace] {
    [cluster.place] + cluster.groups.flatMap(places)
  }

  /// The groups of the drawn positions as a forest per position, in the map's order.
  private struct GroupTree {
    private var byID: [String: Group] = [:]
    private var childrenByParent: [String: [Group]] = [:]
    private var rootsByPosition: [String: [Group]] = [:]

    init(_ groups: [Group], positions: Set<String>) {
      for group in groups where positions.contains(group.position) && byID[group.id] == nil {
        byID[group.id] = group
      }
      for group in groups where byID[group.id] == group {
        if let parent = nestingParent(of: group) {
          childrenByParent[parent, default: []].append(group)
        } else {
          rootsByPosition[group.position, default: []].append(group)
        }
      }
    }

    func position(of group: String) -> String? { byID[group]?.position }
    func children(of group: String) -> [Group] { childrenByParent[group] ?? [] }
    func roots(in position: String) -> [Group] { rootsByPosition[position] ?? [] }

    /// The group's parent if it is a drawn group of the same position; nil puts the group
    /// directly in its position's cluster. A group inside its own descendant would be drawn
    /// nowhere, so a cycle of parents is cut at every group on it.
    private func nestingParent(of group: Group) -> String? {
      guard let parent = group.parent, let first = byID[parent], first.position == group.position
      else { return nil }
      var seen: Set<String> = []
      var ancestor: Group? = first
      while let current = ancestor, seen.insert(current.id).inserted {
        if current.id == group.id { return nil }
        ancestor = current.parent.flatMap { byID[$0] }
      }
      return parent
    }
  }

  /// The DOT text; see ``write(_:options:to:)``.
  public static func render(_ map: ArgumentMap, options: DOTOptions = DOTOptions()) -> String {
    var output = OutputBuffer()
    write(map, options: options, to: &output)
    return output.text
  }

  private static let font = "Helvetica"

  private static let clusterStyle =
    ##"style="rounded,filled", color="#c3c8d0", fillcolor="#f6f7f9", fontsize=12"##

  /// White inside the grey position, so each level of nesting stands out from the one around it.
  private static let groupStyle =
    ##"style="rounded,filled", color="#c3c8d0", fillcolor="#ffffff", fontsize=11"##

  private static func writeCluster<Rows: MapRows>(
    _ cluster: Cluster, rows: Rows, options: DOTOptions, indent: String,
    kinds: inout Set<ClaimKind>, to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    target.write("\(indent)subgraph \(DOTEscaping.id(cluster.name)) {\n")
    var attributes = "label=\(DOTEscaping.label(cluster.title)), \(cluster.style)"
    if let tooltip = cluster.tooltip {
      attributes += ", tooltip=\(DOTEscaping.tooltip(tooltip))"
    }
    target.write("\(indent)  graph [\(attributes)];\n")
    let nodeIndent = indent + "  "
    try rows.forEachClaim(in: cluster.place) { claim in
      kinds.insert(claim.kind)
      writeNode(claim, options: options, indent: nodeIndent, to: &target)
    }
    for group in cluster.groups {
      try writeCluster(
        group, rows: rows, options: options, indent: indent + "  ", kinds: &kinds, to: &target)
    }
    target.write("\(indent)}\n")
  }

  private static func nodeStyle(_ kind: ClaimKind) -> StaticString {
    switch kind {
    case .statement: ##"shape=box, style="rounded,filled", color="#6c8ebf", fillcolor="#e3ecfa""##
    case .argument:
      ##"shape=box, style=filled, color="#c9a227", fillcolor="#fff4cc", penwidth=1.4"##
    }
  }

  private static func edgeColour(_ kind: RelationKind) -> StaticString {
    switch kind {
    case .supports: "#2e7d32"
    case .rebuts: "#c62828"
    case .undercuts: "#ef6c00"
    case .contradicts: "#6a1b9a"
    case .rephrases: "#757575"
    case .prefers: "#455a64"
    }
  }

  private static func writeEdgeStyle(_ kind: RelationKind, to output: inout OutputBuffer) {
    output.write(static: "color=\"")
    output.write(static: edgeColour(kind))
    output.write(static: "\", ")
    output.write(static: edgeShape(kind))
  }

  private static func edgeShape(_ kind: RelationKind) -> StaticString {
    switch kind {
    case .supports: "style=solid, arrowhead=normal"
    case .rebuts: "style=dashed, arrowhead=tee"
    case .undercuts: "style=dotted, penwidth=1.6, arrowhead=teeodot"
    // Symmetric: one edge with a tee at each end, so layout does not rank one above the other.
    case .contradicts: "style=dashed, dir=both, arrowhead=tee, arrowtail=tee, constraint=false"
    case .rephrases: "style=dotted, dir=both, arrowhead=none, arrowtail=none, constraint=false"
    case .prefers: "style=dashed, arrowhead=vee"
    }
  }

  /// `from kind to`, and the relation's scheme on a line of its own. Written a word at a time,
  /// as no line break can span the spaces between them.
  private static func writeTooltip(for relation: Relation, to output: inout OutputBuffer) {
    DOTEscaping.writeTooltip(to: &output) { part in
      part(relation.from)
      part(" ")
      part(relation.kind.rawValue)
      part(" ")
      guard let scheme = relation.scheme, !scheme.isEmpty else { return part(relation.to) }
      part(relation.to + "\nscheme: " + scheme)
    }
  }

  private static func writeNode(
    _ claim: Claim, options: DOTOptions, indent: String, to output: inout OutputBuffer
  ) {
    output.write(indent)
    DOTEscaping.writeID(claim.id, to: &output)
    output.write(static: ##" [label=<<FONT POINT-SIZE="8" COLOR="#4a4a4a"><B>"##)
    // The tag in Argdown's brackets, with the shading's note: escaped a piece at a time, which
    // is the same as escaping them joined, as a bracket ends no line break.
    let (open, close) = claim.kind == .statement ? ("[", "]") : ("<", ">")
    DOTEscaping.writeHTML(open, to: &output)
    DOTEscaping.writeHTML(claim.name, to: &output)
    DOTEscaping.writeHTML(close, to: &output)
    if let note = options.shading?.notes[claim.id] {
      DOTEscaping.writeHTML(" · " + note, to: &output)
    }
    output.write(static: "</B></FONT>")
    TextWrap.forEachPiece(of: claim.text, width: options.wrapWidth) { piece in
      switch piece {
      case .line: output.write(static: "<BR/>")
      case .text(let utf8): DOTEscaping.writeHTML(utf8: utf8, to: &output)
      }
    }
    output.write(static: ">, ")
    output.write(static: nodeStyle(claim.kind))
    // A later attribute overrides the style's own fill.
    if let fill = options.shading?.fills[claim.id] {
      output.write(", fillcolor=")
      DOTEscaping.writeLabel(fill, to: &output)
    }
    var hasTooltip = false
    forEachTooltipPart(of: claim) { hasTooltip = hasTooltip || !$0.isEmpty }
    if hasTooltip {
      output.write(static: ", tooltip=")
      DOTEscaping.writeTooltip(to: &output) { forEachTooltipPart(of: claim, $0) }
    }
    output.write(static: "];\n")
  }

  /// `source, comment` over the quote in curly quotes, or the claim's text without provenance.
  static func tooltip(for claim: Claim) -> String {
    var tooltip = ""
    forEachTooltipPart(of: claim) { tooltip += $0 }
    return tooltip
  }

  /// The parts of ``tooltip(for:)``, in order, for a writer that escapes them as they come.
  private static func forEachTooltipPart(of claim: Claim, _ part: (String) -> Void) {
    guard let provenance = claim.provenance else { return part(claim.text) }
    part(provenance.source)
    if let comment = provenance.comment, !comment.isEmpty {
      part(", ")
      part(comment)
    }
    if let quote = provenance.quote, !quote.isEmpty {
      part("\n“")
      part(quote)
      part("”")
    }
  }

  /// The shading's colours as a second legend cluster, one filled box per swatch.
  private static func writeSwatches(_ shading: DOTShading, to target: inout OutputBuffer) {
    target.write("\n  subgraph \"cluster:shading\" {\n")
    target.write(
      "    graph [label=\(DOTEscaping.label(shading.title)), style=rounded, color=\"#b0b0b0\", "
        + "fontsize=11];\n")
    for (index, swatch) in shading.swatches.enumerated() {
      target.write(
        "    \"shading:\(index)\" [label=\(DOTEscaping.label(swatch.label)), shape=box, "
          + "style=\"rounded,filled\", fillcolor=\(DOTEscaping.label(swatch.colour)), fontsize=9];\n"
      )
    }
    target.write("  }\n")
  }

  /// Node names start with `legend:`, which no claim id can (ids never contain `:`), and the
  /// cluster is `cluster:legend`, which no position's `cluster_<id>` can be. Edge kinds appear in
  /// `RelationKind`'s order, each as a label node with an edge to a dot in the edge's colour.
  private static func writeLegend(
    claimKinds: Set<ClaimKind>, relationKinds: Set<RelationKind>,
    to target: inout OutputBuffer
  ) {
    target.write(
      """

        subgraph "cluster:legend" {
          graph [label="Legend", style=rounded, color="#b0b0b0", fontsize=11];
          node [fontsize=9];

      """)
    for kind in ClaimKind.allCases where claimKinds.contains(kind) {
      target.write(
        "    \"legend:\(kind.rawValue)\" [label=\"\(kind.rawValue)\", \(nodeStyle(kind))];\n")
    }
    for kind in RelationKind.allCases where relationKinds.contains(kind) {
      let name = "legend:\(kind.rawValue)"
      target.write(
        """
            "\(name)" [label="\(kind.rawValue)", shape=plaintext];
            "\(name):end" [label="", shape=point, width=0.05, color="\(edgeColour(kind))"];
            "\(name)" -> "\(name):end" [
        """)
      writeEdgeStyle(kind, to: &target)
      target.write("];\n")
    }
    target.write("  }\n")
  }
}
