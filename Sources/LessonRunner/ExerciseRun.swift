/// Running a learner's file against an exercise's checks.

/// How a learner's file did on an exercise.
public struct ExerciseResult: Sendable {
  /// One check's verdict.
  public enum Verdict: Sendable {
    case passed
    case failed(CellFailure)
    /// Could not run here (the dataset is missing).
    case skipped(String)
    /// Not run, because the learner's file itself failed.
    case notRun
  }

  /// The exercise.
  public let exercise: Exercise
  /// The learner's file.
  public let path: String
  /// The error that stopped the learner's file, if it did not run to the end.
  public let fileError: Diagnostic?
  /// What the learner's file printed.
  public let fileOutput: String
  /// One entry per check, in order, with the outcome of its cell (nil when not run).
  public let verdicts: [(check: Exercise.ExerciseCheck, verdict: Verdict, outcome: CellOutcome?)]
  /// Setup cells (code without an expected block) that raised an error.
  public let setupFailures: [CellOutcome]
  /// The learner's model layer by layer, traced after a failure when the exercise says how.
  public let shapeLines: [String]
  /// What probably went wrong, from the trace.
  public let findings: [String]

  /// Checks that held.
  public var passed: Int { verdicts.count { if case .passed = $0.verdict { true } else { false } } }
  /// Checks that did not hold or did not run; a file or setup error counts once.
  public var failed: Int {
    verdicts.count { if case .failed = $0.verdict { true } else { false } }
      + (fileError != nil && fileError?.missingRequirement == nil ? 1 : 0) + setupFailures.count
  }
  /// Checks that could not run here.
  public var skipped: Int {
    verdicts.count { if case .skipped = $0.verdict { true } else { false } }
  }
  /// True when nothing failed.
  public var succeeded: Bool { failed == 0 }
}

/// Runs learner files against exercises.
public enum ExerciseRunner {
  /// Runs `file` (the learner's Python) in `interpreter`, then each check cell in the same globals;
  /// after a failure, traces the learner's model when the exercise says how.
  public static func run(_ exercise: Exercise, file: SourceFile, interpreter: Interpreter)
    -> ExerciseResult
  {
    var printed = ""
    let previous = interpreter.output
    interpreter.output = { printed += $0 }
    var fileError: Diagnostic?
    do {
      try interpreter.run(file.lines.joined(separator: "\n"), file: file)
    } catch {
      fileError = error
    }
    interpreter.output = previous
    guard fileError == nil else {
      let verdict: ExerciseResult.Verdict =
        fileError?.missingRequirement.map { .skipped($0.reason) } ?? .notRun
      return ExerciseResult(
        exercise: exercise, path: file.path, fileError: fileError, fileOutput: printed,
        verdicts: exercise.checks.map { ($0, verdict, nil) }, setupFailures: [], shapeLines: [],
        findings: [])
    }
    let outcomes = LessonRun(
      lesson: exercise.lesson, executor: InterpreterExecutor(interpreter: interpreter)
    )
    .run()
    let verdicts = exercise.checks.map { check in
      let outcome = outcomes.first { $0.cell.index == check.cellIndex }
      return (check, verdict(outcome), outcome)
    }
    let setupFailures = outcomes.filter { $0.cell.expectation == nil && $0.failure != nil }
    let anyFailed =
      !setupFailures.isEmpty
      || verdicts.contains {
        if case .failed = $0.1 { true } else { false }
      }
    var trace: ShapeTrace?
    if anyFailed, let setup = exercise.diagnosis {
      trace = interpreter.traceForward(modelExpression: setup.model, inputShape: setup.inputShape)
    }
    return ExerciseResult(
      exercise: exercise, path: file.path, fileError: nil, fileOutput: printed,
      verdicts: verdicts, setupFailures: setupFailures, shapeLines: trace?.shapeLines ?? [],
      findings: trace?.findings ?? [])
  }

  private static func verdict(_ outcome: CellOutcome?) -> ExerciseResult.Verdict {
    switch outcome?.status {
    case .passed?: .passed
    case .failed(let failure)?: .failed(failure)
    case .skipped(let reason?)?: .skipped(reason)
    default: .notRun
    }
  }
}
