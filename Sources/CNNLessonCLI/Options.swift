/// The parsed command line: the command, its operands and options, as the user gave them.
/// Defaults from the environment (`CNN_LESSON_DATA`, `NO_COLOR`...) are `Workspace`'s.
struct Options {
  var command: String?
  var operands: [String] = []
  /// How many operands came before `--` (nil without one): `run main.py -- --epochs 1` gives the
  /// script its arguments.
  var operandsBeforeDoubleDash: Int?
  var help = false
  /// `--version`.
  var version = false
  var bless = false
  /// `run --bless --dry-run`: the diff, nothing written.
  var dryRun = false
  var list = false
  var force = false
  /// `verify --strict`: a check that cannot run here (a missing dataset) fails.
  var strict = false
  var junitPath: String?
  /// `render -o DIR`: the folder the pages are written to.
  var outputDirectory: String?
  /// `--data DIR`.
  var dataDirectory: String?
  /// `--offline`.
  var offline = false
  var json = false
  var seed: UInt64 = 0
  /// `--color` (true) or `--no-color` (false); nil when neither was given.
  var color: Bool?
  /// `--timeout`: nil when not given (the command's default), `.some(nil)` for no limit.
  var timeout: Duration??
  /// `--max-memory` in bytes: nil when not given, `.some(nil)` for no limit.
  var maxMemory: Int??
  /// The options given, in order (for the "only applies to" check).
  private var given: [OptionSpec] = []

  /// Parses `arguments`; options may come before or after the operands, as `--data DIR` or
  /// `--data=DIR`.
  static func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var words = arguments[...]
    while let word = words.popFirst() {
      if word == "--" {
        options.operandsBeforeDoubleDash = options.operands.count
        options.operands += words
        break
      }
      if word.hasPrefix("-") && word != "-" {
        try options.setOption(word, taking: &words)
      } else {
        try options.addWord(word)
      }
    }
    try options.checkApplicability()
    return options
  }

  /// The command, or else an operand.
  private mutating func addWord(_ word: String) throws {
    guard command == nil else {
      operands.append(word)
      return
    }
    guard CommandTable.command(named: word) != nil else {
      throw CommandTable.unknownCommand(word)
    }
    command = word
  }

  /// The option `word` (`--data DIR`, `--data=DIR`), its value taken from `words` if need be.
  private mutating func setOption(_ word: String, taking words: inout ArraySlice<String>) throws {
    let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    let command = self.command
    guard let spec = OptionTable.spec(named: name) else {
      throw UsageError(
        "unknown option '\(name)'", notes: didYouMean(name, in: OptionTable.names),
        command: command)
    }
    var text: String?
    if let placeholder = spec.value {
      if parts.count == 2 {
        text = String(parts[1])
      } else if let next = words.popFirst() {
        text = next
      } else {
        throw UsageError("option \(name) needs a value (\(name) \(placeholder))", command: command)
      }
    } else if parts.count == 2 {
      throw UsageError("option \(name) takes no value", command: command)
    }
    given.append(spec)
    try set(spec.key, text ?? "", name: name)
  }

  /// Stores option `key`'s value, parsed from `text` (empty for a flag).
  private mutating func set(_ key: OptionSpec.Key, _ text: String, name: String) throws {
    let command = self.command
    switch key {
    case .help: help = true
    case .version: version = true
    case .bless: bless = true
    case .dryRun: dryRun = true
    case .list: list = true
    case .force: force = true
    case .offline: offline = true
    case .strict: strict = true
    case .json: json = true
    case .color: color = true
    case .noColor: color = false
    case .junit: junitPath = text
    case .output: outputDirectory = text
    case .data: dataDirectory = text
    case .seed:
      guard let seed = UInt64(text) else {
        throw UsageError("--seed takes a non-negative integer, not '\(text)'", command: command)
      }
      self.seed = seed
    case .timeout:
      guard let limit = Limits.parseTimeout(text) else {
        throw UsageError(
          "--timeout takes a number of seconds (0 for no limit), not '\(text)'", command: command)
      }
      timeout = .some(limit)
    case .maxMemory:
      guard let limit = Limits.parseMemory(text) else {
        throw UsageError(
          "--max-memory takes a size such as 2GiB, 512MiB or 1000000 (bytes), not '\(text)'",
          notes: ["0 or none: no limit"], command: command)
      }
      maxMemory = .some(limit)
    }
  }

  /// Rejects options given to a command they do not apply to.
  private func checkApplicability() throws {
    for spec in given where !spec.applies(to: command) {
      let quoted = (spec.commands ?? []).map { "'\($0)'" }
      let commands =
        quoted.count > 1
        ? quoted.dropLast().joined(separator: ", ") + " and " + (quoted.last ?? "")
        : quoted.joined()
      throw UsageError(
        "\(spec.names.last ?? "") only applies to \(commands)", command: command)
    }
  }
}
