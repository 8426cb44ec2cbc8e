/// Turning a lesson's outcomes into text: per cell a header, the output, and the verdict.

/// The outcomes of one lesson run, counted and rendered.
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
public struct LessonReport: Sendable {
  /// The lesson that ran.
  public let lesson: Lesson
  /// One outcome per cell, in order.
  public let outcomes: [CellOutcome]

  public init(lesson: Lesson, outcomes: [CellOutcome]) {
    self.lesson = lesson
    self.outcomes = outcomes
  }

  /// Checks that held.
  public var passed: Int {
    outcomes.count(where: { if case .passed = $0.status { true } else { false } })
  }
  /// Checks that did not hold, unexpected errors included.
  public var failed: Int { outcomes.count(where: { $0.failure != nil }) }
  /// Cells not run (```` ```python skip ````).
  public var skipped: Int {
    outcomes.count(where: { if case .skipped = $0.status { true } else { false } })
  }
  /// Checks that could not run here (a missing dataset): neither passed nor failed.
  public var skippedChecks: Int {
    outcomes.count(where: {
      if case .skipped(let reason?) = $0.status {
        $0.cell.expectation != nil && !reason.isEmpty
      } else {
        false
      }
    })
  }
  /// True when no check failed.
  public var succeeded: Bool { failed == 0 }

  /// `N passed, N failed`.
  public var summaryLine: String {
    Self.summaryLine(passed: passed, failed: failed, skipped: skippedChecks)
  }

  /// `N passed, N failed`, for totals over several lessons.
  /// `N passed, N failed`, with `, N skipped` when checks could not run.
  public static func summaryLine(passed: Int, failed: Int, skipped: Int = 0) -> String {
    "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
  }

  /// The whole report: every cell, then `path: N passed, N failed`. ANSI colours only if `color`.
  public func rendered(color: Bool = false) -> String {
    let cells = outcomes.map { rendered($0, color: color) }
    return (cells + ["\(lesson.file.path): \(summaryLine)"]).joined(separator: "\n") + "\n"
  }

  /// One cell: header with its location, its output indented by 4 spaces, and `ok`, `skipped` or
  /// `FAILED` followed by the rendered mismatch or error.
  public func rendered(_ outcome: CellOutcome, color: Bool = false) -> String {
    ([header(for: outcome.cell, color: color)] + Self.indented(outcome.output)
      + [verdict(for: outcome, color: color)]).joined(separator: "\n")
  }

  /// Output lines indented by 4 spaces; the final newline does not make an empty line.
  static func indented(_ output: String) -> [String] {
    guard !output.isEmpty else { return [] }
    let text = output.hasSuffix("\n") ? String(output.dropLast()) : output
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.isEmpty ? "" : "    " + $0
    }
  }
}
