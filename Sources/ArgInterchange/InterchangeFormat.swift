/// The file formats argmap reads, and how a file's format is told from its name and content.
public enum InterchangeFormat: String, CaseIterable, Sendable {
  /// Argdown text (`.argdown`, `.ad`).
  case argdown
  /// The Argument Interchange Format as AIFdb and OVA write it in JSON.
  case aif
  /// argmap's own JSON dump (`argmap export json`).
  case json
  /// The plain-text export Kialo gives of a discussion.
  case kialo

  /// The extensions a folder is searched for when no format is forced.
  public static let knownExtensions = ["argdown", "ad", "json", "txt"]

  /// The extensions a folder is searched for when this format is forced.
  public var extensions: [String] {
    switch self {
    case .argdown: ["argdown", "ad"]
    case .aif, .json: ["json"]
    case .kialo: ["txt"]
    }
  }

  /// The format of a file called `path` whose text begins with `prefix` (a few kilobytes are
  /// plenty). The extension decides between text formats; content decides between the JSON ones,
  /// since AIF and argmap's dump share `.json`. Nil when neither tells.
  public static func detect(path: String, prefix: Substring) -> InterchangeFormat? {
    switch fileExtension(path) {
    case "argdown", "ad": return .argdown
    case "json": return jsonFormat(prefix)
    case "txt": return looksLikeKialo(prefix) ? .kialo : nil
    default: return nil
    }
  }

  /// The format of text with no name to go by (standard input): JSON by its opening brace,
  /// Kialo by its title line, and otherwise Argdown, whose plain text is a valid map.
  public static func detect(content prefix: Substring) -> InterchangeFormat? {
    let start = prefix.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
    if start.first == "{" { return jsonFormat(prefix) }
    return looksLikeKialo(prefix) ? .kialo : .argdown
  }

  private static func fileExtension(_ path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
    return name[name.index(after: dot)...].lowercased()
  }

  /// argmap's dump always has a top-level `"claims"` array; AIF has `"nodes"` (AIFdb) or an
  /// `"AIF"` member (OVA). A tool that writes its keys sorted puts AIF's `"edges"` first, and
  /// long enough edges push `"nodes"` past the prefix, so AIF's own id keys tell it too; argmap's
  /// dump has none of them. Looking for the keys, not parsing, keeps detection cheap on large
  /// files; the reader reports any real syntax error with its location.
  private static func jsonFormat(_ prefix: Substring) -> InterchangeFormat? {
    let aifKeys = ["\"nodes\"", "\"AIF\"", "\"nodeID\"", "\"edgeID\"", "\"fromID\""]
    if aifKeys.contains(where: { prefix.contains($0) }) { return .aif }
    if prefix.contains("\"claims\"") { return .json }
    return nil
  }

  /// Kialo's export opens with `Discussion Title:` (the classic layout) or `Discussion Name:`
  /// (the current one) and numbers every claim `1.`, `1.1.`, ….
  private static func looksLikeKialo(_ prefix: Substring) -> Bool {
    // A byte order mark is not white space to Swift, but editors on Windows write one.
    let firstLine = prefix.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix {
      $0 != "\n" && $0 != "\r"
    }
    return firstLine.hasPrefix("Discussion Title:") || firstLine.hasPrefix("Discussion Name:")
  }
}
