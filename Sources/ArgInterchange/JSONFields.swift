import ArgdownSyntax

/// Reads the members of a parsed JSON document, keeping one error for each member that is
/// missing or of the wrong type instead of stopping at the first, so a file's problems are
/// reported together. Warnings, for what a reader passes over or keeps despite a quirk, are
/// kept alongside.
struct JSONFields {
  private let file: SourceFile
  private var errors:
    [(
      offset: Int, severity: Diagnostic.Severity, message: String,
      note: (offset: Int, message: String)?
    )] = []

  init(_ file: SourceFile) {
    self.file = file
  }

  /// The errors and warnings, in file order.
  var diagnostics: [Diagnostic] {
    guard !errors.isEmpty else { return [] }
    let lines = LineIndex(file)
    return errors.enumerated()
      .sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }
      .map { index, error in
        var diagnostic = lines.diagnostic(error.message, at: error.offset)
        diagnostic.severity = error.severity
        if let note = error.note {
          diagnostic.notes = [
            Diagnostic.Note(location: lines.location(note.offset), message: note.message)
          ]
        }
        return diagnostic
      }
  }

  mutating func error(
    _ message: String, at offset: Int, note: (offset: Int, message: String)? = nil
  ) {
    errors.append((offset, .error, message, note))
  }

  mutating func warning(_ message: String, at offset: Int) {
    errors.append((offset, .warning, message, nil))
  }

  /// `node`'s members, or nil (and an error) when it is not an object.
  mutating func object(_ node: JSONNode, _ what: String) -> [JSONNode.Member]? {
    guard case .object(let members) = node.content else {
      error("expected \(what) to be an object, found \(node.typeDescription)", at: node.offset)
      return nil
    }
    return members
  }

  /// The elements of the array member `key` of `object`; nil when it is missing and `required`
  /// is false, or (with an error) when it is missing and required or not an array.
  mutating func array(_ key: String, in object: JSONNode, required: Bool) -> [JSONNode]? {
    guard let node = member(key, in: object, required: required) else { return nil }
    guard case .array(let elements) = node.content else {
      error("expected '\(key)' to be an array, found \(node.typeDescription)", at: node.offset)
      return nil
    }
    return elements
  }

  /// The string member `key`, or nil (with an error) when it is missing or not a string.
  mutating func string(_ key: String, in object: JSONNode) -> String? {
    guard let node = member(key, in: object, required: true) else { return nil }
    return string(node, key)
  }

  /// The string member `key`; nil when it is missing or null, or (with an error) not a string.
  mutating func optionalString(_ key: String, in object: JSONNode) -> String? {
    guard let node = member(key, in: object, required: false) else { return nil }
    if case .null = node.content { return nil }
    return string(node, key)
  }

  /// The number member `key` as a Double; nil when missing or null, or (with an error) not a
  /// number.
  mutating func optionalNumber(_ key: String, in object: JSONNode) -> Double? {
    guard let node = member(key, in: object, required: false) else { return nil }
    switch node.content {
    case .null: return nil
    case .int(let int): return Double(int)
    case .double(let double): return double
    default:
      error("expected '\(key)' to be a number, found \(node.typeDescription)", at: node.offset)
      return nil
    }
  }

  /// A string or a number as text: AIF ids come as either. Nil, with an error, for any other
  /// value.
  mutating func idText(_ key: String, in object: JSONNode) -> String? {
    guard let node = member(key, in: object, required: true) else { return nil }
    switch node.content {
    case .string(let string): return string
    case .int(let int): return String(int)
    default:
      error(
        "expected '\(key)' to be a string or an integer, found \(node.typeDescription)",
        at: node.offset)
      return nil
    }
  }

  mutating func string(_ node: JSONNode, _ what: String) -> String? {
    guard case .string(let string) = node.content else {
      error("expected '\(what)' to be a string, found \(node.typeDescription)", at: node.offset)
      return nil
    }
    return string
  }

  mutating func member(_ key: String, in object: JSONNode, required: Bool) -> JSONNode? {
    if let node = object[key] { return node }
    if required { error("expected a member '\(key)' in this object", at: object.offset) }
    return nil
  }
}
