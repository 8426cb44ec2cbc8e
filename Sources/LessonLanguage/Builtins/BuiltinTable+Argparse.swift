/// `import argparse` and `import sys`, for scripts run as `cnn-lesson run main.py -- --epochs 1`:
/// an `ArgumentParser` with Python's parsing, messages, usage and help, reading `sys.argv`
/// (the script's arguments after `--`), and `sys.exit`.

extension BuiltinTable {
  static let argumentParsing: [BuiltinFunction] = [
    .function(
      "argparse.ArgumentParser", .optionalString("prog"), .optionalString("usage"),
      .optionalString("description"), .optionalString("epilog"), .keywords("kwargs")
    ) { interpreter, prog, _, description, epilog, options in
      let argv = interpreter.environment.argv
      let script = argv.first.flatMap { $0.split(separator: "/").last.map(String.init) } ?? ""
      var addHelp = true
      if let value = options.first(where: { $0.name == "add_help" })?.value {
        addHelp = try interpreter.truthy(value)
      }
      return .object(
        ArgumentParserObject(
          prog: prog ?? (script.isEmpty ? "cnn-lesson" : script), description: description,
          epilog: epilog, addHelp: addHelp))
    },
    .function(
      "argparse.ArgumentParser.add_argument", .argumentParser("self"), .variadic("name_or_flags"),
      .keywords("kwargs")
    ) { interpreter, parser, names, options in
      try parser.addArgument(names, options, interpreter: interpreter)
      return .none
    },
    .function(
      "argparse.ArgumentParser.parse_args", .argumentParser("self"), .optionalValue("args"),
      .optionalValue("namespace")
    ) { interpreter, parser, args, _ in
      let words: [String]
      if let args, !args.isNone {
        words = try interpreter.iterateAll(args).map { interpreter.str($0) }
      } else {
        words = Array(interpreter.environment.argv.dropFirst())
      }
      return .object(try parser.parse(words, interpreter: interpreter))
    },
    .function("argparse.ArgumentParser.print_help", .argumentParser("self")) {
      interpreter, parser in
      interpreter.output(parser.help)
      return .none
    },
    .function("argparse.ArgumentParser.format_help", .argumentParser("self")) { _, parser in
      .string(parser.help)
    },
    .function("sys.exit", .optionalValue("status").positionalOnly) { interpreter, status in
      var exception: PythonException
      switch status {
      case nil, .none?:
        exception = PythonException(.systemExit, "")
        exception.exitStatus = 0
      case .int(let code)?:
        exception = PythonException(.systemExit, String(code))
        exception.exitStatus = Int32(clamping: code)
      case let other?:
        // sys.exit('message') prints the message and exits with status 1.
        exception = PythonException(.systemExit, interpreter.str(other))
        exception.exitStatus = 1
        exception.exitText = interpreter.str(other) + "\n"
      }
      throw exception
    },
  ]
}

/// One argument of a parser: its option strings (or none, for a positional), where it is stored,
/// and how its value is read.
struct ParserArgument {
  enum Action { case store, storeTrue, storeFalse }
  var flags: [String]
  var dest: String
  var action: Action
  var type: Value?
  var defaultValue: Value
  var help: String?
  var metavar: String?
  var required: Bool
  var choices: [Value]?

  var isPositional: Bool { flags.isEmpty }
  var takesValue: Bool { action == .store }
  /// `N` in `--batch-size N`.
  var shownMetavar: String { metavar ?? (isPositional ? dest : dest.uppercased()) }
  /// `[--batch-size N]`, `[--dry-run]`, `epochs`.
  var usagePart: String {
    guard let flag = flags.first else { return shownMetavar }
    let part = takesValue ? "\(flag) \(shownMetavar)" : flag
    return required ? part : "[\(part)]"
  }
  /// `-b N, --batch-size N`.
  var invocation: String {
    isPositional
      ? shownMetavar
      : flags.map { takesValue ? "\($0) \(shownMetavar)" : $0 }.joined(separator: ", ")
  }
}

/// `argparse.ArgumentParser(...)`.
final class ArgumentParserObject: HostObject {
  let prog: String
  let description: String?
  let epilog: String?
  let addHelp: Bool
  private(set) var arguments: [ParserArgument] = []

  init(prog: String, description: String?, epilog: String?, addHelp: Bool) {
    self.prog = prog
    self.description = description
    self.epilog = epilog
    self.addHelp = addHelp
  }

  var typeName: String { "ArgumentParser" }
  var text: String { "ArgumentParser(prog='\(prog)')" }
  var methodNamespace: String? { "argparse.ArgumentParser" }

  /// Python's default width for help: 80 columns, less 2.
  static let width = 78

