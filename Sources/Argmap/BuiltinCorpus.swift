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

  /// The seed discussion, as a source row for the store.
  public static let discussion = Source(
    id: "discussion",
    title: "Comment thread on the \"agentic misalignment\" research post")

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
