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

  /// Runs the real `argmap` binary that `swift build` put beside the test bundle.
  func runProcess(_ arguments: [String], stdin: String? = nil) throws -> Outcome {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.environment = environment.merging([
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    ]) { a, _ in a }
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self),
      err: String(decoding: errData, as: UTF8.self))
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

/// Runs a shell command with `stdin` fed from a file, so a large output cannot deadlock on a
/// full pipe; used to hand exports to graphviz.
func shell(_ command: String, stdin: String) throws -> (status: Int32, out: String, err: String) {
  let input = FileManager.default.temporaryDirectory
    .appendingPathComponent("argmap-stdin-\(UUID().uuidString)")
  try stdin.write(to: input, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(at: input) }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/bin/sh")
  process.arguments = ["-c", command]
  process.standardInput = try FileHandle(forReadingFrom: input)
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let outData = out.fileHandleForReading.readDataToEndOfFile()
  let errData = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: outData, as: UTF8.self),
    String(decoding: errData, as: UTF8.self)
  )
}
