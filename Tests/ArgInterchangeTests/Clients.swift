import Foundation
import Testing

/// The Python that `.ci/clients` installs arguebuf and networkx into. A missing venv is an
/// error, so a test that hands our output to a real client fails rather than passing unchecked.
enum ClientError: Error, CustomStringConvertible {
  case notInstalled(path: String)
  case failed(status: Int32, errors: String)

  var description: String {
    switch self {
    case .notInstalled(let path):
      "the test clients are not installed (\(path) is missing); run .ci/clients"
    case .failed(let status, let errors): "the client script exited \(status):\n\(errors)"
    }
  }
}

enum Clients {
  /// The package root, found from this file's place in it.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var python: URL {
    packageRoot.appendingPathComponent(".build/clients/bin/python")
  }

  /// Runs `script` with the clients' Python, with `input` written to a file whose path is the
  /// script's first argument; returns what the script printed.
  static func run(_ script: String, input: String, fileExtension: String) throws -> String {
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      throw ClientError.notInstalled(path: python.path)
    }
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("argmap-client-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputFile = scratch.appendingPathComponent("input.\(fileExtension)")
    let (out, err) = (scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
    try Data(input.utf8).write(to: inputFile)
    try Data().write(to: out)
    try Data().write(to: err)
    let process = Process()
    process.executableURL = python
    process.arguments = ["-c", script, inputFile.path]
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw ClientError.failed(
        status: process.terminationStatus, errors: try String(contentsOf: err, encoding: .utf8))
    }
    return try String(contentsOf: out, encoding: .utf8)
  }
}
