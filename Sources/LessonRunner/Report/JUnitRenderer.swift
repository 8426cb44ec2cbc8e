/// JUnit XML for CI: one testsuite per lesson, one testcase per check; a file in error and each
/// exercise are suites too.

/// Lesson reports as JUnit XML.
///
/// Each lesson is a `<testsuite name="lessons/08.md">`; each check (an expectation, or a cell that
/// raised an unexpected error) is a `<testcase name="08.md:179 Pooling in action">` named after the
/// file, the line of its expected block (or of the cell, for an unexpected error) and the nearest
/// heading above it. A check that could not run here is `<skipped>`, or, under
/// `SkipPolicy.strict`, a `<failure type="unavailable">`. Skipped cells and unchecked cells are not
/// testcases. A file in error (malformed, or checking nothing) is a suite with one testcase holding
/// an `<error>` with the located diagnostic. Each exercise is a suite of two testcases,
/// `solution passes` and `starter fails`.
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

  /// The XML document for the lessons, files in error and exercises of `report`.
  public func render(_ report: RunReport) -> String {
    let tally = report.tally(policy)
    let tests = tally.passed + tally.failed + tally.skipped + tally.malformed
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<testsuites name=\"\(Self.escape(name))\" tests=\"\(tests)\" "
        + "failures=\"\(tally.failed)\" errors=\"\(tally.malformed)\">",
    ]
    for lesson in report.lessons { lines += suite(lesson) }
    for malformed in report.malformed { lines += suite(malformed) }
    for exercise in report.exercises { lines += suite(exercise) }
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

  /// A file in error: one testcase whose `<error>` holds the located diagnostic.
  private func suite(_ malformed: MalformedLesson) -> [String] {
    let path = Self.escape(malformed.path)
    let name = malformed.diagnostic.span.map { "\(Self.fileName(malformed.path)):\($0.line)" }
    return [
      "  <testsuite name=\"\(path)\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">",
      "    <testcase name=\"\(Self.escape(name ?? Self.fileName(malformed.path)))\" "
        + "classname=\"\(path)\" time=\"0.000\">",
      "      <error message=\"\(Self.escape(malformed.diagnostic.message))\" type=\"lesson file\">"
        + Self.escape(malformed.diagnostic.description, attribute: false) + "</error>",
      "    </testcase>",
      "  </testsuite>",
    ]
  }

  /// An exercise: `solution passes` and `starter fails`, each failing with its problems.
  private func suite(_ exercise: ExerciseVerification) -> [String] {
    let path = Self.escape(exercise.displayPath)
    let cases = [
      ("solution passes", exercise.solution, exercise.solutionProblems(policy)),
      ("starter fails", exercise.starter, exercise.starterProblems),
    ]
    let failures = cases.filter { !$0.2.isEmpty }.count
    var lines = [
      "  <testsuite name=\"\(path)\" tests=\"2\" failures=\"\(failures)\" errors=\"0\" "
        + "skipped=\"0\">"
    ]
    for (name, result, problems) in cases {
      let time = result?.checks.compactMap(\.outcome).reduce(Duration.zero) { $0 + $1.duration }
      let open =
        "    <testcase name=\"\(name)\" classname=\"\(path)\" "
        + "time=\"\(formatC("%.3f", (time ?? .zero).seconds))\""
      if problems.isEmpty {
        lines.append(open + "/>")
      } else {
        lines += failed(
          open, message: problems.joined(separator: "; "), type: "exercise",
          details: problems.joined(separator: "\n"), output: result?.fileOutput ?? "")
      }
    }
    lines.append("  </testsuite>")
    return lines
  }

  private func testcase(_ outcome: CellOutcome, kind: Tally.Kind, in report: LessonReport)
    -> [String]
  {
    let line = outcome.span.line
    let name =
      "\(Self.fileName(report.lesson.file.path)):\(line)"
      + (report.lesson.heading(above: line).map { " " + $0 } ?? "")
    let open =
      "    <testcase name=\"\(Self.escape(name))\" "
      + "classname=\"\(Self.escape(report.lesson.file.path))\" "
      + "time=\"\(formatC("%.3f", outcome.duration.seconds))\""
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

  /// The last component of `path` (`08.md`).
  private static func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
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
