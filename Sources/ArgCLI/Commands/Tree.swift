import Argmap

extension Commands {
  static let tree = CommandSpec(
    path: ["tree"],
    abstract: "Everything that bears on a claim, recursively, as an indented tree.",
    discussion: """
      Lines read like Argdown: '+' supports the line above it, '-' rebuts it, '_' undercuts
      it (attacks its inference), '><' contradicts it, '=' rephrases it, and '>' is preferred
      to it. A claim that already appears higher on its branch is marked '(cycle)' and not
      expanded again.
      """,
    arguments: [.init(name: "id", help: "The claim at the root.")],
    options: [
      .init(name: "--depth", valueName: "n", help: "Stop this many levels below the root."),
      .init(
        name: "--limit", valueName: "n",
        help: "At most this many lines (default \(defaultTreeLimit)); 0 for no limit."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let depth = try command.count("--depth")
    let limit = try command.count("--limit") ?? defaultTreeLimit
    // One line more than the limit tells whether anything was cut.
    var nodes = try attempt {
      try context.store().tree(
        rootID: command.positionals[0], depth: depth, limit: limit == 0 ? nil : limit + 1)
    }
    if limit > 0, nodes.count > limit {
      nodes.removeLast(nodes.count - limit)
      context.console.warning(
        "the tree was cut at \(limit) lines; narrow it with '--depth' or raise '--limit'")
    }
    context.emit(
      command,
      json: .array(
        nodes.map {
          .object([
            ("depth", .int($0.depth)), ("relation", JSONValue($0.relation?.rawValue)),
            ("id", .string($0.claim.id)), ("text", .string($0.claim.text)),
            ("cycle", .bool($0.closesCycle)),
          ])
        }),
      text: { nodes.map(treeLine) })
  }

  /// Enough for any tree a person reads; a dense map's full tree can be exponentially larger.
  static let defaultTreeLimit = 10_000

  private static func treeMarker(_ kind: RelationKind) -> String {
    switch kind {
    case .supports: "+ "
    case .rebuts: "- "
    case .undercuts: "_ "
    case .contradicts: ">< "
    case .rephrases: "= "
    case .prefers: "> "
    }
  }

  private static func treeLine(_ node: TreeNode) -> String {
    let indent = String(repeating: "  ", count: node.depth)
    let marker = node.relation.map(treeMarker) ?? ""
    let brackets = node.claim.kind == .argument ? ("<", ">") : ("[", "]")
    let head = indent + marker + brackets.0 + node.claim.id + brackets.1
    if node.closesCycle { return head + " (cycle)" }
    let room = TextLayout.width - head.count - 2
    let words = TextLayout.words(of: node.claim)
    return room < 12 || words.isEmpty ? head : head + ": " + words.truncated(to: room)
  }
}
