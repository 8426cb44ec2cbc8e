/// The report model of one command: every lesson run, the files that were not lessons, and the
/// exercises verified.

/// A lesson file that could not be parsed, with the located error that says why.
public struct MalformedLesson: Sendable {
  /// The file, as the user named it.
  public let path: String
  /// What is wrong, where.
  public let diagnostic: Diagnostic

  public init(path: String, diagnostic: Diagnostic) {
    self.path = path
    self.diagnostic = diagnostic
  }
}

/// Everything one `run` or `verify` produced, for the renderers and the exit code.
public struct RunReport: Sendable {
  /// The lessons that ran, in order.
  public var lessons: [LessonReport]
  /// The files in error: not valid lessons, or (under `verify`) lessons that check nothing.
  public var malformed: [MalformedLesson]
  /// The exercises proven both ways (`verify`).
  public var exercises: [ExerciseVerification]

  public init(
    lessons: [LessonReport] = [], malformed: [MalformedLesson] = [],
    exercises: [ExerciseVerification] = []
  ) {
    self.lessons = lessons
    self.malformed = malformed
    self.exercises = exercises
  }

  /// Whether Ctrl-C ended the run (the lessons after the interrupted one were not run).
  public var wasInterrupted: Bool { lessons.contains { $0.wasInterrupted } }

  /// The checks of every lesson, two per exercise (its solution passes, its starter fails, as
  /// JUnit shows them), and the files in error.
  public func tally(_ policy: SkipPolicy = .lenient) -> Tally {
    var tally = lessons.reduce(Tally()) { $0 + $1.tally(policy) }
    for exercise in exercises {
      tally.add(exercise.solutionProblems(policy).isEmpty ? .passed : .failed)
      tally.add(exercise.starterProblems.isEmpty ? .passed : .failed)
    }
    tally.malformed = malformed.count
    return tally
  }
}
