import Argmap

extension Commands {
  static let initialize = CommandSpec(
    path: ["init"],
    abstract: "Create the database: the built-in map of the discussion, or an empty map.",
    options: [
      .init(name: "--empty", help: "Create the schema only, with no positions or claims."),
      .init(name: "--force", help: "Replace an existing file (only once the new one is complete)."),
    ]
  ) { command, context throws(CLIError) in
    let path = context.databaseChoice.path
    try attempt {
      try Workspace.create(
        at: path, contents: command.has("--empty") ? .empty : .builtin,
        replacing: command.has("--force"))
    }
    let stats = try attempt { try MapStore.open(path: path).stats() }
    context.console.line(
      "created \(path) with \(TextLayout.plural(stats.positions, "position")), "
        + "\(TextLayout.plural(stats.claims, "claim")) and \(TextLayout.plural(stats.relations, "relation"))"
    )
  }
}
