import Foundation

/// The exercise half of `cnn-lesson verify DIR`: every exercise in `DIR/exercises` proven both ways.
struct ExerciseVerify {
  let options: Options
  let stdout: TextSink
  let stderr: TextSink

  /// Verifies each exercise, printing one line per exercise and the reports of runs that went the
  /// wrong way; returns how many exercises verified and how many did not.
  func run(lessonDirectory: String) throws -> (passed: Int, failed: Int) {
    let catalog = ExerciseCatalog(
      directory: (lessonDirectory as NSString).appendingPathComponent("exercises"))
    var runner = RunCommand(options: options, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    var totals = (passed: 0, failed: 0)
    for id in catalog.ids() {
      guard let exercise = try ExerciseCommand.exercise(id, in: catalog) else { continue }
      let verification = try ExerciseVerification.verify(
        exercise, read: readText, makeInterpreter: runner.makeInterpreter)
      let solution = verification.solution
      var line =
        "\(catalog.directory)/\(id): solution passes \(solution.passed) check(s)"
        + (solution.skipped > 0 ? " (\(solution.skipped) skipped)" : "")
        + "; starter fails \(verification.starter.failed)"
      if verification.succeeded {
        totals.passed += 1
      } else {
        totals.failed += 1
        var hints = HintState()
        for result in [verification.solution, verification.starter] {
          stdout.write(ExerciseReport.rendered(result, hints: &hints, color: options.color))
        }
        line += "\n" + verification.problems.map { "error: \($0)" }.joined(separator: "\n")
      }
      stdout.write(line + "\n")
    }
    return totals
  }
}
