import Argmap

extension Commands {
  static let add = CommandSpec(
    path: ["add"], abstract: "Add a claim or a position to the map.",
    subcommands: [addClaim, addPosition])

  static let addClaim = CommandSpec(
    path: ["add", "claim"],
    abstract: "Add a claim to a position.",
    discussion: """
      Every field the corpus format has can be given. Provenance is '--source', '--comment',
      '--quote', '--speaker' and '--time': the source the claim comes from (registered on first
      use), the comment within it, a short verbatim quote, who said it and when.
      """,
    arguments: [.init(name: "id", help: "A new id: letters, digits, '-', '_' and '.'.")],
    options: [
      .init(
        name: "--position", valueName: "id", help: "The position it belongs to.", isRequired: true),
      .init(
        name: "--text", valueName: "text", help: "The claim, in your own words.", isRequired: true),
      .init(name: "--argument", help: "Make it an argument node rather than a statement."),
      .init(name: "--tag", valueName: "tag", help: "A tag; repeat for more.", isRepeatable: true),
    ] + claimFieldOptions + [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let text = Claim.normalizedText(command.value("--text") ?? "")
    guard !text.allSatisfy(\.isWhitespace) else { throw .badInput("the claim's text is empty") }
    let fields = try claimFields(command)
    if fields.source == nil, fields.provenanceFields.contains(where: { $0 != nil }) {
      throw .usage("'--comment', '--quote', '--speaker' and '--time' need '--source'", command.spec)
    }
    let claim = Claim(
      id: command.positionals[0], kind: command.has("--argument") ? .argument : .statement,
      text: text, position: command.value("--position"), group: fields.group,
      tags: command.all("--tag"),
      provenance: fields.source.map {
        Provenance(
          source: $0, comment: fields.comment, quote: fields.quote, speaker: fields.speaker,
          time: fields.time)
      }, base: fields.base, title: fields.title)
    try context.write { try $0.addClaim(claim) }
    context.reportWrite("added claim '\(claim.id)' to position '\(claim.position ?? "")'", command)
  }

  /// The fields `add claim` and `edit claim` share, beyond text, position and tags.
  static let claimFieldOptions: [CommandSpec.Option] = [
    .init(name: "--title", valueName: "title", help: "Its Argdown title, as [Title] shows it."),
    .init(name: "--group", valueName: "id", help: "The group of its position it sits in."),
    .init(name: "--source", valueName: "id", help: "The source it comes from."),
    .init(name: "--comment", valueName: "id", help: "The comment within the source, e.g. C3."),
    .init(name: "--quote", valueName: "text", help: "A short verbatim quote that locates it."),
    .init(name: "--speaker", valueName: "name", help: "Who said it, as the source names them."),
    .init(name: "--time", valueName: "time", help: "When it was said, as the source gives it."),
    .init(name: "--base", valueName: "score", help: "Its base score in [0, 1] for 'strength'."),
  ]

  /// The values of `claimFieldOptions`, checked. A quote typed or pasted on several lines is
  /// kept as one, as a claim's text is.
  static func claimFields(_ command: ParsedCommand) throws(CLIError) -> ClaimEdit {
    var fields = ClaimEdit()
    fields.title = command.value("--title").map(Claim.normalizedText)
    fields.group = command.value("--group")
    fields.source = command.value("--source")
    fields.comment = command.value("--comment")
    fields.quote = command.value("--quote").map(Claim.normalizedText)
    fields.speaker = command.value("--speaker")
    fields.time = command.value("--time")
    if let text = command.value("--base") {
      guard let base = Double(text), base.isFinite, (0...1).contains(base) else {
        throw .badInput("'--base' takes a score between 0 and 1, not '\(text)'")
      }
      fields.base = base
    }
    return fields
  }

  static let addPosition = CommandSpec(
    path: ["add", "position"],
    abstract: "Add a position: a group of claims defended together.",
    arguments: [.init(name: "id", help: "A new id: letters, digits, '-', '_' and '.'.")],
    options: [
      .init(
        name: "--title", valueName: "title", help: "Its title, as a heading.", isRequired: true),
      .init(name: "--summary", valueName: "text", help: "A sentence that sums it up."),
      CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let position = Position(
      id: command.positionals[0], title: command.value("--title") ?? "",
      summary: command.value("--summary"))
    try context.write { try $0.addPosition(position) }
    context.reportWrite("added position '\(position.id)'", command)
  }
}

extension ClaimEdit {
  /// The provenance fields besides the source, which mean nothing without one.
  var provenanceFields: [String?] { [comment, quote, speaker, time] }
}
