import ArgModel
import Testing

@testable import ArgExport

@Suite("DOTExporter")
struct DOTExporterTests {
  /// The line of `dot` that declares node `id`.
  private func nodeLine(_ id: String, in dot: String) -> String? {
    dot.split(separator: "\n").first { $0.drop(while: { $0 == " " }).hasPrefix("\"\(id)\" [") }
      .map(String.init)
  }

  private func offset(of needle: String, in haystack: String) -> Int? {
    haystack.ranges(of: needle).first.map {
      haystack.distance(from: haystack.startIndex, to: $0.lowerBound)
    }
  }

  @Test("a titled node shows its title in Argdown's brackets; one without words, the title alone")
  func titles() throws {
    let map = ArgumentMap(claims: [
      Claim(id: "arg-mapping", text: "Maps help.", title: "Arg Mapping <1>"),
      Claim(id: "bare", kind: .argument, text: "", title: "Bare Argument"),
    ])
    let dot = DOTExporter.render(map, options: DOTOptions(legend: false))
    let titled = try #require(nodeLine("arg-mapping", in: dot))
    #expect(titled.contains("<B>[Arg Mapping &lt;1&gt;]</B></FONT><BR/>Maps help."))
    let bare = try #require(nodeLine("bare", in: dot))
    #expect(bare.contains("<B>&lt;Bare Argument&gt;</B></FONT>>"))
  }

  @Test("a digraph laid out bottom to top, with shared defaults")
  func header() {
    let dot = DOTExporter.render(smallMap)
    #expect(dot.hasPrefix("digraph argmap {\n  graph [rankdir=BT, fontname=\"Helvetica\""))
    #expect(dot.hasSuffix("}\n"))
    #expect(dot.contains("\n  node [fontname=\"Helvetica\""))
    #expect(dot.contains("\n  edge [fontname=\"Helvetica\""))
  }

  @Test("positions are clusters in map order; their claims inside, unplaced claims outside")
  func clusters() throws {
    let dot = DOTExporter.render(smallMap, options: DOTOptions(legend: false))
    let realism = try #require(offset(of: "  subgraph \"cluster_realism\" {\n", in: dot))
    let defence = try #require(offset(of: "  subgraph \"cluster_defence\" {\n", in: dot))
    #expect(realism < defence)
    #expect(dot.contains(#"graph [label="Realism critique", "#))
    #expect(dot.contains(#"tooltip="Models miss how users behave."];"#))

    let users = try #require(offset(of: "    \"users-ambiguous\" [", in: dot))
    let refusal = try #require(offset(of: "    \"refusal-argument\" [", in: dot))
    let context = try #require(offset(of: "    \"context-helps\" [", in: dot))
    let unplaced = try #require(offset(of: "\n  \"unplaced\" [", in: dot))
    #expect(realism < users && users < defence)
    #expect(defence < refusal && refusal < context && context < unplaced)
    // Each cluster closes before the next begins, and the unplaced claim follows the last.
    let closings = dot.ranges(of: "\n  }\n").map {
      dot.distance(from: dot.startIndex, to: $0.lowerBound)
    }
    #expect(closings.count == 2)
    #expect(users < closings[0] && closings[0] < defence)
    #expect(context < closings[1] && closings[1] < unplaced)
  }

  @Test("a claim whose position is not in the map sits outside every cluster")
  func unknownPosition() throws {
    let map = ArgumentMap(claims: [Claim(id: "a", text: "A", position: "elsewhere")])
    let dot = DOTExporter.render(map, options: DOTOptions(legend: false))
    #expect(!dot.contains("subgraph"))
    #expect(dot.contains("\n  \"a\" ["))
  }

  @Test("positions without claims draw nothing; repeated ids are drawn once")
  func emptyAndRepeated() {
    let map = ArgumentMap(
      positions: [
        Position(id: "empty", title: "Empty"), Position(id: "p", title: "P"),
        Position(id: "p", title: "P again"),
      ],
      claims: [
        Claim(id: "a", text: "first", position: "p"), Claim(id: "a", text: "second"),
      ]
    )
    let dot = DOTExporter.render(map, options: DOTOptions(legend: false))
    #expect(!dot.contains("cluster_empty"))
    #expect(dot.ranges(of: "subgraph \"cluster_p\"").count == 1)
    #expect(!dot.contains("P again"))
    #expect(dot.ranges(of: "\"a\" [").count == 1)
    #expect(dot.contains("first") && !dot.contains("second"))
  }

