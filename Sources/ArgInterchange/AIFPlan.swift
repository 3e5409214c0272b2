import ArgExport
import ArgModel

/// What ``AIFWriter`` makes of each claim, relation and saying. The writer reads the rows a few
/// times over, in the order it writes them, and numbers the scheme, L and YA nodes and the
/// edges with running counts, so the plan holds only the arguments it writes as scheme nodes.
struct AIFPlan {
  /// The argument claims written as RA or CA nodes, with their one outgoing relation.
  private let argumentNodes: [String: Relation]

  enum Form {
    /// An end is not a claim of the map.
    case omitted
    /// An edge of an argument written as a scheme node: a premise into it, or it into its end.
    case edge
    /// One scheme node between the ends.
    case scheme
    /// Two scheme nodes, one each way (contradicts).
    case mutual

    var schemeCount: Int {
      switch self {
      case .omitted, .edge: 0
      case .scheme: 1
      case .mutual: 2
      }
    }
  }

  init<Rows: MapRows>(_ rows: Rows) throws(Rows.Failure) {
    argumentNodes = try Self.schemeShapedArguments(rows)
  }

  func form(of row: RelationRow) -> Form {
    guard row.joinsClaims else { return .omitted }
    let relation = row.relation
    // Most maps have no such argument: no lookup for every relation then.
    if argumentNodes.isEmpty { return relation.kind == .contradicts ? .mutual : .scheme }
    // A scheme-shaped argument has one outgoing relation, so any relation from it is that one.
    if argumentNodes[relation.from] != nil
      || (relation.kind == .supports && argumentNodes[relation.to] != nil)
    {
      return .edge
    }
    return relation.kind == .contradicts ? .mutual : .scheme
  }

  /// Argument claims that support, rebut or undercut exactly one other claim and nothing else,
  /// are supported by at least one claim without a scheme, and take part in no symmetric
  /// relation: what ``AIFReader`` makes of a linked or attacked RA or CA node.
  private static func schemeShapedArguments<Rows: MapRows>(_ rows: Rows) throws(Rows.Failure)
    -> [String: Relation]
  {
    var conclusion: [String: Relation] = [:]
    var disqualified: Set<String> = []
    var hasPremise: Set<String> = []
    try rows.forEachArgumentRelation { row in
      let relation = row.relation
      if row.fromIsArgument {
        if Self.argumentNodeType(relation.kind) != nil, relation.to != relation.from,
          conclusion[relation.from] == nil
        {
          conclusion[relation.from] = relation
        } else {
          disqualified.insert(relation.from)
        }
      }
      if row.toIsArgument {
        if relation.kind.isSymmetric || (relation.kind == .supports && relation.scheme != nil) {
          disqualified.insert(relation.to)
        } else if relation.kind == .supports {
          hasPremise.insert(relation.to)
        }
      }
    }
    return conclusion.filter { hasPremise.contains($0.key) && !disqualified.contains($0.key) }
  }

  /// The members of the claim's node. A node without words gets its name as text, since AIF
  /// tools show a node by its text. What AIF has no place for goes in argmap's own keys
  /// (``AIFArgmapKeys``).
  func forEachNodeMember(of claim: Claim, _ member: (String, JSONValue) -> Void) {
    member("nodeID", .string(claim.id))
    member("text", .string(claim.displayText))
    if let relation = argumentNodes.isEmpty ? nil : argumentNodes[claim.id] {
      member("type", .string(Self.argumentNodeType(relation.kind) ?? "RA"))
      Self.forEachSchemeKey(of: relation, member)
    } else {
      member("type", "I")
    }
    AIFArgmapKeys.forEachMember(of: claim, member)
  }

  /// The members of the relation's scheme node numbered `number`.
  static func forEachSchemeNodeMember(
    of relation: Relation, number: Int, _ member: (String, JSONValue) -> Void
  ) {
    member("nodeID", .string(numberedNodeID(number)))
    member("text", .string(scheme(of: relation)))
    member("type", .string(nodeType(relation.kind)))
    forEachSchemeKey(of: relation, member)
  }

