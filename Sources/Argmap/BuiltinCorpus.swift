/// The discussion map that ships inside the binary: the top-level `corpus/` folder, embedded at
/// build time so argmap works from any directory.
public enum BuiltinCorpus {
  /// Every corpus file, in import order. A test checks this list against the folder, so a new
  /// file cannot be forgotten here.
  public static let files: [SourceFile] = [
    file("corpus/01-realism-critique.argdown", PackageResources._1_realism_critique_argdown),
    file("corpus/02-never-subvert-users.argdown", PackageResources._2_never_subvert_users_argdown),
    file("corpus/03-ambiguous-users.argdown", PackageResources._3_ambiguous_users_argdown),
    file("corpus/04-self-preservation.argdown", PackageResources._4_self_preservation_argdown),
    file("corpus/05-training-opacity.argdown", PackageResources._5_training_opacity_argdown),
  ]

  /// The seed discussion, as a source for the store: its text, and where each comment stands.
  public static let discussion = Source(
    id: "discussion",
    title: "Comment thread on the \"agentic misalignment\" research post",
    text: String(decoding: PackageResources.discussion_txt, as: UTF8.self),
    spans: commentSpans(String(decoding: PackageResources.discussion_comments, as: UTF8.self)))

  /// Reads `discussion.comments`: a line `C1: 1-4, 43-46` per comment; `#` starts a remark.
  /// The file is ours and tested, so a line it cannot read is a bug in this build.
  static func commentSpans(_ text: String) -> [CommentSpan] {
    text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
      let parts = line.split(separator: ":", maxSplits: 1)
      let comment = String(parts[0])
      return parts[1].split(separator: ",").map { range in
        let ends = range.split(separator: "-").map { Int($0.filter(\.isNumber))! }
        return CommentSpan(comment: comment, lines: ends[0]...ends[ends.count - 1])
      }
    }
  }

  /// The built-in map, parsed. Its corpus is tested, so an error here is a bug in this build.
  public static func map() throws(ArgmapError) -> ArgumentMap {
    let parsed = ArgdownParser.parse(files)
    guard !parsed.hasErrors else { throw .corpus(parsed.diagnostics) }
    var map = parsed.map
    map.sources = [discussion]
    return map
  }

  private static func file(_ path: String, _ bytes: [UInt8]) -> SourceFile {
    SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
  }
}
