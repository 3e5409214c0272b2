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

    var edgeCount: Int { self == .edge ? 1 : 2 * schemeCount }
  }

  init<Rows: MapRows>(_ rows: Rows) throws(Rows.Failure) {
    argumentNodes = try Self.schemeShapedArguments(rows)
  }

  func form(of row: RelationRow) -> Form {
    guard row.joinsClaims else { return .omitted }
    let relation = row.relation
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

  /// A node without words gets its name as text, since AIF tools show a node by its text. What
  /// AIF has no place for goes in argmap's own keys (``AIFArgmapKeys``).
  func node(for claim: Claim) -> JSONValue {
    var node: JSONObject = ["nodeID": .string(claim.id), "text": .string(claim.displayText)]
    if let relation = argumentNodes[claim.id] {
      node.append("type", .string(Self.argumentNodeType(relation.kind) ?? "RA"))
      Self.appendSchemeKeys(relation, to: &node)
    } else {
      node.append("type", "I")
    }
    AIFArgmapKeys.append(claim, to: &node)
    return .object(node)
  }

  /// The relation's scheme nodes, numbered from `first`.
  func schemeNodes(for row: RelationRow, first: Int) -> [JSONValue] {
    let relation = row.relation
    return (0..<form(of: row).schemeCount).map { offset in
      var node: JSONObject = [
        "nodeID": .string(Self.numberedNodeID(first + offset)),
        "text": .string(Self.scheme(of: relation)), "type": .string(Self.nodeType(relation.kind)),
      ]
      Self.appendSchemeKeys(relation, to: &node)
      return .object(node)
    }
  }

  /// The relation's edges, numbered from `firstEdge`, through its scheme nodes numbered from
  /// `firstScheme`.
  func edges(for row: RelationRow, firstScheme: Int, firstEdge: Int) -> [JSONValue] {
    let relation = row.relation
    let ends: [(String, String)]
    switch form(of: row) {
    case .omitted: ends = []
    case .edge: ends = [(relation.from, relation.to)]
    case .scheme:
      let node = Self.numberedNodeID(firstScheme)
      ends = [(relation.from, node), (node, relation.to)]
    case .mutual:
      let (there, back) = (
        Self.numberedNodeID(firstScheme), Self.numberedNodeID(firstScheme + 1)
      )
      ends = [
        (relation.from, there), (there, relation.to), (relation.to, back), (back, relation.from),
      ]
    }
    return Self.edges(ends, first: firstEdge)
  }

  /// The scheme a relation names, and which conflict a CA node is.
  private static func appendSchemeKeys(_ relation: Relation, to node: inout JSONObject) {
    if let scheme = relation.scheme { node.append("scheme", .string(scheme)) }
    if nodeType(relation.kind) == "CA" { node.append("relation", .string(relation.kind.rawValue)) }
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

  /// L → YA → the claim, for the L node numbered `node`, the edges numbered from `firstEdge`.
  static func locutionEdges(claim: String, node: Int, firstEdge: Int) -> [JSONValue] {
    let (locution, illocution) = (numberedNodeID(node), numberedNodeID(node + 1))
    return edges([(locution, illocution), (illocution, claim)], first: firstEdge)
  }

  /// The `locutions` entry naming the speaker of the L node numbered `node`.
  static func locutionRecord(node: Int, participant: Int) -> JSONValue {
    ["nodeID": .string(numberedNodeID(node)), "personID": .string(String(participant))]
  }

  /// A speaker as the AIF participant numbered `number`, the name whole as the first name.
  static func participantRecord(_ speaker: String, number: Int) -> JSONValue {
    ["participantID": .string(String(number)), "firstname": .string(speaker), "surname": ""]
  }

  private static func edges(_ ends: [(String, String)], first: Int) -> [JSONValue] {
    ends.enumerated().map { offset, ends in
      [
        "edgeID": .string(String(first + offset)), "fromID": .string(ends.0),
        "toID": .string(ends.1),
      ]
    }
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
