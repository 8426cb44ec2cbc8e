import Foundation

/// `cnn-lesson check FILE`: runs a learner's exercise file and reports each check, with the first
/// hint on a failure and the next one on the next failure of the same check.
struct CheckCommand {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  static let help = """
    USAGE: cnn-lesson check [OPTIONS] FILE

    Runs FILE (written by 'cnn-lesson exercise ID FILE' and filled in by you), showing what it
    prints, then the checks of its exercise, named on its first line ('# cnn-lesson exercise
    8-1'). Each check says ok (with the number it accepted, e.g. an accuracy), FAILED or not run;
    a failure shows a hint, and the next failure of the same check the next hint (the count is
    kept in .FILE.hints beside FILE). A check that fails only because an earlier one did (a typo
    that stops your model from being built) is not run and spends no hint. When a check fails,
    your model is traced layer by layer, with what probably went wrong. Checks that need a
    dataset that is not here are skipped. A recap ends the report, with what to fix first.

    OPTIONS
    \(OptionTable.section(for: "check"))

    EXIT STATUS
      0 every check passed (or skipped)   1 a check failed   64 usage error
      65 FILE names no exercise, or one that does not exist   66 file not found   130 Ctrl-C
    """

  func run() throws -> ExitCode {
    let options = workspace.options
    guard options.operands.count == 1 else {
      throw UsageError(
        "'check' takes one file, e.g. 'cnn-lesson check my_net.py'", command: "check")
    }
    let path = options.operands[0]
    let files = workspace.files
    let file = try files.read(path)
    let catalog = try workspace.exerciseCatalog()
    let exercise: Exercise
    do {
      exercise = try catalog.exercise(namedIn: file)
    } catch ExerciseLookupError.learnerFile(let diagnostic) {
      return report(diagnostic)
    } catch ExerciseLookupError.malformedExercise(let id, let diagnostic) {
      throw UsageError("exercise \(id) is malformed: \(diagnostic.description)")
    }
    let executor = workspace.makeExecutor(warnings: stderr)
    let style = workspace.style
    stdout.write(style.paint("running \(file.path) (exercise \(exercise.id))", .secondary) + "\n")
    let live = LiveReporter(sink: stdout, style: style, explanations: workspace.explanations)
    executor.progress = { live.progress($0) }
    let result = ExerciseRunner.run(exercise, file: file, executor: executor)
    live.clearProgress()
    let hintsPath = HintState.path(for: path)
    var hints = HintState(parsing: (try? files.text(at: hintsPath)) ?? "")
    let renderer = ExerciseTextRenderer(explanations: workspace.explanations)
    stdout.write(workspace.style.render(renderer.render(result, hints: &hints)))
    // Best effort: a read-only folder only loses the order of the hints.
    try? files.write(hints.text, to: hintsPath)
    return result.fileError?.isInterruption == true ? .interrupted : ExitCode(result.tally)
  }

  /// Shows a problem with the learner's file where it is: exit 65.
  private func report(_ diagnostic: Diagnostic) -> ExitCode {
    stderr.write(workspace.style.render(diagnostic.styled) + "\n")
    return .lessonError
  }
}
