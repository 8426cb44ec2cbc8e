/// The end of a run, for a reader who wants to know what to fix: a line per file, a recap of every
/// failed check and every file in error, each at its location, then the total.

/// One entry of the recap: a check that failed, or a file in error, where it is and why in one line.
public struct RecapEntry: Sendable, Equatable {
  /// A failed check, or a file that could not be run as a lesson.
  public enum Kind: Sendable, Equatable {
    case failed
    case error
  }

  public let kind: Kind
  /// `lessons/08.md:42:7`, or a path alone for a problem about a whole file or folder.
  public let location: String
  /// The first line of the failure's message.
  public let message: String

  public init(kind: Kind, location: String, message: String) {
    self.kind = kind
    self.location = location
    self.message =
      message.split(separator: "\n", omittingEmptySubsequences: false).first
      .map(String.init) ?? ""
  }
}

extension RunReport {
  /// Every failed check of every lesson and exercise, and every file in error, in report order.
  public func recap(_ policy: SkipPolicy = .lenient, explanations: Explanations = Explanations())
    -> [RecapEntry]
  {
    var entries: [RecapEntry] = []
    for lesson in lessons {
      for outcome in lesson.outcomes where outcome.kind(policy) == .failed {
        if let failure = outcome.failure {
          entries.append(
            RecapEntry(
              kind: .failed, location: failure.diagnostic.location ?? "\(outcome.span)",
              message: failure.message))
        } else {
          // Under `.strict`, a check that could not run here.
          let reason = outcome.verdict.skipReason.flatMap { explanations.reason($0) } ?? ""
          entries.append(
            RecapEntry(
              kind: .failed, location: outcome.error?.location ?? "\(outcome.span)",
              message: "could not run here: " + reason))
        }
      }
    }
    for exercise in exercises {
      for problem in exercise.problems(policy) {
        entries.append(
          RecapEntry(kind: .failed, location: exercise.displayPath, message: problem))
      }
    }
    for file in malformed {
      entries.append(
        RecapEntry(
          kind: .error, location: file.diagnostic.location ?? file.path,
          message: file.diagnostic.message))
    }
    return entries
  }
}

/// The summary of a run as text: `path: N passed, N failed (1.2 s)` per file, the recap
/// (`FAILED lessons/08.md:42:7: expected 1.9 (±0.05), got 1.6667`, `ERROR lessons/x.md:3:1: ...`),
/// and the total. `run` and `verify` print the file lines as each file finishes and the rest at
/// the end; `render(_:)` gives all three at once.
public struct SummaryRenderer: ReportRenderer, Sendable {
  /// How skips are explained.
  public let explanations: Explanations
  /// How checks that could not run count.
  public let policy: SkipPolicy

  public init(explanations: Explanations = Explanations(), policy: SkipPolicy = .lenient) {
    self.explanations = explanations
    self.policy = policy
  }

  /// `lessons/08.md: 30 passed, 0 failed (12.4 s)`
  public func fileLine(_ report: LessonReport) -> String {
    "\(report.lesson.file.path): \(report.tally(policy).summaryLine) "
      + "(\(formatC("%.1f", report.duration.seconds)) s)\n"
  }

  /// `lessons/x.md: 0 passed, 0 failed, 1 error`
  public func fileLine(_ malformed: MalformedLesson) -> String {
    "\(malformed.path): \(Tally(malformed: 1).summaryLine)\n"
  }

  /// One line per recap entry, `FAILED location: message` or `ERROR location: message`; empty
  /// when nothing failed.
  public func recap(_ report: RunReport) -> StyledText {
    var text = StyledText()
    for entry in report.recap(policy, explanations: explanations) {
      text.append(entry.kind == .failed ? "FAILED" : "ERROR", .failure)
      text.append(" ")
      text.append("\(entry.location):", .emphasis)
      text.append(" \(entry.message)\n")
    }
    return text
  }

  /// `N passed, N failed[, N skipped][, N errors]`, and ` (interrupted)` after a Ctrl-C.
  public func total(_ report: RunReport) -> String {
    report.tally(policy).summaryLine + (report.wasInterrupted ? " (interrupted)" : "") + "\n"
  }

  /// The file lines (lessons, then files in error), the recap and the total.
  public func render(_ report: RunReport) -> String {
    report.lessons.map(fileLine).joined() + report.malformed.map(fileLine).joined()
      + recap(report).plain + total(report)
  }
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
