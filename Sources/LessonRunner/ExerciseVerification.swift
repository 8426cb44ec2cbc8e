/// Proving an exercise both ways: its reference solution passes every check, and its untouched
/// starter fails at least one, so the checks are not vacuous.

/// The two runs of one exercise and what is wrong with them, if anything.
public struct ExerciseVerification: Sendable {
  /// The solution's run.
  public let solution: ExerciseResult
  /// The starter's run.
  public let starter: ExerciseResult

  /// Why the exercise does not verify; empty when it does. Under `.strict`, a check of the
  /// solution that could not run here (a missing dataset) is a problem too.
  public func problems(_ policy: SkipPolicy = .lenient) -> [String] {
    var problems: [String] = []
    if !solution.succeeded {
      problems.append("the solution \(solution.path) fails \(solution.failed) check(s)")
    }
    if policy == .strict && solution.skipped > 0 {
      problems.append(
        "the solution \(solution.path) skips \(solution.skipped) check(s) that cannot run here")
    }
    if starter.succeeded {
      problems.append(
        "the untouched starter \(starter.path) passes every check: the checks are vacuous")
    }
    return problems
  }

  /// Why the exercise does not verify, counting skipped checks as allowed.
  public var problems: [String] { problems() }

  /// True when the solution passes and the starter fails.
  public func succeeded(_ policy: SkipPolicy = .lenient) -> Bool { problems(policy).isEmpty }

  /// True when the solution passes (checks that cannot run here allowed) and the starter fails.
  public var succeeded: Bool { succeeded() }

  /// Runs both files from the exercise's source, each with a fresh executor from `makeExecutor`.
  public static func verify(_ exercise: Exercise, makeExecutor: () -> CellExecutor) throws
    -> ExerciseVerification
  {
    ExerciseVerification(
      solution: ExerciseRunner.run(
        exercise, file: try exercise.solution(), executor: makeExecutor()),
      starter: ExerciseRunner.run(exercise, file: try exercise.starter(), executor: makeExecutor()))
  }
}

extension ExerciseCatalog {
  /// The exercise a learner's file belongs to, from the `# cnn-lesson exercise 8-1` line the
  /// starter begins with (any of the first 5 lines), with where the ID is written; nil when
  /// there is none.
  public static func exerciseReference(in file: SourceFile) -> ExerciseReference? {
    for (index, line) in file.lines.prefix(5).enumerated() {
      guard let range = line.range(of: "cnn-lesson exercise ") else { continue }
      let id = line[range.upperBound...].prefix { $0.isNumber || $0 == "-" }
      guard !id.isEmpty else { continue }
      let column = line.distance(from: line.startIndex, to: range.upperBound) + 1
      return ExerciseReference(
        id: String(id),
        span: SourceSpan(file: file, line: index + 1, column: column, length: id.count))
    }
    return nil
  }
}

/// The `8-1` of a learner's `# cnn-lesson exercise 8-1` line, and where it is written.
public struct ExerciseReference: Sendable {
  public let id: String
  public let span: SourceSpan
}
