import ArgExport
import ArgModel

/// What ``AIFWriter`` makes of each claim and relation, decided before anything is written so
/// that nodes and edges can be streamed with stable numbers.
struct AIFPlan {
  private let relations: [Relation]
  /// The argument claims written as RA or CA nodes, with the index of their one outgoing
  /// relation.
  private let argumentNodes: [String: Int]
  /// Per relation: how it is written, and the number of its first scheme node and first edge.
  private let forms: [Form]
  private let firstScheme: [Int]
  private let firstEdge: [Int]

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

  init(_ map: ArgumentMap) {
    relations = map.relations
    let claims = Set(map.claims.map(\.id))
    argumentNodes = Self.schemeShapedArguments(map, claims: claims)
    forms = map.relations.enumerated().map { [argumentNodes] index, relation in
      guard claims.contains(relation.from), claims.contains(relation.to) else { return .omitted }
      if argumentNodes[relation.from] == index
        || (relation.kind == .supports && argumentNodes[relation.to] != nil)
      {
        return .edge
      }
      return relation.kind == .contradicts ? .mutual : .scheme
    }
    firstScheme = Self.runningTotal(forms.map(\.schemeCount))
    firstEdge = Self.runningTotal(forms.map(\.edgeCount))
  }

  /// 1 + the sum of the counts before each position.
  private static func runningTotal(_ counts: [Int]) -> [Int] {
    var total = 1
    return counts.map { count in
      defer { total += count }
      return total
    }
  }

  /// Argument claims that support, rebut or undercut exactly one other claim and nothing else,
  /// are supported by at least one claim without a scheme, and take part in no symmetric
  /// relation: what ``AIFReader`` makes of a linked or attacked RA or CA node.
  private static func schemeShapedArguments(_ map: ArgumentMap, claims: Set<String>) -> [String:
    Int]
  {
    let arguments = Set(map.claims.filter { $0.kind == .argument }.map(\.id))
    var conclusion: [String: Int] = [:]
    var disqualified: Set<String> = []
    var hasPremise: Set<String> = []
    for (index, relation) in map.relations.enumerated()
    where claims.contains(relation.from) && claims.contains(relation.to) {
      if arguments.contains(relation.from) {
        if Self.argumentNodeType(relation.kind) != nil, relation.to != relation.from,
          conclusion[relation.from] == nil
        {
          conclusion[relation.from] = index
        } else {
          disqualified.insert(relation.from)
        }
      }
      if arguments.contains(relation.to) {
        if relation.kind.isSymmetric || (relation.kind == .supports && relation.scheme != nil) {
          disqualified.insert(relation.to)
        } else if relation.kind == .supports {
          hasPremise.insert(relation.to)
        }
      }
    }
    return conclusion.filter { hasPremise.contains($0.key) && !disqualified.contains($0.key) }
  }

  /// A node without words gets its name as text, since AIF tools show a node by its text. A
  /// title and other wordings go in keys of argmap's own, `title` and `members` (their texts),
  /// which arguebuf and OVA pass over.
  func node(for claim: Claim) -> JSONValue {
    var node: JSONObject = ["nodeID": .string(claim.id), "text": .string(claim.displayText)]
    if let conclusion = argumentNodes[claim.id] {
      let relation = relations[conclusion]
      node.append("type", .string(Self.argumentNodeType(relation.kind) ?? "RA"))
      node.append("scheme", .string(scheme(of: relation)))
    } else {
      node.append("type", "I")
    }
    if let title = claim.title { node.append("title", .string(title)) }
    if !claim.members.isEmpty {
      node.append("members", .array(claim.members.map { .string($0.text) }))
    }
    return .object(node)
  }

  func schemeNodes(for index: Int) -> [JSONValue] {
    let relation = relations[index]
    return (0..<forms[index].schemeCount).map { offset in
      [
        "nodeID": .string(schemeNodeID(firstScheme[index] + offset)),
        "text": .string(scheme(of: relation)), "type": .string(Self.nodeType(relation.kind)),
      ]
    }
  }

  func edges(for index: Int) -> [JSONValue] {
    let relation = relations[index]
    let ends: [(String, String)]
    switch forms[index] {
    case .omitted: ends = []
    case .edge: ends = [(relation.from, relation.to)]
    case .scheme:
      let node = schemeNodeID(firstScheme[index])
      ends = [(relation.from, node), (node, relation.to)]
    case .mutual:
      let (there, back) = (schemeNodeID(firstScheme[index]), schemeNodeID(firstScheme[index] + 1))
      ends = [
        (relation.from, there), (there, relation.to), (relation.to, back), (back, relation.from),
      ]
    }
    return ends.enumerated().map { offset, ends in
      [
        "edgeID": .string(String(firstEdge[index] + offset)), "fromID": .string(ends.0),
        "toID": .string(ends.1),
      ]
    }
  }

  /// `#` cannot occur in a claim id, so scheme nodes never take a claim's id.
  private func schemeNodeID(_ number: Int) -> String { "#\(number)" }

  private func scheme(of relation: Relation) -> String {
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
