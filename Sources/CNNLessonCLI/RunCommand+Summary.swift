/// What `run` and `verify` say about a run as a whole: a lesson that checks nothing, a line per
/// file as it finishes, and at the end the recap of what failed and the total.
extension RunCommand {
  /// Says on stderr that `lesson` checks nothing: a warning, or with `rejectsUncheckedLessons`
  /// an error, returned as the file in error it then is (the lesson is not run).
  func uncheckedLesson(_ lesson: Lesson) -> MalformedLesson? {
    guard var problem = lesson.noChecksProblem else { return nil }
    if rejectsUncheckedLessons {
      problem.notes.append("verify counts a lesson that checks nothing as an error ('run' warns)")
    } else {
      problem.severity = .warning
    }
    stderr.write(workspace.style.render(problem.styled) + "\n")
    guard rejectsUncheckedLessons else { return nil }
    return MalformedLesson(path: lesson.file.path, diagnostic: problem)
  }

  /// `path: N passed, N failed (1.2 s)`, or `path: 0 passed, 0 failed, 1 error`.
  func writeFileLine(_ outcome: LessonOutcome, policy: SkipPolicy = .lenient) {
    let summary = SummaryRenderer(explanations: workspace.explanations, policy: policy)
    switch outcome {
    case .ran(let lesson): stdout.write(summary.fileLine(lesson))
    case .malformed(let malformed): stdout.write(summary.fileLine(malformed))
    }
  }

  /// The recap of every failed check and file in error (nothing when all passed), then the
  /// total; returns the exit code the run ends with.
  func writeSummary(of report: RunReport, policy: SkipPolicy = .lenient) -> ExitCode {
    let summary = SummaryRenderer(explanations: workspace.explanations, policy: policy)
    stdout.write(workspace.style.render(summary.recap(report)) + summary.total(report))
    return report.wasInterrupted ? .interrupted : ExitCode(report.tally(policy))
  }
}
