import ArgModel
import TestSupport
import Testing

/// The eight-at-a-time tests against the same questions asked byte by byte, on random blocks
/// weighted towards the bytes the escapers look for.
@Suite("ByteBlocks")
struct ByteBlocksTests {
  private static let interesting: [UInt8] = [
    0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x26,
    0x3C, 0x5C, 0x7F, 0x80, 0xC2, 0xE2, 0xFF,
  ]

  private func randomBytes(_ count: Int, using generator: inout SeededGenerator) -> [UInt8] {
    (0..<count).map { _ in
      Bool.random(using: &generator)
        ? Self.interesting.randomElement(using: &generator)!
        : UInt8.random(in: 0x41...0x7A, using: &generator)
    }
  }

  private func block(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { ByteBlocks.load($0, at: 0) }
  }

  @Test("each block test agrees with a byte-by-byte test")
  func blockTests() {
    var generator = SeededGenerator(seed: 8)
    for _ in 0..<5_000 {
      let bytes = randomBytes(8, using: &generator)
      let word = block(bytes)
      #expect(ByteBlocks.hasNonASCII(word) == bytes.contains { $0 >= 0x80 }, "\(bytes)")
      for target in Self.interesting {
        #expect(ByteBlocks.has(target, in: word) == bytes.contains(target), "\(bytes) \(target)")
      }
      for limit: UInt8 in [0x01, 0x20, 0x21, 0x80] {
        #expect(
          ByteBlocks.hasByte(below: limit, in: word) == bytes.contains { $0 < limit },
          "\(bytes) below \(limit)")
      }
    }
  }

  @Test("firstIndex finds the first match from any start, in any length")
  func firstIndex() {
    var generator = SeededGenerator(seed: 9)
    for _ in 0..<2_000 {
      let bytes = randomBytes(Int.random(in: 0...40, using: &generator), using: &generator)
      let start = Int.random(in: 0...bytes.count, using: &generator)
      let isQuote = { (byte: UInt8) in byte == 0x22 }
      let expected = bytes[start...].firstIndex(where: isQuote) ?? bytes.count
      let found = bytes.withUnsafeBufferPointer {
        ByteBlocks.firstIndex(
          in: $0, from: start, block: { ByteBlocks.has(0x22, in: $0) }, byte: isQuote)
      }
      #expect(found == expected, "\(bytes) from \(start)")
    }
  }

  @Test("utf8Contains asks the bytes of any string, bridged or not")
  func utf8Contains() {
    let hasQuote = { (text: String) in
      text.utf8Contains(block: { ByteBlocks.has(0x22, in: $0) }, byte: { $0 == 0x22 })
    }
    #expect(hasQuote("a long enough text with a \" quote late in it"))
    #expect(!hasQuote("a long enough text with no quote in it at all"))
    #expect(!hasQuote(""))
    #expect(hasQuote("\""))
  }
}
