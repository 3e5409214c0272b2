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

  static let removePosition = removeHolder(
    .position, abstract: "Remove a position and its groups.",
    holding: "holds claims", claims: "its claims"
  ) { try $0.removePosition($1, withClaims: $2) }

  static let removeSource = removeHolder(
    .source, abstract: "Remove a source.", holding: "is cited by claims",
    claims: "the claims that cite it"
  ) { try $0.removeSource($1, withClaims: $2) }

  /// `remove position` and `remove source`: each refuses while the item holds claims.
  private static func removeHolder(
    _ item: StoreError.Item, abstract: String, holding: String, claims: String,
    remove: @escaping @Sendable (MapStore, String, Bool) throws -> Int
  ) -> CommandSpec {
    CommandSpec(
      path: ["remove", item.rawValue],
      abstract: abstract,
      discussion: """
        Refused while the \(item.rawValue) \(holding), unless '--with-claims', which removes
        \(claims) too with their relations. 'argmap undo' brings everything back.
        """,
      arguments: [.init(name: "id", help: "The \(item.rawValue) to remove.")],
      options: [.init(name: "--with-claims", help: "Remove \(claims) too."), CommandSpec.json]
    ) { command, context throws(CLIError) in
      let id = command.positionals[0]
      let removed = try context.write { try remove($0, id, command.has("--with-claims")) }
      context.reportWrite(
        "removed \(item.rawValue) '\(id)'"
          + (removed > 0 ? " and \(TextLayout.plural(removed, "claim"))" : ""), command)
    }
  }
}
