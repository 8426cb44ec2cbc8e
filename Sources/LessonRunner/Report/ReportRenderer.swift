/// Renderers: each turns the report model into one kind of document.

/// Turns a finished run into a document: plain text (`TextRenderer`), JUnit XML (`JUnitRenderer`).
/// A new output format is one new type conforming to this; the live terminal view streams the same
/// model as it is made (`LessonTextRenderer.render(_:)` for each `LessonRun.Event`).
public protocol ReportRenderer {
  /// The document for `report`.
  func render(_ report: RunReport) -> String
}

/// The whole run as text, plain or coloured by `style`: each malformed file's error, each lesson
/// cell by cell with its summary line, then the recap of what failed (`SummaryRenderer`) and the
/// total when there are several files.
public struct TextRenderer: ReportRenderer, Sendable {
  /// Plain, or coloured for a terminal.
  public let style: TerminalStyle
  /// How skips are explained.
  public let explanations: Explanations
  /// How checks that could not run count.
  public let policy: SkipPolicy

  public init(
    style: TerminalStyle = TerminalStyle(color: false), explanations: Explanations = Explanations(),
    policy: SkipPolicy = .lenient
  ) {
    self.style = style
    self.explanations = explanations
    self.policy = policy
  }

  public func render(_ report: RunReport) -> String {
    var text = StyledText()
    for malformed in report.malformed {
      text.append(malformed.diagnostic.styled)
      text.append("\n")
    }
    for lesson in report.lessons {
      text.append(LessonTextRenderer.render(lesson, explanations: explanations, policy: policy))
    }
    let summary = SummaryRenderer(explanations: explanations, policy: policy)
    text.append(summary.recap(report))
    if report.lessons.count + report.malformed.count > 1 { text.append(summary.total(report)) }
    return style.render(text)
  }
}
