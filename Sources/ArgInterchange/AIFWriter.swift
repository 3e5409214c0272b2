import ArgExport
import ArgModel

/// Writes a map as AIF JSON in AIFdb's shape: `{"nodes": […], "edges": […], "locutions": […],
/// "participants": […]}`, and argmap's own `argmap` key (``AIFArgmapKeys``).
///
/// Every claim becomes an I-node whose `nodeID` is the claim's id and whose text is the claim's,
/// and every relation a scheme node between its ends (`from → S → to`): RA for supports, CA for
/// rebuts and undercuts, two CAs (one each way) for contradicts, MA for rephrases, PA for
/// prefers. A scheme node's text is the relation's scheme, or its type's default ("Default
/// Inference", "Default Conflict", "Default Rephrase", "Default Preference"). A claim whose
/// provenance has a quote, a speaker or a time gets a locution: an L node and a YA node
/// anchoring it to the claim. Scheme, L and YA nodes are numbered `#1`, `#2`, … and edges `1`,
/// `2`, … in the map's order, so the same map always gives the same bytes.
///
/// The inverse of ``AIFReader``'s argument claims: an argument claim that is a scheme node in
/// all but name (it supports, rebuts or undercuts exactly one claim and has no other outgoing
/// relation, at least one claim supports it without naming a scheme, and no symmetric relation
/// touches it) is written as that RA or CA node, with the claim's text and the scheme of its
/// outgoing relation, and its supports as plain edges. With argmap's keys, `AIFReader` reads
/// the file back into the same map, ids unchanged. Relations with an end the map has no claim
/// for have nothing to point at in AIF and are left out.
///
/// The document is streamed as `rows` gives it: claims, relations and sayings are read a few
/// times over, once for each part of the document they appear in, and the numbers run on
/// from one pass to the next, so a map of a million claims is never held whole.
public enum AIFWriter {
  public static func write<Rows: MapRows>(
    _ rows: Rows, pretty: Bool = false, to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    let plan = try AIFPlan(rows)
    var document = JSONWriter.Elements(pretty: pretty, depth: 0)
    target.write("{")
    document.next(key: "nodes", to: &target)
    var records = RecordArray(pretty: pretty, opening: &target)
    try rows.forEachClaim(in: nil) { claim in
      records.append(to: &target) { plan.forEachNodeMember(of: claim, $0) }
    }
    var scheme = 1
    try rows.forEachRelation { row in
      for _ in 0..<plan.form(of: row).schemeCount {
        records.append(to: &target) {
          AIFPlan.forEachSchemeNodeMember(of: row.relation, number: scheme, $0)
        }
        scheme += 1
      }
    }
    // The k-th saying has the L node `firstLocution + 2k` and the YA node after it.
    let firstLocution = scheme
    var speakers = Speakers()
    var saying = firstLocution
    try rows.forEachSaying { _, provenance in
      for node in AIFPlan.locutionNodes(provenance, first: saying) {
        records.append(node, to: &target)
      }
      speakers.note(provenance.speaker)
      saying += 2
    }
    records.close(to: &target)

    document.next(key: "edges", to: &target)
    records = RecordArray(pretty: pretty, opening: &target)
    (scheme, saying) = (1, firstLocution)
    var edge = 1
    func writeEdge(from: String, to: String) {
      records.append(to: &target) {
        AIFPlan.forEachEdgeMember(number: edge, from: from, to: to, $0)
      }
      edge += 1
    }
    try rows.forEachRelation { row in
      plan.forEachEdge(for: row, firstScheme: scheme, writeEdge)
      scheme += plan.form(of: row).schemeCount
    }
    try rows.forEachSaying { claim, _ in
      AIFPlan.forEachLocutionEdge(claim: claim, node: saying, writeEdge)
      saying += 2
    }
    records.close(to: &target)

    document.next(key: "locutions", to: &target)
    records = RecordArray(pretty: pretty, opening: &target)
    saying = firstLocution
    try rows.forEachSaying { _, provenance in
      if let participant = provenance.speaker.flatMap(speakers.number) {
        records.append(AIFPlan.locutionRecord(node: saying, participant: participant), to: &target)
      }
      saying += 2
    }
    records.close(to: &target)

    document.next(key: "participants", to: &target)
    records = RecordArray(pretty: pretty, opening: &target)
    for (index, speaker) in speakers.names.enumerated() {
      records.append(AIFPlan.participantRecord(speaker, number: index + 1), to: &target)
    }
    records.close(to: &target)

    document.next(key: AIFArgmapKeys.marker, to: &target)
    try AIFArgmapKeys.writeMetadata(rows, pretty: pretty, to: &target)
    document.close("}", to: &target)
  }

  /// The speakers, in order of first appearance; the participant of the i-th is `i + 1`.
  private struct Speakers {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func note(_ speaker: String?) {
      guard let speaker, numbers[speaker] == nil else { return }
      names.append(speaker)
      numbers[speaker] = names.count
    }

    func number(_ speaker: String) -> Int? { numbers[speaker] }
  }

  /// One of the document's arrays of records, written a record at a time.
  private struct RecordArray {
    private var elements: JSONWriter.Elements
    private let pretty: Bool

    init(pretty: Bool, opening target: inout OutputBuffer) {
      self.pretty = pretty
      elements = JSONWriter.Elements(pretty: pretty, depth: 1)
      target.write("[")
    }

    mutating func append(_ record: JSONValue, to target: inout OutputBuffer) {
      elements.next(to: &target)
      JSONWriter.write(record, pretty: pretty, depth: 2, to: &target)
    }

    /// A record written a member at a time, as `forEach` gives them.
    mutating func append(
      to target: inout OutputBuffer, _ forEach: ((String, JSONValue) -> Void) -> Void
    ) {
      elements.next(to: &target)
      JSONWriter.writeObject(pretty: pretty, depth: 2, to: &target, forEach)
    }

    func close(to target: inout OutputBuffer) {
      elements.close("]", to: &target)
    }
  }

  /// The map as AIF JSON text; see ``write(_:pretty:to:)``.
  public static func render(_ map: ArgumentMap, pretty: Bool = false) -> String {
    var output = OutputBuffer()
    write(map, pretty: pretty, to: &output)
    return output.text
  }

  /// The text of a scheme node whose relation names no scheme.
  public static func defaultScheme(for kind: RelationKind) -> String {
    switch kind {
    case .supports: "Default Inference"
    case .rebuts, .undercuts, .contradicts: "Default Conflict"
    case .rephrases: "Default Rephrase"
    case .prefers: "Default Preference"
    }
  }
}
