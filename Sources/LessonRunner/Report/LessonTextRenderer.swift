/// A lesson run as text: per cell a header, its output indented, and its verdict. The same code
/// renders a run live, event by event, and a finished report, so the two always agree.

/// Renders a lesson run as styled text (`TerminalStyle` turns it into plain or coloured text).
///
/// ```
/// --- lessons/08.md:12 (cell 3)
///     tensor([[12., 16.],
///             [24., 28.]])
/// FAILED
/// lessons/08.md:16:9: error: element [1, 1]: expected 29. , got 28.
/// ...
/// lessons/08.md: 4 passed, 1 failed
/// ```
public struct LessonTextRenderer: Sendable {
  /// The lesson being rendered.
  public let lesson: Lesson
  /// How skips are explained.
  public let explanations: Explanations
  /// How figures are shown (one line each unless drawn for a terminal).
  public let figureDisplay: FigureDisplay
  private var indenter = Indenter()
  /// The cell whose header is written and whose verdict is not.
  private var open: Int?

  public init(
    lesson: Lesson, explanations: Explanations = Explanations(),
    figureDisplay: FigureDisplay = .summary
  ) {
    self.lesson = lesson
    self.explanations = explanations
    self.figureDisplay = figureDisplay
  }

  /// The text for one event of a run, as it happens.
  public mutating func render(_ event: LessonRun.Event) -> StyledText {
    switch event {
    case .cellStarted(let cell):
      return start(cell)
    case .output(_, let output):
      switch output {
      case .text(let text): return StyledText(indenter.indent(text))
      case .figure(let figure):
        let line = indenter.endLine()
        return StyledText(
          line
            + indenter.indent(
              figureDisplay.narrowed(by: indenter.prefix.count).text(for: figure)))
      }
    case .cellFinished(let outcome):
      return finish(outcome)
    }
  }

  /// `--- lessons/08.md:12 (cell 3)`
  public func header(for cell: LessonCell) -> StyledText {
    StyledText("--- \(lesson.file.path):\(cell.fence.line) (cell \(cell.index + 1))", .emphasis)
  }

  /// `ok`, `skipped`, `skipped: why`, or `FAILED` followed by the located mismatch or error.
  public func verdict(for outcome: CellOutcome) -> StyledText {
    let verdict = outcome.verdict
    switch verdict {
    case .skipped(let reason):
      let why = explanations.reason(reason).map { ": " + $0 } ?? ""
      var text = StyledText(verdict.word + why, verdict.role)
      if let error = outcome.error {
        // A skip is not a failure: where it was needed and what was tried, calmly (dimmed), not
        // as a red error.
        var details = error.span.map { ["needed at \($0)"] } ?? []
        if error.missingRequirement == nil { details.append(error.message) }
        details += error.notes.map { "note: " + $0 }
        for line in details { text.append("\n  " + line, .secondary) }
      }
      return text
    case .ran, .passed:
      return StyledText(verdict.word, verdict.role)
    case .failed(let failure):
      var text = StyledText(verdict.word, verdict.role)
      text.append("\n")
      text.append(failure.diagnostic.styled)
      return text
    }
  }

  /// A finished report: every cell as the live view shows it, then `path: N passed, N failed`.
  public static func render(
    _ report: LessonReport, explanations: Explanations = Explanations(),
    policy: SkipPolicy = .lenient
  ) -> StyledText {
    var renderer = LessonTextRenderer(lesson: report.lesson, explanations: explanations)
    var text = StyledText()
    for outcome in report.outcomes { text.append(renderer.replay(outcome)) }
    text.append("\(report.lesson.file.path): \(report.tally(policy).summaryLine)\n")
    return text
  }

  /// One finished cell, as the live view showed it (ending with a newline).
  public static func render(
    _ outcome: CellOutcome, in lesson: Lesson, explanations: Explanations = Explanations()
  ) -> StyledText {
    var renderer = LessonTextRenderer(lesson: lesson, explanations: explanations)
    return renderer.replay(outcome)
  }

  /// The events of a finished cell, rendered: a cell that did not run has only its end.
  private mutating func replay(_ outcome: CellOutcome) -> StyledText {
    var text = StyledText()
    if outcome.verdict.skipReason == nil || outcome.error != nil {
      text.append(render(.cellStarted(outcome.cell)))
      for output in outcome.outputs { text.append(render(.output(outcome.cell, output))) }
    }
    text.append(render(.cellFinished(outcome)))
    return text
  }

  private mutating func start(_ cell: LessonCell) -> StyledText {
    open = cell.index
    indenter = Indenter()
    var text = header(for: cell)
    text.append("\n")
    return text
  }

  /// The end of a cell: its header if it never started, the expected error it raised (shown as
  /// the learner would see it), and the verdict.
  private mutating func finish(_ outcome: CellOutcome) -> StyledText {
    var text = open == outcome.cell.index ? StyledText() : start(outcome.cell)
    text.append(indenter.endLine())
    if case .passed = outcome.verdict, let error = outcome.error {
      text.append(indenter.indent(error.styled))
      text.append(indenter.indent("\n"))
    }
    text.append(verdict(for: outcome))
    text.append("\n")
    open = nil
    return text
  }
}
