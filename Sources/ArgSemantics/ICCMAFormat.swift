/// The file formats of the International Competition on Computational Models of Argumentation
/// (ICCMA), in which abstract frameworks are exchanged with other solvers.
///
/// - `apx`: facts `arg(a).` and `att(a,b).`, any number per line, `%` comments.
/// - `tgf`: Trivial Graph Format: one argument per line, a line `#`, then `a b` attack lines.
/// - `i23`: the ICCMA 2023 format: a header `p af N` naming arguments 1...N, then `a b` attack
///   lines; lines starting with `#` are comments.
///
/// Naming rule. apx and tgf carry names; i23 carries only numbers.
/// - apx writes a name bare when it is non-empty and has no byte that is whitespace, a control
///   character, or one of `( ) , . % " \`; any other name (an argmap claim id with a `.`, say) is
///   written as a double-quoted string, as in ASP, with the escapes `\"`, `\\`, `\n`, `\r`
///   (the reader also accepts `\t`). So every name round-trips.
/// - tgf writes a name bare when it is non-empty, has no whitespace, control character, `"` or
///   `\`, and does not start with `#`; any other name is quoted the same way. Text after a tgf
///   node's name or after an attack's two names is a TGF label, and is ignored on reading.
/// - i23 writes argument `i` of the framework as the number `i + 1`, without names; reading an
///   i23 file names its arguments "1"..."N". The structure round-trips, the names do not.
public enum ICCMAFormat: String, CaseIterable, Sendable {
  case apx, tgf, i23

  /// By extension: .apx, .tgf, .i23 and .af (i23); nil otherwise. A leading dot and letter case
  /// are ignored.
  public init?(pathExtension: String) {
    var lowered = pathExtension.lowercased()
    if lowered.hasPrefix(".") { lowered.removeFirst() }
    switch lowered {
    case "apx": self = .apx
    case "tgf": self = .tgf
    case "i23", "af": self = .i23
    default: return nil
    }
  }
}

/// A malformed ICCMA file: where (1-based line, and column counted in Unicode scalars) and what.
public struct ICCMAParseError: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: error: message`, as compilers print it.
  public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Writes abstract frameworks in the ICCMA formats; see `ICCMAFormat` for how names are kept.
public enum ICCMAWriter {
  /// Writes the framework in the format, arguments in framework order, then the attacks ordered
  /// by attacker and target. Output goes to `target` in chunks, so a large framework is never
  /// one string.
  public static func write(
    _ af: AbstractFramework, format: ICCMAFormat, to target: inout some TextOutputStream
  ) {
    write(
      af, format: format,
      names: { name in for argument in 0..<af.argumentCount { name(af.name(argument)) } },
      to: &target)
  }

  /// `write`, with argument `i` named by the `i`th name that `names` passes on (for every
  /// argument, in order), so that names can stream from wherever they are kept; i23 carries no
  /// names and never asks for them. Each argument's line is written as its name arrives.
  public static func write<Failure: Error>(
    _ af: AbstractFramework, format: ICCMAFormat,
    names: (_ name: (String) -> Void) throws(Failure) -> Void,
    to target: inout some TextOutputStream
  ) throws(Failure) {
    var out = ChunkedOutput()
    switch format {
    case .apx:
      var written: [String] = []
      written.reserveCapacity(af.argumentCount)
      try names { name in
        let name = apxName(name)
        out.append("arg(")
        out.append(name)
        out.endLine(").", to: &target)
        written.append(name)
      }
      forEachAttack(af) { attacker, attacked in
        out.append("att(")
        out.append(written[attacker])
        out.append(",")
        out.append(written[attacked])
        out.endLine(").", to: &target)
      }
    case .tgf:
      var written: [String] = []
      written.reserveCapacity(af.argumentCount)
      try names { name in
        let name = tgfName(name)
        out.endLine(name, to: &target)
        written.append(name)
      }
      out.endLine("#", to: &target)
      forEachAttack(af) { attacker, attacked in
        out.append(written[attacker])
        out.append(" ")
        out.endLine(written[attacked], to: &target)
      }
    case .i23:
      out.append("p af ")
      out.endLine(String(af.argumentCount), to: &target)
      forEachAttack(af) { attacker, attacked in
        out.append(String(attacker + 1))
        out.append(" ")
        out.endLine(String(attacked + 1), to: &target)
      }
    }
    out.flush(to: &target)
  }

  /// The framework as one string in the format.
  public static func render(_ af: AbstractFramework, format: ICCMAFormat) -> String {
    var text = ""
    write(af, format: format, to: &text)
    return text
  }

  private static func forEachAttack(_ af: AbstractFramework, _ body: (Int, Int) -> Void) {
    for attacker in 0..<af.argumentCount {
      for attacked in af.targets(of: attacker) { body(attacker, Int(attacked)) }
    }
  }

  /// The name as apx writes it: bare, or quoted when a byte could not stand in a bare apx name.
  static func apxName(_ name: String) -> String {
    let bare =
      !name.isEmpty
      && name.utf8.allSatisfy { byte in
        byte > 0x20 && byte != 0x7F && !apxSpecial.contains(byte)
      }
    return bare ? name : quoted(name)
  }

  /// The name as tgf writes it: bare, or quoted when it holds whitespace or could be misread.
  static func tgfName(_ name: String) -> String {
    let bare =
      !name.isEmpty && name.utf8.first != UInt8(ascii: "#")
      && name.utf8.allSatisfy { byte in
        byte > 0x20 && byte != 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
      }
    return bare ? name : quoted(name)
  }

  private static let apxSpecial: Set<UInt8> = Set("(),.%\"\\".utf8)

  private static func quoted(_ name: String) -> String {
    var text = "\""
    for scalar in name.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      default: text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
    return text
  }
}

/// Gathers small pieces into a buffer and hands it to the stream about every 64 KiB.
private struct ChunkedOutput {
  private var buffer = ""
  private static let limit = 1 << 16

  init() { buffer.reserveCapacity(Self.limit + 256) }

  mutating func append(_ piece: String) { buffer.append(piece) }

  /// Appends the line's last piece and a newline, and passes the buffer on once it is full.
  mutating func endLine(_ piece: String, to target: inout some TextOutputStream) {
    buffer.append(piece)
    buffer.append("\n")
    if buffer.utf8.count >= Self.limit { flush(to: &target) }
  }

  mutating func flush(to target: inout some TextOutputStream) {
    guard !buffer.isEmpty else { return }
    target.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}
