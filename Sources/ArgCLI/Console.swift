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
  /// Writes out whatever is buffered; called once the command is done.
  public var flush: () -> Void
  /// Whether stderr is a terminal, where a progress line can be redrawn in place; in a pipe or
  /// a log it would only be noise.
  public var errIsTerminal: Bool
  /// The width of the terminal stdout is, or nil when stdout is a pipe or a file.
  public var terminalColumns: Int?

  public init(
    writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void,
    flush: @escaping () -> Void = {}, errIsTerminal: Bool = false, terminalColumns: Int? = nil
  ) {
    self.writeOut = writeOut
    self.writeErr = writeErr
    self.flush = flush
    self.errIsTerminal = errIsTerminal
    self.terminalColumns = terminalColumns
  }

  /// The process's stdout and stderr. Stdout is buffered so a large export is not one system
  /// call per line; stderr is written at once so errors are never held back.
  public static func standard() -> Console {
    let out = FileDescriptorOutput(descriptor: STDOUT_FILENO, capacity: 1 << 16)
    let err = FileDescriptorOutput(descriptor: STDERR_FILENO, capacity: 0)
    return Console(
      writeOut: { out.write($0) }, writeErr: { err.write($0) }, flush: { out.flush() },
      errIsTerminal: isatty(STDERR_FILENO) != 0, terminalColumns: columns(of: STDOUT_FILENO))
  }

  /// The columns of the terminal `descriptor` is, as the terminal reports them.
  private static func columns(of descriptor: Int32) -> Int? {
    guard isatty(descriptor) != 0 else { return nil }
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// Redraws the progress line on a terminal; `nil` clears it. Elsewhere, does nothing.
  func progress(_ text: String?) {
    guard errIsTerminal else { return }
    // Carriage return, then erase to the end of the line.
    writeErr("\r\u{1B}[K" + (text ?? ""))
  }

  /// Runs `body` with a buffered stream into stdout, then writes out what it buffered.
  func stream<Failure: Error>(_ body: (inout ConsoleStream) throws(Failure) -> Void)
    throws(Failure)
  {
    var stream = ConsoleStream(console: self)
    // What was written before a failure still goes out, as it would have without the buffer.
    defer { stream.flush() }
    try body(&stream)
  }

  func line(_ text: String = "") { writeOut(text + "\n") }

  func error(_ message: String) { writeErr("argmap: error: \(message)\n") }

  func warning(_ message: String) { writeErr("argmap: warning: \(message)\n") }
}

/// Lets exporters stream straight into the console. Exporters write many small tokens, so they
/// are gathered here and handed to `writeOut` in large pieces; `Console.stream` flushes them.
struct ConsoleStream: TextOutputStream {
  let console: Console
  private var buffer = ""
  private static let capacity = 1 << 16

  init(console: Console) {
    self.console = console
    buffer.reserveCapacity(Self.capacity)
  }

  mutating func write(_ string: String) {
    buffer += string
    if buffer.utf8.count >= Self.capacity { flush() }
  }

  mutating func flush() {
    guard !buffer.isEmpty else { return }
    console.writeOut(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

/// A byte buffer in front of a file descriptor.
final class FileDescriptorOutput {
  private let descriptor: Int32
  private let capacity: Int
  private var buffer: [UInt8] = []

  init(descriptor: Int32, capacity: Int) {
    self.descriptor = descriptor
    self.capacity = capacity
    buffer.reserveCapacity(capacity)
  }

  deinit {
    flush()
  }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= capacity { flush() }
  }

  func flush() {
    var offset = 0
    while offset < buffer.count {
      let written = buffer[offset...].withUnsafeBytes {
        writeBytes(descriptor, $0.baseAddress, $0.count)
      }
      // A closed pipe or a full disk: there is nobody left to tell, so stop writing.
      guard written > 0 else { break }
      offset += written
    }
    buffer.removeAll(keepingCapacity: true)
  }
}

/// write(2), under a name that the class's own `write` does not shadow.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
