import Argmap

extension Commands {
  static let why = CommandSpec(
    path: ["why"],
    abstract: "Explain a claim's standing as a proof you can check by hand.",
    discussion: """
      Grounded: an accepted claim has every attacker defeated by an accepted claim, and so on
      down to claims nothing attacks (a tree; '(shown above)' where a defence repeats). A
      rejected claim has an accepted attacker; why that one stands is shown one level deep
      unless '--depth' asks for more. An undecided claim is kept open by a cycle of attacks.
      Other semantics: the labellings that witness the standing (each labelling for a claim
      accepted or rejected in all of them; one each way for a credulous claim).

      Attacks that supports carry ('--support derived') are named with the chain that makes
      them: 'x +> y, y -> z' means x supports y and y rebuts z, so x attacks z.
      """,
    arguments: [.init(name: "id", help: "The claim's id.")],
    options: [
      semanticsOption, supportOption,
      .init(
        name: "--assume", valueName: "id=in|out", help: "Assume a claim's label (see evaluate).",
        isRepeatable: true),
      .init(
        name: "--depth", valueName: "n",
        help: "How many accepted claims deep to expand defences."),
      timeoutOption, CommandSpec.json,
    ]
  ) { command, context throws(CLIError) in
    let settings = try EvaluationSettings(command)
    let assumptions = try parseAssumptions(command)
    let store = try context.store()
    let proof = try settings.run { budget in
      try Evaluation.proof(
        ofClaim: command.positionals[0], in: store, semantics: settings.semantics,
        support: settings.support, assuming: assumptions, budget: budget)
    }
    let depth = try command.count("--depth")
    context.emit(command, json: json(proof, depth: depth), text: { text(proof, depth: depth) })
  }

  // MARK: One line, for show

  /// The standing with a one-line reason, e.g. `rejected (grounded): defeated by y`.
  static func reasonLine(_ proof: Proof) -> String {
    "\(proof.standing.rawValue) (\(proof.semantics.rawValue)): \(reason(proof))"
  }

  private static func hasNoLabelling(_ proof: Proof) -> Bool {
    if case .witnesses(let all) = proof.certificate { return all.isEmpty }
    return false
  }

  private static func reason(_ proof: Proof) -> String {
    if hasNoLabelling(proof) { return "no \(proof.semantics.rawValue) labelling exists" }
    switch proof.standing {
    case .accepted:
      let attackers = proof.framework.attackers(of: proof.claim)
      guard !attackers.isEmpty else { return "nothing attacks it" }
      return "every attacker is defeated (\(TextLayout.plural(attackers.count, "attacker")))"
    case .rejected:
      guard let defeater = proof.defeater else { return "every labelling accepts an attacker" }
      let attack = proof.attack(defeater, proof.claim)
      let chain = attack.chain.isEmpty ? "" : " (\(chainText(attack, it: proof.claimID)))"
      return "defeated by \(attack.attacker)\(chain)"
    case .credulous:
      return "in in some labellings, not in all"
    case .undecided:
      guard let cycle = proof.openCycle else { return "never in, not always out" }
      return "kept open by the cycle " + cycleText(cycle)
    }
  }

  // MARK: The proof

  private static func text(_ proof: Proof, depth: Int?) -> [String] {
    let standing = hasNoLabelling(proof) ? "no standing" : proof.standing.rawValue
    var lines = [proof.claimID]
    lines += TextLayout.paragraph(
      "\(standing) under \(proof.semantics.rawValue) semantics, \(proof.support.rawValue) "
        + "support: \(reason(proof))", indent: "")
    lines.append("")
    switch proof.certificate {
    case .grounded:
      if proof.standing == .undecided {
        lines += (proof.openCycle ?? []).flatMap { attackLines($0, indent: "  ") }
      } else {
        lines += proof.groundedTree(depth: depth).flatMap(nodeLines)
      }
    case .witnesses(let all):
      for (number, labelling) in all.enumerated() {
        lines.append("labelling \(number + 1) of \(all.count) shown:")
        lines += witnessLines(proof, labelling)
      }
    }
    return lines
  }

