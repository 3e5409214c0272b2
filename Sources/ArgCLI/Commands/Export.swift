import Argmap

extension Commands {
  static let export = CommandSpec(
    path: ["export"],
    abstract:
      "Write the map as an HTML page, Graphviz DOT, JSON, Argdown, AIF, GraphML or an ICCMA "
      + "framework.",
    subcommands: [exportHTML, exportDOT, exportJSON, exportArgdown, exportAIF, exportGraphML]
      + ICCMAFormat.allCases.map(exportFramework))

  static let exportDOT = CommandSpec(
    path: ["export", "dot"],
    abstract: "The map as a Graphviz graph: 'argmap export dot | dot -Tsvg > map.svg'.",
    discussion: """
      Positions are boxes (clusters) with their groups nested inside; supports are green
      solid arrows, rebuts red dashed ones, undercuts dotted orange ones, contradictions
      purple lines with a head at each end, and the legend shows the kinds drawn.
      '--position' draws one position with the claims that link to it from elsewhere;
      '--root' draws a claim with everything that bears on it. Positions go in rows
      so that the drawing is at most about twice as wide as high ('--layout auto');
      '--layout rows' stacks them, '--layout columns' sets them side by side.
      """,
    options: selectionOptions + [
      .init(
        name: "--status", valueName: "view",
        help: "Colour claims by grounded or preferred standing, or by strength."),
      supportOption, layoutOption,
    ]
  ) { command, context throws(CLIError) in
    let selection = try selection(command)
    let shading = try statusShading(command, context, drawn: selection)
    let options = DOTOptions(shading: shading, layout: try chosenLayout(command))
    try streamRows(selection, context) { rows, output throws(StoreError) in
      try DOTExporter.write(rows, options: options, to: &output)
    }
  }

  static let exportHTML = CommandSpec(
    path: ["export", "html"],
    abstract: "The map as one interactive web page: 'argmap export html > map.html'.",
    discussion: """
      One file that opens from disk in any browser and fetches nothing: the map drawn by
      Graphviz (which must be installed: argmap runs 'dot'), with pan and zoom, a search
      box, a position switcher, colouring by grounded or preferred standing or by
      strength, and a panel showing the clicked claim's text, provenance, quote, standing
      and neighbours. 'map.html#<claim-id>' opens with that claim selected.
      """,
    options: selectionOptions + [
      .init(
        name: "--status", valueName: "view",
        help: "Open coloured by grounded, preferred or strength."),
      .init(name: "--title", valueName: "text", help: "The page's title."),
      supportOption, layoutOption,
      .init(
        name: "--timeout", valueName: "seconds",
        help: "Time for preferred semantics (default 10); past it the page lacks that view."),
    ]
  ) { command, context throws(CLIError) in
    let view = command.value("--status")
    if let view, !["grounded", "preferred", "strength"].contains(view) {
      throw .usage(
        "'--status' takes grounded, preferred or strength, not '\(view)'", command.spec)
    }
    let settings = try EvaluationSettings(command)
    let pageSettings = MapPage.Settings(
      title: command.value("--title"), initialStatus: view, support: settings.support,
      preferredBudget: SolverBudget(timeout: .seconds(settings.timeout ?? 10)),
      layout: try chosenLayout(command),
      searchPath: context.environment["PATH"] ?? Graphviz.defaultSearchPath)
    let selection = try selection(command)
    let store = try context.store()
    let whole = try attempt { try store.frameworkMap() }
    // The page is built whole before a byte is written, so a failure leaves no half file.
    try attempt {
      try store.withRows(selection) { rows throws(StoreError) in
        Result { () throws(ArgmapError) in
          try MapPage.write(rows, judgedIn: whole, settings: pageSettings) {
            context.console.writeOut($0)
          }
        }
      }.get()
    }
  }

  private static let layoutOption = CommandSpec.Option(
    name: "--layout", valueName: "how",
    help: "Positions in rows or columns, or auto (default): at most about 2:1 wide.")

  private static func chosenLayout(_ command: ParsedCommand) throws(CLIError) -> DOTLayout {
    let name = command.value("--layout") ?? DOTLayout.auto.rawValue
    guard let layout = DOTLayout(rawValue: name) else {
      throw .usage("'--layout' takes auto, rows or columns, not '\(name)'", command.spec)
    }
    return layout
  }

  /// What part of the map an export draws; see `selectedMap`.
  private static let selectionOptions: [CommandSpec.Option] = [
    .init(name: "--position", valueName: "id", help: "Only this position and its neighbours."),
    .init(name: "--root", valueName: "id", help: "Only this claim and its tree."),
    .init(name: "--depth", valueName: "n", help: "With --root: levels below the root."),
  ]

  static let exportAIF = CommandSpec(
    path: ["export", "aif"],
    abstract: "The map in the Argument Interchange Format (AIFdb JSON), for OVA and arguebuf.",
    discussion: """
      Every claim is an I-node; each relation a scheme node between its ends: RA for
      supports, CA for rebuts, undercuts and contradictions (two, one each way), MA for
      rephrases, PA for prefers, named by the relation's scheme when it has one.
      """,
    options: selectionOptions
  ) { command, context throws(CLIError) in
    try streamRows(try selection(command), context) { rows, output throws(StoreError) in
      try AIFWriter.write(rows, pretty: true, to: &output)
    }
    context.console.line()
  }