  func addArgument(
    _ names: [Value], _ options: [(name: String, value: Value)], interpreter: Interpreter
  )
    throws
  {
    let flags = try names.map { value -> String in
      guard case .string(let text) = value, !text.isEmpty else {
        throw PythonException.type("add_argument() names must be strings")
      }
      return text
    }
    guard !flags.isEmpty else {
      throw PythonException.type("add_argument() missing a name or flag")
    }
    let isOptional = flags[0].hasPrefix("-")
    if isOptional, let bad = flags.first(where: { !$0.hasPrefix("-") }) {
      throw PythonException.value(
        "invalid option string '\(bad)': must start with a character '-'")
    }
    if !isOptional && flags.count > 1 {
      throw PythonException.value("invalid option string: positionals take one name")
    }
    var option: [String: Value] = [:]
    for keyword in options { option[keyword.name] = keyword.value }
    let known: Set<String> = [
      "type", "default", "action", "help", "metavar", "dest", "required", "choices", "nargs",
    ]
    if let unknown = option.keys.sorted().first(where: { !known.contains($0) }) {
      throw PythonException.unsupported("add_argument(\(unknown)=...) is not supported in lessons")
    }
    if let nargs = option["nargs"], !nargs.isNone {
      throw PythonException.unsupported("add_argument(nargs=...) is not supported in lessons")
    }
    let action: ParserArgument.Action
    switch option["action"] {
    case nil, .string("store")?: action = .store
    case .string("store_true")?: action = .storeTrue
    case .string("store_false")?: action = .storeFalse
    case let other?:
      throw PythonException.unsupported(
        "add_argument(action=\(interpreter.repr(other))) is not supported in lessons")
    }
    let long = flags.first(where: { $0.hasPrefix("--") }) ?? flags[0]
    let dest: String
    if case .string(let given)? = option["dest"] {
      dest = given
    } else {
      dest = String(long.drop(while: { $0 == "-" })).replacingOccurrences(of: "-", with: "_")
    }
    let defaultValue: Value =
      option["default"]
      ?? (action == .storeTrue ? .bool(false) : action == .storeFalse ? .bool(true) : .none)
    var choices: [Value]?
    if let given = option["choices"], !given.isNone { choices = try interpreter.iterateAll(given) }
    let metavar: String? = option["metavar"].flatMap {
      if case .string(let text) = $0 { return text }
      return nil
    }
    let help: String? = option["help"].flatMap {
      if case .string(let text) = $0 { return text }
      return nil
    }
    let required = try option["required"].map { try interpreter.truthy($0) } ?? !isOptional
    arguments.append(
      ParserArgument(
        flags: isOptional ? flags : [], dest: dest, action: action, type: option["type"],
        defaultValue: defaultValue, help: help, metavar: metavar, required: required,
        choices: choices))
  }

  // MARK: - Parsing

  /// The namespace `words` give, as Python's `parse_args` reads them; `-h` prints the help and
  /// an error prints the usage and the message, both as `SystemExit` (status 0 and 2).
  func parse(_ words: [String], interpreter: Interpreter) throws -> NamespaceObject {
    var values: [String: Value] = [:]
    for argument in arguments { values[argument.dest] = argument.defaultValue }
    var seen: Set<String> = []
    var positionals = arguments.filter(\.isPositional)[...]
    var unrecognized: [String] = []
    var index = 0
    var onlyPositionals = false
    while index < words.count {
      let word = words[index]
      index += 1
      if word == "--" && !onlyPositionals {
        onlyPositionals = true
        continue
      }
      guard !onlyPositionals, word.hasPrefix("-"), word.count > 1, !looksNegative(word) else {
        guard let argument = positionals.popFirst() else {
          unrecognized.append(word)
          continue
        }
        values[argument.dest] = try convert(word, for: argument, interpreter: interpreter)
        seen.insert(argument.dest)
        continue
      }
      if addHelp && (word == "-h" || word == "--help") {
        var exit = PythonException(.systemExit, "0")
        exit.exitStatus = 0
        interpreter.output(help)
        throw exit
      }
      let (flag, attached) = split(word)
      guard let argument = try match(flag) else {
        unrecognized.append(word)
        continue
      }
      let name = argument.flags.joined(separator: "/")
      switch argument.action {
      case .storeTrue, .storeFalse:
        if let attached {
          throw usageError("argument \(name): ignored explicit argument '\(attached)'")
        }
        values[argument.dest] = .bool(argument.action == .storeTrue)
      case .store:
        let text: String
        if let attached {
          text = attached
        } else if index < words.count,
          !(words[index].hasPrefix("-") && !looksNegative(words[index]))
        {
          text = words[index]
          index += 1
        } else {
          throw usageError("argument \(name): expected one argument")
        }
        values[argument.dest] = try convert(text, for: argument, interpreter: interpreter)
      }
      seen.insert(argument.dest)
    }
    let missing = arguments.filter { $0.required && !seen.contains($0.dest) }
    if !missing.isEmpty {
      throw usageError(
        "the following arguments are required: "
          + missing.map { $0.isPositional ? $0.shownMetavar : $0.flags.joined(separator: "/") }
          .joined(separator: ", "))
    }
    if !unrecognized.isEmpty {
      throw usageError("unrecognized arguments: " + unrecognized.joined(separator: " "))
    }
    // Defaults given as strings go through `type`, as Python does.
    for argument in arguments where !seen.contains(argument.dest) && argument.takesValue {
      if case .string(let text) = argument.defaultValue, argument.type != nil {
        values[argument.dest] = try convert(text, for: argument, interpreter: interpreter)
      }
    }
    return NamespaceObject(arguments.map { ($0.dest, values[$0.dest] ?? .none) })
  }

