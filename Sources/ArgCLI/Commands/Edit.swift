import Argmap

extension Commands {
  static let edit = CommandSpec(
    path: ["edit"], abstract: "Change a claim, or the map's title.",
    subcommands: [editClaim, editMap])

  static let editClaim = CommandSpec(
    path: ["edit", "claim"],
    abstract: "Change what the options name of a claim, and nothing else.",
    discussion: """
      An empty value clears an optional field ('--title ""'). Moving a claim to another
      position ('--position') leaves its group behind unless '--group' names one there. An edit
      that would break a rule of the map is refused, and changes nothing: an argument that is
      undercut cannot become a statement, for instance.
      """,
    arguments: [.init(name: "id", help: "The claim to change.")],
    options: [
      .init(name: "--text", valueName: "text", help: "Its words."),
      .init(name: "--position", valueName: "id", help: "Move it to this position."),
      .init(name: "--kind", valueName: "kind", help: "'statement' or 'argument'."),
      .init(
        name: "--tag", valueName: "tag", help: "Add a tag; repeat for more.", isRepeatable: true),
      .init(
        name: "--untag", valueName: "tag", help: "Remove a tag; repeat for more.",
        isRepeatable: true),
    ] + claimFieldOptions + [CommandSpec.json]
  ) { command, context throws(CLIError) in
    var edit = try claimFields(command)
    edit.text = command.value("--text")
    if let text = edit.text, Claim.normalizedText(text).isEmpty {
      throw .badInput("the claim's text is empty; a claim keeps its words")
    }
    edit.position = command.value("--position")
    edit.addedTags = command.all("--tag")
    edit.removedTags = command.all("--untag")
    if let both = Set(edit.addedTags).intersection(edit.removedTags).sorted().first {
      throw .usage("'--tag \(both)' and '--untag \(both)' contradict each other", command.spec)
    }
    if let kind = command.value("--kind") {
      guard let parsed = ClaimKind(rawValue: kind) else {
        throw .usage("'--kind' is 'statement' or 'argument', not '\(kind)'", command.spec)
      }
      edit.kind = parsed
    }
    guard !edit.isEmpty else {
      throw .usage("say what to change, e.g. '--text' or '--position'", command.spec)
    }
    let id = command.positionals[0]
    try context.write { try $0.editClaim(id, edit) }
    context.reportWrite("edited claim '\(id)'", command)
  }

  static let editMap = CommandSpec(
    path: ["edit", "map"],
    abstract: "Change the map's title.",
    options: [
      .init(
        name: "--title", valueName: "title", help: "The new title; empty removes it.",
        isRequired: true),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let title = Claim.normalizedText(command.value("--title") ?? "")
    try context.write { try $0.setTitle(title.isEmpty ? nil : title) }
    context.reportWrite(
      title.isEmpty ? "removed the map's title" : "titled the map '\(title)'", command)
  }

  static let rename = CommandSpec(
    path: ["rename"], abstract: "Give a claim, a position or a source a new id.",
    subcommands: [renameCommand(.claim), renameCommand(.position), renameCommand(.source)])

  /// Every relation, tag, reconstruction and member follows the renamed item.
  private static func renameCommand(_ item: StoreError.Item) -> CommandSpec {
    CommandSpec(
      path: ["rename", item.rawValue],
      abstract: "Give a \(item.rawValue) a new id; everything that refers to it follows.",
      arguments: [
        .init(name: "old", help: "Its id now."),
        .init(name: "new", help: "The new id: letters, digits, '-', '_' and '.'."),
      ],
      options: [CommandSpec.json]
    ) { command, context throws(CLIError) in
      let (old, new) = (command.positionals[0], command.positionals[1])
      try context.write { try $0.rename(item, from: old, to: new) }
      context.reportWrite("renamed \(item.rawValue) '\(old)' to '\(new)'", command)
    }
  }
}
