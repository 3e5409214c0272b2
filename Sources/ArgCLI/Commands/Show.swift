import Argmap

extension Commands {
  static let show = CommandSpec(
    path: ["show"],
    abstract:
      "Show a claim: its text, position, provenance, and every claim it is linked to, each way.",
    arguments: [.init(name: "id", help: "The claim's id.")],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let store = try context.store()
    let detail = try attempt { try store.detail(ofClaim: command.positionals[0]) }
    let (standing, proof) = try attempt {
      try Evaluation.standing(ofClaim: detail.claim.id, in: store)
    }
    let finding = try attempt { try store.finding(forQuoteOf: detail.claim) }
    let reason = reasonLine(proof)
    context.emit(
      command, json: json(detail, standing, finding, reason),
      text: { text(detail, standing, finding, reason) })
  }

  /// One list of neighbours in `show`: the claims linked to this one by `kind` in one
  /// direction, or in both for a symmetric kind, where direction means nothing.
  private struct Section {
    var title: String
    var key: String
    var kind: RelationKind
    var incoming: Bool
    var outgoing: Bool
    var marker: String

    func links(_ detail: ClaimDetail) -> [Link] {
      ((incoming ? detail.incoming : []) + (outgoing ? detail.outgoing : [])).filter {
        $0.kind == kind
      }
    }
  }

  private static let sections: [Section] = [
    Section(
      title: "supported by", key: "supportedBy", kind: .supports, incoming: true, outgoing: false,
      marker: "+  "),
    Section(
      title: "rebutted by", key: "rebuttedBy", kind: .rebuts, incoming: true, outgoing: false,
      marker: "-  "),
    Section(
      title: "undercut by", key: "undercutBy", kind: .undercuts, incoming: true, outgoing: false,
      marker: "_  "),
    Section(
      title: "contradicts", key: "contradicts", kind: .contradicts, incoming: true, outgoing: true,
      marker: ">< "),
    Section(
      title: "rephrases", key: "rephrases", kind: .rephrases, incoming: true, outgoing: true,
      marker: "=  "),
    Section(
      title: "supports", key: "supports", kind: .supports, incoming: false, outgoing: true,
      marker: "+> "),
    Section(
      title: "rebuts", key: "rebuts", kind: .rebuts, incoming: false, outgoing: true,
      marker: "-> "),
    Section(
      title: "undercuts", key: "undercuts", kind: .undercuts, incoming: false, outgoing: true,
      marker: "_> "),
    Section(
      title: "preferred to", key: "preferredTo", kind: .prefers, incoming: false, outgoing: true,
      marker: ">  "),
    Section(
      title: "less preferred than", key: "lessPreferredThan", kind: .prefers, incoming: true,
      outgoing: false, marker: "<  "),
  ]

  private static func json(
    _ detail: ClaimDetail, _ standing: Evaluation.ClaimStanding, _ finding: SourceText.Finding?,
    _ reason: String
  ) -> JSONValue {
    var object = JSONObject([
      ("claim", MapJSON.value(of: detail.claim)),
      ("positionTitle", JSONValue(detail.positionTitle)),
    ])
    if let finding { object.append("quoteInContext", json(finding)) }
    for section in sections {
      object.append(section.key, .array(section.links(detail).map { .string($0.claim.id) }))
    }
    object.append("grounded", .string(standing.grounded.rawValue))
    object.append("reason", .string(reason))
    object.append("strength", .double(standing.strength))
    return .object(object)
  }

  private static func json(_ finding: SourceText.Finding) -> JSONValue {
    let (status, match): (String, SourceText.Match?) =
      switch finding {
      case .found(let match): ("found", match)
      case .outsideComment(let match): ("outside-comment", match)
      case .missing: ("not-found", nil)
      }
    return .object([
      ("status", .string(status)),
      ("firstLine", match.map { .int($0.lines.lowerBound) } ?? .null),
      ("lastLine", match.map { .int($0.lines.upperBound) } ?? .null),
      ("context", match.map { .string($0.context) } ?? .null),
    ])
  }

