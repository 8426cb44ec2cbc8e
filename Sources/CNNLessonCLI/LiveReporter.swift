/// Shows a lesson run as it happens: each cell's header, its output as it is printed (indented),
/// then its verdict, using the report's own rendering of headers and verdicts.
final class LiveReporter {
  private let sink: TextSink
  private let color: Bool
  private var atLineStart = true
  /// Whether a progress line is showing (it is erased before anything else is written).
  private var progressShown = false
  private var lastProgressDraw = ContinuousClock.now

  init(sink: TextSink, color: Bool) {
    self.sink = sink
    self.color = color
  }

  func handle(_ event: LessonRun.Event, lesson: Lesson) {
    let report = LessonReport(lesson: lesson, outcomes: [])
    switch event {
    case .cellStarted(let cell):
      sink.write(report.header(for: cell, color: color) + "\n")
      atLineStart = true
    case .output(_, let text):
      clearProgress()
      writeIndented(text)
    case .cellFinished(let outcome):
      clearProgress()
      if case .skipped(_?) = outcome.status, outcome.error == nil {
        sink.write(report.header(for: outcome.cell, color: color) + "\n")  // never started
      }
      if !atLineStart { sink.write("\n") }
      if case .skipped(nil) = outcome.status { return }
      if case .passed = outcome.status, let error = outcome.error {
        // The expected error: show it as the student would see it, then the verdict.
        writeIndented(error.rendered(color: color) + "\n")
      }
      sink.write(report.verdict(for: outcome, color: color) + "\n")
      atLineStart = true
    }
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
    let line = "  " + parts.joined(separator: " | ")
    sink.write("\r\u{1B}[K" + (color ? "\u{1B}[2m\(line)\u{1B}[0m" : line))
    progressShown = true
  }

  private func clearProgress() {
    guard progressShown else { return }
    sink.write("\r\u{1B}[K")
    progressShown = false
  }

  private func writeIndented(_ text: String) {
    var result = ""
    for character in text {
      if atLineStart && character != "\n" { result += "    " }
      result.append(character)
      atLineStart = character == "\n"
    }
    sink.write(result)
  }
}
