import ArgExport
import ArgModel

/// What ``AIFWriter`` makes of each claim and relation, decided before anything is written so
/// that nodes and edges can be streamed with stable numbers.
struct AIFPlan {
  private let claims: [Claim]
  private let relations: [Relation]
  /// The argument claims written as RA or CA nodes, with the index of their one outgoing
  /// relation.
  private let argumentNodes: [String: Int]
  /// Per relation: how it is written, and the number of its first scheme node and first edge.
  private let forms: [Form]
  private let firstScheme: [Int]
  private let firstEdge: [Int]
  /// The claims whose provenance is written as a locution, in map order; the k-th has the L node
  /// `firstLocutionNode + 2k` and the YA node after it, and the edges numbered likewise.
  let locutionClaims: [Int]
  private let firstLocutionNode: Int
  private let firstLocutionEdge: Int
  /// The speakers, in order of first appearance; the participant of the i-th is `i + 1`.
  private let speakers: [String]
  private let participantIDs: [String: Int]

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
    claims = map.claims
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
    (firstScheme, firstLocutionNode) = Self.runningTotal(forms.map(\.schemeCount))
    (firstEdge, firstLocutionEdge) = Self.runningTotal(forms.map(\.edgeCount))
    locutionClaims = map.claims.indices.filter { AIFArgmapKeys.hasLocution(map.claims[$0]) }
    var speakers: [String] = []
    var participantIDs: [String: Int] = [:]
    for index in locutionClaims {
      guard let speaker = map.claims[index].provenance?.speaker, participantIDs[speaker] == nil
      else { continue }
      speakers.append(speaker)
      participantIDs[speaker] = speakers.count
    }
    self.speakers = speakers
    self.participantIDs = participantIDs
  }

  /// 1 + the sum of the counts before each position, and 1 + the sum of them all.
  private static func runningTotal(_ counts: [Int]) -> (starts: [Int], end: Int) {
    var total = 1
    let starts = counts.map { count in
      defer { total += count }
      return total
    }
    return (starts, total)
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

  /// A node without words gets its name as text, since AIF tools show a node by its text. What
  /// AIF has no place for goes in argmap's own keys (``AIFArgmapKeys``).
  func node(for claim: Claim) -> JSONValue {
    var node: JSONObject = ["nodeID": .string(claim.id), "text": .string(claim.displayText)]
    if let conclusion = argumentNodes[claim.id] {
      let relation = relations[conclusion]
      node.append("type", .string(Self.argumentNodeType(relation.kind) ?? "RA"))
      Self.appendSchemeKeys(relation, to: &node)
    } else {
      node.append("type", "I")
    }
    AIFArgmapKeys.append(claim, to: &node)
    return .object(node)
  }

  func schemeNodes(for index: Int) -> [JSONValue] {
    let relation = relations[index]
    return (0..<forms[index].schemeCount).map { offset in
      var node: JSONObject = [
        "nodeID": .string(numberedNodeID(firstScheme[index] + offset)),
        "text": .string(scheme(of: relation)), "type": .string(Self.nodeType(relation.kind)),
      ]
      Self.appendSchemeKeys(relation, to: &node)
      return .object(node)
    }
  }

  /// The scheme a relation names, and which conflict a CA node is.
  private static func appendSchemeKeys(_ relation: Relation, to node: inout JSONObject) {
    if let scheme = relation.scheme { node.append("scheme", .string(scheme)) }
    if nodeType(relation.kind) == "CA" { node.append("relation", .string(relation.kind.rawValue)) }
  }

  /// The k-th locution claim's L and YA nodes: what was said, by whom, when.
  func locutionNodes(_ k: Int) -> [JSONValue] {
    guard let provenance = claims[locutionClaims[k]].provenance else { return [] }
    var locution: JSONObject = [
      "nodeID": .string(numberedNodeID(firstLocutionNode + 2 * k)),
      "text": .string(AIFArgmapKeys.locutionText(provenance)), "type": "L",
    ]
    if let time = provenance.time { locution.append("timestamp", .string(time)) }
    return [
      .object(locution),
      [
        "nodeID": .string(numberedNodeID(firstLocutionNode + 2 * k + 1)), "text": "Asserting",
        "type": "YA",
      ],
    ]
  }

  /// L → YA → the claim.
  func locutionEdges(_ k: Int) -> [JSONValue] {
    let (locution, illocution) = (
      numberedNodeID(firstLocutionNode + 2 * k), numberedNodeID(firstLocutionNode + 2 * k + 1)
    )
    return [(locution, illocution), (illocution, claims[locutionClaims[k]].id)].enumerated().map {
      offset, ends in
      [
        "edgeID": .string(String(firstLocutionEdge + 2 * k + offset)), "fromID": .string(ends.0),
        "toID": .string(ends.1),
      ]
    }
  }

  /// The `locutions` entry naming the k-th locution's speaker, if it has one.
  func locutionRecord(_ k: Int) -> JSONValue? {
    guard let speaker = claims[locutionClaims[k]].provenance?.speaker,
      let participant = participantIDs[speaker]
    else { return nil }
    return [
      "nodeID": .string(numberedNodeID(firstLocutionNode + 2 * k)),
      "personID": .string(String(participant)),
    ]
  }

  /// The speakers as AIF participants, each name whole as the first name.
  var participantRecords: [JSONValue] {
    speakers.enumerated().map { index, speaker in
      ["participantID": .string(String(index + 1)), "firstname": .string(speaker), "surname": ""]
    }
  }

  func edges(for index: Int) -> [JSONValue] {
    let relation = relations[index]
    let ends: [(String, String)]
    switch forms[index] {
    case .omitted: ends = []
    case .edge: ends = [(relation.from, relation.to)]
    case .scheme:
      let node = numberedNodeID(firstScheme[index])
      ends = [(relation.from, node), (node, relation.to)]
    case .mutual:
      let (there, back) = (
        numberedNodeID(firstScheme[index]), numberedNodeID(firstScheme[index] + 1)
      )
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

  /// Scheme, L and YA nodes: `#` cannot occur in a claim id, so they never take a claim's id.
  private func numberedNodeID(_ number: Int) -> String { "#\(number)" }

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
