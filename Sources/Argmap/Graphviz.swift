#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the system's Graphviz `dot` on argmap's own DOT, for the drawings argmap embeds.
public enum Graphviz {
  /// Where `dot` is looked for when the environment has no `PATH`, as `execvp` would.
  public static let defaultSearchPath = "/usr/local/bin:/usr/bin:/bin"

  /// The first executable `dot` in `searchPath` (a `PATH`-style list of folders).
  public static func findDot(searchPath: String) -> String? {
    searchPath.split(separator: ":", omittingEmptySubsequences: true)
      .map { "\($0)/dot" }
      .first { access($0, X_OK) == 0 }
  }

  /// Runs `dot -Tsvg` on the DOT file `input`, with `options` (such as `-Gmclimit=0.1`) before
  /// it, writing the SVG to `output`. Through files, neither side can block on a full pipe,
  /// and neither the DOT nor the SVG need be held whole.
  public static func svg(
    fromDOTFile input: String, to output: String, options: [String] = [], searchPath: String
  ) throws(ArgmapError) {
    guard let dot = findDot(searchPath: searchPath) else {
      throw .graphvizMissing(searchPath: searchPath)
    }
    let errors = output + ".errors"
    defer { unlink(errors) }
    let status = run(dot, ["-Tsvg"] + options + ["-o", output, input], errorsTo: errors)
    guard status == 0, access(output, R_OK) == 0 else {
      let message = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
      throw .graphvizFailed(status: status, message: message)
    }
  }

  /// Spawns `program` with stdin from /dev/null and stderr into `errorsTo`; its exit status,
  /// or -1 when it could not be started.
  private static func run(_ program: String, _ arguments: [String], errorsTo path: String)
    -> Int32
  {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawn(&pid, program, &actions, nil, argv, environ) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 {
      guard errno == EINTR else { return -1 }
    }
    // WIFEXITED and WEXITSTATUS are macros Swift cannot import.
    return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }
}