  /// `-5` and `-.5` are values, not options (the parser has no option that looks like one).
  private func looksNegative(_ word: String) -> Bool {
    Double(word) != nil
  }

  /// `--lr=0.5` as (`--lr`, `0.5`).
  private func split(_ word: String) -> (String, String?) {
    guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
    return (String(word[..<equals]), String(word[word.index(after: equals)...]))
  }

  /// The option `flag` names: exactly, or as the unique prefix of a long option (Python's
  /// `allow_abbrev`).
  private func match(_ flag: String) throws -> ParserArgument? {
    if let exact = arguments.first(where: { $0.flags.contains(flag) }) { return exact }
    guard flag.hasPrefix("--") else { return nil }
    let candidates = arguments.filter { $0.flags.contains { $0.hasPrefix(flag) } }
    if candidates.count > 1 {
      let names = candidates.flatMap { $0.flags.filter { $0.hasPrefix(flag) } }
      throw usageError(
        "ambiguous option: \(flag) could match \(names.joined(separator: ", "))")
    }
    return candidates.first
  }

  /// `text` through the argument's `type` (int, float, str or a lesson function) and `choices`.
  private func convert(_ text: String, for argument: ParserArgument, interpreter: Interpreter)
    throws -> Value
  {
    let name = argument.isPositional ? argument.shownMetavar : argument.flags.joined(separator: "/")
    var value = Value.string(text)
    if let type = argument.type, !type.isNone {
      do {
        value = try interpreter.callFromBuiltin(type, [.string(text)])
      } catch {
        let typeName: String
        if case .builtin(let builtin) = type {
          typeName = builtin.shortName
        } else {
          typeName = "?"
        }
        throw usageError("argument \(name): invalid \(typeName) value: '\(text)'")
      }
    }
    if let choices = argument.choices, !choices.contains(where: { valuesEqual($0, value) }) {
      throw usageError(
        "argument \(name): invalid choice: \(interpreter.repr(value)) (choose from "
          + choices.map { interpreter.repr($0) }.joined(separator: ", ") + ")")
    }
    return value
  }

  /// Python's exit for a command-line error: the usage and `prog: error: message` on stderr,
  /// status 2.
  private func usageError(_ message: String) -> PythonException {
    var exit = PythonException(.systemExit, "2")
    exit.exitStatus = 2
    exit.exitText = usage + "\(prog): error: \(message)\n"
    return exit
  }

  // MARK: - Usage and help, as Python 3.11's HelpFormatter lays them out

  private var allArguments: [ParserArgument] {
    (addHelp
      ? [
        ParserArgument(
          flags: ["-h", "--help"], dest: "help", action: .storeTrue, type: nil,
          defaultValue: .none, help: "show this help message and exit", metavar: nil,
          required: false, choices: nil)
      ] : []) + arguments
  }

  /// `usage: main.py [-h] [--batch-size N] ...`, wrapped as Python wraps it.
  var usage: String {
    let prefix = "usage: "
    let optionals = allArguments.filter { !$0.isPositional }.map(\.usagePart)
    let positionals = allArguments.filter(\.isPositional).map(\.usagePart)
    let whole = ([prog] + optionals + positionals).joined(separator: " ")
    let width = Self.width
    guard prefix.count + whole.count > width else { return prefix + whole + "\n" }
    func lines(_ parts: [String], indent: String, prefix: String?) -> [String] {
      var lines: [String] = []
      var line: [String] = []
      var length = (prefix?.count ?? indent.count) - 1
      for part in parts {
        if length + 1 + part.count > width && !line.isEmpty {
          lines.append(indent + line.joined(separator: " "))
          line = []
          length = indent.count - 1
        }
        line.append(part)
        length += part.count + 1
      }
      if !line.isEmpty { lines.append(indent + line.joined(separator: " ")) }
      if prefix != nil, let first = lines.first { lines[0] = String(first.dropFirst(indent.count)) }
      return lines
    }
    var result: [String]
    if Double(prefix.count + prog.count) <= 0.75 * Double(width) {
      let indent = String(repeating: " ", count: prefix.count + prog.count + 1)
      if !optionals.isEmpty {
        result = lines([prog] + optionals, indent: indent, prefix: prefix)
        result += lines(positionals, indent: indent, prefix: nil)
      } else {
        result = lines([prog] + positionals, indent: indent, prefix: prefix)
      }
    } else {
      let indent = String(repeating: " ", count: prefix.count)
      result = [prog] + lines(optionals + positionals, indent: indent, prefix: nil)
    }
    return prefix + result.joined(separator: "\n") + "\n"
  }

