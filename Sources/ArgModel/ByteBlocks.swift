/// Tests on eight bytes at once, in one 64-bit word ("SWAR"). The escapers look at every byte
/// of every exported text, and in nearly every block of eight there is nothing to escape: a
/// few word operations rule a whole block out where a byte loop would branch eight times.
///
/// Each test says whether *some* byte of the block qualifies; a block that passes is then
/// looked at byte by byte.
public enum ByteBlocks {
  @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
  @usableFromInline static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Whether some byte of `block` is 0x80 or above: part of a multi-byte UTF-8 character.
  @inlinable
  public static func hasNonASCII(_ block: UInt64) -> Bool { block & highBits != 0 }

  /// Whether some byte of `block` is `byte`: the usual test for a zero byte, on the block with
  /// `byte` taken out of every lane.
  @inlinable
  public static func has(_ byte: UInt8, in block: UInt64) -> Bool {
    let difference = block ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & highBits != 0
  }

  /// Whether some byte of `block` is below `limit`, which is at most 0x80. (A lane's borrow can
  /// mark the lane above it too, but only after a lane that truly is below.)
  @inlinable
  public static func hasByte(below limit: UInt8, in block: UInt64) -> Bool {
    (block &- ones &* UInt64(limit)) & ~block & highBits != 0
  }

  /// The eight bytes from `offset`, which must all lie in `bytes`.
  @inlinable
  public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
  }

  /// The index of the first byte from `start` that passes `byte`, or `bytes.count`. Blocks of
  /// eight for which `block` is false are skipped whole; `block` must be true of every block
  /// holding a byte that passes `byte`.
  @inlinable
  public static func firstIndex(
    in bytes: UnsafeBufferPointer<UInt8>, from start: Int, block: (UInt64) -> Bool,
    byte: (UInt8) -> Bool
  ) -> Int {
    var index = start
    while index < bytes.count {
      if index + 8 <= bytes.count, !block(load(bytes, at: index)) {
        index += 8
        continue
      }
      for offset in index..<min(index + 8, bytes.count) where byte(bytes[offset]) {
        return offset
      }
      index += 8
    }
    return bytes.count
  }
}

extension String {
  /// Whether any of the text's UTF-8 bytes passes `byte`, scanned in place a block of eight at
  /// a time (see ``ByteBlocks/firstIndex(in:from:block:byte:)``): the escapers ask this of
  /// every string, and stepping through `utf8` byte by byte costs several times more.
  @inlinable
  public func utf8Contains(block: (UInt64) -> Bool, byte: (UInt8) -> Bool) -> Bool {
    utf8.withContiguousStorageIfAvailable {
      ByteBlocks.firstIndex(in: $0, from: 0, block: block, byte: byte) < $0.count
    } ?? utf8.contains(where: byte)
  }
}
