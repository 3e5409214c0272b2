import ArgModel
import Foundation
import Testing

@testable import ArgExport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What `dot -Tsvg` made of an export.
struct DotRun {
  var status: Int32
  var svg: String
  var errors: String
}

enum DotError: Error, CustomStringConvertible {
  case notFound(path: String)

  var description: String {
    switch self {
    case .notFound(let path): "Graphviz 'dot' is not on PATH (\(path)); install graphviz"
    }
  }
}

/// Runs the real `dot` found on PATH. A missing `dot` is an error, so the test fails rather
/// than passing without having checked anything.
func runDot(_ source: String) throws -> DotRun {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  guard
    let dot = path.split(separator: ":").map({ "\($0)/dot" }).first(where: {
      FileManager.default.isExecutableFile(atPath: $0)
    })
  else { throw DotError.notFound(path: path) }

  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("argexport-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let input = directory.appendingPathComponent("map.dot")
  let output = directory.appendingPathComponent("map.svg")
  let errors = directory.appendingPathComponent("stderr.txt")
  try Data(source.utf8).write(to: input)
  _ = FileManager.default.createFile(atPath: errors.path, contents: nil)

  let process = Process()
  process.executableURL = URL(fileURLWithPath: dot)
  process.arguments = ["-Tsvg", "-o", output.path, input.path]
  process.standardError = try FileHandle(forWritingTo: errors)
  try process.run()
  process.waitUntilExit()
  return DotRun(
    status: process.terminationStatus,
    svg: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
    errors: try String(contentsOf: errors, encoding: .utf8))
}

/// The parts of Graphviz's SVG the tests look at, read with a real XML parser so that entities
/// are decoded exactly and malformed XML fails the test.
final class SVGSummary: NSObject, XMLParserDelegate {
  /// `<title>` of each `<g class="node">`: the node names, in Graphviz's order.
  var nodes: [String] = []
  /// `<title>` of each `<g class="cluster">`: the cluster names.
  var clusters: [String] = []
  var edges: [String] = []
  /// Every `<text>` element's content, with no-break spaces read as spaces.
  var texts: [String] = []
  /// `xlink:title` of each link, keyed by the title of the group it belongs to.
  var tooltips: [String: String] = [:]
  /// The bounding box of each cluster's and node's outline, keyed by its title. Graphviz writes
  /// clusters as siblings, so nesting shows only in where they are drawn.
  var boxes: [String: Box] = [:]

  private var groups: [(kind: String, title: String)] = []
  private var buffer = ""

  static func parse(_ svg: String) throws -> SVGSummary {
    let summary = SVGSummary()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = summary
    guard parser.parse() else {
      throw parser.parserError ?? CocoaError(.coderReadCorrupt)
    }
    return summary
  }

  func parser(
    _ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    buffer = ""
    switch element {
    case "g": groups.append((attributes["class"] ?? "", ""))
    case "polygon", "path", "ellipse":
      // Links wrap the shape in a `<g>` without a class.
      if let group = groups.last(where: { !$0.kind.isEmpty }),
        group.kind == "cluster" || group.kind == "node",
        boxes[group.title] == nil
      {
        boxes[group.title] = Box(shape: element, attributes: attributes)
      }
    case "a":
      if let tooltip = attributes["xlink:title"],
        let group = groups.last(where: { !$0.kind.isEmpty })
      {
        tooltips[group.title] = tooltip
      }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    buffer += string
  }

  func parser(
    _ parser: XMLParser, didEndElement element: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    switch element {
    case "title":
      guard let index = groups.indices.last else { break }
      groups[index].title = buffer
      switch groups[index].kind {
      case "node": nodes.append(buffer)
      case "cluster": clusters.append(buffer)
      case "edge": edges.append(buffer)
      default: break
      }
    case "text": texts.append(buffer.replacingOccurrences(of: "\u{A0}", with: " "))
    case "g": groups.removeLast()
    default: break
    }
    buffer = ""
  }
}

/// An axis-aligned rectangle in SVG coordinates.
struct Box {
  var minX: Double
  var minY: Double
  var maxX: Double
  var maxY: Double

  /// The box around an SVG shape: an ellipse's extent, or every coordinate of a polygon's
  /// `points` or a path's `d` (Graphviz writes only absolute coordinates).
  init(shape: String, attributes: [String: String]) {
    let number = { (name: String) in Double(attributes[name] ?? "") ?? 0 }
    if shape == "ellipse" {
      let (cx, cy, rx, ry) = (number("cx"), number("cy"), number("rx"), number("ry"))
      (minX, minY, maxX, maxY) = (cx - rx, cy - ry, cx + rx, cy + ry)
      return
    }
    let text = attributes[shape == "path" ? "d" : "points"] ?? ""
    let values = text.split { !"-0123456789.".contains($0) }.compactMap { Double($0) }
    let xs = stride(from: 0, to: values.count - 1, by: 2).map { values[$0] }
    let ys = stride(from: 1, to: values.count, by: 2).map { values[$0] }
    (minX, minY, maxX, maxY) = (xs.min() ?? 0, ys.min() ?? 0, xs.max() ?? 0, ys.max() ?? 0)
  }

  func contains(_ other: Box) -> Bool {
    minX < other.minX && minY < other.minY && other.maxX < maxX && other.maxY < maxY
  }

  func overlaps(_ other: Box) -> Bool {
    minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
  }
}

/// Scalar-exact comparison: Swift's `==` on strings treats canonically equivalent text as equal.
func scalars(_ string: String) -> [Unicode.Scalar] {
  Array(string.unicodeScalars)
}

@Suite("Graphviz renders the export")
struct GraphvizTests {
  private func render(_ map: ArgumentMap, _ options: DOTOptions = DOTOptions()) throws -> SVGSummary
  {
    let run = try runDot(DOTExporter.render(map, options: options))
    #expect(run.status == 0, "dot failed: \(run.errors)")
    #expect(run.errors.isEmpty, "dot warned: \(run.errors)")
    return try SVGSummary.parse(run.svg)
  }

  @Test("a small map: every claim, position, relation and legend entry is drawn")
  func smallMapRenders() throws {
    let svg = try render(smallMap, DOTOptions(title: "Small map"))
    let legendNodes = ["statement", "argument", "supports", "supports:end", "rebuts", "rebuts:end"]
      .map { "legend:\($0)" }
    #expect(Set(svg.nodes) == Set(smallMap.claims.map(\.id) + legendNodes))
    #expect(svg.nodes.count == smallMap.claims.count + legendNodes.count)
    #expect(Set(svg.clusters) == ["cluster_realism", "cluster_defence", "cluster:legend"])
    for position in smallMap.positions {
      #expect(svg.texts.contains(position.title), "\(position.title)")
    }
    #expect(svg.texts.contains("Small map"))
    #expect(svg.texts.contains("Legend"))
    #expect(svg.edges.count == smallMap.relations.count + 2)
    #expect(svg.edges.contains("context-helps->users-ambiguous"))
    #expect(svg.edges.contains("unplaced->refusal-argument"))
    #expect(svg.tooltips["users-ambiguous"] == "seed, C3\n“people never say what they mean”")
    #expect(svg.tooltips["cluster_realism"] == "Models miss how users behave.")
    #expect(svg.texts.contains("[users-ambiguous]"))
    #expect(svg.texts.contains("<refusal-argument>"))
    #expect(svg.texts.contains("Users phrase requests ambiguously, so"))
  }

  @Test("nested groups draw as clusters inside clusters; every relation kind renders cleanly")
  func groupedMapRenders() throws {
    let svg = try render(groupedMap, DOTOptions(title: "Grouped"))
    let box = { (name: String) in try #require(svg.boxes[name], "\(name)") }
    let debate = try box("cluster_debate")
    let outer = try box("cluster:group:outer")
    let inner = try box("cluster:group:inner")
    let deepest = try box("cluster:group:shared")
    let side = try box("cluster:group:side")
    let shared = try box("cluster_shared")
    #expect(debate.contains(outer) && outer.contains(inner) && inner.contains(deepest))
    #expect(debate.contains(side) && !side.overlaps(outer))
    #expect(!shared.overlaps(debate))
    let (reason, inference, thesis) = (try box("reason"), try box("inference"), try box("thesis"))
    #expect(outer.contains(reason) && !inner.contains(reason))
    #expect(inner.contains(inference) && !deepest.contains(inference))
    #expect(deepest.contains(try box("objection")))
    #expect(side.contains(try box("restated")))
    #expect(debate.contains(thesis) && !outer.contains(thesis))
    #expect(shared.contains(try box("rival")))
    for title in ["Debate", "Outer group", "Inner group", "Deepest group", "Side group"] {
      #expect(svg.texts.contains(title), "\(title)")
    }
    #expect(svg.edges.count == RelationKind.allCases.count * 2)
    for kind in RelationKind.allCases {
      #expect(svg.nodes.contains("legend:\(kind.rawValue)"), "\(kind)")
      #expect(svg.texts.contains(kind.rawValue), "\(kind)")
    }
    let undercut = try #require(svg.tooltips["objection->inference"])
    #expect(undercut == "objection undercuts inference\nscheme: Default Conflict")
  }

  @Test("a shading colours nodes, notes them and adds its swatches to the legend")
  func shadingRenders() throws {
    let first = smallMap.claims[0].id
    let shading = DOTShading(
      title: "grounded", fills: [first: "#a5d6a7"], notes: [first: "IN"],
      swatches: [.init(label: "IN", colour: "#a5d6a7"), .init(label: "OUT", colour: "#ef9a9a")])
    let dot = DOTExporter.render(smallMap, options: DOTOptions(shading: shading))
    #expect(dot.contains(##"fillcolor="#a5d6a7""##))
    let svg = try render(smallMap, DOTOptions(shading: shading))
    #expect(svg.clusters.contains("cluster:shading"))
    #expect(svg.nodes.contains("shading:0") && svg.nodes.contains("shading:1"))
    #expect(svg.texts.contains("[\(first)] · IN"))
    #expect(svg.texts.contains("grounded"))
  }

  @Test("without the legend there are no legend nodes")
  func noLegend() throws {
    let svg = try render(smallMap, DOTOptions(legend: false))
    #expect(svg.nodes.sorted() == smallMap.claims.map(\.id).sorted())
    #expect(!svg.clusters.contains("cluster:legend"))
    #expect(!svg.texts.contains("Legend"))
  }

  @Test("nasty text survives Graphviz exactly")
  func nastyMapRenders() throws {
    let svg = try render(nastyMap, DOTOptions(title: nastyText, wrapWidth: 0, legend: false))
    #expect(svg.nodes.sorted() == nastyMap.claims.map(\.id).sorted())
    #expect(
      Set(svg.clusters) == ["cluster_nasty-position", "cluster_unicode", "cluster_legend"])
    for position in nastyMap.positions {
      #expect(svg.texts.map(scalars).contains(scalars(position.title)), "\(position.title)")
    }
    // Unwrapped, each text is one <text>: exactly the claim's characters.
    #expect(svg.texts.map(scalars).contains(scalars(nastyText)))
    #expect(svg.texts.filter { $0 == nastyText }.count == 2)  // the title and the node
    #expect(
      svg.texts.map(scalars).contains(scalars(nastyMap.claims[2].text)))
    // Hard line breaks kept; characters XML forbids replaced.
    #expect(svg.texts.contains("first line"))
    #expect(svg.texts.contains("second line"))
    #expect(svg.texts.contains("third line with\u{FFFD}control\u{FFFD}chars and \u{FFFD}"))
    // Tooltips read back as written, once the invisible word joiners are set aside.
    let tooltip = try #require(svg.tooltips["nasty"])
    #expect(
      scalars(tooltip.replacingOccurrences(of: "\u{2060}", with: ""))
        == scalars(DOTExporter.tooltip(for: nastyMap.claims[0])))
    #expect(svg.tooltips["cluster_nasty-position"] == "summary with \"quotes\"\nand a newline")
    #expect(svg.edges.count == 3)
  }

  @Test("wrapped nasty text shows the wrapped lines")
  func nastyMapWrapped() throws {
    let svg = try render(nastyMap)
    for claim in nastyMap.claims where !claim.text.contains("\u{1}") {
      for line in TextWrap.wrap(claim.text, width: 40) {
        #expect(svg.texts.map(scalars).contains(scalars(line)), "\(line)")
      }
    }
  }

  @Test("ids the model would reject still give a graph Graphviz accepts")
  func invalidIDs() throws {
    let ids = [
      #"has "quotes""#, #"back\slash"#, "ends with \\", "{brace} <angle> & ; -> --", "é 👩‍👩‍👧‍👦",
    ]
    let map = ArgumentMap(
      positions: [Position(id: #"p "1" \"#, title: "P")],
      claims: ids.map { Claim(id: $0, text: $0, position: #"p "1" \"#) },
      relations: zip(ids, ids.dropFirst()).map { Relation(from: $0, to: $1, kind: .supports) }
    )
    let svg = try render(map, DOTOptions(legend: false))
    #expect(svg.nodes.count == ids.count)
    #expect(svg.edges.count == ids.count - 1)
    #expect(svg.clusters.count == 1)
    for id in ids where !id.contains("\\") {
      #expect(svg.nodes.contains(id), "\(id)")
      #expect(svg.texts.contains(id), "\(id)")
    }
  }
}
