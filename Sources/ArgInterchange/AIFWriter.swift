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
/// The document is streamed node by node, so a map of a million claims is never held as one
/// JSON value.
public enum AIFWriter {
  public static func write(
    _ map: ArgumentMap, pretty: Bool = false, to target: inout some TextOutputStream
  ) {
    let plan = AIFPlan(map)
    let locutions = plan.locutionClaims.indices
    let nodes = [
      AnyCollection(map.claims.lazy.map(plan.node(for:))),
      AnyCollection(map.relations.indices.lazy.flatMap(plan.schemeNodes(for:))),
      AnyCollection(locutions.lazy.flatMap(plan.locutionNodes)),
    ].joined()
    let edges = [
      AnyCollection(map.relations.indices.lazy.flatMap(plan.edges(for:))),
      AnyCollection(locutions.lazy.flatMap(plan.locutionEdges)),
    ].joined()
    JSONWriter.writeContainer(
      ["nodes", "edges", "locutions", "participants", AIFArgmapKeys.marker], open: "{",
      close: "}", pretty: pretty, depth: 0, to: &target
    ) { key, target in
      JSONWriter.writeKey(key, pretty: pretty, to: &target)
      switch key {
      case "nodes": writeRecords(nodes, pretty: pretty, to: &target)
      case "edges": writeRecords(edges, pretty: pretty, to: &target)
      case "locutions":
        writeRecords(locutions.compactMap(plan.locutionRecord), pretty: pretty, to: &target)
      case "participants": writeRecords(plan.participantRecords, pretty: pretty, to: &target)
      default:
        JSONWriter.write(AIFArgmapKeys.metadata(of: map), pretty: pretty, depth: 1, to: &target)
      }
    }
  }

  private static func writeRecords<Target: TextOutputStream>(
    _ records: some Collection<JSONValue>, pretty: Bool, to target: inout Target
  ) {
    JSONWriter.writeContainer(records, open: "[", close: "]", pretty: pretty, depth: 1, to: &target)
    { record, target in
      JSONWriter.write(record, pretty: pretty, depth: 2, to: &target)
    }
  }

  /// The map as AIF JSON text; see ``write(_:pretty:to:)``.
  public static func render(_ map: ArgumentMap, pretty: Bool = false) -> String {
    var text = ""
    write(map, pretty: pretty, to: &text)
    return text
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