  /// The quote's sentence in the source, under its `source:line`; or why there is none.
  private static func contextLines(_ finding: SourceText.Finding, source: String) -> [String] {
    let indent = String(repeating: " ", count: 10)
    switch finding {
    case .found(let match), .outsideComment(let match):
      let note = if case .outsideComment = finding { " (outside its comment)" } else { "" }
      let head = "context:  \(location(source, match))\(note)"
      return [head] + TextWrap.wrap(match.context, width: TextLayout.width - 10).map { indent + $0 }
    case .missing:
      return ["context:  not found in \(source); see 'argmap check --quotes'"]
    }
  }

  /// The members besides the canonical text, each with where it stood and its provenance.
  private static func otherWordings(of claim: Claim) -> [String] {
    let canonical = claim.members.lastIndex { $0.text == claim.text }
    let others = claim.members.indices.filter { $0 != canonical }
    guard !others.isEmpty else { return [] }
    var lines = ["", "other wordings:"]
    for index in others {
      let member = claim.members[index]
      let place = [member.position, member.group].compactMap { $0 }.joined(separator: " / ")
      let comment = member.provenance?.comment.map { ", comment \($0)" } ?? ""
      let source = member.provenance.map { " (\($0.source)\(comment))" } ?? ""
      lines += TextLayout.paragraph("“\(member.text)”", indent: "  ")
      if !place.isEmpty || !source.isEmpty { lines.append("    in \(place)\(source)") }
    }
    return lines
  }

  private static func text(
    _ detail: ClaimDetail, _ standing: Evaluation.ClaimStanding, _ finding: SourceText.Finding?,
    _ reason: String
  ) -> [String] {
    let claim = detail.claim
    var lines = ["\(claim.id) (\(claim.kind.rawValue))"]
    if let title = claim.title { lines.append("title:    \(title)") }
    if let position = claim.position {
      lines.append("position: \(detail.positionTitle ?? position) (\(position))")
    }
    if let group = claim.group { lines.append("group:    \(group)") }
    if let provenance = claim.provenance {
      let comment = provenance.comment.map { ", comment \($0)" } ?? ""
      lines.append("source:   \(provenance.source)\(comment)")
      let said = [provenance.speaker, provenance.time].compactMap { $0 }
      if !said.isEmpty { lines.append("said:     " + said.joined(separator: ", ")) }
      if let quote = provenance.quote {
        let wrapped = TextWrap.wrap("“\(quote)”", width: TextLayout.width - 10)
        lines.append("quote:    " + (wrapped.first ?? ""))
        lines += wrapped.dropFirst().map { String(repeating: " ", count: 10) + $0 }
      }
      if let finding { lines += contextLines(finding, source: provenance.source) }
    }
    if !claim.tags.isEmpty {
      lines.append("tags:     " + claim.tags.map { "#" + $0 }.joined(separator: " "))
    }
    let wrapped = TextWrap.wrap(reason, width: TextLayout.width - 10)
    lines.append("standing: " + (wrapped.first ?? ""))
    lines += wrapped.dropFirst().map { String(repeating: " ", count: 10) + $0 }
    lines.append("strength: " + Evaluation.formatted(standing.strength))
    lines.append("")
    lines += TextLayout.paragraph(claim.displayText)
    lines += otherWordings(of: claim)
    let neighbours = detail.incoming.map(\.claim) + detail.outgoing.map(\.claim)
    let idWidth = TextLayout.idWidth(neighbours)
    for section in sections {
      let links = section.links(detail)
      guard !links.isEmpty else { continue }
      lines.append("")
      lines.append("\(section.title):")
      lines += links.map {
        TextLayout.claimLine($0.claim, idWidth: idWidth, marker: section.marker)
      }
    }
    return lines
  }
}
