import Argmap

extension Commands {
  static let add = CommandSpec(
    path: ["add"], abstract: "Add a claim or a position to the map.",
    subcommands: [addClaim, addPosition])

  static let addClaim = CommandSpec(
    path: ["add", "claim"],
    abstract: "Add a claim to a position.",
    discussion: """
      Give provenance with '--source', '--comment' and '--quote': the source the claim comes
      from (registered on first use), the comment within it, and a short verbatim quote.
      """,
    arguments: [.init(name: "id", help: "A new id: letters, digits, '-', '_' and '.'.")],
    options: [
      .init(
        name: "--position", valueName: "id", help: "The position it belongs to.", isRequired: true),
      .init(
        name: "--text", valueName: "text", help: "The claim, in your own words.", isRequired: true),
      .init(name: "--argument", help: "Make it an argument node rather than a statement."),
      .init(name: "--tag", valueName: "tag", help: "A tag; repeat for more.", isRepeatable: true),
      .init(name: "--source", valueName: "id", help: "The source it comes from."),
      .init(name: "--comment", valueName: "id", help: "The comment within the source, e.g. C3."),
      .init(name: "--quote", valueName: "text", help: "A short verbatim quote that locates it."),
    ]
  ) { command, context throws(CLIError) in
    let source = command.value("--source")
    if source == nil, command.value("--comment") != nil || command.value("--quote") != nil {
      throw .usage("'--comment' and '--quote' need '--source'", command.spec)
    }
    let text = Claim.normalizedText(command.value("--text") ?? "")
    guard !text.allSatisfy(\.isWhitespace) else { throw .badInput("the claim's text is empty") }
    let claim = Claim(
      id: command.positionals[0], kind: command.has("--argument") ? .argument : .statement,
      text: text, position: command.value("--position"), tags: command.all("--tag"),
      provenance: source.map {
        // Typed or pasted on several lines, a quote is stored as one, as its text is.
        Provenance(
          source: $0, comment: command.value("--comment"),
          quote: command.value("--quote").map(Claim.normalizedText))
      })
    try attempt { try context.store().addClaim(claim) }
    context.console.line("added claim '\(claim.id)' to position '\(claim.position ?? "")'")
  }

  static let addPosition = CommandSpec(
    path: ["add", "position"],
    abstract: "Add a position: a group of claims defended together.",
    arguments: [.init(name: "id", help: "A new id: letters, digits, '-', '_' and '.'.")],
    options: [
      .init(
        name: "--title", valueName: "title", help: "Its title, as a heading.", isRequired: true),
      .init(name: "--summary", valueName: "text", help: "A sentence that sums it up."),
    ]
  ) { command, context throws(CLIError) in
    let position = Position(
      id: command.positionals[0], title: command.value("--title") ?? "",
      summary: command.value("--summary"))
    try attempt { try context.store().addPosition(position) }
    context.console.line("added position '\(position.id)'")
  }

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
    ]
  ) { command, context throws(CLIError) in
    guard let kind = RelationKind(rawValue: command.positionals[1]) else {
      throw .usage(
        "expected \(relationKindNames), not '\(command.positionals[1])'", command.spec)
    }
    let relation = Relation(from: command.positionals[0], to: command.positionals[2], kind: kind)
    let added = try attempt { try context.store().link(relation) }
    context.console.line(
      added ? "linked: \(describe(relation))" : "already linked: \(describe(relation))")
  }

  private static let relationKindNames = RelationKind.allCases.map { "'\($0.rawValue)'" }
    .joined(separator: ", ")

  static let unlink = CommandSpec(
    path: ["unlink"],
    abstract: "Remove the relation from one claim to another.",
    arguments: [
      .init(name: "from", help: "The claim that supports or rebuts."),
      .init(name: "to", help: "The claim supported or rebutted."),
    ]
  ) { command, context throws(CLIError) in
    let removed = try attempt {
      try context.store().unlink(from: command.positionals[0], to: command.positionals[1])
    }
    context.console.line("unlinked: \(describe(removed))")
  }

  static let remove = CommandSpec(
    path: ["remove"], abstract: "Remove a claim from the map.", subcommands: [removeClaim])

  static let removeClaim = CommandSpec(
    path: ["remove", "claim"],
    abstract: "Remove a claim together with its relations and tags.",
    arguments: [.init(name: "id", help: "The claim to remove.")]
  ) { command, context throws(CLIError) in
    let id = command.positionals[0]
    let detail = try attempt { try context.store().detail(ofClaim: id) }
    try attempt { try context.store().removeClaim(id: id) }
    let relations = detail.incoming.count + detail.outgoing.count
    context.console.line("removed claim '\(id)' and \(TextLayout.plural(relations, "relation"))")
  }
}
