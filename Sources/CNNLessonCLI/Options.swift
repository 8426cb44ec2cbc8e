/// The parsed command line: the command, its operands and options, as the user gave them.
/// Defaults from the environment (`CNN_LESSON_DATA`, `NO_COLOR`...) are `Workspace`'s.
struct Options {
  static let commands = ["run", "verify", "exercise", "check", "bench", "help"]

  var command: String?
  var operands: [String] = []
  var help = false
  var bless = false
  var list = false
  var force = false
  /// `verify --strict`: a check that cannot run here (a missing dataset) fails.
  var strict = false
  var junitPath: String?
  /// `--data DIR`.
  var dataDirectory: String?
  /// `--offline`.
  var offline = false
  var json = false
  var seed: UInt64 = 0
  /// `--color` (true) or `--no-color` (false); nil when neither was given.
  var color: Bool?

  /// Parses `arguments`; options may come before or after the operands, as `--data DIR` or
  /// `--data=DIR`.
  static func parse(_ arguments: [String]) throws -> Options {
    var options = Options()
    var words = arguments[...]
    while let word = words.popFirst() {
      if word == "--" {
        options.operands += words
        break
      }
      guard word.hasPrefix("-") && word != "-" else {
        if options.command == nil {
          guard commands.contains(word) else {
            throw UsageError(
              "unknown command '\(word)'",
              notes: closestMatch(to: word, in: commands).map { ["did you mean '\($0)'?"] } ?? [
                "commands: run, verify, exercise, check, help"
              ])
          }
          options.command = word
        } else {
          options.operands.append(word)
        }
        continue
      }
      var name = word
      var inlineValue: String?
      if let equals = word.firstIndex(of: "=") {
        name = String(word[..<equals])
        inlineValue = String(word[word.index(after: equals)...])
      }
      func value() throws -> String {
        if let inlineValue { return inlineValue }
        guard let next = words.popFirst() else {
          throw UsageError("option \(name) needs a value", command: options.command)
        }
        return next
      }
      switch name {
      case "-h", "--help": options.help = true
      case "--bless": options.bless = true
      case "--list": options.list = true
      case "--force": options.force = true
      case "--offline": options.offline = true
      case "--strict": options.strict = true
      case "--json": options.json = true
      case "--color": options.color = true
      case "--no-color": options.color = false
      case "--junit": options.junitPath = try value()
      case "--data": options.dataDirectory = try value()
      case "--seed":
        let text = try value()
        guard let seed = UInt64(text) else {
          throw UsageError(
            "--seed takes a non-negative integer, not '\(text)'", command: options.command)
        }
        options.seed = seed
      default:
        let known = [
          "--help", "--bless", "--color", "--no-color", "--junit", "--data", "--seed", "--offline",
          "--json", "--list", "--force", "--strict",
        ]
        throw UsageError(
          "unknown option '\(name)'",
          notes: didYouMean(name, in: known),
          command: options.command)
      }
    }
    if options.bless && options.command != "run" {
      throw UsageError("--bless only applies to 'run'", command: options.command)
    }
    if options.json && options.command != "bench" {
      throw UsageError("--json only applies to 'bench'", command: options.command)
    }
    if options.junitPath != nil && options.command != "verify" {
      throw UsageError("--junit only applies to 'verify'", command: options.command)
    }
    if options.strict && options.command != "verify" {
      throw UsageError("--strict only applies to 'verify'", command: options.command)
    }
    if (options.list || options.force) && options.command != "exercise" {
      throw UsageError("--list and --force only apply to 'exercise'", command: options.command)
    }
    return options
  }
}
