/// Every command-line option in one table: its spellings, its value, the commands it applies to
/// and its help text. `Options.parse` reads options through it, the "did you mean" list and the
/// "only applies to" errors come from it, and each command's OPTIONS section in `--help` is
/// rendered from it, so the three cannot drift apart.
struct OptionSpec {
  /// Which option this is, for `Options.set`.
  enum Key: CaseIterable {
    case help, version, bless, dryRun, list, force, strict, junit, output, json, data, offline,
      seed,
      timeout
    case maxMemory
    case color, noColor
  }

  let key: Key
  /// `["-h", "--help"]`; the last is the long name.
  let names: [String]
  /// The value's placeholder (`DIR`), nil for a flag.
  let value: String?
  /// The commands it applies to; nil for all.
  let commands: [String]?
  /// One or more lines of help, without indentation.
  let help: String

  /// `--data DIR`.
  var usage: String {
    names.joined(separator: ", ") + (value.map { " " + $0 } ?? "")
  }

  /// Whether the option applies to `command`.
  func applies(to command: String?) -> Bool {
    guard let commands else { return true }
    return command.map(commands.contains) ?? false
  }
}

enum OptionTable {
  static let all: [OptionSpec] = [
    OptionSpec(
      key: .bless, names: ["--bless"], value: nil, commands: ["run"],
      help: """
        rewrite the lines of ```output blocks that fail with what the cells printed,
        in the form they were written (a grid stays a grid, a band keeps its width;
        passing lines, ..., placeholders and ```error blocks stay); prints the diff,
        checks the file again, and exits 0 when everything passes
        """),
    OptionSpec(
      key: .dryRun, names: ["--dry-run"], value: nil, commands: ["run"],
      help: "with --bless: print the diff, write nothing"),
    OptionSpec(
      key: .list, names: ["--list"], value: nil, commands: ["exercise"],
      help: "list the exercises"),
    OptionSpec(
      key: .force, names: ["--force"], value: nil, commands: ["exercise"],
      help: "overwrite FILE if it exists"),
    OptionSpec(
      key: .junit, names: ["--junit"], value: "FILE", commands: ["verify"],
      help:
        "also write a JUnit XML report to FILE (a suite per lesson, file in error and exercise)"),
    OptionSpec(
      key: .output, names: ["-o", "--output"], value: "DIR", commands: ["render"],
      help:
        "the folder the pages are written to (default: \(RenderCommand.defaultOutput); made if missing)"
    ),
    OptionSpec(
      key: .strict, names: ["--strict"], value: nil, commands: ["verify", "render"],
      help: "checks that cannot run here (a missing dataset) fail (exit 1)"),
    OptionSpec(
      key: .json, names: ["--json"], value: nil, commands: ["bench"],
      help: "one JSON object instead of the table"),
    OptionSpec(
      key: .data, names: ["--data"], value: "DIR", commands: nil,
      help: """
        where datasets are found (also: CNN_LESSON_DATA), before the MNIST shipped
        with cnn-lesson; a lesson whose dataset is missing reports the cells that
        need it as skipped. 'none': use no datasets (a quick run without training)
        """),
    OptionSpec(
      key: .offline, names: ["--offline"], value: nil,
      commands: ["run", "verify", "render", "check"],
      help: "never download datasets (also: CNN_LESSON_OFFLINE=1)"),
    OptionSpec(
      key: .seed, names: ["--seed"], value: "N", commands: ["run", "verify", "render", "check"],
      help: "initial seed of torch's generator (default 0; torch.manual_seed overrides)"),
    OptionSpec(
      key: .timeout, names: ["--timeout"], value: "SECONDS",
      commands: ["run", "verify", "render", "check"],
      help: """
        end a cell (or a script) that runs longer with a TimeoutError; 0 for no
        limit (default: none for run, \(Limits.checkTimeout) s for check,
        \(Limits.verifyTimeout) s for verify and render)
        """),
    OptionSpec(
      key: .maxMemory, names: ["--max-memory"], value: "SIZE",
      commands: ["run", "verify", "render", "check"],
      help: """
        the most memory the lesson's values may hold, e.g. 2GiB or 512MiB; beyond
        it a MemoryError (also: CNN_LESSON_MAX_MEMORY; default: a quarter of
        physical memory, at most 4 GiB, at most a tenth of ulimit -v)
        """),
    OptionSpec(
      key: .color, names: ["--color"], value: nil, commands: nil,
      help: "colour on (default: on for a terminal, off with NO_COLOR)"),
    OptionSpec(key: .noColor, names: ["--no-color"], value: nil, commands: nil, help: "colour off"),
    OptionSpec(key: .help, names: ["-h", "--help"], value: nil, commands: nil, help: "show help"),
    OptionSpec(
      key: .version, names: ["-V", "--version"], value: nil, commands: nil,
      help: "show the version and how this binary was built"),
  ]

