/// The parsed command line: the command, its operands and options.
struct Options {
  static let commands = ["run", "verify", "exercise", "check", "bench", "help"]

  var command: String?
  var operands: [String] = []
  var help = false
  var bless = false
  var list = false
  var force = false
  var junitPath: String?
  var dataDirectory: String?
  var offline = false
  var json = false
  var seed: UInt64 = 0
  var color: Bool

  /// Parses `arguments`; options may come before or after the operands, as `--data DIR` or
  /// `--data=DIR`.
  static func parse(_ arguments: [String], environment: [String: String], isTerminal: Bool) throws
    -> Options
  {
    var options = Options(
      color: isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
    options.dataDirectory = environment["CNN_LESSON_DATA"]
    options.offline = !(environment["CNN_LESSON_OFFLINE"] ?? "").isEmpty
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
              notes: closest(word, commands).map { ["did you mean '\($0)'?"] } ?? [
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
          "--json", "--list", "--force",
        ]
        throw UsageError(
          "unknown option '\(name)'",
          notes: closest(name, known).map { ["did you mean '\($0)'?"] } ?? [],
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
    if (options.list || options.force) && options.command != "exercise" {
      throw UsageError("--list and --force only apply to 'exercise'", command: options.command)
    }
    return options
  }

  /// The candidate within edit distance 2 of `word`, for "did you mean".
  private static func closest(_ word: String, _ candidates: [String]) -> String? {
    candidates.map { ($0, distance(word, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
  }

  private static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var current = [i] + [Int](repeating: 0, count: b.count)
      for j in 1...max(b.count, 1) where !b.isEmpty {
        current[j] = min(
          previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}
