import DataIO
import Foundation

/// `cnn-lesson run FILE...`: Markdown lessons run as notebooks with checks; `.py` files run as
/// scripts.
struct RunCommand {
  /// A lesson file's fate: run, or rejected as malformed.
  enum LessonOutcome {
    case ran(LessonReport)
    case malformed(MalformedLesson)
  }

  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink
  /// Whether the lessons' deprecation warnings are shown (`verify` keeps quiet).
  var showsWarnings = true
  /// Whether a lesson that checks nothing is an error, not run (`verify`, for CI), rather than
  /// a warning.
  var rejectsUncheckedLessons = false

  func run() throws -> ExitCode {
    let options = workspace.options
    guard options.bless || !options.dryRun else {
      throw UsageError(
        "--dry-run goes with --bless",
        notes: ["to see what bless would change: cnn-lesson run --bless --dry-run FILE"],
        command: "run")
    }
    let library = LessonLibrary(workspace: workspace)
    // `run main.py -- --epochs 1`: what follows `--` after a script is its own command line.
    if let first = options.operands.first, first.hasSuffix(".py"),
      options.operandsBeforeDoubleDash == 1
    {
      guard !options.bless else {
        throw UsageError("--bless applies to Markdown lessons", command: "run")
      }
      let location = try library.locate(first)
      return try runScript(location, arguments: Array(options.operands.dropFirst()))
    }
    var locations: [LessonLocation] = []
    for path in options.operands {
      do {
        let location = try library.locate(path)
        try LessonLibrary.checkKind(of: location, command: "run", allowsScripts: true)
        locations.append(location)
      } catch let folder as FolderFound {
        throw UsageError(
          "\(folder.path) is a directory",
          notes: ["to run every lesson in it: cnn-lesson verify \(folder.path)"], command: "run")
      }
    }
    let scripts = locations.filter { $0.path.hasSuffix(".py") }
    if let script = scripts.first {
      guard scripts.count == 1 && locations.count == 1 else {
        throw UsageError(
          "run one .py script at a time (lessons in .md can be several)", command: "run")
      }
      guard !options.bless else {
        throw UsageError("--bless applies to Markdown lessons", command: "run")
      }
      return try runScript(script)
    }
    if options.bless, let builtin = locations.first(where: \.isBuiltin) {
      throw UsageError(
        "\(builtin.source.displayPath(builtin.path)) is built into cnn-lesson and cannot be blessed",
        notes: ["make your own copy to edit with 'cnn-lesson init', then bless that"],
        command: "run")
    }
    var report = RunReport()
    for location in locations {
      let live = LiveReporter(
        sink: stdout, style: workspace.style, explanations: workspace.explanations,
        figureDisplay: workspace.figureDisplay(isTerminal: stdout.isTerminal))
      var outcome = try runLesson(
        location.path, in: location.source, reporter: live, folder: location.folder)
      // An interrupted run is not blessed: its cells did not all run. A blessed lesson reports
      // what its new blocks check.
      if options.bless, case .ran(let lesson) = outcome, !lesson.wasInterrupted {
        outcome = .ran(try bless(lesson, path: location.path))
      }
      switch outcome {
      case .ran(let lesson):
        report.lessons.append(lesson)
      case .malformed(let malformed):
        report.malformed.append(malformed)
      }
      if locations.count > 1 { writeFileLine(outcome) }
      if report.wasInterrupted { break }
    }
    return writeSummary(of: report)
  }

  /// Runs the lesson at `path` in `source` in `folder` (nil: the working directory), shown live
  /// by `reporter` (only its progress line when `showsCells` is false); a malformed file is
  /// reported on stderr and returned as such.
  func runLesson(
    _ path: String, in source: any LessonSource, reporter: LiveReporter?, showsCells: Bool = true,
    folder: String? = nil
  ) throws -> LessonOutcome {
    let file = try source.read(path)
    let lesson: Lesson
    do {
      lesson = try LessonParser.parse(file)
    } catch {
      stderr.write(workspace.style.render(error.styled) + "\n")
      return .malformed(MalformedLesson(path: file.path, diagnostic: error))
    }
    if let unchecked = uncheckedLesson(lesson) { return .malformed(unchecked) }
    try prepare(folder)
    let executor = makeExecutor(folder: folder)
    if let reporter { executor.progress = { reporter.progress($0) } }
    let clock = workspace.lessonEnvironment().clock
    return .ran(
      LessonRun(lesson: lesson, executor: executor, clock: clock).run {
        event in
        if showsCells { reporter?.handle(event, lesson: lesson) }
      })
  }

  /// A fresh executor for a lesson in `folder` (nil: the working directory), with warnings on
  /// stderr unless this command keeps quiet.
  func makeExecutor(folder: String? = nil) -> InterpreterExecutor {
    workspace.makeExecutor(warnings: showsWarnings ? stderr : nil, folder: folder)
  }

