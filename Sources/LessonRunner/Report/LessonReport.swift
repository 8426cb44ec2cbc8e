/// The report model of one lesson run: the lesson, and one outcome per cell, in order.

/// What one run of a lesson produced: lesson -> cells -> outputs and verdicts with their spans and
/// timings. Renderers (`LessonTextRenderer`, `JUnitRenderer`, ...) turn it into text; nothing here
/// decides how it looks.
public struct LessonReport: Sendable {
  /// The lesson that ran.
  public let lesson: Lesson
  /// One outcome per cell, in order.
  public let outcomes: [CellOutcome]

  public init(lesson: Lesson, outcomes: [CellOutcome]) {
    self.lesson = lesson
    self.outcomes = outcomes
  }

  /// The checks counted under `policy`.
  public func tally(_ policy: SkipPolicy = .lenient) -> Tally {
    var tally = Tally()
    for outcome in outcomes { tally.add(outcome.kind(policy)) }
    return tally
  }

  /// Whether Ctrl-C ended the run of one of its cells (the later ones were not run).
  public var wasInterrupted: Bool { outcomes.contains { $0.error?.isInterruption == true } }

  /// Checks that held.
  public var passed: Int { tally().passed }
  /// Checks that did not hold, unexpected errors included.
  public var failed: Int { tally().failed }
  /// Checks that could not run here (a missing dataset): neither passed nor failed.
  public var skippedChecks: Int { tally().skipped }
  /// Cells that did not run, for any reason.
  public var skipped: Int { outcomes.count { $0.verdict.skipReason != nil } }
  /// True when no check failed.
  public var succeeded: Bool { failed == 0 }
  /// `N passed, N failed`.
  public var summaryLine: String { tally().summaryLine }

  /// The cell that found a requirement missing (the lesson is skipped from there), if one did.
  public var firstUnavailable: CellOutcome? { outcomes.first { $0.foundRequirementMissing } }

  /// How long the cells ran, together.
  public var duration: Duration { outcomes.reduce(.zero) { $0 + $1.duration } }
}
