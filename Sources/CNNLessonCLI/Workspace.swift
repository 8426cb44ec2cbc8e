import Foundation

/// Everything a command takes from its process and options, made once per command: the working
/// folder as a lesson source, the lesson environment, where the exercises are, colour, and the
/// explanations renderers use. Commands use this and never the process's globals.
struct Workspace {
  /// The parsed command line.
  let options: Options
  /// The process's working directory, variables and executable.
  let context: ProcessContext
  /// The working directory as a lesson source: files named on the command line are read and
  /// written here, by the paths the user typed.
  let files: FolderSource
  /// Plain or coloured text, decided once (see `colorEnabled`).
  let style: TerminalStyle
  /// How reports explain skips, with the command line's advice.
  let explanations = Explanations.commandLine

  init(options: Options, context: ProcessContext, isTerminal: Bool) {
    self.options = options
    self.context = context
    self.files = FolderSource(root: context.workingDirectory)
    self.style = TerminalStyle(
      color: Self.colorEnabled(
        flag: options.color, environment: context.environment, isTerminal: isTerminal))
  }

  /// Colour: `--color` / `--no-color` when given, else on for a terminal unless `NO_COLOR` is set
  /// or `TERM=dumb`.
  static func colorEnabled(flag: Bool?, environment: [String: String], isTerminal: Bool) -> Bool {
    flag ?? (isTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
  }

  /// How figures show on standard output: drawn on a terminal (plain characters when colour is
  /// off), one line each when piped.
  func figureDisplay(isTerminal: Bool) -> FigureDisplay {
    FigureDisplay.forOutput(
      isTerminal: isTerminal, colorEnabled: style.color, environment: context.environment)
  }

  /// The folders searched for datasets: `--data`, else `CNN_LESSON_DATA`, as absolute paths.
  var dataDirectories: [String] {
    [options.dataDirectory ?? context.environment["CNN_LESSON_DATA"]].compactMap { $0 }
      .filter { !$0.isEmpty }.map { files.location(of: $0) }
  }

  /// The tool's cache folder: `$XDG_CACHE_HOME/cnn-lesson` or `~/.cache/cnn-lesson`.
  var cacheDirectory: String? {
    if let cache = context.environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return cache + "/cnn-lesson"
    }
    guard let home = context.environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.cache/cnn-lesson"
  }

  /// What lesson code may know of this machine.
  var lessonEnvironment: LessonEnvironment {
    let offline = options.offline || !(context.environment["CNN_LESSON_OFFLINE"] ?? "").isEmpty
    return LessonEnvironment(
      workingDirectory: context.workingDirectory, dataDirectories: dataDirectories,
      cacheDirectory: cacheDirectory, allowsDownloads: !offline, seed: options.seed,
      cellTimeLimit: options.timeout ?? Limits.defaultTimeout(for: options.command),
      interruption: context.interruption, memoryLimit: memoryLimit)
  }

  /// The memory budget: `--max-memory`, else `CNN_LESSON_MAX_MEMORY`, else the machine's
  /// default (`MemoryBudget.defaultLimit`); nil for none. A malformed variable is a usage error
  /// when the command line is parsed (`validate`).
  var memoryLimit: Int? {
    if let limit = options.maxMemory { return limit }
    if let text = context.environment["CNN_LESSON_MAX_MEMORY"], !text.isEmpty,
      let limit = Limits.parseMemory(text)
    {
      return limit
    }
    return MemoryBudget.defaultLimit(
      physicalMemory: context.physicalMemory, addressSpaceLimit: context.addressSpaceLimit)
  }

  /// Rejects a malformed `CNN_LESSON_MAX_MEMORY` as a usage error.
  func validate() throws {
    if let text = context.environment["CNN_LESSON_MAX_MEMORY"], !text.isEmpty,
      Limits.parseMemory(text) == nil
    {
      throw UsageError(
        "CNN_LESSON_MAX_MEMORY=\(text) is not a size",
        notes: ["use a size such as 2GiB, 512MiB or 1000000 (bytes); 0 or none for no limit"])
    }
  }

  /// A fresh executor for one lesson or exercise run; warnings go to `warnings`, dimmed.
  func makeExecutor(warnings: TextSink?) -> InterpreterExecutor {
    let style = self.style
    return InterpreterExecutor(environment: lessonEnvironment) { warning in
      warnings?.write(style.paint(warning, .secondary) + "\n")
    }
  }

  /// The exercises: `CNN_LESSON_EXERCISES`, else `lessons/exercises` in the working directory,
  /// else in a parent of the executable's folder (a checkout running its own build).
  func exerciseCatalog() throws -> ExerciseCatalog {
    if let path = context.environment["CNN_LESSON_EXERCISES"], !path.isEmpty {
      return ExerciseCatalog(source: files.folder(path), folder: "")
    }
    var candidates = [files.folder("lessons")]
    var folder = (files.location(of: context.executablePath) as NSString).deletingLastPathComponent
    for _ in 0..<5 where !folder.isEmpty {
      let lessons = (folder as NSString).appendingPathComponent("lessons")
      candidates.append(FolderSource(root: lessons, displayRoot: lessons))
      folder = (folder as NSString).deletingLastPathComponent
    }
    guard let source = candidates.first(where: { $0.entry(at: "exercises") == .folder }) else {
      throw UsageError(
        "cannot find the exercises (lessons/exercises)",
        notes: ["run from the cnn-lesson checkout, or set CNN_LESSON_EXERCISES=DIR"])
    }
    return ExerciseCatalog(source: source)
  }
}
