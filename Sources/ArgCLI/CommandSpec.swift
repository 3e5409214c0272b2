import Argmap

/// A command described as a value: help and parsing both come from it, so they cannot drift.
struct CommandSpec: Sendable {
  struct Argument: Sendable {
    var name: String
    var help: String
    var isOptional = false
    /// Takes every remaining argument (one or more).
    var isVariadic = false
  }

  struct Option: Sendable {
    /// With its dashes, e.g. `--depth`.
    var name: String
    /// The placeholder shown in help; nil for a flag that takes no value.
    var valueName: String?
    var help: String
    var isRepeatable = false
    var isRequired = false
  }

  /// The words after `argmap`, e.g. `["export", "dot"]`.
  var path: [String]
  var abstract: String
  var discussion: String? = nil
  var arguments: [Argument] = []
  var options: [Option] = []
  var subcommands: [CommandSpec] = []
  var run: (@Sendable (ParsedCommand, Context) throws(CLIError) -> Void)? = nil

  var name: String { path.last ?? "argmap" }
  var fullName: String { (["argmap"] + path).joined(separator: " ") }

  /// `--json`, offered by every command that reads the map.
  static let json = Option(name: "--json", help: "Print JSON instead of text.")

  var usage: String {
    if path.isEmpty { return "argmap [--db <path>] <command> [options]" }
    if !subcommands.isEmpty { return "\(fullName) <subcommand> ..." }
    var parts = [fullName]
    for argument in arguments {
      var word = "<\(argument.name)>"
      if argument.isVariadic { word += "..." }
      if argument.isOptional { word = "[\(word)]" }
      parts.append(word)
    }
    for option in options {
      var word = option.valueName.map { "\(option.name) <\($0)>" } ?? option.name
      if option.isRepeatable { word += "..." }
      parts.append(option.isRequired ? word : "[\(word)]")
    }
    return parts.joined(separator: " ")
  }

  func option(named name: String) -> Option? {
    options.first { $0.name == name }
  }
}

/// The values a command line gave, checked against its spec.
struct ParsedCommand {
  var spec: CommandSpec
  var positionals: [String] = []
  var values: [String: [String]] = [:]
  var flags: Set<String> = []

  func argument(_ index: Int) -> String? {
    index < positionals.count ? positionals[index] : nil
  }

  func value(_ option: String) -> String? { values[option]?.last }

  func all(_ option: String) -> [String] { values[option] ?? [] }

  func has(_ flag: String) -> Bool { flags.contains(flag) }

  var wantsJSON: Bool { has("--json") }

  /// A non-negative whole number, or a usage error naming the option.
  func count(_ option: String) throws(CLIError) -> Int? {
    guard let text = value(option) else { return nil }
    guard let number = Int(text), number >= 0 else {
      throw .usage("'\(option)' takes a whole number, not '\(text)'", spec)
    }
    return number
  }
}

/// Turns the words of a command line into a `ParsedCommand`, or a usage error that says what
/// was wrong and what was probably meant.
enum ArgumentParser {
  static func parse(_ words: [String], for spec: CommandSpec) throws(CLIError) -> ParsedCommand {
    var parsed = ParsedCommand(spec: spec)
    var remaining = words[...]
    var optionsEnded = false
    while let word = remaining.popFirst() {
      if optionsEnded || !word.hasPrefix("-") || word == "-" || isNegativeNumber(word) {
        parsed.positionals.append(word)
      } else if word == "--" {
        optionsEnded = true
      } else {
        try parseOption(word, from: &remaining, into: &parsed)
      }
    }
    try checkCounts(of: parsed)
    return parsed
  }

  private static func parseOption(
    _ word: String, from remaining: inout ArraySlice<String>, into parsed: inout ParsedCommand
  ) throws(CLIError) {
    let spec = parsed.spec
    let (name, inlineValue) = splitInlineValue(word)
    guard let option = spec.option(named: name) else {
      let hint = nearestOptionHint(name, spec: spec)
      throw .usage("unknown option '\(name)'\(hint)", spec)
    }
    guard option.valueName != nil else {
      if inlineValue != nil { throw .usage("'\(name)' takes no value", spec) }
      parsed.flags.insert(name)
      return
    }
    guard let value = inlineValue ?? remaining.popFirst() else {
      throw .usage("'\(name)' needs a value <\(option.valueName ?? "value")>", spec)
    }
    if !option.isRepeatable, parsed.values[name] != nil {
      throw .usage("'\(name)' is given more than once", spec)
    }
    parsed.values[name, default: []].append(value)
  }

  private static func checkCounts(of parsed: ParsedCommand) throws(CLIError) {
    let spec = parsed.spec
    let required = spec.arguments.filter { !$0.isOptional }.count
    if parsed.positionals.count < required {
      let missing = spec.arguments[parsed.positionals.count]
      throw .usage("missing <\(missing.name)>", spec)
    }
    let isVariadic = spec.arguments.last?.isVariadic ?? false
    if !isVariadic, parsed.positionals.count > spec.arguments.count {
      let extra = parsed.positionals[spec.arguments.count]
      throw .usage("unexpected argument '\(extra)'", spec)
    }
    for option in spec.options where option.isRequired && parsed.values[option.name] == nil {
      throw .usage("missing '\(option.name) <\(option.valueName ?? "value")>'", spec)
    }
  }

  private static func splitInlineValue(_ word: String) -> (String, String?) {
    guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  private static func isNegativeNumber(_ word: String) -> Bool {
    word.count > 1 && Int(word) != nil
  }

  private static func nearestOptionHint(_ name: String, spec: CommandSpec) -> String {
    let names = spec.options.map(\.name) + ["--help"]
    return Identifier.nearest(to: name, among: names).map { ". Did you mean '\($0)'?" } ?? ""
  }
}
