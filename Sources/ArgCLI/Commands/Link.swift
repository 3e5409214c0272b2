import Argmap

extension Commands {
  static let link = CommandSpec(
    path: ["link"],
    abstract: "Add a relation: 'argmap link A supports B', 'argmap link A rebuts B', ….",
    discussion: """
      'undercuts' attacks the inference of an argument (B must be one); 'contradicts' and
      'rephrases' are symmetric, stored once for both directions; 'prefers' says A is
      preferred to B.
      """,
    arguments: [
      .init(name: "from", help: "The claim that supports, rebuts, … the other."),
      .init(name: "kind", help: relationKindNames),
      .init(name: "to", help: "The claim supported, rebutted, …."),
    ],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let word = command.positionals[1]
    guard let kind = RelationKind(rawValue: word) else {
      let names = RelationKind.allCases.map(\.rawValue)
      let hint = Identifier.nearest(to: word, among: names).map { ". Did you mean '\($0)'?" }
      throw .usage("expected \(relationKindNames), not '\(word)'\(hint ?? "")", command.spec)
    }
    let relation = Relation(from: command.positionals[0], to: command.positionals[2], kind: kind)
    let added = try context.write { try $0.link(relation) }
    context.reportWrite(
      added ? "linked: \(describe(relation))" : "already linked: \(describe(relation))", command)
  }

  private static let relationKindNames = RelationKind.allCases.map { "'\($0.rawValue)'" }
    .joined(separator: ", ")

  static let unlink = CommandSpec(
    path: ["unlink"],
    abstract: "Remove the relation from one claim to another.",
    discussion: """
      A symmetric relation (contradicts, rephrases) is unlinked in either direction.
      """,
    arguments: [
      .init(name: "from", help: "The claim that supports or rebuts."),
      .init(name: "to", help: "The claim supported or rebutted."),
    ],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let removed = try context.write {
      try $0.unlink(from: command.positionals[0], to: command.positionals[1])
    }
    context.reportWrite("unlinked: \(describe(removed))", command)
  }
}