  /// One witness labelling, one level deep: the claim's label there and what makes it so.
  private static func witnessLines(_ proof: Proof, _ labelling: [Label]) -> [String] {
    let claim = proof.claim
    var lines = ["  \(labelling[claim]) \(proof.claimID)"]
    let attackers = proof.framework.attackers(of: claim).map { Int($0) }
    switch labelling[claim] {
    case .in:
      for attacker in attackers {
        let defender = proof.framework.attackers(of: attacker).map { Int($0) }.first {
          labelling[$0] == .in
        }
        lines.append("    out " + proof.name(attacker))
        lines += derivationLines(proof.attack(attacker, claim), indent: "        ")
        if let defender {
          lines.append("      in  " + proof.name(defender))
          lines += derivationLines(proof.attack(defender, attacker), indent: "          ")
        }
      }
      if attackers.isEmpty { lines.append("    (nothing attacks it)") }
    case .out:
      if let attacker = attackers.first(where: { labelling[$0] == .in }) {
        lines.append("    in  " + proof.name(attacker))
        lines += derivationLines(proof.attack(attacker, claim), indent: "        ")
      }
    case .undec:
      if let (chain, start) = GroundedCertificate.undecidedCycle(
        in: proof.framework, labels: labelling, from: claim)
      {
        let ids = ([chain[start]] + chain.reversed()).map(proof.name)
        lines.append("    open: " + ids.joined(separator: " -> "))
      }
    }
    return lines
  }

  /// A node: its label and claim, then the chain of a derived attack on the claim above.
  private static func nodeLines(_ node: Proof.Node) -> [String] {
    let indent = String(repeating: "  ", count: node.depth + 1)
    let label = node.label == .in ? "in " : "out"
    let note =
      switch node.note {
      case .defended, .defeated: ""
      case .unattacked: "  (unattacked)"
      case .shownAbove: "  (shown above)"
      case .notExpanded: "  (defence not expanded)"
      }
    return ["\(indent)\(label) \(node.claim)\(note)"]
      + (node.attack.map { derivationLines($0, indent: indent + "    ") } ?? [])
  }

  /// `y -> x`, and for a derived attack the chain that makes it on the lines below.
  private static func attackLines(_ attack: Proof.Attack, indent: String) -> [String] {
    ["\(indent)\(attack.attacker) -> \(attack.target)"]
      + derivationLines(attack, indent: indent + "  ")
  }

  private static func derivationLines(_ attack: Proof.Attack, indent: String) -> [String] {
    guard let kind = attack.derivedKind else { return [] }
    return TextLayout.paragraph(
      "\(kind.rawValue) attack: \(chainText(attack, it: nil))", indent: indent)
  }

  private static func chainText(_ attack: Proof.Attack, it: String?) -> String {
    attack.chain.map { step in
      let to = step.to == it ? "it" : step.to
      return "\(step.from) \(marker(step.kind)) \(to)"
    }.joined(separator: ", ")
  }

  private static func cycleText(_ cycle: [Proof.Attack]) -> String {
    guard let first = cycle.first else { return "" }
    return ([first.attacker] + cycle.map(\.target)).joined(separator: " -> ")
  }

  private static func marker(_ kind: RelationKind) -> String {
    switch kind {
    case .supports: "+>"
    case .rebuts: "->"
    case .undercuts: "_>"
    case .contradicts: "><"
    case .rephrases: "="
    case .prefers: ">"
    }
  }

  // MARK: JSON

  private static func json(_ proof: Proof, depth: Int?) -> JSONValue {
    var object = JSONObject([
      ("id", .string(proof.claimID)), ("semantics", .string(proof.semantics.rawValue)),
      ("support", .string(proof.support.rawValue)),
      ("standing", hasNoLabelling(proof) ? .null : .string(proof.standing.rawValue)),
      ("reason", .string(reason(proof))),
    ])
    switch proof.certificate {
    case .grounded:
      object.append("tree", .array(proof.groundedTree(depth: depth).map(json)))
      object.append("cycle", proof.openCycle.map { .array($0.map(json)) } ?? .null)
    case .witnesses(let all):
      object.append(
        "witnesses",
        .array(
          all.map { labelling in
            .object(
              Label.allCases.map { label in
                (
                  label.description,
                  .array(
                    labelling.indices.filter { labelling[$0] == label }.map {
                      .string(proof.name($0))
                    })
                )
              })
          }))
    }
    return .object(object)
  }

  private static func json(_ node: Proof.Node) -> JSONValue {
    .object([
      ("depth", .int(node.depth)), ("claim", .string(node.claim)),
      ("label", .string(node.label.description)),
      ("attack", node.attack.map(json) ?? .null), ("note", .string(node.note.rawValue)),
    ])
  }

  private static func json(_ attack: Proof.Attack) -> JSONValue {
    .object([
      ("attacker", .string(attack.attacker)), ("target", .string(attack.target)),
      ("derived", attack.derivedKind.map { .string($0.rawValue) } ?? .null),
      ("chain", .array(attack.chain.map(MapJSON.value(of:)))),
    ])
  }
}
