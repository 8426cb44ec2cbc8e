/// Counting checks: passed, failed, skipped, and the lesson files that could not be read as lessons.

/// How checks that could not run here (a missing dataset) count.
public enum SkipPolicy: Sendable, Equatable {
  /// As skipped: neither passed nor failed (`run`, `verify`).
  case lenient
  /// As failed (`verify --strict`, for CI where the data is known to be present). The cell that
  /// found the requirement missing counts as a failure even when it checks nothing.
  case strict
}

/// Counts of checks, over a cell, a lesson, or a whole run.
public struct Tally: Sendable, Equatable {
  /// What one outcome counts as.
  public enum Kind: Sendable, Equatable {
    /// A check that held.
    case passed
    /// A check that did not hold (or, under `.strict`, could not run).
    case failed
    /// A check that could not run here.
    case skipped
  }

  /// Checks that held.
  public var passed = 0
  /// Checks that did not hold, unexpected errors included.
  public var failed = 0
  /// Checks that could not run here.
  public var skipped = 0
  /// Lesson files in error: malformed, or (under `verify`) checking nothing; not counted as
  /// checks, shown as `N error(s)`, as pytest shows its collection errors.
  public var malformed = 0

  public init(passed: Int = 0, failed: Int = 0, skipped: Int = 0, malformed: Int = 0) {
    self.passed = passed
    self.failed = failed
    self.skipped = skipped
    self.malformed = malformed
  }

  /// Adds one outcome of `kind` (nothing for nil: not a check).
  public mutating func add(_ kind: Kind?) {
    switch kind {
    case .passed?: passed += 1
    case .failed?: failed += 1
    case .skipped?: skipped += 1
    case nil: break
    }
  }

  /// True when nothing failed and every file was a lesson.
  public var succeeded: Bool { failed == 0 && malformed == 0 }

  /// `N passed, N failed`, with `, N skipped` when checks could not run and `, N error(s)` when
  /// files were in error.
  public var summaryLine: String {
    "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
      + (malformed > 0 ? ", \(malformed) error" + (malformed == 1 ? "" : "s") : "")
  }

  /// The counts of both, added.
  public static func + (lhs: Tally, rhs: Tally) -> Tally {
    Tally(
      passed: lhs.passed + rhs.passed, failed: lhs.failed + rhs.failed,
      skipped: lhs.skipped + rhs.skipped, malformed: lhs.malformed + rhs.malformed)
  }
}

extension CellOutcome {
  /// What this outcome counts as under `policy`; nil when it is not a check.
  public func kind(_ policy: SkipPolicy) -> Tally.Kind? {
    switch verdict {
    case .passed: return .passed
    case .failed: return .failed
    case .ran, .skipped(.marked), .skipped(.notRun): return nil
    case .skipped(.interrupted): return cell.expectation != nil ? .skipped : nil
    case .skipped(.unavailable):
      if policy == .strict && (cell.expectation != nil || foundRequirementMissing) {
        return .failed
      }
      return cell.expectation != nil ? .skipped : nil
    }
  }
}
