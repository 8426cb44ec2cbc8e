/// The exercise half of `cnn-lesson verify DIR`: every exercise in `DIR/exercises` proven both ways.
struct ExerciseVerify {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  /// Verifies each exercise of `catalog`, printing one line per exercise and the reports of runs
  /// that went the wrong way (under `.strict`, a solution that skips checks went the wrong way).
  func run(_ catalog: ExerciseCatalog, policy: SkipPolicy) throws -> [ExerciseVerification] {
    var runner = RunCommand(workspace: workspace, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    let renderer = ExerciseTextRenderer(explanations: workspace.explanations)
    var verifications: [ExerciseVerification] = []
    for id in catalog.ids() {
      guard let exercise = try ExerciseCommand.exercise(id, in: catalog) else { continue }
      let verification = try ExerciseVerification.verify(
        exercise, makeExecutor: { runner.makeExecutor() })
      let solution = verification.solution
      var line =
        "\(catalog.displayPath(of: id)): solution passes \(solution.passed) check(s)"
        + (solution.skipped > 0 ? " (\(solution.skipped) skipped)" : "")
        + "; starter fails \(verification.starter.failed)"
      let problems = verification.problems(policy)
      if !problems.isEmpty {
        var hints = HintState()
        for result in [verification.solution, verification.starter] {
          stdout.write(workspace.style.render(renderer.render(result, hints: &hints)))
        }
        line += "\n" + problems.map { "error: \($0)" }.joined(separator: "\n")
      }
      stdout.write(line + "\n")
      verifications.append(verification)
    }
    return verifications
  }
}
