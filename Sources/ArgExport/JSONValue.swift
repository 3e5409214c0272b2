/// A JSON document as a plain value.
///
/// Objects keep their members in the order they were built, so the same value always serializes
/// to the same bytes. Build values with literals (`["id": "a", "tags": ["x"]]`), with the cases
/// directly, or with ``JSONObject`` when the members come from a loop.
public enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  /// Non-finite doubles have no JSON spelling and are written as `null`.
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// An object with these members, in this order.
  public static func object(_ members: [(String, JSONValue)]) -> JSONValue {
    .object(JSONObject(members))
  }

  /// `.string(value)`, or `.null` when `value` is `nil`.
  public init(_ value: String?) {
    self = value.map { .string($0) } ?? .null
  }

  /// The value of the first member named `key`, if this is an object that has one.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let object) = self else { return nil }
    return object[key]
  }

  /// The element at `index`, if this is an array long enough to have one.
  public subscript(index: Int) -> JSONValue? {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
    return elements[index]
  }
}

/// The members of a JSON object as an ordered list of key–value pairs.
///
/// Order is part of the value: two objects with the same members in a different order are not
/// equal. Keys are not deduplicated; a repeated key is written as often as it was added (the
/// builders in this module never repeat one).
public struct JSONObject: Hashable, Sendable {
  public struct Member: Hashable, Sendable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  public var members: [Member]

  public init() {
    members = []
  }

  public init(_ members: [(String, JSONValue)]) {
    self.members = members.map { Member($0.0, $0.1) }
  }

  public var keys: [String] { members.map(\.key) }

  /// Appends a member, keeping any earlier member with the same key.
  public mutating func append(_ key: String, _ value: JSONValue) {
    members.append(Member(key, value))
  }

  /// The value of the first member named `key`. Setting replaces that member's value in place,
  /// or appends a member if there is none; setting `nil` removes every member named `key`.
  public subscript(key: String) -> JSONValue? {
    get { members.first { $0.key == key }?.value }
    set {
      guard let newValue else {
        members.removeAll { $0.key == key }
        return
      }
      if let index = members.firstIndex(where: { $0.key == key }) {
        members[index].value = newValue
      } else {
        members.append(Member(key, newValue))
      }
    }
  }
}

extension JSONObject: RandomAccessCollection {
  public var startIndex: Int { members.startIndex }
  public var endIndex: Int { members.endIndex }
  public subscript(position: Int) -> Member { members[position] }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// Members in the order written in the literal.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(elements)
  }
}

extension JSONValue: ExpressibleByNilLiteral {
  public init(nilLiteral: ()) {
    self = .null
  }
}

extension JSONValue: ExpressibleByBooleanLiteral {
  public init(booleanLiteral value: Bool) {
    self = .bool(value)
  }
}

extension JSONValue: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) {
    self = .int(value)
  }
}

extension JSONValue: ExpressibleByFloatLiteral {
  public init(floatLiteral value: Double) {
    self = .double(value)
  }
}

extension JSONValue: ExpressibleByStringInterpolation {
  public init(stringLiteral value: String) {
    self = .string(value)
  }

  public init(stringInterpolation: DefaultStringInterpolation) {
    self = .string(String(stringInterpolation: stringInterpolation))
  }
}

extension JSONValue: ExpressibleByArrayLiteral {
  public init(arrayLiteral elements: JSONValue...) {
    self = .array(elements)
  }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
  /// An object with the members in the order written in the literal.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements))
  }
}