  /// The ends of the relation's edges, in order, through its scheme nodes numbered from
  /// `firstScheme`: one for an edge form, two per scheme node otherwise.
  func forEachEdge(
    for row: RelationRow, firstScheme: Int, _ edge: (_ from: String, _ to: String) -> Void
  ) {
    let relation = row.relation
    switch form(of: row) {
    case .omitted: break
    case .edge: edge(relation.from, relation.to)
    case .scheme:
      let node = Self.numberedNodeID(firstScheme)
      edge(relation.from, node)
      edge(node, relation.to)
    case .mutual:
      let (there, back) = (Self.numberedNodeID(firstScheme), Self.numberedNodeID(firstScheme + 1))
      edge(relation.from, there)
      edge(there, relation.to)
      edge(relation.to, back)
      edge(back, relation.from)
    }
  }

  /// The scheme a relation names, and which conflict a CA node is.
  private static func forEachSchemeKey(
    of relation: Relation, _ member: (String, JSONValue) -> Void
  ) {
    if let scheme = relation.scheme { member("scheme", .string(scheme)) }
    if nodeType(relation.kind) == "CA" { member("relation", .string(relation.kind.rawValue)) }
  }

  /// A saying's L node, numbered `first`, and the YA node after it: what was said, by whom,
  /// when.
  static func locutionNodes(_ provenance: Provenance, first: Int) -> [JSONValue] {
    var locution: JSONObject = [
      "nodeID": .string(numberedNodeID(first)),
      "text": .string(AIFArgmapKeys.locutionText(provenance)), "type": "L",
    ]
    if let time = provenance.time { locution.append("timestamp", .string(time)) }
    return [
      .object(locution),
      ["nodeID": .string(numberedNodeID(first + 1)), "text": "Asserting", "type": "YA"],
    ]
  }

  /// The ends of L → YA → the claim, for the L node numbered `node`: two edges.
  static func forEachLocutionEdge(
    claim: String, node: Int, _ edge: (_ from: String, _ to: String) -> Void
  ) {
    let (locution, illocution) = (numberedNodeID(node), numberedNodeID(node + 1))
    edge(locution, illocution)
    edge(illocution, claim)
  }

  /// The `locutions` entry naming the speaker of the L node numbered `node`.
  static func locutionRecord(node: Int, participant: Int) -> JSONValue {
    ["nodeID": .string(numberedNodeID(node)), "personID": .string(String(participant))]
  }

  /// A speaker as the AIF participant numbered `number`, the name whole as the first name.
  static func participantRecord(_ speaker: String, number: Int) -> JSONValue {
    ["participantID": .string(String(number)), "firstname": .string(speaker), "surname": ""]
  }

  /// The members of the edge numbered `number` from `from` to `to`, as AIFdb writes them.
  static func forEachEdgeMember(
    number: Int, from: String, to: String, _ member: (String, JSONValue) -> Void
  ) {
    member("edgeID", .string(String(number)))
    member("fromID", .string(from))
    member("toID", .string(to))
  }

  /// Scheme, L and YA nodes: `#` cannot occur in a claim id, so they never take a claim's id.
  private static func numberedNodeID(_ number: Int) -> String { "#\(number)" }

  private static func scheme(of relation: Relation) -> String {
    relation.scheme ?? AIFWriter.defaultScheme(for: relation.kind)
  }

  /// The scheme node an argument claim whose one outgoing relation is of `kind` can be written
  /// as; nil for kinds whose node could not be told apart from its ends when read back.
  private static func argumentNodeType(_ kind: RelationKind) -> String? {
    switch kind {
    case .supports, .rebuts, .undercuts: nodeType(kind)
    case .contradicts, .rephrases, .prefers: nil
    }
  }

  private static func nodeType(_ kind: RelationKind) -> String {
    switch kind {
    case .supports: "RA"
    case .rebuts, .undercuts, .contradicts: "CA"
    case .rephrases: "MA"
    case .prefers: "PA"
    }
  }
}
