import Argmap

#if canImport(FoundationEssentials)
  import FoundationEssentials
#else
  import Foundation
#endif

extension Commands {
  static let af = CommandSpec(
    path: ["af"], abstract: "Abstract argumentation frameworks in the ICCMA formats.",
    subcommands: [afSolve])

  static let afSolve = CommandSpec(
    path: ["af", "solve"],
    abstract: "Solve an ICCMA task on a framework file, as an ICCMA solver does.",
    discussion: """
      Reads .apx (arg(a). att(a,b).), .tgf or ICCMA 2023 .i23 (p af N) files and prints the
      answer in the ICCMA conventions: 2017 style for apx and tgf ([a,b], [[a],[b,c]], YES,
      NO), 2023 style for i23 (w 1 4 7, YES, NO).
      """,
    options: [
      .init(name: "-p", valueName: "task", help: "The task, e.g. SE-GR or DC-PR."),
      .init(name: "-f", valueName: "file", help: "The framework file."),
      .init(name: "-fo", valueName: "format", help: "apx, tgf or i23 (default: by extension)."),
      .init(name: "-a", valueName: "argument", help: "The query argument of DC and DS tasks."),
      .init(name: "--problems", help: "List the supported tasks and exit."),
      .init(name: "--formats", help: "List the supported file formats and exit."),
      timeoutOption,
    ]
  ) { command, context throws(CLIError) in
    if command.has("--problems") {
      context.console.line("[" + ICCMATask.allCases.map(\.rawValue).joined(separator: ",") + "]")
      return
    }
    if command.has("--formats") {
      context.console.line("[" + ICCMAFormat.allCases.map(\.rawValue).joined(separator: ",") + "]")
      return
    }
    // An ICCMA solver called with no arguments names itself.
    if command.values.isEmpty, command.flags.isEmpty {
      context.console.line("argmap \(CLI.version)")
      return
    }
    guard let taskName = command.value("-p"), let path = command.value("-f") else {
      throw .usage("'af solve' needs '-p <task>' and '-f <file>'", command.spec)
    }
    guard let task = ICCMATask(rawValue: taskName.uppercased()) else {
      throw .usage(
        "unknown task '\(taskName)'; 'argmap af solve --problems' lists them", command.spec)
    }
    let format = try framework(format: command.value("-fo"), path: path, command)
    let framework = try readFramework(path, format: format)
    let argument = try queryArgument(command.value("-a"), task: task, in: framework, command)
    let settings = try EvaluationSettings(command)
    let answer = try settings.run { budget in
      try ICCMA.solve(
        task, framework, argument: argument, style: format == .i23 ? .iccma2023 : .iccma2017,
        budget: budget)
    }
    context.console.writeOut(answer.hasSuffix("\n") ? answer : answer + "\n")
  }

  private static func framework(format name: String?, path: String, _ command: ParsedCommand)
    throws(CLIError) -> ICCMAFormat
  {
    if let name {
      guard let format = ICCMAFormat(rawValue: name) else {
        throw .usage("unknown format '\(name)'; use apx, tgf or i23", command.spec)
      }
      return format
    }
    let pathExtension = path.split(separator: ".").last.map(String.init) ?? ""
    guard let format = ICCMAFormat(pathExtension: pathExtension) else {
      throw .usage("cannot tell the format of '\(path)'; give '-fo apx|tgf|i23'", command.spec)
    }
    return format
  }

  private static func readFramework(_ path: String, format: ICCMAFormat) throws(CLIError)
    -> AbstractFramework
  {
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw CLIError(code: .notFound, message: "cannot read '\(path)'")
    }
    do {
      return try ICCMAReader.read(bytes, format: format, file: path)
    } catch {
      throw CLIError(
        code: .badInput, message: "the framework has an error", details: [error.description])
    }
  }

  private static func queryArgument(
    _ name: String?, task: ICCMATask, in framework: AbstractFramework, _ command: ParsedCommand
  ) throws(CLIError) -> Int? {
    guard task.needsArgument else { return nil }
    guard let name else {
      throw .usage("task \(task.rawValue) needs '-a <argument>'", command.spec)
    }
    guard let index = framework.names.firstIndex(of: name) else {
      throw CLIError(code: .notFound, message: "no argument '\(name)' in the framework")
    }
    return index
  }
}
