import ArgModel
import Testing

@Suite("OutputBuffer")
struct OutputBufferTests {
  @Test("strings, bytes and numbers come out in order, past any first capacity")
  func writesInOrder() {
    var output = OutputBuffer()
    var expected = ""
    for index in 0..<2_000 {
      output.write("claim ")
      output.write(index - 1_000)
      output.write(ascii: UInt8(ascii: ";"))
      output.write(static: "\u{1F600} é")
      output.write(count: index % 4) { bytes in
        bytes.update(repeating: UInt8(ascii: "+"), count: index % 4)
      }
      expected += "claim \(index - 1_000);\u{1F600} é" + String(repeating: "+", count: index % 4)
    }
    output.write(Int.min)
    output.write(Int.max)
    expected += "\(Int.min)\(Int.max)"
    #expect(output.text == expected)
  }

  @Test("a copy is a value: writing to one leaves the other as it was")
  func copiesAreValues() {
    var first = OutputBuffer()
    first.write("shared")
    var second = first
    second.write(" second")
    first.write(" first")
    #expect(first.text == "shared first")
    #expect(second.text == "shared second")
  }

  @Test("a draining buffer hands on every byte once, in chunks near its size")
  func drainsEveryByteOnce() {
    final class Drained {
      var bytes: [UInt8] = []
      var calls = 0
    }
    let drained = Drained()
    var output = OutputBuffer(chunk: 100) {
      drained.bytes += $0
      drained.calls += 1
    }
    let word = String(repeating: "x", count: 37)
    for _ in 0..<100 { output.write(word) }
    #expect(drained.calls == 33)
    output.flush()
    output.flush()
    #expect(drained.bytes == Array(String(repeating: word, count: 100).utf8))
    #expect(drained.calls == 34)
    #expect(output.text.isEmpty)
  }
}
