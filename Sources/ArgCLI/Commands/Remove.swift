import Argmap

extension Commands {
  static let remove = CommandSpec(
    path: ["remove"], abstract: "Remove a claim, a position or a source from the map.",
    subcommands: [removeClaim, removePosition, removeSource])

  static let removeClaim = CommandSpec(
    path: ["remove", "claim"],
    abstract: "Remove a claim together with its relations and tags.",
    arguments: [.init(name: "id", help: "The claim to remove.")],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let id = command.positionals[0]
    let detail = try attempt { try context.store().detail(ofClaim: id) }
    try context.write { try $0.removeClaim(id: id) }
    let relations = detail.incoming.count + detail.outgoing.count
    context.reportWrite(
      "removed claim '\(id)' and \(TextLayout.plural(relations, "relation"))", command)
  }

  static let removePosition = CommandSpec(
    path: ["remove", "position"],
    abstract: "Remove a position and its groups.",
    discussion: """
      Refused while the position holds claims, unless '--with-claims', which removes them too
      with their relations. 'argmap undo' brings everything back.
      """,
    arguments: [.init(name: "id", help: "The position to remove.")],
    options: [.init(name: "--with-claims", help: "Remove its claims too."), CommandSpec.json]
  ) { command, context throws(CLIError) in
    let id = command.positionals[0]
    let claims = try context.write {
      try $0.removePosition(id, withClaims: command.has("--with-claims"))
    }
    context.reportWrite(
      "removed position '\(id)'" + (claims > 0 ? " and \(TextLayout.plural(claims, "claim"))" : ""),
      command)
  }

  static let removeSource = CommandSpec(
    path: ["remove", "source"],
    abstract: "Remove a source.",
    discussion: """
      Refused while claims cite it, unless '--with-claims', which removes them too.
      """,
    arguments: [.init(name: "id", help: "The source to remove.")],
    options: [
      .init(name: "--with-claims", help: "Remove the claims that cite it too."), CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let id = command.positionals[0]
    let claims = try context.write {
      try $0.removeSource(id, withClaims: command.has("--with-claims"))
    }
    context.reportWrite(
      "removed source '\(id)'" + (claims > 0 ? " and \(TextLayout.plural(claims, "claim"))" : ""),
      command)
  }
}
