/// Running a learner's file against an exercise's checks.

/// One check of an exercise, judged.
public struct ExerciseCheckResult: Sendable {
  /// The check.
  public let check: Exercise.ExerciseCheck
  /// Its verdict: passed, failed, or skipped (`.unavailable` here, `.notRun` when it depends on a
  /// failure: see `dependency`).
  public let verdict: Verdict
  /// The outcome of its cell; nil when it did not run.
  public let outcome: CellOutcome?
  /// Why it is not run: the learner's file failed, or its cell raised only because an earlier one
  /// did (see `ExerciseDependencies.swift`); nil otherwise.
  public let dependency: CheckDependency?
  /// For a passed check, the numbers its bands and placeholders accepted (the accuracy reached).
  public let accepted: [AcceptedValue]

  public init(
    check: Exercise.ExerciseCheck, verdict: Verdict, outcome: CellOutcome?,
    dependency: CheckDependency? = nil, accepted: [AcceptedValue] = []
  ) {
    self.check = check
    self.verdict = verdict
    self.outcome = outcome
    self.dependency = dependency
    self.accepted = accepted
  }
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
  /// Checks not run because what they depend on failed (counted in neither `passed` nor
  /// `failed`: the failure they follow from is counted once).
  public var notRun: Int { checks.count { $0.verdict.skipReason == .notRun } }
  /// True when nothing failed.
  public var succeeded: Bool { failed == 0 }
  /// What the learner's file printed.
  public var fileOutput: String { fileOutputs.text }

  /// What to fix first: the error that stopped the learner's file, else the failure of the
  /// earliest check or setup cell, with the check's name (nil for the file and setup); nil when
  /// nothing failed.
  public var firstFailure: (check: String?, diagnostic: Diagnostic)? {
    if let fileError, fileError.missingRequirement == nil { return (nil, fileError) }
    let setups = setupFailures.compactMap { outcome in
      outcome.failure.map { (cell: outcome.cell.index, check: String?.none, failure: $0) }
    }
    let failedChecks = checks.compactMap { check in
      check.verdict.failure.map {
        (cell: check.check.cellIndex, check: check.check.name, failure: $0)
      }
    }
    return (setups + failedChecks).min { $0.cell < $1.cell }.map {
      ($0.check, $0.failure.diagnostic)
    }
  }
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
      let missing = fileError.missingRequirement
      return ExerciseResult(
        exercise: exercise, path: file.path, fileError: fileError, fileOutputs: printed.items,
        checks: exercise.checks.map {
          ExerciseCheckResult(
            check: $0, verdict: .skipped(missing.map { .unavailable($0) } ?? .notRun),
            outcome: nil,
            dependency: missing == nil ? CheckDependency(cause: nil, reason: .fileFailed) : nil)
        },
        setupFailures: [], trace: nil)
    }
    let report = LessonRun(lesson: exercise.lesson, executor: executor).run()
    var tracker = DependencyTracker()
    var checks: [ExerciseCheckResult] = []
    var setupFailures: [CellOutcome] = []
    for outcome in report.outcomes {
      let check = exercise.check(forCell: outcome.cell.index)
      // Only a failure counts: a cell whose error its `error` block expected defined what it was to.
      let dependency = tracker.record(
        outcome.cell, check: check?.name, error: outcome.failure == nil ? nil : outcome.error,
        file: exercise.lesson.file)
      guard let check else {
        if outcome.failure != nil && dependency == nil { setupFailures.append(outcome) }
        continue
      }
      let verdict = dependency == nil ? outcome.verdict : .skipped(.notRun)
      var accepted: [AcceptedValue] = []
      if case .passed = verdict, let expectation = outcome.cell.expectation {
        accepted = expectation.acceptedValues(
          in: CellResult(outputs: outcome.outputs, error: outcome.error))
      }
      checks.append(
        ExerciseCheckResult(
          check: check, verdict: verdict, outcome: outcome, dependency: dependency,
          accepted: accepted))
    }
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
