/// Running a learner's file against an exercise's checks.

/// One check of an exercise, judged.
public struct ExerciseCheckResult: Sendable {
  /// The check.
  public let check: Exercise.ExerciseCheck
  /// Its verdict: passed, failed, or skipped (`.unavailable` here, `.notRun` after the learner's
  /// file failed).
  public let verdict: Verdict
  /// The outcome of its cell; nil when it did not run.
  public let outcome: CellOutcome?
}

/// How a learner's file did on an exercise.
public struct ExerciseResult: Sendable {
  /// The exercise.
  public let exercise: Exercise
  /// The learner's file, as messages name it.
  public let path: String
  /// The error that stopped the learner's file, if it did not run to the end.
  public let fileError: Diagnostic?
  /// What the learner's file produced.
  public let fileOutputs: [CellOutput]
  /// One entry per check, in order.
  public let checks: [ExerciseCheckResult]
  /// Setup cells (code without an expected block) that raised an error.
  public let setupFailures: [CellOutcome]
  /// The learner's model layer by layer, traced after a failure when the exercise says how.
  public let trace: ModelTrace?

  /// The checks counted: a file or setup error counts as one failure each.
  public var tally: Tally {
    var tally = Tally()
    for check in checks {
      switch check.verdict {
      case .passed: tally.add(.passed)
      case .failed: tally.add(.failed)
      case .skipped(.unavailable): tally.add(.skipped)
      case .ran, .skipped: break
      }
    }
    if fileError != nil && fileError?.missingRequirement == nil { tally.add(.failed) }
    tally.failed += setupFailures.count
    return tally
  }

  /// Checks that held.
  public var passed: Int { tally.passed }
  /// Checks that did not hold or did not run; a file or setup error counts once.
  public var failed: Int { tally.failed }
  /// Checks that could not run here.
  public var skipped: Int { tally.skipped }
  /// True when nothing failed.
  public var succeeded: Bool { failed == 0 }
  /// What the learner's file printed.
  public var fileOutput: String { fileOutputs.text }
}

/// Runs learner files against exercises.
public enum ExerciseRunner {
  /// Runs `file` (the learner's Python) with `executor`, then each check cell in the same globals;
  /// after a failure, traces the learner's model when the exercise says how.
  public static func run(_ exercise: Exercise, file: SourceFile, executor: CellExecutor)
    -> ExerciseResult
  {
    let printed = OutputCollector()
    if let fileError = executor.runFile(file, output: printed.append) {
      let verdict = Verdict.skipped(
        fileError.missingRequirement.map { .unavailable($0) } ?? .notRun)
      return ExerciseResult(
        exercise: exercise, path: file.path, fileError: fileError, fileOutputs: printed.items,
        checks: exercise.checks.map {
          ExerciseCheckResult(check: $0, verdict: verdict, outcome: nil)
        },
        setupFailures: [], trace: nil)
    }
    let report = LessonRun(lesson: exercise.lesson, executor: executor).run()
    let checks = exercise.checks.map { check in
      let outcome = report.outcomes.first { $0.cell.index == check.cellIndex }
      return ExerciseCheckResult(
        check: check, verdict: outcome?.verdict ?? .skipped(.notRun), outcome: outcome)
    }
    let setupFailures = report.outcomes.filter { $0.cell.expectation == nil && $0.failure != nil }
    let anyFailed = !setupFailures.isEmpty || checks.contains { $0.verdict.failure != nil }
    var trace: ModelTrace?
    if anyFailed, let setup = exercise.diagnosis {
      trace = executor.traceModel(setup.model, inputShape: setup.inputShape)
    }
    return ExerciseResult(
      exercise: exercise, path: file.path, fileError: nil, fileOutputs: printed.items,
      checks: checks, setupFailures: setupFailures, trace: trace)
  }
}