  @Test("statements are rounded boxes, arguments filled square boxes, ids in Argdown brackets")
  func nodeStyles() throws {
    let dot = DOTExporter.render(smallMap)
    let statement = try #require(nodeLine("users-ambiguous", in: dot))
    #expect(statement.contains(#"shape=box, style="rounded,filled""#))
    #expect(statement.contains("<B>[users-ambiguous]</B>"))
    let argument = try #require(nodeLine("refusal-argument", in: dot))
    #expect(argument.contains("shape=box, style=filled,"))
    #expect(argument.contains("<B>&lt;refusal-argument&gt;</B>"))
  }

  @Test("node labels wrap the text; tooltips carry the provenance")
  func labelsAndTooltips() throws {
    let dot = DOTExporter.render(smallMap)
    let line = try #require(nodeLine("users-ambiguous", in: dot))
    #expect(line.contains("<BR/>Users phrase requests ambiguously, so<BR/>refusals misfire.>"))
    #expect(line.contains(#"tooltip="seed, C3\n“people never say what they mean”""#))
    // Source only, and no provenance at all.
    #expect(try #require(nodeLine("refusal-argument", in: dot)).contains(#"tooltip="seed""#))
    #expect(
      try #require(nodeLine("context-helps", in: dot)).contains(
        #"tooltip="Context resolves most ambiguity.""#))
  }

