import ArgModel

/// One way of colouring the page's claims, as its status toggle offers them: a standing per
/// claim (grounded or preferred semantics) or a strength, each with a one-line reason.
public struct HTMLStatusView: Hashable, Sendable {
  /// What the toggle calls it: `grounded`, `preferred`, `strength`.
  public var id: String
  /// Heads the colour legend, e.g. "grounded semantics".
  public var title: String
  public var claims: [String: ClaimStatus]

  public struct ClaimStatus: Hashable, Sendable {
    /// `accepted`, `credulous`, `rejected` or `undecided`; nil for a strength.
    public var standing: String?
    public var strength: Double?
    /// How the panel shows the value, e.g. "accepted" or "0.62".
    public var note: String
    public var reason: String

    public init(standing: String?, strength: Double?, note: String, reason: String) {
      self.standing = standing
      self.strength = strength
      self.note = note
      self.reason = reason
    }
  }

  public init(id: String, title: String, claims: [String: ClaimStatus]) {
    self.id = id
    self.title = title
    self.claims = claims
  }
}

public struct HTMLOptions: Hashable, Sendable {
  /// The page's title; the map's own title, or "Argument map", when nil or empty.
  public var title: String?
  public var statuses: [HTMLStatusView]
  /// Views the toggle lists but cannot show, each with why (a solver that gave up).
  public var unavailable: [Unavailable]
  /// The view the page opens with; none when nil.
  public var initialStatus: String?

  public struct Unavailable: Hashable, Sendable {
    public var id: String
    public var reason: String

    public init(id: String, reason: String) {
      self.id = id
      self.reason = reason
    }
  }

  public init(
    title: String? = nil, statuses: [HTMLStatusView] = [], unavailable: [Unavailable] = [],
    initialStatus: String? = nil
  ) {
    self.title = title
    self.statuses = statuses
    self.unavailable = unavailable
    self.initialStatus = initialStatus
  }
}

/// The map as one self-contained HTML page: Graphviz's SVG drawing inline, the map's data as
/// JSON for the page's script, and the script and style sheet of `Web/`, embedded at build time.
///
/// The page is `Web/page.html` with its `{{…}}` slots filled, and each filling is escaped for
/// where it goes: the title as HTML text; the data as JSON in which `<`, `>` and `&` are
/// written as `\u003c`, `\u003e` and `\u0026`, so no `</script>` or `<!--` in a claim can end
/// or change the script element; the SVG as Graphviz wrote it (XML, whose text and attributes
/// escape `<` and `&` already), less its prolog and comments. The page fetches nothing.
public enum HTMLPage {
  /// Claims' data as the page's script reads it: the map in `MapJSON`'s form (so a field
  /// added there, such as a claim's title, reaches the page), the status views and the title.
  public static func data(_ map: ArgumentMap, options: HTMLOptions) -> JSONValue {
    .object([
      ("title", .string(title(map, options))),
      ("map", MapJSON.value(of: map)),
      ("statuses", .array(options.statuses.map(value(of:)))),
      (
        "unavailable",
        .array(
          options.unavailable.map {
            .object([("id", .string($0.id)), ("reason", .string($0.reason))])
          }
        )
      ),
      ("initialStatus", JSONValue(options.initialStatus)),
    ])
  }

  /// Writes the page. `svg` is `dot -Tsvg`'s output for the map's DOT.
  public static func write(
    _ map: ArgumentMap, svg: String, options: HTMLOptions = HTMLOptions(),
    to target: inout some TextOutputStream
  ) {
    var template = Substring(String(decoding: PackageResources.page_html, as: UTF8.self))
    while let open = template.firstRange(of: "{{"),
      let close = template[open.upperBound...].firstRange(of: "}}")
    {
      target.write(String(template[..<open.lowerBound]))
      switch template[open.upperBound..<close.lowerBound] {
      case "title": target.write(HTMLEscaping.text(title(map, options)))
      case "css": target.write(String(decoding: PackageResources.page_css, as: UTF8.self))
      case "js": target.write(String(decoding: PackageResources.page_js, as: UTF8.self))
      case "svg": target.write(inlineSVG(svg))
      case "data":
        var json = ""
        data(map, options: options).write(to: &json)
        target.write(HTMLEscaping.scriptJSON(json))
      default: target.write(String(template[open.lowerBound..<close.upperBound]))
      }
      template = template[close.upperBound...]
    }
    target.write(String(template))
  }

  /// The page as text; see ``write(_:svg:options:to:)``.
  public static func render(
    _ map: ArgumentMap, svg: String, options: HTMLOptions = HTMLOptions()
  ) -> String {
    var page = ""
    write(map, svg: svg, options: options, to: &page)
    return page
  }

  private static func title(_ map: ArgumentMap, _ options: HTMLOptions) -> String {
    [options.title, map.title].compactMap { $0 }.first { !$0.isEmpty } ?? "Argument map"
  }

  private static func value(of view: HTMLStatusView) -> JSONValue {
    var claims = JSONObject()
    for (id, status) in view.claims.sorted(by: { $0.key < $1.key }) {
      var entry = JSONObject()
      if let standing = status.standing { entry.append("standing", .string(standing)) }
      if let strength = status.strength { entry.append("strength", .double(strength)) }
      entry.append("note", .string(status.note))
      entry.append("reason", .string(status.reason))
      claims.append(id, .object(entry))
    }
    let standings = Set(view.claims.values.compactMap(\.standing))
    return .object([
      ("id", .string(view.id)),
      ("title", .string(view.title)),
      ("standings", .array(standingOrder.filter(standings.contains).map(JSONValue.string))),
      ("claims", .object(claims)),
    ])
  }

  /// The legend's order: standing first, falling last.
  private static let standingOrder = ["accepted", "credulous", "undecided", "rejected"]

  /// Graphviz's SVG from its `<svg` element on, without comments: the XML prolog and DOCTYPE
  /// mean nothing inside HTML, and the comments only repeat node names.
  static func inlineSVG(_ svg: String) -> String {
    guard let start = svg.firstRange(of: "<svg") else { return "" }
    var rest = svg[start.lowerBound...]
    var kept = ""
    kept.reserveCapacity(rest.utf8.count)
    // In XML text and attribute values `<` is always escaped, so `<!--` only opens a comment.
    while let open = rest.firstRange(of: "<!--") {
      kept += rest[..<open.lowerBound]
      guard let close = rest[open.upperBound...].firstRange(of: "-->") else { return kept }
      rest = rest[close.upperBound...]
      if rest.first == "\n" { rest = rest.dropFirst() }
    }
    kept += rest
    return kept
  }
}

/// Escaping for the two contexts the page puts data in.
enum HTMLEscaping {
  /// Text between tags: `&`, `<` and `>` become entities (and `"`, so the same text is safe in
  /// a quoted attribute too).
  static func text(_ string: String) -> String {
    var result = ""
    result.reserveCapacity(string.utf8.count)
    for scalar in string.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// JSON text made safe inside `<script>`: `<`, `>` and `&` only occur inside JSON strings,
  /// where `\u003c`, `\u003e` and `\u0026` read back as the same characters.
  static func scriptJSON(_ json: String) -> String {
    guard json.utf8.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 }) else { return json }
    var result = ""
    result.reserveCapacity(json.utf8.count + 64)
    for scalar in json.unicodeScalars {
      switch scalar {
      case "<": result += "\\u003c"
      case ">": result += "\\u003e"
      case "&": result += "\\u0026"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