  /// What `--help` prints: the usage, the description, then the positional arguments and the
  /// options with their help in a column.
  var help: String {
    var text = usage
    if let description {
      text += "\n" + Self.wrap(description, width: Self.width).joined(separator: "\n") + "\n"
    }
    let positionals = allArguments.filter(\.isPositional)
    let optionals = allArguments.filter { !$0.isPositional }
    let longest = allArguments.map { $0.invocation.count + 2 }.max() ?? 0
    let helpPosition = min(longest + 2, 24)
    for (title, group) in [("positional arguments", positionals), ("options", optionals)]
    where !group.isEmpty {
      text += "\n\(title):\n"
      for argument in group { text += entry(argument, helpPosition: helpPosition) }
    }
    if let epilog {
      text += "\n" + Self.wrap(epilog, width: Self.width).joined(separator: "\n") + "\n"
    }
    return text
  }

  private func entry(_ argument: ParserArgument, helpPosition: Int) -> String {
    let invocation = argument.invocation
    let actionWidth = helpPosition - 2 - 2
    guard let help = argument.help.map({ expand($0, for: argument) }), !help.isEmpty else {
      return "  " + invocation + "\n"
    }
    let helpLines = Self.wrap(help, width: max(Self.width - helpPosition, 11))
    let pad = String(repeating: " ", count: helpPosition)
    var text: String
    var rest = helpLines[...]
    if invocation.count <= actionWidth {
      text =
        "  " + invocation.padding(toLength: actionWidth, withPad: " ", startingAt: 0) + "  "
        + (rest.popFirst() ?? "") + "\n"
    } else {
      text = "  " + invocation + "\n"
    }
    for line in rest { text += pad + line + "\n" }
    return text
  }

  /// `%(default)s` and `%(prog)s` in a help string.
  private func expand(_ help: String, for argument: ParserArgument) -> String {
    help.replacingOccurrences(of: "%(prog)s", with: prog)
      .replacingOccurrences(of: "%(default)s", with: Self.shown(argument.defaultValue))
      .replacingOccurrences(of: "%%", with: "%")
  }

  private static func shown(_ value: Value) -> String {
    switch value {
    case .none: "None"
    case .bool(let flag): flag ? "True" : "False"
    case .int(let number): String(number)
    case .float(let number): pythonRepr(number)
    case .string(let text): text
    default: "..."
    }
  }

  /// Python's `textwrap.wrap` of `text` (whitespace collapsed) at `width`.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      if line.isEmpty {
        line = String(word)
      } else if line.count + 1 + word.count <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = String(word)
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}

/// What `parse_args()` returns: the arguments as attributes (`args.epochs`), printed as Python
/// prints `Namespace(epochs=1, lr=1.0)`.
final class NamespaceObject: HostObject {
  private(set) var entries: [(name: String, value: Value)]

  init(_ entries: [(name: String, value: Value)]) { self.entries = entries }

  var typeName: String { "Namespace" }
  var text: String {
    "Namespace("
      + entries.map { "\($0.name)=\(NamespaceObject.repr($0.value))" }.joined(separator: ", ") + ")"
  }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    entries.first(where: { $0.name == name })?.value
  }

  private static func repr(_ value: Value) -> String {
    switch value {
    case .string(let text): pythonStringRepr(text)
    case .none: "None"
    case .bool(let flag): flag ? "True" : "False"
    case .int(let number): String(number)
    case .float(let number): pythonRepr(number)
    default: "..."
    }
  }
}

extension Arg where T == ArgumentParserObject {
  /// An argument parser (a method's `self`).
  static func argumentParser(_ name: String) -> Arg<ArgumentParserObject> {
    .required(name) { value, context in
      guard case .object(let parser as ArgumentParserObject) = value else {
        throw context.wrongType(name, expected: "an ArgumentParser", value)
      }
      return parser
    }
  }
}
