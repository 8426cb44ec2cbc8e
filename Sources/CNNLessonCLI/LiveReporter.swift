/// The live terminal view of a lesson run: each cell's header, its output as it is printed
/// (indented), then its verdict, all from the report's own text renderer, plus a progress line
/// for data loaders on a terminal.
final class LiveReporter {
  private let sink: TextSink
  private let style: TerminalStyle
  private let explanations: Explanations
  private let figureDisplay: FigureDisplay
  private var renderer: LessonTextRenderer?
  /// Whether a progress line is showing (it is erased before anything else is written).
  private var progressShown = false
  private var lastProgressDraw = ContinuousClock.now

  init(
    sink: TextSink, style: TerminalStyle, explanations: Explanations,
    figureDisplay: FigureDisplay = .summary
  ) {
    self.sink = sink
    self.style = style
    self.explanations = explanations
    self.figureDisplay = figureDisplay
  }

  func handle(_ event: LessonRun.Event, lesson: Lesson) {
    var renderer =
      self.renderer
      ?? LessonTextRenderer(
        lesson: lesson, explanations: explanations, figureDisplay: figureDisplay)
    clearProgress()
    sink.write(style.render(renderer.render(event)))
    self.renderer = renderer
  }

  /// Draws a tqdm-style line for a data loader (only on a terminal; at most 10 times a second):
  /// `epoch 3 | batch 512/938 55% | loss 0.1084 | 8,100 samples/s | 0:04 left`.
  func progress(_ progress: LoaderProgress) {
    guard sink.isTerminal else { return }
    let now = ContinuousClock.now
    guard progress.batch == progress.batches || now - lastProgressDraw >= .milliseconds(100) else {
      return
    }
    lastProgressDraw = now
    let percent = progress.batches > 0 ? 100 * progress.batch / progress.batches : 100
    var parts = [
      "epoch \(progress.pass)", "batch \(progress.batch)/\(progress.batches) \(percent)%",
    ]
    if let loss = progress.loss { parts.append("loss " + formatC("%.4f", loss)) }
    parts.append("\(Int(progress.samplesPerSecond)) samples/s")
    let left = Int(progress.secondsLeft.rounded())
    parts.append("\(left / 60):\(left % 60 < 10 ? "0" : "")\(left % 60) left")
    sink.write(
      TerminalStyle.eraseLine + style.paint("  " + parts.joined(separator: " | "), .secondary))
    progressShown = true
  }

  /// Erases the progress line, if one is showing.
  func clearProgress() {
    guard progressShown else { return }
    sink.write(TerminalStyle.eraseLine)
    progressShown = false
  }
}