  /// Makes the folder a built-in lesson runs in (the cache's `lessons/`) when it is missing.
  private func prepare(_ folder: String?) throws {
    guard let folder, folder == workspace.builtinLessonFolder,
      FolderSource(root: folder).entry(at: "") == nil
    else { return }
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw CannotWrite(
        message: "cannot make \(folder), where built-in lessons run",
        notes: ["set XDG_CACHE_HOME to a folder you may write, or run 'cnn-lesson init'"])
    }
  }

  private func runScript(_ location: LessonLocation, arguments: [String] = []) throws -> ExitCode {
    let file = try location.source.read(location.path)
    try prepare(location.folder)
    let stdout = self.stdout
    let display = workspace.figureDisplay(isTerminal: stdout.isTerminal)
    let executor = workspace.makeExecutor(
      warnings: showsWarnings ? stderr : nil, folder: location.folder,
      argv: [location.path] + arguments)
    let error = executor.runFile(file) { output in
      switch output {
      case .text(let text): stdout.write(text)
      case .figure(let figure): stdout.write(display.text(for: figure))
      }
    }
    guard let error else { return .success }
    if let exit = error.exception, exit.type == .systemExit, let status = exit.exitStatus {
      // sys.exit and argparse end the script as Python would: their text, their status.
      if let text = exit.exitText { stderr.write(text) }
      switch status {
      case 0: return .success
      case 1: return .checkFailed
      case 2: return .scriptUsage
      default: return .lessonError
      }
    }
    stderr.write(workspace.style.render(error.styled) + "\n")
    return error.isInterruption ? .interrupted : .lessonError
  }

  /// Rewrites the failing lines of the lesson's blocks in place (or, with `--dry-run`, only
  /// shows how), prints the diff, and returns the lesson's report judged against the new text
  /// (what the file now checks). The file is read again as bytes, so only UTF-8 text the run saw
  /// unchanged is rewritten: every other byte, line ending and the mode stay as they were.
  private func bless(_ report: LessonReport, path: String) throws -> LessonReport {
    let location = workspace.files.location(of: path)
    let bytes: [UInt8]
    do { bytes = try FileBytes.read(location) } catch {
      throw CannotWrite(message: "cannot bless \(path): \(error.reason)")
    }
    guard let original = String(validating: bytes, as: UTF8.self) else {
      throw CannotWrite(
        message:
          "cannot bless \(path): it is not UTF-8 text, and bless would change its other bytes",
        notes: ["save the file as UTF-8, then run --bless again"])
    }
    guard let result = LessonBless.bless(report, original: original) else {
      throw CannotWrite(
        message: "cannot bless \(path): the file changed while the lesson ran",
        notes: ["run it again with --bless"])
    }
    let dryRun = workspace.options.dryRun
    guard result.rewrittenBlocks > 0 else {
      if report.failed > 0 {
        stdout.write("\(path): bless changed nothing (\(Self.unblessable))\n")
      }
      return report
    }
    stdout.write(workspace.style.render(Self.styled(diff: result.diff(path: path))))
    let blocks = result.rewrittenBlocks == 1 ? "1 block" : "\(result.rewrittenBlocks) blocks"
    guard !dryRun else {
      stdout.write("\(path): --dry-run: would rewrite \(blocks); nothing written\n")
      return report
    }
    try workspace.files.write(result.text, to: path)
    guard let blessed = LessonBless.recheck(report, text: result.text) else {
      stdout.write("\(path): rewrote \(blocks); review with 'git diff'\n")
      return report
    }
    let still = blessed.outcomes.filter { $0.failure != nil }
    stdout.write(
      "\(path): rewrote \(blocks); checked again: \(blessed.summaryLine)\n")
    for outcome in still {
      let place = outcome.failure?.diagnostic.span.map { "\($0)" } ?? path
      stdout.write("  still failing: \(place): \(outcome.failure?.message ?? "")\n")
    }
    if !still.isEmpty { stdout.write("  (\(Self.unblessable))\n") }
    return blessed
  }

  /// What bless leaves as the author wrote it.
  private static let unblessable =
    "bless keeps placeholders, ```error blocks and the blocks of cells that raised an error as written"

  /// A unified diff with its removed lines in the failure role and added lines in the success
  /// role.
  private static func styled(diff: String) -> StyledText {
    var text = StyledText()
    for line in diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
      let role: TextRole? =
        line.hasPrefix("+++") || line.hasPrefix("---")
        ? .emphasis
        : line.hasPrefix("@@")
          ? .secondary
          : line.hasPrefix("+") ? .success : line.hasPrefix("-") ? .failure : nil
      text.append(String(line), role)
      text.append("\n")
    }
    return text
  }
}
