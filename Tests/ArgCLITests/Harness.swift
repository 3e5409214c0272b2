import ArgCLI
import Foundation
import Testing

/// What one run of the CLI printed and returned.
struct Outcome {
  var status: Int32
  var out: String
  var err: String

  var outLines: [String] {
    out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// stdout parsed as JSON.
  func json() throws -> Any {
    try JSONSerialization.jsonObject(with: Data(out.utf8), options: [.fragmentsAllowed])
  }
}

/// Runs the CLI in-process against a scratch folder, so each test gets its own databases.
final class Harness {
  let folder: String
  var environment: [String: String]

  init() throws {
    folder =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    environment = ["HOME": folder, "XDG_DATA_HOME": folder + "/data"]
  }

  deinit {
    try? FileManager.default.removeItem(atPath: folder)
  }

  var defaultDatabase: String { folder + "/data/argmap/argmap.db" }

  func path(_ name: String) -> String { folder + "/" + name }

  func write(_ text: String, to name: String) throws {
    try text.write(toFile: path(name), atomically: true, encoding: .utf8)
  }

  @discardableResult
  func run(_ arguments: String...) -> Outcome {
    run(arguments)
  }

  func run(_ arguments: [String]) -> Outcome {
    var out = ""
    var err = ""
    let console = Console(writeOut: { out += $0 }, writeErr: { err += $0 })
    let status = CLI.run(["argmap"] + arguments, environment: environment, console: console)
    return Outcome(status: status, out: out, err: err)
  }

  /// One figure of `argmap stats --json`, for the default database or `db`: what a command over
  /// the whole built-in map should account for, without copying the corpus's sizes into tests.
  func count(_ key: String, db: String? = nil) throws -> Int {
    let arguments = (db.map { ["--db", $0] } ?? []) + ["stats", "--json"]
    let stats = try #require(try run(arguments).json() as? [String: Any])
    return try #require(stats[key] as? Int)
  }

  /// Runs the real `argmap` binary that `swift build` put beside the test bundle, in the
  /// scratch folder.
  func runProcess(_ arguments: [String], stdin: String = "") throws -> Outcome {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return try runCapturing(
      Self.binary, arguments, environment: environment.merging(["PATH": path]) { own, _ in own },
      in: folder, stdin: stdin)
  }

  /// The built executable: beside the test bundle in the build folder.
  static let binary: URL = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var folder = bundle.deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("argmap")
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        return candidate
      }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: "/nonexistent/argmap")
  }()
}

/// Runs a shell command with `stdin` as its input; used to hand exports to graphviz.
func shell(_ command: String, stdin: String) throws -> Outcome {
  try runCapturing(URL(fileURLWithPath: "/bin/sh"), ["-c", command], stdin: stdin)
}

/// Runs a program to completion. Input and both outputs go through files, not pipes, so a
/// large output cannot fill a pipe and deadlock the test.
func runCapturing(
  _ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
  in folder: String? = nil, stdin: String = ""
) throws -> Outcome {
  let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("argmap-run-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: scratch) }
  let (input, out, err) = (
    scratch.appendingPathComponent("in"), scratch.appendingPathComponent("out"),
    scratch.appendingPathComponent("err")
  )
  try stdin.write(to: input, atomically: true, encoding: .utf8)
  try Data().write(to: out)
  try Data().write(to: err)
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  if let environment { process.environment = environment }
  if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
  process.standardInput = try FileHandle(forReadingFrom: input)
  process.standardOutput = try FileHandle(forWritingTo: out)
  process.standardError = try FileHandle(forWritingTo: err)
  try process.run()
  process.waitUntilExit()
  return Outcome(
    status: process.terminationStatus,
    out: try String(contentsOf: out, encoding: .utf8),
    err: try String(contentsOf: err, encoding: .utf8))
}
