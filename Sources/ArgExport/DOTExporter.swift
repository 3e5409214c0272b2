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

  public init(
    title: String? = nil, wrapWidth: Int = 40, legend: Bool = true, shading: DOTShading? = nil
  ) {
    self.title = title
    self.wrapWidth = wrapWidth
    self.legend = legend
    self.shading = shading
  }
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
///   or whose position is not in the map, sit outside every cluster.
/// - A node's label is its id, small and bold, in Argdown's brackets (`[id]` for statements,
///   `<id>` for arguments), over its text wrapped at ``DOTOptions/wrapWidth``. Statements are
///   rounded blue boxes, arguments square yellow ones. The tooltip is the provenance (source,
///   comment and quote), or the text when there is none.
/// - `supports` edges are solid green with a normal arrowhead; `rebuts` edges are dashed red
///   with a tee. Edges point from → to, and the graph is laid out bottom to top, so reasons sit
///   below what they bear on, as in Argdown's maps.
/// - Relations with an end that is not a claim in the map are left out, so a sub-map renders
///   cleanly. A repeated position or claim id is drawn once, from its first record.
///
/// Output follows the map's order throughout, so the same map always gives the same bytes.
public enum DOTExporter {
  public static func write(
    _ map: ArgumentMap, options: DOTOptions = DOTOptions(), to target: inout some TextOutputStream
  ) {
    let layout = Layout(map)
    target.write("digraph argmap {\n")
    var graphAttributes = "rankdir=BT, fontname=\"\(font)\", fontsize=14, nodesep=0.3, ranksep=0.45"
    if let title = options.title, !title.isEmpty {
      graphAttributes += ", labelloc=t, label=\(DOTEscaping.label(title))"
    }
    target.write("  graph [\(graphAttributes)];\n")
    target.write("  node [fontname=\"\(font)\", fontsize=10, margin=\"0.12,0.06\"];\n")
    target.write("  edge [fontname=\"\(font)\", fontsize=9, arrowsize=0.8];\n")

    for (position, claims) in layout.clusters {
      target.write("\n  subgraph \(DOTEscaping.id("cluster_" + position.id)) {\n")
      var attributes = "label=\(DOTEscaping.label(position.title)), \(clusterStyle)"
      if let summary = position.summary, !summary.isEmpty {
        attributes += ", tooltip=\(DOTEscaping.tooltip(summary))"
      }
      target.write("    graph [\(attributes)];\n")
      for claim in claims {
        writeNode(claim, options: options, indent: "    ", to: &target)
      }
      target.write("  }\n")
    }

    if !layout.unplaced.isEmpty {
      target.write("\n")
      for claim in layout.unplaced {
        writeNode(claim, options: options, indent: "  ", to: &target)
      }
    }

    if !layout.relations.isEmpty {
      target.write("\n")
      for relation in layout.relations {
        let tooltip = "\(relation.from) \(relation.kind.rawValue) \(relation.to)"
        target.write(
          "  \(DOTEscaping.id(relation.from)) -> \(DOTEscaping.id(relation.to)) "
            + "[\(edgeStyle(relation.kind)), tooltip=\(DOTEscaping.tooltip(tooltip))];\n")
      }
    }

    if options.legend {
      target.write(legend)
      if let shading = options.shading { writeSwatches(shading, to: &target) }
    }
    target.write("}\n")
  }

  /// What to draw, in the map's order: clusters of claims by position, claims outside every
  /// cluster, and relations between drawn claims.
  private struct Layout {
    var clusters: [(position: Position, claims: [Claim])] = []
    var unplaced: [Claim] = []
    var relations: [Relation] = []

    init(_ map: ArgumentMap) {
      var positionIDs: Set<String> = []
      let positions = map.positions.filter { positionIDs.insert($0.id).inserted }
      var claimIDs: Set<String> = []
      var claimsByPosition: [String: [Claim]] = [:]
      for claim in map.claims where claimIDs.insert(claim.id).inserted {
        if let position = claim.position, positionIDs.contains(position) {
          claimsByPosition[position, default: []].append(claim)
        } else {
          unplaced.append(claim)
        }
      }
      clusters = positions.compactMap { position in
        claimsByPosition[position.id].map { (position, $0) }
      }
      relations = map.relations.filter {
        claimIDs.contains($0.from) && claimIDs.contains($0.to)
      }
    }
  }

