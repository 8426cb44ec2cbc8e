/// The exercise half of `cnn-lesson verify DIR`: every exercise in `DIR/exercises` proven both ways.
struct ExerciseVerify {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  /// Verifies each exercise of `catalog`, printing one line per exercise and the reports of runs
  /// that went the wrong way (under `.strict`, a solution that skips checks went the wrong way).
  /// Each starter is checked as `cnn-lesson check` checks a learner's copy of it, through its
  /// `# cnn-lesson exercise ID` line.
  /// `only` verifies just the exercise of that ID.
  func run(_ catalog: ExerciseCatalog, policy: SkipPolicy, only: String? = nil) throws
    -> [ExerciseVerification]
  {
    var runner = RunCommand(workspace: workspace, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    let renderer = ExerciseTextRenderer(explanations: workspace.explanations)
    var verifications: [ExerciseVerification] = []
    for id in catalog.ids() where only == nil || id == only {
      guard let exercise = try ExerciseCommand.exercise(id, in: catalog) else { continue }
      let verification = try ExerciseVerification.verify(
        exercise, in: catalog, makeExecutor: { runner.makeExecutor() })
      let solution = verification.solution
      var line =
        "\(catalog.displayPath(of: id)): solution passes \(solution.passed) check(s)"
        + (solution.skipped > 0 ? " (\(solution.skipped) skipped)" : "")
        + (verification.starter.map { "; starter fails \($0.failed)" } ?? "; starter not checked")
      let problems = verification.problems(policy)
      if !problems.isEmpty {
        var hints = HintState()
        for result in [verification.solution, verification.starter].compactMap({ $0 }) {
          stdout.write(workspace.style.render(renderer.render(result, hints: &hints)))
        }
        if let problem = verification.starterProblem {
          stdout.write(workspace.style.render(problem.styled) + "\n")
        }
        line += "\n" + problems.map { "error: \($0)" }.joined(separator: "\n")
      }
      stdout.write(line + "\n")
      verifications.append(verification)
    }
    return verifications
  }

  /// Exercise folders whose names cannot be IDs, each as a malformed file (exit 65), so a
  /// teacher's exercise is never left out silently.
  func rejectedFolders(of catalog: ExerciseCatalog) -> [MalformedLesson] {
    catalog.rejectedFolders().map { folder in
      let path = catalog.displayPath(of: folder.name)
      let diagnostic = Diagnostic(
        "\(path): the folder's name is not an exercise ID: \(folder.problem)",
        at: nil, notes: ["rename the folder, e.g. to 8b-1 or conv-arith"])
      stdout.write(workspace.style.render(diagnostic.styled) + "\n")
      return MalformedLesson(path: path, diagnostic: diagnostic)
    }
  }
}
