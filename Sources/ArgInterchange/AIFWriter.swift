import ArgExport
import ArgModel

/// Writes a map as AIF JSON in AIFdb's shape: `{"nodes": […], "edges": […], "locutions": []}`.
///
/// Every claim becomes an I-node whose `nodeID` is the claim's id, and every relation a scheme
/// node between its ends (`from → S → to`): RA for supports, CA for rebuts and undercuts, two CAs
/// (one each way) for contradicts, MA for rephrases, PA for prefers. A scheme node's text is the
/// relation's scheme, or its type's default ("Default Inference", "Default Conflict",
/// "Default Rephrase", "Default Preference"); scheme nodes are numbered `#1`, `#2`, … and
/// edges `1`, `2`, … in the map's order, so the same map always gives the same bytes.
///
/// The inverse of ``AIFReader``'s argument claims: an argument claim that is a scheme node in
/// all but name (it supports, rebuts or undercuts exactly one claim and has no other outgoing
/// relation, at least one claim supports it without naming a scheme, and no symmetric relation
/// touches it) is written as that RA or CA node, with the claim's text and the scheme of its
/// outgoing relation, and its supports as plain edges. So `AIFReader` reads the file back into
/// the same claims and relations, ids prefixed with the source, and a relation without a scheme
/// comes back with its type's default. What AIF cannot tell apart does not come back: any other
/// argument claim is an I-node and returns as a statement (and an undercut of it as a
/// rebuttal), a rebuttal of an argument written as a scheme node returns as an undercut, and a
/// mutual pair of rebuttals with one scheme returns as one contradiction. Relations with an end
/// the map has no claim for have nothing to point at in AIF and are left out; locutions,
/// positions and provenance are not written.
///
/// The document is streamed node by node, so a map of a million claims is never held as one
/// JSON value.
public enum AIFWriter {
  public static func write(
    _ map: ArgumentMap, pretty: Bool = false, to target: inout some TextOutputStream
  ) {
    let plan = AIFPlan(map)
    let nodes = [
      AnyCollection(map.claims.lazy.map(plan.node(for:))),
      AnyCollection(map.relations.indices.lazy.flatMap(plan.schemeNodes(for:))),
    ].joined()
    let edges = map.relations.indices.lazy.flatMap(plan.edges(for:))
    JSONWriter.writeContainer(
      ["nodes", "edges", "locutions"], open: "{", close: "}", pretty: pretty, depth: 0,
      to: &target
    ) { key, target in
      JSONWriter.writeKey(key, pretty: pretty, to: &target)
      switch key {
      case "nodes": writeRecords(nodes, pretty: pretty, to: &target)
      case "edges": writeRecords(edges, pretty: pretty, to: &target)
      default: writeRecords(EmptyCollection(), pretty: pretty, to: &target)
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
