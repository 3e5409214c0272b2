/// Text on its way out, as UTF-8 bytes in one buffer. Exporters write their tokens and escaped
/// runs of text straight into it, and a full buffer is handed to `drain` (stdout, say) as it
/// is, so an export of any size holds one buffer and copies each byte once.
///
/// Without a drain it keeps everything, for `text`: the same writer gives a whole document.
/// As a `TextOutputStream` it takes the writers that print through `write(_:)` alone.
public struct OutputBuffer: TextOutputStream {
  /// The memory the bytes are written to; `count` of its `capacity` bytes are written.
  @usableFromInline var memory: Memory
  @usableFromInline var count = 0
  /// How many bytes are gathered before they are drained.
  @usableFromInline let chunk: Int
  @usableFromInline let drain: ((UnsafeBufferPointer<UInt8>) -> Void)?

  /// A buffer that keeps everything written, for `text`.
  public init() {
    chunk = .max
    drain = nil
    memory = Memory(capacity: 1024)
  }

  /// A buffer that hands its bytes to `drain` whenever about `chunk` of them have gathered, and
  /// on `flush()`.
  public init(chunk: Int = 1 << 16, drain: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
    self.chunk = chunk
    self.drain = drain
    memory = Memory(capacity: chunk + 1024)
  }

  /// Everything written, for a buffer without a drain (what is left since the last drain for
  /// one with).
  public var text: String { String(decoding: written, as: UTF8.self) }

  var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: memory.base, count: count) }

  @inlinable
  public mutating func write(_ string: String) {
    // `withUTF8` reads a native string in place, and a small one from the stack, more cheaply
    // than the UTF-8 view's `withContiguousStorageIfAvailable`; exporters write many short ones.
    var string = string
    string.withUTF8 { write(utf8: $0) }
  }

  /// A literal token: its bytes are where the compiler put them, so writing it takes none of
  /// the checks of a `String`'s storage. Exporters write several of these for every record.
  @inlinable
  public mutating func write(static literal: StaticString) {
    literal.withUTF8Buffer { write(utf8: $0) }
  }

  @inlinable
  public mutating func write(utf8: UnsafeBufferPointer<UInt8>) {
    guard let source = utf8.baseAddress, !utf8.isEmpty else { return }
    reserve(utf8.count).update(from: source, count: utf8.count)
    count += utf8.count
    drainIfFull()
  }

  /// One byte, such as a bracket or a quote.
  @inlinable
  public mutating func write(ascii byte: UInt8) {
    reserve(1).pointee = byte
    count += 1
  }

  /// `count` bytes that `fill` puts in place from the pointer it is given: a token made of
  /// several pieces (a comma, a line break and its indentation) then costs one check for room
  /// rather than one per piece.
  @inlinable
  public mutating func write(count: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Void) {
    fill(reserve(count))
    self.count += count
    drainIfFull()
  }

  /// `number` in decimal, as `String(number)` spells it, without making that string.
  public mutating func write(_ number: Int) {
    // Digits come lowest first into room for the longest spelling, then are copied out in
    // order; the magnitude is a UInt, so Int.min has one.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var first = digits.count
      var rest = number.magnitude
      repeat {
        first -= 1
        digits[first] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      if number < 0 { write(ascii: UInt8(ascii: "-")) }
      write(utf8: UnsafeBufferPointer(rebasing: digits[first...]))
    }
  }

  /// Room for `extra` more bytes after those written, which the caller fills and counts. Memory
  /// shared with a copy of the buffer is copied first, so that copies stay values.
  @inlinable
  mutating func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
    if count + extra > memory.capacity || !isKnownUniquelyReferenced(&memory) {
      memory = memory.copy(count, toHold: count + extra)
    }
    return memory.base + count
  }

  @inlinable
  mutating func drainIfFull() {
    if count >= chunk { flush() }
  }

  /// Hands what is buffered to the drain; without one, does nothing.
  public mutating func flush() {
    guard let drain, count > 0 else { return }
    drain(written)
    count = 0
  }

  /// Bytes of memory of the buffer's own rather than an array: writing a token is then a copy
  /// into place, without an array's checks on every append. Its fields are constants, so using
  /// them costs no exclusivity check; growing makes a new one.
  @usableFromInline final class Memory {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int

    init(capacity: Int) {
      self.capacity = capacity
      base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// New memory holding the first `count` bytes of this, with room for `needed`, doubling
    /// the capacity as often as that takes.
    @usableFromInline func copy(_ count: Int, toHold needed: Int) -> Memory {
      var newCapacity = max(capacity, 16)
      while newCapacity < needed { newCapacity *= 2 }
      let copy = Memory(capacity: newCapacity)
      copy.base.update(from: base, count: count)
      return copy
    }
  }
}
