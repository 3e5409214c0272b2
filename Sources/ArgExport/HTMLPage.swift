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
  /// Writes the page for the map `rows` gives, the data a record at a time. The `{{svg}}` slot
  /// is filled by `writeSVG`, which writes `dot -Tsvg`'s output for the map's DOT through an
  /// ``SVGInliner``.
  public static func write<Rows: MapRows, Target: TextOutputStream>(
    _ rows: Rows, options: HTMLOptions = HTMLOptions(), to target: inout Target,
    svg writeSVG: (inout Target) -> Void
  ) throws(Rows.Failure) {
    let title = pageTitle(try rows.outline().title, options)
    var template = Substring(String(decoding: PackageResources.page_html, as: UTF8.self))
    while let open = template.firstRange(of: "{{"),
      let close = template[open.upperBound...].firstRange(of: "}}")
    {
      target.write(String(template[..<open.lowerBound]))
      switch template[open.upperBound..<close.lowerBound] {
      case "title": target.write(HTMLEscaping.text(title))
      case "css": target.write(String(decoding: PackageResources.page_css, as: UTF8.self))
      case "js": target.write(String(decoding: PackageResources.page_js, as: UTF8.self))
      case "svg": writeSVG(&target)
      case "data":
        var data = OutputBuffer()
        try writeData(rows, title: title, options: options, to: &data)
        target.write(HTMLEscaping.scriptJSON(data.text))
      default: target.write(String(template[open.lowerBound..<close.upperBound]))
      }
      template = template[close.upperBound...]
    }
    target.write(String(template))
  }

  /// The page as text, `svg` being `dot -Tsvg`'s output; see ``write(_:options:to:svg:)``.
  public static func render(
    _ map: ArgumentMap, svg: String, options: HTMLOptions = HTMLOptions()
  ) -> String {
    var page = ""
    write(map, options: options, to: &page) { $0.write(inlineSVG(svg)) }
    return page
  }

  /// Claims' data as the page's script reads it: the map in `MapJSON`'s form (so a field
  /// added there, such as a claim's title, reaches the page), the status views and the title.
  private static func writeData<Rows: MapRows>(
    _ rows: Rows, title: String, options: HTMLOptions, to target: inout OutputBuffer
  ) throws(Rows.Failure) {
    var members = JSONWriter.Elements(pretty: false, depth: 0)
    target.write("{")
    members.next(key: "title", to: &target)
    JSONWriter.writeString(title, to: &target)
    members.next(key: "map", to: &target)
    // The data is held whole, then escaped for the script element in one pass: a page is for
    // maps Graphviz can draw anyway.
    try MapJSON.write(rows, to: &target)
    let unavailable = options.unavailable.map {
      JSONValue.object([("id", .string($0.id)), ("reason", .string($0.reason))])
    }
    let rest: [(String, JSONValue)] = [
      ("statuses", .array(options.statuses.map(value(of:)))),
      ("unavailable", .array(unavailable)),
      ("initialStatus", JSONValue(options.initialStatus)),
    ]
    for (key, value) in rest {
      members.next(key: key, to: &target)
      JSONWriter.write(value, pretty: false, depth: 1, to: &target)
    }
    members.close("}", to: &target)
  }

  private static func pageTitle(_ mapTitle: String?, _ options: HTMLOptions) -> String {
    [options.title, mapTitle].compactMap { $0 }.first { !$0.isEmpty } ?? "Argument map"
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

  /// Graphviz's SVG from its `<svg` element on, without comments; see ``SVGInliner``.
  static func inlineSVG(_ svg: String) -> String {
    var kept = ""
    kept.reserveCapacity(svg.utf8.count)
    var inliner = SVGInliner()
    inliner.feed(Substring(svg), to: &kept)
    return kept
  }
}

/// Passes on Graphviz's SVG from its `<svg` element on, without comments: the XML prolog and
/// DOCTYPE mean nothing inside HTML, and the comments only repeat node names. It takes the
/// SVG in pieces (such as lines) that do not split `<svg`, `<!--` or `-->`, so a large drawing
/// need not be held whole.
public struct SVGInliner {
  private var state = State.beforeSVG

  private enum State {
    case beforeSVG, inText, inComment
    /// Just past a comment: a line break here goes with it.
    case afterComment
  }

  public init() {}

  public mutating func feed(_ piece: Substring, to target: inout some TextOutputStream) {
    var rest = piece
    while !rest.isEmpty {
      switch state {
      case .beforeSVG:
        guard let start = rest.firstRange(of: "<svg") else { return }
        rest = rest[start.lowerBound...]
        state = .inText
      case .afterComment:
        if rest.first == "\n" { rest = rest.dropFirst() }
        state = .inText
      case .inText:
        // In XML text and attribute values `<` is always escaped, so `<!--` only opens a comment.
        guard let open = rest.firstRange(of: "<!--") else {
          target.write(String(rest))
          return
        }
        target.write(String(rest[..<open.lowerBound]))
        rest = rest[open.upperBound...]
        state = .inComment
      case .inComment:
        guard let close = rest.firstRange(of: "-->") else { return }
        rest = rest[close.upperBound...]
        state = .afterComment
      }
    }
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