  /// The DOT text; see ``write(_:options:to:)``.
  public static func render(_ map: ArgumentMap, options: DOTOptions = DOTOptions()) -> String {
    var text = ""
    write(map, options: options, to: &text)
    return text
  }

  private static let font = "Helvetica"

  private static let clusterStyle =
    ##"style="rounded,filled", color="#c3c8d0", fillcolor="#f6f7f9", fontsize=12"##

  private static func nodeStyle(_ kind: ClaimKind) -> String {
    switch kind {
    case .statement: ##"shape=box, style="rounded,filled", color="#6c8ebf", fillcolor="#e3ecfa""##
    case .argument:
      ##"shape=box, style=filled, color="#c9a227", fillcolor="#fff4cc", penwidth=1.4"##
    }
  }

  private static func edgeStyle(_ kind: RelationKind) -> String {
    switch kind {
    case .supports: ##"color="#2e7d32", style=solid, arrowhead=normal"##
    case .rebuts: ##"color="#c62828", style=dashed, arrowhead=tee"##
    case .undercuts: ##"color="#ef6c00", style=dotted, penwidth=1.6, arrowhead=teeodot"##
    // Symmetric: one edge with a tee at each end, so layout does not rank one above the other.
    case .contradicts:
      ##"color="#6a1b9a", style=dashed, dir=both, arrowhead=tee, arrowtail=tee, constraint=false"##
    case .rephrases:
      ##"color="#757575", style=dotted, dir=both, arrowhead=none, arrowtail=none, constraint=false"##
    case .prefers: ##"color="#455a64", style=dashed, arrowhead=vee"##
    }
  }

  private static func writeNode(
    _ claim: Claim, options: DOTOptions, indent: String, to target: inout some TextOutputStream
  ) {
    let tag =
      switch claim.kind {
      case .statement: "[\(claim.id)]"
      case .argument: "<\(claim.id)>"
      }
    let note = options.shading?.notes[claim.id].map { " · " + $0 } ?? ""
    var label =
      ##"<FONT POINT-SIZE="8" COLOR="#4a4a4a"><B>"## + DOTEscaping.html(tag + note)
      + "</B></FONT>"
    for line in TextWrap.wrap(claim.text, width: options.wrapWidth) {
      label += "<BR/>" + DOTEscaping.html(line)
    }
    var statement =
      "\(indent)\(DOTEscaping.id(claim.id)) [label=<\(label)>, \(nodeStyle(claim.kind))"
    // A later attribute overrides the style's own fill.
    if let fill = options.shading?.fills[claim.id] {
      statement += ", fillcolor=\(DOTEscaping.label(fill))"
    }
    let tooltip = tooltip(for: claim)
    if !tooltip.isEmpty {
      statement += ", tooltip=\(DOTEscaping.tooltip(tooltip))"
    }
    target.write(statement + "];\n")
  }

  /// `source, comment` over the quote in curly quotes, or the claim's text without provenance.
  static func tooltip(for claim: Claim) -> String {
    guard let provenance = claim.provenance else { return claim.text }
    var lines = [provenance.source]
    if let comment = provenance.comment, !comment.isEmpty {
      lines[0] += ", " + comment
    }
    if let quote = provenance.quote, !quote.isEmpty {
      lines.append("“" + quote + "”")
    }
    return lines.joined(separator: "\n")
  }

  /// The shading's colours as a second legend cluster, one filled box per swatch.
  private static func writeSwatches(_ shading: DOTShading, to target: inout some TextOutputStream) {
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
  /// cluster is `cluster:legend`, which no position's `cluster_<id>` can be.
  private static let legend = """

      subgraph "cluster:legend" {
        graph [label="Legend", style=rounded, color="#b0b0b0", fontsize=11];
        node [fontsize=9];
        "legend:statement" [label="statement", \(nodeStyle(.statement))];
        "legend:argument" [label="argument", \(nodeStyle(.argument))];
        "legend:supports" [label="supports", shape=plaintext];
        "legend:supported" [label="", shape=point, width=0.05, color="#2e7d32"];
        "legend:supports" -> "legend:supported" [\(edgeStyle(.supports))];
        "legend:rebuts" [label="rebuts", shape=plaintext];
        "legend:rebutted" [label="", shape=point, width=0.05, color="#c62828"];
        "legend:rebuts" -> "legend:rebutted" [\(edgeStyle(.rebuts))];
      }

    """
}
