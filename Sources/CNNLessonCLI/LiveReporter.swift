/// Shows a lesson run as it happens: each cell's header, its output as it is printed (indented),
/// then its verdict, using the report's own rendering of headers and verdicts.
final class LiveReporter {
  private let sink: TextSink
  private let color: Bool
  private var atLineStart = true

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
      writeIndented(text)
    case .cellFinished(let outcome):
      if !atLineStart { sink.write("\n") }
      if case .skipped = outcome.status { return }
      if case .passed = outcome.status, let error = outcome.error {
        // The expected error: show it as the student would see it, then the verdict.
        writeIndented(error.rendered(color: color) + "\n")
      }
      sink.write(report.verdict(for: outcome, color: color) + "\n")
      atLineStart = true
    }
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