  /// The option spelled `name` (`--data`, `-h`), if any.
  static func spec(named name: String) -> OptionSpec? {
    all.first { $0.names.contains(name) }
  }

  /// Every long name, for "did you mean".
  static var names: [String] { all.flatMap(\.names) }

  /// The OPTIONS section of `command`'s help (nil: the options of every command), each option's
  /// usage in a column of 17 characters and its help beside and below it.
  static func section(for command: String?) -> String {
    let specs = all.filter { command == nil ? $0.commands == nil : $0.applies(to: command) }
    return specs.map { spec in
      let lines = spec.help.split(separator: "\n", omittingEmptySubsequences: false)
      let head = "  " + spec.usage
      let indent = String(repeating: " ", count: 19)
      let first =
        head.count < 19
        ? head + String(repeating: " ", count: 19 - head.count) + lines[0]
        : head + "\n" + indent + lines[0]
      return ([first] + lines.dropFirst().map { indent + $0 }).joined(separator: "\n")
    }.joined(separator: "\n")
  }
}

/// The default limits a command runs lesson code under.
enum Limits {
  /// `check`'s default time limit per run of a learner's file, in seconds.
  static let checkTimeout = 120
  /// `verify`'s default time limit per cell, in seconds (lesson 09 trains for minutes in one cell).
  static let verifyTimeout = 1800

  /// The default `--timeout` of `command`: nil for no limit.
  static func defaultTimeout(for command: String?) -> Duration? {
    switch command {
    case "check": return .seconds(checkTimeout)
    case "verify", "render": return .seconds(verifyTimeout)
    default: return nil
    }
  }

  /// `SECONDS` of `--timeout`: a non-negative number, `0` for no limit.
  static func parseTimeout(_ text: String) -> Duration?? {
    let trimmed = text.hasSuffix("s") ? String(text.dropLast()) : text
    guard let seconds = Double(trimmed), seconds.isFinite, seconds >= 0, seconds < 1e9 else {
      return nil
    }
    return .some(seconds == 0 ? nil : .milliseconds(Int((seconds * 1000).rounded(.up))))
  }

  /// `SIZE` of `--max-memory`: bytes, or a number with K, M, G, T (or KiB, MiB, GiB, TiB, KB,
  /// MB...; all powers of 1024); `0` or `none` for no limit. Nil when malformed.
  static func parseMemory(_ text: String) -> Int?? {
    let lowered = String(text.lowercased().filter { $0 != " " })
    if lowered == "none" || lowered == "0" { return .some(nil) }
    let units: [(suffix: String, shift: Int)] = [
      ("kib", 10), ("mib", 20), ("gib", 30), ("tib", 40), ("kb", 10), ("mb", 20), ("gb", 30),
      ("tb", 40), ("k", 10), ("m", 20), ("g", 30), ("t", 40), ("b", 0), ("", 0),
    ]
    guard let unit = units.first(where: { lowered.hasSuffix($0.suffix) }),
      let number = Double(lowered.dropLast(unit.suffix.count)), number.isFinite, number > 0
    else { return nil }
    let bytes = number * Double(1 << unit.shift)
    guard bytes < 0x1p62 else { return nil }
    return .some(Int(bytes.rounded(.up)))
  }
}
