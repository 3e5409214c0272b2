import Argmap

extension Commands {
  static let export = CommandSpec(
    path: ["export"], abstract: "Write the map as Graphviz DOT, JSON or Argdown.",
    subcommands: [exportDOT, exportJSON, exportArgdown])

  static let exportDOT = CommandSpec(
    path: ["export", "dot"],
    abstract: "The map as a Graphviz graph: 'argmap export dot | dot -Tsvg > map.svg'.",
    discussion: """
      Positions are boxes (clusters); supports are green solid arrows, rebuts red dashed ones.
      '--position' draws one position with the claims that link to it from elsewhere;
      '--root' draws a claim with everything that supports or rebuts it.
      """,
    options: [
      .init(name: "--position", valueName: "id", help: "Only this position and its neighbours."),
      .init(name: "--root", valueName: "id", help: "Only this claim and its tree."),
      .init(name: "--depth", valueName: "n", help: "With --root: levels below the root."),
    ]
  ) { command, context throws(CLIError) in
    let map = try selectedMap(command, context)
    var stream = ConsoleStream(console: context.console)
    DOTExporter.write(map, options: DOTOptions(), to: &stream)
  }

  static let exportJSON = CommandSpec(
    path: ["export", "json"],
    abstract: "The whole map as JSON: positions, claims and relations."
  ) { _, context throws(CLIError) in
    let map = try attempt { try context.store().map() }
    var stream = ConsoleStream(console: context.console)
    MapJSON.write(map, pretty: true, to: &stream)
    context.console.line()
  }

  static let exportArgdown = CommandSpec(
    path: ["export", "argdown"],
    abstract: "The whole map as corpus text; importing it gives the same map."
  ) { _, context throws(CLIError) in
    let map = try attempt { try context.store().map() }
    context.console.writeOut(ArgdownPrinter.print(map))
  }

  /// The whole map, one position, or one claim's tree, as the options ask.
  private static func selectedMap(_ command: ParsedCommand, _ context: Context) throws(CLIError)
    -> ArgumentMap
  {
    let store = try context.store()
    let position = command.value("--position")
    let root = command.value("--root")
    let depth = try command.count("--depth")
    if position != nil && root != nil {
      throw .usage("'--position' and '--root' cannot be combined", command.spec)
    }
    if depth != nil && root == nil {
      throw .usage("'--depth' needs '--root'", command.spec)
    }
    guard let root else { return try attempt { try store.map(position: position) } }
    return try attempt { try store.map(treeOf: root, depth: depth) }
  }
}
