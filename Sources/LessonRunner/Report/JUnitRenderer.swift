/// JUnit XML for CI: one testsuite per lesson, one testcase per check.

/// Lesson reports as JUnit XML.
///
/// Each lesson is a `<testsuite name="lessons/08.md">`; each check (an expectation, or a cell that
/// raised an unexpected error) is a `<testcase name="08.md:42">` named after the file and the line
/// of its expected block (or of the cell, for an unexpected error). A check that could not run here
/// is `<skipped>`, or, under `SkipPolicy.strict`, a `<failure type="unavailable">`. Skipped cells and
/// unchecked cells are not testcases.
public struct JUnitRenderer: ReportRenderer, Sendable {
  /// The name of the enclosing `<testsuites>`.
  public let name: String
  /// How skips are explained.
  public let explanations: Explanations
  /// How checks that could not run count.
  public let policy: SkipPolicy

  public init(
    name: String = "cnn-lesson", explanations: Explanations = Explanations(),
    policy: SkipPolicy = .lenient
  ) {
    self.name = name
    self.explanations = explanations
    self.policy = policy
  }

  /// The XML document for the lessons of `report`.
  public func render(_ report: RunReport) -> String {
    let tally = report.lessons.reduce(Tally()) { $0 + $1.tally(policy) }
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<testsuites name=\"\(Self.escape(name))\" tests=\"\(tally.passed + tally.failed + tally.skipped)\" "
        + "failures=\"\(tally.failed)\">",
    ]
    for lesson in report.lessons { lines += suite(lesson) }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  private func suite(_ report: LessonReport) -> [String] {
    let path = Self.escape(report.lesson.file.path)
    let tally = report.tally(policy)
    var lines = [
      "  <testsuite name=\"\(path)\" tests=\"\(tally.passed + tally.failed + tally.skipped)\" "
        + "failures=\"\(tally.failed)\" errors=\"0\" skipped=\"\(tally.skipped)\">"
    ]
    for outcome in report.outcomes {
      guard let kind = outcome.kind(policy) else { continue }
      lines += testcase(outcome, kind: kind, in: report)
    }
    lines.append("  </testsuite>")
    return lines
  }

  private func testcase(_ outcome: CellOutcome, kind: Tally.Kind, in report: LessonReport)
    -> [String]
  {
    let file = report.lesson.file.path.split(separator: "/").last.map(String.init) ?? ""
    let seconds =
      Double(outcome.duration.components.seconds)
      + Double(outcome.duration.components.attoseconds) / 1e18
    let open =
      "    <testcase name=\"\(Self.escape("\(file):\(outcome.span.line)"))\" "
      + "classname=\"\(Self.escape(report.lesson.file.path))\" time=\"\(formatC("%.3f", seconds))\""
    let unavailable = outcome.verdict.skipReason.flatMap { explanations.reason($0) }
    switch (kind, outcome.failure) {
    case (.passed, _):
      return [open + "/>"]
    case (.skipped, _):
      return [
        open + ">", "      <skipped message=\"\(Self.escape(unavailable ?? ""))\"/>",
        "    </testcase>",
      ]
    case (.failed, let failure?):
      return failed(
        open, message: failure.message, type: Self.type(of: failure),
        details: failure.diagnostic.description, output: outcome.output)
    case (.failed, nil):
      return failed(
        open, message: unavailable ?? "", type: "unavailable",
        details: outcome.error?.description ?? "", output: outcome.output)
    }
  }

  private func failed(
    _ open: String, message: String, type: String, details: String, output: String
  )
    -> [String]
  {
    [
      open + ">",
      "      <failure message=\"\(Self.escape(message))\" type=\"\(type)\">"
        + Self.escape(details, attribute: false) + "</failure>",
      "      <system-out>" + Self.escape(output, attribute: false) + "</system-out>",
      "    </testcase>",
    ]
  }

  private static func type(of failure: CellFailure) -> String {
    switch failure {
    case .mismatch: "mismatch"
    case .unexpectedError: "unexpected error"
    case .missingError: "missing error"
    }
  }

  /// `text` made safe for XML: `& < > " '` as entities; in attributes, tabs and line breaks as
  /// character references so they survive; characters XML 1.0 cannot hold (NUL, ESC...) as U+FFFD.
  public static func escape(_ text: String, attribute: Bool = true) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += attribute ? "&quot;" : "\""
      case "'": result += attribute ? "&apos;" : "'"
      case "\n", "\r", "\t":
        result += attribute ? "&#\(scalar.value);" : String(scalar)
      default:
        let value = scalar.value
        let allowed =
          value >= 0x20 && !(0xFFFE...0xFFFF).contains(value) && !(0xD800...0xDFFF).contains(value)
        result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
      }
    }
    return result
  }
}
