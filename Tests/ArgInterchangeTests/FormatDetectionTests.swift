import Testing

@testable import ArgInterchange

@Suite struct FormatDetectionTests {
  @Test(arguments: [
    ("map.argdown", "# Title", InterchangeFormat.argdown),
    ("MAP.AD", "[a]: text", .argdown),
    ("nodeset123.json", #"{"nodes": [], "edges": []}"#, .aif),
    ("ova.json", #"{"AIF": {"nodes": []}, "OVA": {}}"#, .aif),
    ("dump.json", #"{"positions": [], "claims": [], "relations": []}"#, .json),
    ("debate.txt", "Discussion Title: Should we?\n\n1. Yes.\n", .kialo),
    ("debate.txt", "\u{FEFF}\nDiscussion Title: Should we?\n", .kialo),
    ("debate.txt", "Discussion Name:\nShould we?\n\n1. Thesis:\nYes.\n", .kialo),
  ])
  func detectsByExtensionAndContent(path: String, prefix: String, expected: InterchangeFormat) {
    #expect(InterchangeFormat.detect(path: path, prefix: prefix[...]) == expected)
  }

  @Test(arguments: [
    ("[a]: text\n  + [b]: more", InterchangeFormat.argdown),
    ("\n  {\"nodes\": [], \"edges\": []}", .aif),
    ("{\"claims\": []}", .json),
    ("Discussion Title: X\n\n1. Y.", .kialo),
  ])
  func standardInputIsToldByContentAlone(text: String, expected: InterchangeFormat) {
    #expect(InterchangeFormat.detect(content: text[...]) == expected)
  }

  @Test func jsonOfNoKnownShapeIsNotGuessed() {
    #expect(InterchangeFormat.detect(content: "{\"other\": 1}") == nil)
  }

  @Test(arguments: [
    ("notes.txt", "Some notes"),
    ("data.json", #"{"other": 1}"#),
    ("map.dot", "digraph {}"),
    (".argdown", "hidden file without extension"),
    ("README", "text"),
  ])
  func unknownFilesAreNotGuessed(path: String, prefix: String) {
    #expect(InterchangeFormat.detect(path: path, prefix: prefix[...]) == nil)
  }
}