  static let exportGraphML = CommandSpec(
    path: ["export", "graphml"],
    abstract: "The map as GraphML for networkx, yEd, Gephi or Cytoscape.",
    discussion: """
      Nodes carry kind, text, position, group, tags, provenance and base score; edges carry
      kind and scheme. '--status' adds each claim's standing (or strength) as 'status'.
      """,
    options: selectionOptions + [
      .init(
        name: "--status", valueName: "view",
        help: "Add each claim's grounded or preferred standing, or its strength."),
      supportOption,
    ]
  ) { command, context throws(CLIError) in
    let selection = try selection(command)
    let statuses = try statusShading(command, context, drawn: selection)?.notes ?? [:]
    try streamRows(selection, context) { rows, output throws(StoreError) in
      try GraphMLExporter.write(rows, statuses: statuses, to: &output)
    }
  }

  /// Colours by an evaluation of the whole map, so a claim's colour does not depend on which
  /// part of the map is drawn.
  private static func statusShading(
    _ command: ParsedCommand, _ context: Context, drawn selection: MapSelection
  ) throws(CLIError) -> DOTShading? {
    guard let view = command.value("--status") else { return nil }
    let store = try context.store()
    let graph = try attempt { try store.claimGraph() }
    let drawn = try drawnIDs(selection, store)
    switch view {
    case "strength":
      return Evaluation.shading(
        strengths: DFQuAD.strengths(of: graph).strengths,
        claims: try numbered(drawn, in: graph, store: store))
    case "grounded", "preferred":
      let semantics: Semantics = view == "grounded" ? .grounded : .preferred
      let settings = try EvaluationSettings(command, defaultSemantics: semantics)
      let result = try settings.run { budget in
        try Evaluation.evaluate(
          graph, semantics: settings.semantics, support: settings.support, budget: budget)
      }
      return Evaluation.shading(result, claims: try numbered(drawn, in: graph, store: store))
    default:
      throw .usage(
        "'--status' takes grounded, preferred or strength, not '\(view)'", command.spec)
    }
  }

  /// The ids of the claims an export of `selection` draws: only they need a colour.
  private static func drawnIDs(_ selection: MapSelection, _ store: MapStore) throws(CLIError)
    -> [String]
  {
    var ids: [String] = []
    try attempt {
      try store.withRows(selection) { rows throws(StoreError) in
        try rows.forEachClaim(in: nil) { ids.append($0.id) }
      }
    }
    return ids
  }

  /// The drawn claims with their numbers in `graph`: only they are looked up, by id.
  private static func numbered(_ ids: [String], in graph: ClaimGraph, store: MapStore)
    throws(CLIError) -> [(id: String, index: Int)]
  {
    let seqs = try attempt { try store.seqs(ofClaims: ids) }
    return zip(ids, seqs).compactMap { id, seq in
      seq.flatMap(graph.index(ofSeq:)).map { (id, $0) }
    }
  }

  /// `export apx|tgf|i23`: the debate as an abstract framework for any ICCMA solver.
  static func exportFramework(_ format: ICCMAFormat) -> CommandSpec {
    CommandSpec(
      path: ["export", format.rawValue],
      abstract: "The map as an abstract framework in ICCMA's \(format.rawValue) format.",
      discussion: """
        Arguments are the claims; attacks are the rebuttals and, with '--support derived'
        (the default), the attacks that supports carry, as 'argmap evaluate' uses them.
        """,
      options: [supportOption]
    ) { command, context throws(CLIError) in
      let settings = try EvaluationSettings(command)
      let store = try context.store()
      let graph = try attempt { try store.claimGraph() }
      let framework = Evaluation.framework(graph, support: settings.support)
      // Claim ids are read, in the framework's (seq) order, as the argument lines are written.
      try context.console.stream { (out) throws(CLIError) in
        try ICCMAWriter.write(
          framework, format: format,
          names: { (name) throws(CLIError) in try attempt { try store.forEachClaimID(name) } },
          to: &out)
      }
    }
  }

  static let exportJSON = CommandSpec(
    path: ["export", "json"],
    abstract: "The whole map as JSON: positions, claims and relations."
  ) { _, context throws(CLIError) in
    try streamRows(.whole, context) { rows, output throws(StoreError) in
      try MapJSON.write(rows, pretty: true, to: &output)
    }
    context.console.line()
  }

  static let exportArgdown = CommandSpec(
    path: ["export", "argdown"],
    abstract: "The whole map as corpus text; importing it gives the same map."
  ) { _, context throws(CLIError) in
    try streamRows(.whole, context) { rows, output throws(StoreError) in
      try ArgdownPrinter.print(rows, to: &output)
    }
  }

  /// Streams the rows of `selection` from the store through `write` into stdout.
  private static func streamRows(
    _ selection: MapSelection, _ context: Context,
    _ write: (StoreRows, inout OutputBuffer) throws(StoreError) -> Void
  ) throws(CLIError) {
    let store = try context.store()
    try attempt {
      try store.withRows(selection) { rows throws(StoreError) in
        try context.console.stream { output throws(StoreError) in try write(rows, &output) }
      }
    }
  }

  /// The whole map, one position, or one claim's tree, as the options ask.
  private static func selection(_ command: ParsedCommand) throws(CLIError) -> MapSelection {
    let position = command.value("--position")
    let root = command.value("--root")
    let depth = try command.count("--depth")
    if position != nil && root != nil {
      throw .usage("'--position' and '--root' cannot be combined", command.spec)
    }
    if depth != nil && root == nil {
      throw .usage("'--depth' needs '--root'", command.spec)
    }
    if let root { return .tree(root: root, depth: depth) }
    return position.map(MapSelection.position) ?? .whole
  }
}
