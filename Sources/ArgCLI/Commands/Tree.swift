import Argmap

extension Commands {
  static let tree = CommandSpec(
    path: ["tree"],
    abstract: "Everything that supports or rebuts a claim, recursively, as an indented tree.",
    discussion: """
      Lines read like Argdown: '+' supports the line above it, '-' rebuts it. A claim that
      already appears higher on its branch is marked '(cycle)' and not expanded again.
      """,
    arguments: [.init(name: "id", help: "The claim at the root.")],
    options: [
      .init(name: "--depth", valueName: "n", help: "Stop this many levels below the root."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let depth = try command.count("--depth")
    let nodes = try attempt {
      try context.store().tree(rootID: command.positionals[0], depth: depth)
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

  private static func treeLine(_ node: TreeNode) -> String {
    let indent = String(repeating: "  ", count: node.depth)
    let marker = node.relation.map { $0 == .supports ? "+ " : "- " } ?? ""
    let brackets = node.claim.kind == .argument ? ("<", ">") : ("[", "]")
    let head = indent + marker + brackets.0 + node.claim.id + brackets.1
    if node.closesCycle { return head + " (cycle)" }
    let room = TextLayout.width - head.count - 2
    return room < 12 ? head : head + ": " + node.claim.text.truncated(to: room)
  }
}
