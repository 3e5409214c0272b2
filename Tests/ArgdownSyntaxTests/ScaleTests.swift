import ArgModel
import ArgdownSyntax
import Testing

/// A generated corpus large enough that quadratic work would show, small enough for a debug
/// build. (In release builds the parser reads about a million claims with a relation each in
/// about two seconds.)
@Suite struct ScaleTests {
  static func corpus(files: Int, claimsPerFile: Int) -> [SourceFile] {
    (0..<files).map { file in
      var text = "# Position \(file) {id: pos-\(file), source: discussion}\n\n"
      for claim in 0..<claimsPerFile {
        text += """
          [claim-\(file)-\(claim)]: The model sees a fictional thought experiment number \(claim),
            built to make blackmail appealing. #realism #(thought experiment)
            {comment: C\(claim % 12), quote: "designed to make blackmail"}

          """
        if claim > 0 {
          text +=
            "  + [claim-\(file)-\(claim - 1)]\n  -> <arg-\(file)-\(claim)>: Argument \(claim).\n"
        }
        if file > 0 { text += "  - [claim-\(file - 1)-\(claim)]\n" }
        text += "\n"
      }
      return SourceFile(path: "corpus/\(file).argdown", text: text)
    }
  }

  @Test func aLargeCorpusParsesAndRoundTrips() {
    let files = Self.corpus(files: 4, claimsPerFile: 2_500)
    let parsed = ArgdownParser.parse(files)
    #expect(parsed.diagnostics.isEmpty)
    #expect(parsed.map.positions.count == 4)
    #expect(parsed.map.claims.count == 4 * 2_500 + 4 * 2_499)
    #expect(parsed.map.relations.count == 4 * 2_499 * 2 + 3 * 2_500)
    #expect(
      parsed.map.claim(withID: "claim-3-17")
        == Claim(
          id: "claim-3-17",
          text:
            "The model sees a fictional thought experiment number 17, built to make blackmail appealing.",
          position: "pos-3", tags: ["realism", "thought experiment"],
          provenance: Provenance(
            source: "discussion", comment: "C5", quote: "designed to make blackmail")))
    let reparsed = ArgdownParser.parse([
      SourceFile(path: "printed.argdown", text: ArgdownPrinter.print(parsed.map))
    ])
    #expect(reparsed.diagnostics.isEmpty)
    #expect(canonical(reparsed.map) == canonical(parsed.map))
  }
}
