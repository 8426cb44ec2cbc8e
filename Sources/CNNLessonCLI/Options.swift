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
    guard Self.commands.contains(word) else {
      throw UsageError(
        "unknown command '\(word)'",
        notes: closestMatch(to: word, in: Self.commands).map { ["did you mean '\($0)'?"] } ?? [
          "commands: run, verify, exercise, check, help"
        ])
    }
    command = word
  }

  /// The option `word` (`--data DIR`, `--data=DIR`), its value taken from `words` if need be.
  private mutating func setOption(_ word: String, taking words: inout ArraySlice<String>) throws {
    let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    let name = String(parts[0])
    let command = self.command
    func value() throws -> String {
      if parts.count == 2 { return String(parts[1]) }
      guard let next = words.popFirst() else {
        throw UsageError("option \(name) needs a value", command: command)
      }
      return next
    }
    switch name {
    case "-h", "--help": help = true
    case "--bless": bless = true
    case "--list": list = true
    case "--force": force = true
    case "--offline": offline = true
    case "--strict": strict = true
    case "--json": json = true
    case "--color": color = true
    case "--no-color": color = false
    case "--junit": junitPath = try value()
    case "--data": dataDirectory = try value()
    case "--seed":
      let text = try value()
      guard let seed = UInt64(text) else {
        throw UsageError("--seed takes a non-negative integer, not '\(text)'", command: command)
      }
      self.seed = seed
    default:
      throw UsageError(
        "unknown option '\(name)'", notes: didYouMean(name, in: Self.knownOptions), command: command
      )
    }
  }

  static let knownOptions = [
    "--help", "--bless", "--color", "--no-color", "--junit", "--data", "--seed", "--offline",
    "--json", "--list", "--force", "--strict",
  ]

  /// Rejects options given to a command they do not apply to.
  private func checkApplicability() throws {
    let rules: [(given: Bool, commands: [String], message: String)] = [
      (bless, ["run"], "--bless only applies to 'run'"),
      (json, ["bench"], "--json only applies to 'bench'"),
      (junitPath != nil, ["verify"], "--junit only applies to 'verify'"),
      (strict, ["verify"], "--strict only applies to 'verify'"),
      (list || force, ["exercise"], "--list and --force only apply to 'exercise'"),
    ]
    for rule in rules where rule.given && !rule.commands.contains(command ?? "") {
      throw UsageError(rule.message, command: command)
    }
  }
}