  @Test("wrapWidth sets the label's line length; below 1 it does not wrap")
  func wrapWidth() throws {
    let map = ArgumentMap(claims: [Claim(id: "a", text: "one two three four five six")])
    let narrow = try #require(
      nodeLine("a", in: DOTExporter.render(map, options: DOTOptions(wrapWidth: 9))))
    #expect(narrow.contains("<BR/>one two<BR/>three<BR/>four five<BR/>six>"))
    let unwrapped = try #require(
      nodeLine("a", in: DOTExporter.render(map, options: DOTOptions(wrapWidth: 0))))
    #expect(unwrapped.contains("<BR/>one two three four five six>"))
    let empty = ArgumentMap(claims: [Claim(id: "e", text: "  ")])
    #expect(try #require(nodeLine("e", in: DOTExporter.render(empty))).contains("</FONT>>"))
  }

  @Test("supports is solid green with an arrow; rebuts is dashed red with a tee")
  func edges() {
    // Side by side, so the only edges are the relations (rows add invisible ones).
    let dot = DOTExporter.render(smallMap, options: DOTOptions(legend: false, layout: .columns))
    #expect(
      dot.contains(
        ##"  "unplaced" -> "refusal-argument" [color="#2e7d32", style=solid, arrowhead=normal, tooltip="unplaced supports refusal-argument"];"##
      ))
    #expect(
      dot.contains(
        ##"  "context-helps" -> "users-ambiguous" [color="#c62828", style=dashed, arrowhead=tee, tooltip="context-helps rebuts users-ambiguous"];"##
      ))
    // Map order.
    let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
    #expect(edges.count == 3)
    #expect(
      edges.map { $0.split(separator: " ")[0] } == [
        "\"context-helps\"", "\"refusal-argument\"", "\"unplaced\"",
      ])
  }

  @Test("relations with an end outside the map are left out")
  func danglingRelations() {
    let dot = DOTExporter.render(nastyMap, options: DOTOptions(legend: false, layout: .columns))
    #expect(!dot.contains("missing"))
    #expect(dot.split(separator: "\n").filter { $0.contains(" -> ") }.count == 3)
  }

  @Test("the title becomes the graph label, at the top")
  func title() throws {
    let titled = DOTExporter.render(smallMap, options: DOTOptions(title: #"Map "one" \ & <two>"#))
    let graphLine = try #require(titled.split(separator: "\n").first { $0.hasPrefix("  graph [") })
    #expect(graphLine.hasSuffix(#", labelloc=t, label="Map \"one\" \\ &amp; <two>"];"#))
    for options in [DOTOptions(), DOTOptions(title: "")] {
      let line = try #require(
        DOTExporter.render(smallMap, options: options).split(separator: "\n").first {
          $0.hasPrefix("  graph [")
        })
      #expect(!line.contains("label="))
    }
  }

  @Test("the legend is a cluster of sample nodes and edges whose names no claim can take")
  func legend() {
    let with = DOTExporter.render(smallMap)
    #expect(with.contains("\n  subgraph \"cluster:legend\" {\n    graph [label=\"Legend\""))
    for name in ["statement", "argument", "supports", "rebuts"] {
      #expect(with.contains("\"legend:\(name)\" [label=\"\(name)\""))
      #expect(!Identifier.isValid("legend:\(name)"))
    }
    #expect(with.contains(##""legend:supports" -> "legend:supports:end" [color="#2e7d32""##))
    #expect(with.contains(##""legend:rebuts" -> "legend:rebuts:end" [color="#c62828""##))

    let without = DOTExporter.render(smallMap, options: DOTOptions(legend: false))
    #expect(!without.contains("legend"))
    #expect(!without.contains("Legend"))
  }

  @Test("the legend shows the node and relation kinds drawn, in their enums' order")
  func legendKinds() throws {
    let legendEdges = { (map: ArgumentMap) in
      DOTExporter.render(map).split(separator: "\n").filter {
        $0.contains("\"legend:") && $0.contains(" -> ")
      }
      .map { String($0.drop { $0 == " " }.prefix { $0 != " " }) }
    }
    #expect(legendEdges(groupedMap) == RelationKind.allCases.map { "\"legend:\($0.rawValue)\"" })
    #expect(legendEdges(smallMap) == ["\"legend:supports\"", "\"legend:rebuts\""])
    // A relation left out of the drawing is left out of the legend too.
    var dangling = smallMap
    dangling.relations.append(Relation(from: "missing", to: "unplaced", kind: .prefers))
    #expect(!DOTExporter.render(dangling).contains("legend:prefers"))
    #expect(legendEdges(ArgumentMap()).isEmpty)
    // Node kinds likewise: a map of statements shows no argument.
    let statements = ArgumentMap(claims: [Claim(id: "a", text: "A."), Claim(id: "b", text: "B.")])
    let dot = DOTExporter.render(statements)
    #expect(dot.contains("\"legend:statement\" [label=\"statement\""))
    #expect(!dot.contains("legend:argument"))
  }

  @Test("every relation kind has its own style")
  func distinctStyles() {
    let dot = DOTExporter.render(groupedMap, options: DOTOptions(legend: false))
    let styles = dot.split(separator: "\n").filter { $0.contains(" -> ") }.map {
      String($0.drop { $0 != "[" }).replacing(/, tooltip=.*/, with: "")
    }
    #expect(styles.count == RelationKind.allCases.count)
    #expect(Set(styles).count == styles.count)
    #expect(dot.contains(##"[color="#ef6c00", style=dotted, penwidth=1.6, arrowhead=teeodot"##))
  }

  @Test("an edge's tooltip names the relation and its scheme")
  func schemeTooltip() {
    let dot = DOTExporter.render(groupedMap, options: DOTOptions(legend: false))
    #expect(dot.contains(#"tooltip="objection undercuts inference\nscheme: Default Conflict"];"#))
    #expect(dot.contains(#"tooltip="reason supports thesis"];"#))
  }

  @Test("groups are clusters nested inside their position's cluster, claims in their group")
  func nestedGroups() throws {
    let dot = DOTExporter.render(groupedMap, options: DOTOptions(legend: false))
    let lines = dot.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func line(_ prefix: String) throws -> Int {
      try #require(lines.firstIndex { $0.hasPrefix(prefix) }, "\(prefix)")
    }
    let debate = try line(#"  subgraph "cluster_debate" {"#)
    let thesis = try line(#"    "thesis" ["#)
    let outer = try line(#"    subgraph "cluster:group:outer" {"#)
    let reason = try line(#"      "reason" ["#)
    let inner = try line(#"      subgraph "cluster:group:inner" {"#)
    let inference = try line(#"        "inference" ["#)
    let deepest = try line(#"        subgraph "cluster:group:shared" {"#)
    let objection = try line(#"          "objection" ["#)
    let side = try line(#"    subgraph "cluster:group:side" {"#)
    let restated = try line(#"      "restated" ["#)
    let shared = try line(#"  subgraph "cluster_shared" {"#)
    #expect(
      [debate, thesis, outer, reason, inner, inference, deepest, objection, side, restated, shared]
        == [
          debate, thesis, outer, reason, inner, inference, deepest, objection, side, restated,
          shared,
        ].sorted())
    #expect(lines[deepest + 1].contains(#"graph [label="Deepest group", style="rounded,filled""#))
    #expect(lines[objection + 1] == "        }")
    #expect(lines[restated + 1] == "    }")
  }

  @Test("misplaced groups and claims fall back to their position's cluster; nothing is lost")
  func misplacedGroups() throws {
    let map = ArgumentMap(
      positions: [Position(id: "p", title: "P"), Position(id: "q", title: "Q")],
      groups: [
        Group(id: "a", title: "A", position: "p", parent: "b"),
        Group(id: "b", title: "B", position: "p", parent: "a"),
        Group(id: "orphan", title: "Orphan", position: "p", parent: "missing"),
        Group(id: "elsewhere", title: "Elsewhere", position: "q", parent: "a"),
        Group(id: "empty", title: "Empty", position: "p"),
        Group(id: "nowhere", title: "Nowhere", position: "not-drawn"),
        Group(id: "a", title: "A again", position: "q"),
      ],
      claims: [
        Claim(id: "in-a", text: "x", position: "p", group: "a"),
        Claim(id: "in-b", text: "x", position: "p", group: "b"),
        Claim(id: "in-orphan", text: "x", position: "p", group: "orphan"),
        Claim(id: "in-elsewhere", text: "x", position: "q", group: "elsewhere"),
        Claim(id: "wrong-position", text: "x", position: "q", group: "a"),
        Claim(id: "unknown-group", text: "x", position: "p", group: "unknown"),
        Claim(id: "in-nowhere", text: "x", position: "not-drawn", group: "nowhere"),
      ]
    )
    let dot = DOTExporter.render(map, options: DOTOptions(legend: false, layout: .columns))
    for name in ["a", "b", "orphan", "elsewhere"] {
      #expect(dot.contains("  subgraph \"cluster:group:\(name)\" {\n"), "\(name)")
    }
    // A cycle of parents is cut: both groups sit directly in the position.
    #expect(dot.contains("\n    subgraph \"cluster:group:a\" {\n"))
    #expect(dot.contains("\n    subgraph \"cluster:group:b\" {\n"))
    #expect(!dot.contains("Empty") && !dot.contains("Nowhere") && !dot.contains("A again"))
    for id in map.claims.map(\.id) {
      #expect(dot.ranges(of: "\"\(id)\" [").count == 1, "\(id)")
    }
    #expect(dot.contains("\n    \"wrong-position\" ["))
    #expect(dot.contains("\n    \"unknown-group\" ["))
    #expect(dot.contains("\n  \"in-nowhere\" ["))
  }

  @Test("a position named legend does not collide with the legend")
  func positionNamedLegend() {
    let dot = DOTExporter.render(nastyMap)
    #expect(dot.contains("subgraph \"cluster_legend\""))
    #expect(dot.contains("subgraph \"cluster:legend\""))
  }

  @Test("the same map gives the same bytes, streamed or not")
  func deterministic() {
    /// Drained in small pieces, which must join to the same bytes.
    final class Chunks {
      var bytes: [UInt8] = []
      var count = 0
    }
    for map in [smallMap, nastyMap, ArgumentMap()] {
      let options = DOTOptions(title: "t")
      let first = DOTExporter.render(map, options: options)
      let copy = map
      #expect(DOTExporter.render(copy, options: options) == first)
      let chunks = Chunks()
      var output = OutputBuffer(chunk: 64) {
        chunks.bytes += $0
        chunks.count += 1
      }
      DOTExporter.write(map, options: options, to: &output)
      output.flush()
      #expect(chunks.bytes == Array(first.utf8))
      #expect(Array(first.utf8) == Array(DOTExporter.render(map, options: options).utf8))
    }
  }

  @Test("an empty map is still a valid digraph")
  func emptyMap() {
    let dot = DOTExporter.render(ArgumentMap(), options: DOTOptions(legend: false))
    #expect(
      dot
        == """
        digraph argmap {
          graph [rankdir=BT, fontname="Helvetica", fontsize=14, nodesep=0.3, ranksep=0.45];
          node [fontname="Helvetica", fontsize=10, margin="0.12,0.06"];
          edge [fontname="Helvetica", fontsize=9, arrowsize=0.8];
        }

        """)
  }
}

@Suite("DOT escaping")
struct DOTEscapingTests {
  @Test("IDs: quotes and backslashes escaped, everything else kept")
  func ids() {
    #expect(DOTEscaping.id("claim-1.a_b") == #""claim-1.a_b""#)
    #expect(DOTEscaping.id(#"a"b\c"#) == #""a\"b\\c""#)
    #expect(DOTEscaping.id(#"end\"#) == #""end\\""#)
    #expect(DOTEscaping.id("{x} <y> & é 👩‍👩‍👧‍👦 \n") == "\"{x} <y> & é 👩‍👩‍👧‍👦 \n\"")
    #expect(DOTEscaping.id("a\u{0}b\u{1F}c\u{FFFE}") == "\"a\u{FFFD}b\u{FFFD}c\u{FFFD}\"")
  }

  @Test("labels: backslashes doubled, newlines as \\n, ampersands as entities")
  func labels() {
    #expect(
      DOTEscaping.label(nastyText)
        == #""a \"quoted\" \\ back\\slash {brace} <angle> \\n newline &amp; amp; \\N \\G \\L [x] 'q' |p|""#
    )
    #expect(DOTEscaping.label("a\nb\r\nc\rd\u{2028}e\tf") == #""a\nb\nc\nd\ne f""#)
    #expect(DOTEscaping.label("x\u{7}") == "\"x\u{FFFD}\"")
  }

  @Test("tooltips: like labels, with a word joiner ending each backslash")
  func tooltips() {
    #expect(DOTEscaping.tooltip(#"\N & "q""#) == "\"\\\\\u{2060}N &amp; \\\"q\\\"\"")
    #expect(DOTEscaping.tooltip("a\nb") == #""a\nb""#)
  }

  @Test("a tooltip written in parts reads as the parts joined, CR LF across two included")
  func tooltipInParts() {
    let partings = [["a\r", "\nb"], ["a\r", "", "\nb"], ["a\r", "\r\nb"], ["", "\n", "x\r"]]
    for parts in partings {
      var output = OutputBuffer()
      DOTEscaping.writeTooltip(to: &output) { part in parts.forEach(part) }
      #expect(output.text == DOTEscaping.tooltip(parts.joined()), "\(parts)")
    }
  }

  @Test("a claim's tooltip is its provenance, even when the comment ends in CR")
  func tooltipAcrossCR() {
    var claim = Claim(id: "c", text: "text")
    claim.provenance = Provenance(source: "seed", comment: "C3\r", quote: "said")
    let map = ArgumentMap(claims: [claim])
    let line = DOTExporter.render(map).split(separator: "\n").first { $0.contains(#""c" [label"#) }
    #expect(line?.contains(#"tooltip="seed, C3\n“said”""#) == true)
  }

  @Test("HTML label text: XML entities, doubled backslashes, no line breaks")
  func html() {
    #expect(
      DOTEscaping.html(nastyText)
        == #"a &quot;quoted&quot; \\ back\\slash {brace} &lt;angle&gt; \\n newline &amp; amp; \\N \\G \\L [x] 'q' |p|"#
    )
    #expect(DOTEscaping.html("a\nb\tc\u{1}") == "a b c\u{FFFD}")
    #expect(DOTEscaping.html("]]>") == "]]&gt;")
  }

  @Test("characters XML forbids become U+FFFD; the rest pass")
  func xmlSafe() {
    for value: UInt32 in [0x0, 0x8, 0xB, 0xC, 0x1F, 0xFFFE, 0xFFFF] {
      #expect(XMLCharacters.safe(Unicode.Scalar(value)!) == "\u{FFFD}")
    }
    for value: UInt32 in [0x9, 0xA, 0xD, 0x20, 0x7F, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF] {
      #expect(XMLCharacters.safe(Unicode.Scalar(value)!) == Unicode.Scalar(value)!)
    }
  }
}
