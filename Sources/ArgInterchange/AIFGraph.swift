/// The node types of the Argument Interchange Format that argmap reads.
public enum AIFNodeType: String, CaseIterable, Sendable {
  /// Information: a proposition, which becomes a claim.
  case information = "I"
  /// Rule application: premises support a conclusion.
  case inference = "RA"
  /// Conflict application: one node attacks another.
  case conflict = "CA"
  /// Rephrase (mutual agreement in older AIF): one proposition restates another.
  case rephrase = "MA"
  /// Preference application: one node is preferred over another.
  case preference = "PA"
  /// Locution: what a speaker said, e.g. `Bob : we should go`.
  case locution = "L"
  /// Illocutionary connection: anchors a proposition or inference in what was said.
  case illocution = "YA"
  /// Transition between locutions in a dialogue.
  case transition = "TA"

  /// The scheme nodes, which become relations between claims.
  var isScheme: Bool {
    self == .inference || self == .conflict || self == .rephrase || self == .preference
  }
}

/// One AIF file's nodes and edges as read, before they are turned into claims and relations.
struct AIFGraph {
  struct Node {
    var id: String
    var type: AIFNodeType
    var text: String
    var timestamp: String?
    /// The `scheme` member some AIFdb versions add to scheme nodes.
    var scheme: String?
    /// The claim's title, in a key argmap's AIF export adds.
    var title: String?
    /// The node's object as read, for the other keys argmap's export adds.
    var record: JSONNode

    /// Where the node's object starts in the file, for messages.
    var offset: Int { record.offset }
  }

  struct Edge {
    var from: String
    var to: String
    var offset: Int
  }

  /// A `locutions` entry: who spoke the L-node `node`, and when.
  struct Locution {
    var node: String
    var person: String?
    var start: String?
  }

  /// In file order.
  var nodes: [Node] = []
  var edges: [Edge] = []
  var nodeIndex: [String: Int] = [:]
  var locutions: [String: Locution] = [:]
  /// Participants' names by id, as `firstname surname`.
  var participants: [String: String] = [:]

  private(set) var incoming: [String: [Int]] = [:]
  private(set) var outgoing: [String: [Int]] = [:]

  func node(_ id: String) -> Node? {
    nodeIndex[id].map { nodes[$0] }
  }

  /// The nodes with an edge into `id`, in edge order.
  func predecessors(of id: String) -> [Node] {
    (incoming[id] ?? []).compactMap { node(edges[$0].from) }
  }

  /// The nodes `id` has an edge to, in edge order.
  func successors(of id: String) -> [Node] {
    (outgoing[id] ?? []).compactMap { node(edges[$0].to) }
  }

  mutating func addEdge(_ edge: Edge) {
    incoming[edge.to, default: []].append(edges.count)
    outgoing[edge.from, default: []].append(edges.count)
    edges.append(edge)
  }
}
