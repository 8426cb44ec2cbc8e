/// JUnit XML for CI: one testsuite per lesson, one testcase per check.

import Foundation

/// Lesson reports as JUnit XML.
///
/// Each lesson is a `<testsuite name="lessons/08.md">`; each check (an expectation, or a cell that
/// raised an unexpected error) is a `<testcase name="08.md:42">` named after the file and the line
/// of its expected block (or of the cell, for an unexpected error). Skipped cells and unchecked
/// cells are not testcases.
public struct JUnitReport: Sendable {
  /// The lessons, in order.
  public let reports: [LessonReport]
  /// The name of the enclosing `<testsuites>`.
  public let name: String

  public init(reports: [LessonReport], name: String = "cnn-lesson") {
    self.reports = reports
    self.name = name
  }

  /// The XML document.
  public var xml: String {
    let checks = reports.reduce(0) { $0 + $1.passed + $1.failed + $1.skippedChecks }
    let failures = reports.reduce(0) { $0 + $1.failed }
    var lines = [
      #"<?xml version="1.0" encoding="UTF-8"?>"#,
      "<testsuites name=\"\(Self.escape(name))\" tests=\"\(checks)\" failures=\"\(failures)\">",
    ]
    for report in reports { lines += suite(report) }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the XML to `path`.
  public func write(toFile path: String) throws {
    try xml.write(toFile: path, atomically: true, encoding: .utf8)
  }

  private func suite(_ report: LessonReport) -> [String] {
    let path = Self.escape(report.lesson.file.path)
    var lines = [
      "  <testsuite name=\"\(path)\" tests=\"\(report.passed + report.failed + report.skippedChecks)\" "
        + "failures=\"\(report.failed)\" errors=\"0\" skipped=\"\(report.skippedChecks)\">"
    ]
    for outcome in report.outcomes where outcome.isCheck || Self.isSkippedCheck(outcome) {
      lines += testcase(outcome, in: report)
    }
    lines.append("  </testsuite>")
    return lines
  }

  private func testcase(_ outcome: CellOutcome, in report: LessonReport) -> [String] {
    let file = report.lesson.file.path.split(separator: "/").last.map(String.init) ?? ""
    let line = outcome.cell.expectation?.fence.line ?? outcome.cell.fence.line
    let seconds =
      Double(outcome.duration.components.seconds)
      + Double(outcome.duration.components.attoseconds) / 1e18
    let open =
      "    <testcase name=\"\(Self.escape("\(file):\(line)"))\" "
      + "classname=\"\(Self.escape(report.lesson.file.path))\" time=\"\(String(format: "%.3f", seconds))\""
    if Self.isSkippedCheck(outcome), case .skipped(let reason?) = outcome.status {
      return [open + ">", "      <skipped message=\"\(Self.escape(reason))\"/>", "    </testcase>"]
    }
    guard let failure = outcome.failure else { return [open + "/>"] }
    let kind: String =
      switch failure {
      case .mismatch: "mismatch"
      case .unexpectedError: "unexpected error"
      case .missingError: "missing error"
      }
    return [
      open + ">",
      "      <failure message=\"\(Self.escape(failure.message))\" type=\"\(kind)\">"
        + Self.escape(failure.diagnostic.rendered(color: false), attribute: false) + "</failure>",
      "      <system-out>" + Self.escape(outcome.output, attribute: false) + "</system-out>",
      "    </testcase>",
    ]
  }

  /// A check that could not run here (see `LessonReport.skippedChecks`).
  private static func isSkippedCheck(_ outcome: CellOutcome) -> Bool {
    if case .skipped(let reason?) = outcome.status {
      return outcome.cell.expectation != nil && !reason.isEmpty
    }
    return false
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
