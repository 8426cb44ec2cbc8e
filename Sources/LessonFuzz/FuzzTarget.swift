import Figures
import LessonRunner

/// One fuzzing input through everything that reads students' text: the Markdown lesson parser,
/// the interpreter (every cell, with a short time limit and a small memory budget), the output
/// checker, the report renderers, every rendering of the figures the cells showed (terminal,
/// SVG, raster) and bless. Any crash, trap or sanitizer report is a bug; a
/// thrown error or a failed check is a normal outcome.
///
/// The same function serves the libFuzzer target (`cnn-lesson-fuzz` built with
/// `-sanitize=fuzzer`) and the plain reproducer (the same executable built normally, which runs
/// the files it is given), so a crash found by the fuzzer replays without the fuzzer.
public enum FuzzTarget {
  /// The limits a fuzzed lesson runs under.
  public static let cellTimeLimit: Duration = .milliseconds(500)
  public static let memoryLimit = 256 << 20

  /// Runs `bytes` as a lesson (Markdown) and, when it has no `python` block, as a script.
  public static func run(_ bytes: UnsafeRawBufferPointer) {
    let text = String(decoding: bytes, as: UTF8.self)
    let file = SourceFile(path: "fuzz.md", text: text)
    let environment = LessonEnvironment(
      workingDirectory: "/nonexistent-fuzz-folder", allowsDownloads: false,
      cellTimeLimit: cellTimeLimit, memoryLimit: memoryLimit)
    guard let lesson = try? LessonParser.parse(file), !lesson.cells.isEmpty else {
      runScript(SourceFile(path: "fuzz.py", text: text), environment: environment)
      return
    }
    let executor = InterpreterExecutor(environment: environment)
    let report = LessonRun(lesson: lesson, executor: executor, clock: environment.clock).run()
    let explanations = Explanations()
    _ = JUnitRenderer(explanations: explanations, policy: .strict).render(
      RunReport(lessons: [report]))
    _ = HTMLSiteRenderer().pages(for: RunReport(lessons: [report, report]))
    for outcome in report.outcomes {
      _ = LessonTextRenderer.render(outcome, in: lesson, explanations: explanations)
      outcome.outputs.figures.forEach(renderFigure)
    }
    _ = LessonBless.bless(report, original: text)
  }

  /// Draws `figure` every way the tool can (the terminal in each colour mode, SVG, the raster).
  static func renderFigure(_ figure: Figure) {
    for colors in [FigureDisplay.Colors.trueColor, .palette256, .plain] {
      _ = FigureDisplay.drawn(colors: colors, width: 60).text(for: figure)
    }
    _ = FigureDisplay.image(.kitty, width: 60).text(for: figure)
    _ = figure.svg()
    _ = try? figure.raster()
  }

  private static func runScript(_ file: SourceFile, environment: LessonEnvironment) {
    let executor = InterpreterExecutor(environment: environment)
    _ = executor.runFile(file) { _ in }
  }
}
