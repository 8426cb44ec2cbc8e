import Foundation

/// `cnn-lesson run FILE...`: Markdown lessons run as notebooks with checks; `.py` files run as
/// scripts.
struct RunCommand {
  let options: Options
  let stdout: TextSink
  let stderr: TextSink
  /// Whether the lessons' deprecation warnings are shown (`verify` keeps quiet).
  var showsWarnings = true

  func run() throws -> ExitCode {
    for path in options.operands {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw FileNotFound(path: path)
      }
      if isDirectory.boolValue {
        throw UsageError(
          "\(path) is a directory", notes: ["to run every lesson in it: cnn-lesson verify \(path)"],
          command: "run")
      }
    }
    let scripts = options.operands.filter { $0.hasSuffix(".py") }
    if !scripts.isEmpty {
      guard scripts.count == 1 && options.operands.count == 1 else {
        throw UsageError(
          "run one .py script at a time (lessons in .md can be several)", command: "run")
      }
      guard !options.bless else {
        throw UsageError("--bless applies to Markdown lessons", command: "run")
      }
      return try runScript(scripts[0])
    }
    var totals = (passed: 0, failed: 0, skipped: 0)
    var status = ExitCode.success
    for path in options.operands {
      let live = LiveReporter(sink: stdout, color: options.color)
      guard let report = try runLesson(path, reporter: live) else {
        status = .lessonError
        continue
      }
      totals.passed += report.passed
      totals.failed += report.failed
      totals.skipped += report.skippedChecks
      if !report.succeeded && status == .success { status = .checkFailed }
      if options.bless { try bless(report, path: path) }
    }
    stdout.write(
      LessonReport.summaryLine(
        passed: totals.passed, failed: totals.failed, skipped: totals.skipped) + "\n")
    return status
  }

  /// Runs one lesson with live output; nil when the file itself is malformed (reported on stderr).
  func runLesson(_ path: String, reporter: LiveReporter?) throws -> LessonReport? {
    let file = SourceFile(path: path, text: try readText(path))
    let lesson: Lesson
    do {
      lesson = try LessonParser.parse(file)
    } catch {
      stderr.write(error.rendered(color: options.color) + "\n")
      return nil
    }
    let interpreter = makeInterpreter()
    if let reporter { interpreter.progress = { reporter.progress($0) } }
    let run = LessonRun(lesson: lesson, executor: InterpreterExecutor(interpreter: interpreter))
    let outcomes = run.run { event in reporter?.handle(event, lesson: lesson) }
    return LessonReport(lesson: lesson, outcomes: outcomes)
  }

  private func runScript(_ path: String) throws -> ExitCode {
    let file = SourceFile(path: path, text: try readText(path))
    let interpreter = makeInterpreter()
    do {
      try interpreter.run(file.lines.joined(separator: "\n"), file: file, firstLine: 1)
      return .success
    } catch {
      stderr.write(error.rendered(color: options.color) + "\n")
      return .lessonError
    }
  }

  func makeInterpreter() -> Interpreter {
    let stdout = self.stdout
    let stderr = self.stderr
    let color = options.color
    let showsWarnings = self.showsWarnings
    return Interpreter(
      environment: options.lessonEnvironment,
      output: { stdout.write($0) },
      warning: {
        guard showsWarnings else { return }
        stderr.write(TerminalStyle(color: color).paint($0, .secondary) + "\n")
      })
  }

  private func bless(_ report: LessonReport, path: String) throws {
    let result = LessonBless.bless(report.lesson, outcomes: report.outcomes)
    guard result.rewrittenBlocks > 0 else { return }
    try (result.text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    stdout.write(
      "\(path): rewrote \(result.rewrittenBlocks) output block(s); review with 'git diff'\n")
  }
}

/// Reads a user file as UTF-8 (invalid bytes become U+FFFD rather than failing).
func readText(_ path: String) throws -> String {
  guard let data = FileManager.default.contents(atPath: path) else {
    throw FileNotFound(path: path)
  }
  return String(decoding: data, as: UTF8.self)
}
