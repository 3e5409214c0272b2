import ArgExport

/// A JSON value together with the byte offset in its file where it starts, so that a reader
/// interpreting the document can point at the member or record it rejects.
public struct JSONNode: Sendable {
  public enum Content: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONNode])
    /// Members in file order; a repeated key is kept as often as it occurs.
    case object([Member])
  }

  public struct Member: Sendable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode

    public init(key: String, keyOffset: Int, value: JSONNode) {
      self.key = key
      self.keyOffset = keyOffset
      self.value = value
    }
  }

  /// UTF-8 offset of the value's first byte in the file's text.
  public var offset: Int
  public var content: Content

  public init(offset: Int, content: Content) {
    self.offset = offset
    self.content = content
  }

  /// The value of the first member named `key`, if this is an object that has one.
  public subscript(key: String) -> JSONNode? {
    guard case .object(let members) = content else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// The value without offsets.
  public var value: JSONValue {
    switch content {
    case .null: .null
    case .bool(let bool): .bool(bool)
    case .int(let int): .int(int)
    case .double(let double): .double(double)
    case .string(let string): .string(string)
    case .array(let elements): .array(elements.map(\.value))
    case .object(let members): .object(JSONObject(members.map { ($0.key, $0.value.value) }))
    }
  }

  /// How messages name the value's type: "expected a string, found an array".
  public var typeDescription: String {
    switch content {
    case .null: "null"
    case .bool: "a boolean"
    case .int, .double: "a number"
    case .string: "a string"
    case .array: "an array"
    case .object: "an object"
    }
  }
}
