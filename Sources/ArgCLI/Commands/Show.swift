import Argmap

extension Commands {
  static let show = CommandSpec(
    path: ["show"],
    abstract: "Show a claim: its text, position, provenance, and what it supports and rebuts.",
    arguments: [.init(name: "id", help: "The claim's id.")],
    options: [CommandSpec.json]
  ) { command, context throws(CLIError) in
    let detail = try attempt { try context.store().detail(ofClaim: command.positionals[0]) }
    let standing = try standing(of: detail.claim.id, context)
    context.emit(
      command, json: json(detail, standing), text: { text(detail, standing) })
  }

  /// The claim's grounded standing (derived support) and DF-QuAD strength.
  private struct ClaimStanding {
    var grounded: Evaluation.Standing
    var strength: Double
  }

  private static func standing(of id: String, _ context: Context) throws(CLIError)
    -> ClaimStanding
  {
    let map = try attempt { try context.store().map() }
    let result = try attempt {
      try Evaluation.evaluate(map, semantics: .grounded, support: .derived)
    }
    // The claim was just read from this map, so it is among the evaluated ones.
    let grounded = result.claimIDs.firstIndex(of: id).map { result.standings[$0] } ?? .undecided
    let strength = Evaluation.strengths(map).strengths.first { $0.id == id }?.strength
    return ClaimStanding(grounded: grounded, strength: strength ?? Claim.defaultBase)
  }

  private static func json(_ detail: ClaimDetail, _ standing: ClaimStanding) -> JSONValue {
    let ids = { (links: [Link], kind: RelationKind) in
      JSONValue.array(links.filter { $0.kind == kind }.map { .string($0.claim.id) })
    }
    return .object([
      ("claim", MapJSON.value(of: detail.claim)),
      ("positionTitle", JSONValue(detail.positionTitle)),
      ("supportedBy", ids(detail.incoming, .supports)),
      ("rebuttedBy", ids(detail.incoming, .rebuts)),
      ("supports", ids(detail.outgoing, .supports)),
      ("rebuts", ids(detail.outgoing, .rebuts)),
      ("grounded", .string(standing.grounded.rawValue)),
      ("strength", .double(standing.strength)),
    ])
  }

  private static func text(_ detail: ClaimDetail, _ standing: ClaimStanding) -> [String] {
    let claim = detail.claim
    var lines = ["\(claim.id) (\(claim.kind.rawValue))"]
    if let position = claim.position {
      lines.append("position: \(detail.positionTitle ?? position) (\(position))")
    }
    if let provenance = claim.provenance {
      let comment = provenance.comment.map { ", comment \($0)" } ?? ""
      lines.append("source:   \(provenance.source)\(comment)")
      if let quote = provenance.quote {
        let wrapped = TextWrap.wrap("“\(quote)”", width: TextLayout.width - 10)
        lines.append("quote:    " + (wrapped.first ?? ""))
        lines += wrapped.dropFirst().map { String(repeating: " ", count: 10) + $0 }
      }
    }
    if !claim.tags.isEmpty {
      lines.append("tags:     " + claim.tags.map { "#" + $0 }.joined(separator: " "))
    }
    lines.append(
      "standing: \(standing.grounded.rawValue) (grounded), strength "
        + Evaluation.formatted(standing.strength))
    lines.append("")
    lines += TextLayout.paragraph(claim.text)
    let neighbours = detail.incoming.map(\.claim) + detail.outgoing.map(\.claim)
    let idWidth = TextLayout.idWidth(neighbours)
    let sections: [(String, [Link], RelationKind, String)] = [
      ("supported by", detail.incoming, .supports, "+  "),
      ("rebutted by", detail.incoming, .rebuts, "-  "),
      ("supports", detail.outgoing, .supports, "+> "),
      ("rebuts", detail.outgoing, .rebuts, "-> "),
    ]
    for (title, links, kind, marker) in sections {
      let matching = links.filter { $0.kind == kind }
      guard !matching.isEmpty else { continue }
      lines.append("")
      lines.append("\(title):")
      lines += matching.map { TextLayout.claimLine($0.claim, idWidth: idWidth, marker: marker) }
    }
    return lines
  }
}
