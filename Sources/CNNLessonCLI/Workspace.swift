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

  /// The data folder the user named: `--data`, else `CNN_LESSON_DATA`, as an absolute path, with
  /// how to name it in messages.
  var namedDataDirectory: (path: String, named: String)? {
    guard !usesNoData else { return nil }
    if let path = options.dataDirectory { return (files.location(of: path), "--data \(path)") }
    if let path = context.environment["CNN_LESSON_DATA"], !path.isEmpty {
      return (files.location(of: path), "CNN_LESSON_DATA=\(path)")
    }
    return nil
  }

  /// `--data none` (or `CNN_LESSON_DATA=none`): no dataset folders searched, not even the shipped
  /// MNIST (only a lesson's own `root`), so the cells that need data are skipped: a quick look.
  var usesNoData: Bool {
    (options.dataDirectory ?? context.environment["CNN_LESSON_DATA"]) == "none"
  }

  /// The folders searched for datasets by a lesson in `folder` (after the `root` it gives): the
  /// one the user named; then the shipped MNIST, in the lesson folder's `datasets/mnist` (a
  /// checkout or a workspace from `init`) and in the checkout the tool was built from.
  func dataDirectories(lessonFolder folder: String) -> [String] {
    var directories = namedDataDirectory.map { [$0.path] } ?? []
    if let shipped = context.shippedLessonsFolder, !usesNoData {
      for lessons in [folder, shipped] where !lessons.isEmpty {
        let mnist = joinPath(lessons, "datasets/mnist")
        if !directories.contains(mnist) && FolderSource(root: mnist).entry(at: "") == .folder {
          directories.append(mnist)
        }
      }
    }
    return directories
  }

  /// Where the built-in lessons run (their `root='./data/'` and `savefig`): the cache's
  /// `lessons` folder, else the working directory.
  var builtinLessonFolder: String {
    cacheDirectory.map { joinPath($0, "lessons") } ?? context.workingDirectory
  }

  /// The tool's cache folder: `$XDG_CACHE_HOME/cnn-lesson` or `~/.cache/cnn-lesson`.
  var cacheDirectory: String? {
    if let cache = context.environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
      return cache + "/cnn-lesson"
    }
    guard let home = context.environment["HOME"], !home.isEmpty else { return nil }
    return home + "/.cache/cnn-lesson"
  }

  /// What lesson code may know of this machine, for a lesson whose file is in `folder` (its
  /// relative paths resolve there, as a notebook's do in Jupyter); nil for the working directory.
  func lessonEnvironment(folder: String? = nil, argv: [String] = [""]) -> LessonEnvironment {
    let offline = options.offline || !(context.environment["CNN_LESSON_OFFLINE"] ?? "").isEmpty
    let folder = folder ?? context.workingDirectory
    var environment = LessonEnvironment(
      workingDirectory: folder, dataDirectories: dataDirectories(lessonFolder: folder),
      cacheDirectory: cacheDirectory, allowsDownloads: !offline, seed: options.seed,
      cellTimeLimit: options.timeout ?? Limits.defaultTimeout(for: options.command),
      interruption: context.interruption, memoryLimit: memoryLimit)
    environment.argv = argv
    return environment
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

  /// Rejects a malformed `CNN_LESSON_MAX_MEMORY` as a usage error, and a data folder that is
  /// not one.
  func validate() throws {
    if let (path, named) = namedDataDirectory, FolderSource(root: path).entry(at: "") != .folder {
      throw UsageError(
        "\(named): no such folder",
        notes: ["name the folder that holds the MNIST files (or their MNIST/raw/)"])
    }
    if let text = context.environment["CNN_LESSON_MAX_MEMORY"], !text.isEmpty,
      Limits.parseMemory(text) == nil
    {
      throw UsageError(
        "CNN_LESSON_MAX_MEMORY=\(text) is not a size",
        notes: ["use a size such as 2GiB, 512MiB or 1000000 (bytes); 0 or none for no limit"])
    }
  }

  /// A fresh executor for one lesson or exercise run in `folder` (nil: the working directory);
  /// warnings go to `warnings`, dimmed.
  func makeExecutor(warnings: TextSink?, folder: String? = nil, argv: [String] = [""])
    -> InterpreterExecutor
  {
    let style = self.style
    return InterpreterExecutor(environment: lessonEnvironment(folder: folder, argv: argv)) {
      warning in
      warnings?.write(style.paint(warning, .secondary) + "\n")
    }
  }

  /// The exercises: `CNN_LESSON_EXERCISES`, else `lessons/exercises` in the working directory,
  /// else the ones built in.
  func exerciseCatalog() throws -> ExerciseCatalog {
    if let path = context.environment["CNN_LESSON_EXERCISES"], !path.isEmpty {
      return ExerciseCatalog(source: files.folder(path), folder: "")
    }
    let lessons = files.folder("lessons")
    if lessons.entry(at: "exercises") == .folder { return ExerciseCatalog(source: lessons) }
    return ExerciseCatalog(source: LessonLibrary.builtin)
  }
}
