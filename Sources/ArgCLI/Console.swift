#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the CLI writes. Commands never touch the process's streams directly, so tests capture
/// both streams without spawning a process.
public struct Console {
  public var writeOut: (String) -> Void
  public var writeErr: (String) -> Void
  /// True when stdout is a terminal; affects nothing but cosmetics.
  public var isTerminal: Bool

  public init(
    writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void,
    isTerminal: Bool = false
  ) {
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.isTerminal = isTerminal
  }

  /// The process's stdout and stderr. Writes go through C stdio, which buffers stdout so a
  /// large export is not one system call per line.
  public static func standard() -> Console {
    Console(
      writeOut: { fputs($0, stdout) },
      writeErr: { fputs($0, stderr) },
      isTerminal: isatty(STDOUT_FILENO) != 0)
  }

  func line(_ text: String = "") { writeOut(text + "\n") }

  func error(_ message: String) { writeErr("argmap: error: \(message)\n") }

  func warning(_ message: String) { writeErr("argmap: warning: \(message)\n") }
}

/// Lets exporters stream straight into the console.
struct ConsoleStream: TextOutputStream {
  let console: Console
  mutating func write(_ string: String) { console.writeOut(string) }
}
