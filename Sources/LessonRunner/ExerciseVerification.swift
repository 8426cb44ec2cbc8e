/// Proving an exercise both ways: its reference solution passes every check, and its untouched
/// starter fails at least one, so the checks are not vacuous. The starter is checked as a learner's
/// copy of it is: its `# cnn-lesson exercise ID` line names the exercise whose checks run.

/// The two runs of one exercise and what is wrong with them, if anything.
public struct ExerciseVerification: Sendable {
  /// The solution's run.
  public let solution: ExerciseResult
  /// The starter's run, as `cnn-lesson check` runs a learner's copy of it; nil when `check`
  /// would refuse it (`starterProblem`).
  public let starter: ExerciseResult?
  /// Why `check` would not run a learner's copy of the starter: it names no exercise, another
  /// exercise, or one that is not there. Located in the starter.
  public let starterProblem: Diagnostic?

  /// Why the exercise does not verify; empty when it does. Under `.strict`, a check of the
  /// solution that could not run here (a missing dataset) is a problem too.
  public func problems(_ policy: SkipPolicy = .lenient) -> [String] {
    solutionProblems(policy) + starterProblems
  }

  /// Why the solution does not pass every check (the first of the exercise's two tests).
  public func solutionProblems(_ policy: SkipPolicy = .lenient) -> [String] {
    var problems: [String] = []
    if !solution.succeeded {
      problems.append("the solution \(solution.path) fails \(solution.failed) check(s)")
    }
    if policy == .strict && solution.skipped > 0 {
      problems.append(
        "the solution \(solution.path) skips \(solution.skipped) check(s) that cannot run here")
    }
    return problems
  }

  /// Why the untouched starter does not fail, or cannot be checked (the second test).
  public var starterProblems: [String] {
    var problems: [String] = []
    if let starterProblem {
      problems.append(
        "a learner's copy of the starter cannot be checked: \(starterProblem.span.map { "\($0): " } ?? "")\(starterProblem.message)"
      )
    }
    if let starter, starter.succeeded {
      problems.append(
        "the untouched starter \(starter.path) passes every check: the checks are vacuous")
    }
    return problems
  }

  /// Where the exercise is, as messages name it (`lessons/exercises/8-1`).
  public var displayPath: String {
    solution.exercise.source.displayPath(solution.exercise.folder)
  }

  /// Why the exercise does not verify, counting skipped checks as allowed.
  public var problems: [String] { problems() }

  /// True when the solution passes and the starter fails.
  public func succeeded(_ policy: SkipPolicy = .lenient) -> Bool { problems(policy).isEmpty }

  /// True when the solution passes (checks that cannot run here allowed) and the starter fails.
  public var succeeded: Bool { succeeded() }

  /// Runs both files from the exercise's source, each with a fresh executor from `makeExecutor`:
  /// the solution against `exercise`, the starter against the exercise its first line names in
  /// `catalog`, found as `check` finds it (`ExerciseCatalog.exercise(namedIn:)`), which must be
  /// `exercise` itself.
  public static func verify(
    _ exercise: Exercise, in catalog: ExerciseCatalog, makeExecutor: () -> CellExecutor
  ) throws -> ExerciseVerification {
    let solution = ExerciseRunner.run(
      exercise, file: try exercise.solution(), executor: makeExecutor())
    let starterFile = try exercise.starter()
    let named: Exercise
    do {
      named = try catalog.exercise(namedIn: starterFile)
    } catch ExerciseLookupError.learnerFile(var diagnostic) {
      // The learner's advice (which exercises there are) becomes the teacher's.
      let hasHeader = ExerciseCatalog.exerciseReference(in: starterFile) != nil
      let titlePrefix = "Exercise \(exercise.id): "
      let title =
        exercise.title.hasPrefix(titlePrefix)
        ? String(exercise.title.dropFirst(titlePrefix.count)) : exercise.title
      diagnostic.notes =
        (hasHeader ? diagnostic.notes : []) + [
          "'cnn-lesson check' finds a learner's exercise from this line: begin the starter with "
            + "'# \(ExerciseCatalog.referencePrefix)\(exercise.id): \(title)'"
        ]
      return ExerciseVerification(solution: solution, starter: nil, starterProblem: diagnostic)
    }
    guard named.id == exercise.id else {
      return ExerciseVerification(
        solution: solution, starter: nil,
        starterProblem: Diagnostic(
          "the starter names exercise '\(named.id)', not its own '\(exercise.id)'",
          at: ExerciseCatalog.exerciseReference(in: starterFile)?.span,
          notes: [
            "'cnn-lesson check' would run exercise \(named.id)'s checks on a learner's copy",
            "write '\(exercise.id)' here",
          ]))
    }
    return ExerciseVerification(
      solution: solution,
      starter: ExerciseRunner.run(named, file: starterFile, executor: makeExecutor()),
      starterProblem: nil)
  }
}
