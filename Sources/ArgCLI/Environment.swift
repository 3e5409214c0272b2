#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process environment, read from C's `environ` so start-up needs no Foundation.
public enum Environment {
  public static func current() -> [String: String] {
    var values: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
      let pair = String(cString: pointer)
      // By byte: finding a Character would segment every value into graphemes, at start-up.
      if let equals = pair.utf8.firstIndex(of: UInt8(ascii: "=")) {
        values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
      }
      entry += 1
    }
    return values
  }
}
