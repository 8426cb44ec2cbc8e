import Foundation

/// `cnn-lesson check FILE`: runs a learner's exercise file and reports each check, with the first
/// hint on a failure and the next one on the next failure of the same check.
struct CheckCommand {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  static let help = """
    USAGE: cnn-lesson check [OPTIONS] FILE

    Runs FILE (written by 'cnn-lesson exercise ID FILE' and filled in by you), then the checks of
    its exercise, named on its first line ('# cnn-lesson exercise 8-1'). Each check says ok or
    FAILED; a failure shows a hint, and the next failure of the same check the next hint (the
    count is kept in .FILE.hints beside FILE). When a check fails, your model is traced layer by
    layer, with what probably went wrong. Checks that need a dataset that is not here are skipped.

    OPTIONS
    \(OptionTable.section(for: "check"))

    EXIT STATUS
      0 every check passed (or skipped)   1 a check failed   64 usage error   66 file not found
    """

  func run() throws -> ExitCode {
    let options = workspace.options
    guard options.operands.count == 1 else {
      throw UsageError(
        "'check' takes one file, e.g. 'cnn-lesson check my_net.py'", command: "check")
    }
    let path = options.operands[0]
    let files = workspace.files
    let text = try files.text(at: path)
    guard let id = ExerciseCatalog.exerciseID(inLearnerFile: text) else {
      throw UsageError(
        "\(path) does not say which exercise it is",
        notes: [
          "its first line should be '# cnn-lesson exercise ID', as the starter's is (e.g. 8-1)"
        ],
        command: "check")
    }
    let catalog = try workspace.exerciseCatalog()
    guard let exercise = try ExerciseCommand.exercise(id, in: catalog) else { return .usage }
    let executor = workspace.makeExecutor(warnings: stderr)
    let file = SourceFile(path: files.displayPath(path), text: text)
    let result = ExerciseRunner.run(exercise, file: file, executor: executor)
    let hintsPath = HintState.path(for: path)
    var hints = HintState(parsing: (try? files.text(at: hintsPath)) ?? "")
    let renderer = ExerciseTextRenderer(explanations: workspace.explanations)
    stdout.write(workspace.style.render(renderer.render(result, hints: &hints)))
    // Best effort: a read-only folder only loses the order of the hints.
    try? files.write(hints.text, to: hintsPath)
    return ExitCode(result.tally)
  }
}
