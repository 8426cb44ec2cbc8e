/// Proving an exercise both ways: its reference solution passes every check, and its untouched
/// starter fails at least one, so the checks are not vacuous.

/// The two runs of one exercise and what is wrong with them, if anything.
public struct ExerciseVerification: Sendable {
  /// The solution's run.
  public let solution: ExerciseResult
  /// The starter's run.
  public let starter: ExerciseResult

  /// Why the exercise does not verify; empty when it does.
  public var problems: [String] {
    var problems: [String] = []
    if !solution.succeeded {
      problems.append("the solution \(solution.path) fails \(solution.failed) check(s)")
    }
    if starter.succeeded {
      problems.append(
        "the untouched starter \(starter.path) passes every check: the checks are vacuous")
    }
    return problems
  }

  /// True when the solution passes and the starter fails.
  public var succeeded: Bool { problems.isEmpty }

  /// Runs both files, each in a fresh interpreter from `makeInterpreter`.
  public static func verify(
    _ exercise: Exercise, read: (String) throws -> String, makeInterpreter: () -> Interpreter
  ) throws -> ExerciseVerification {
    func run(_ path: String) throws -> ExerciseResult {
      ExerciseRunner.run(
        exercise, file: SourceFile(path: path, text: try read(path)), interpreter: makeInterpreter()
      )
    }
    return ExerciseVerification(
      solution: try run(exercise.solutionPath), starter: try run(exercise.starterPath))
  }
}

extension ExerciseCatalog {
  /// The exercise a learner's file belongs to, from the `# cnn-lesson exercise 8-1` line the
  /// starter begins with (any of the first 5 lines); nil when there is none.
  public static func exerciseID(inLearnerFile text: String) -> String? {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(5) {
      guard let range = line.range(of: "cnn-lesson exercise ") else { continue }
      let id = line[range.upperBound...].prefix { $0.isNumber || $0 == "-" }
      if !id.isEmpty { return String(id) }
    }
    return nil
  }
}
