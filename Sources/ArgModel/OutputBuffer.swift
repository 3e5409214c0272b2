/// Text on its way out, as UTF-8 bytes in one buffer. Exporters write their tokens and escaped
/// runs of text straight into it, and a full buffer is handed to `drain` (stdout, say) as it
/// is, so an export of any size holds one buffer and copies each byte once.
///
/// Without a drain it keeps everything, for `text`: the same writer gives a whole document.
/// As a `TextOutputStream` it takes the writers that print through `write(_:)` alone.
public struct OutputBuffer: TextOutputStream {
  @usableFromInline var bytes: [UInt8] = []
  /// How many bytes are gathered before they are drained.
  @usableFromInline let chunk: Int
  @usableFromInline let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?

  /// A buffer that keeps everything written, for `text`.
  public init() {
    chunk = .max
    drain = nil
  }

  /// A buffer that hands its bytes to `drain` whenever about `chunk` of them have gathered, and
  /// on `flush()`.
  public init(chunk: Int = 1 << 16, drain: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    self.chunk = chunk
    self.drain = drain
    bytes.reserveCapacity(chunk + 1024)
  }

  /// Everything written, for a buffer without a drain (what is left since the last drain for
  /// one with).
  public var text: String { String(decoding: bytes, as: UTF8.self) }

  @inlinable
  public mutating func write(_ string: String) {
    if let done: Void = string.utf8.withContiguousStorageIfAvailable({ write(utf8: $0) }) {
      return done
    }
    bytes.append(contentsOf: string.utf8)
    drainIfFull()
  }

  @inlinable
  public mutating func write(_ string: Substring) {
    if let done: Void = string.utf8.withContiguousStorageIfAvailable({ write(utf8: $0) }) {
      return done
    }
    bytes.append(contentsOf: string.utf8)
    drainIfFull()
  }

  @inlinable
  public mutating func write(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: utf8)
    drainIfFull()
  }

  /// One ASCII byte, such as a bracket or a quote.
  @inlinable
  public mutating func write(ascii byte: UInt8) {
    bytes.append(byte)
  }

  /// `number` in decimal, as `String(number)` spells it, without making that string.
  public mutating func write(_ number: Int) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    // Digits come lowest first, then turn round; the magnitude is a UInt, so Int.min has one.
    let first = bytes.count
    var rest = number.magnitude
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    bytes[first...].reverse()
    drainIfFull()
  }

  @inlinable
  mutating func drainIfFull() {
    if bytes.count >= chunk { flush() }
  }

  /// Hands what is buffered to the drain; without one, does nothing.
  public mutating func flush() {
    guard let drain, !bytes.isEmpty else { return }
    bytes.withUnsafeBufferPointer(drain)
    bytes.removeAll(keepingCapacity: true)
  }
}

extension String {
  /// Whether any of the text's UTF-8 bytes passes `test`, scanned in place: the escapers ask
  /// this of every string, and stepping through `utf8` byte by byte costs several times more.
  @inlinable
  public func utf8Contains(where test: (UInt8) -> Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable { $0.contains(where: test) }
      ?? utf8.contains(where: test)
  }
}
