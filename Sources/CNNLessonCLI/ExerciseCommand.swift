import Foundation

/// `cnn-lesson exercise --list` and `cnn-lesson exercise ID [FILE]`: lists the exercises, or writes
/// one's starter into a file of the learner's own, never over existing work unless `--force`.
struct ExerciseCommand {
  let workspace: Workspace
  let stdout: TextSink

  static let help = """
    USAGE: cnn-lesson exercise --list
           cnn-lesson exercise [--force] ID [FILE]

    Lists the self-check exercises, or writes the starter of exercise ID (e.g. 8-1) to FILE
    (default: exercise_8_1.py). An existing file is never overwritten unless --force is given.
    Fill in the gaps, then run 'cnn-lesson check FILE'.

    OPTIONS
    \(OptionTable.section(for: "exercise"))

    EXAMPLES
      cnn-lesson exercise --list
      cnn-lesson exercise 8-1 my_net.py
      cnn-lesson check my_net.py
    """

  func run() throws -> ExitCode {
    let options = workspace.options
    let catalog = try workspace.exerciseCatalog()
    if options.list {
      guard options.operands.isEmpty else {
        throw UsageError("--list takes no operands", command: "exercise")
      }
      for id in catalog.ids() {
        let title = (try? catalog.exercise(id))?.title ?? ""
        stdout.write(
          id.padding(toLength: max(6, id.count + 2), withPad: " ", startingAt: 0) + title + "\n")
      }
      return .success
    }
    guard let id = options.operands.first, options.operands.count <= 2 else {
      throw UsageError(
        "'exercise' needs an exercise, e.g. 'cnn-lesson exercise 8-1 my_net.py'",
        notes: ["'cnn-lesson exercise --list' lists them"], command: "exercise")
    }
    guard let exercise = try Self.exercise(id, in: catalog) else { return .usage }
    let target = options.operands.count == 2 ? options.operands[1] : Self.defaultFile(for: id)
    let files = workspace.files
    if files.entry(at: target) != nil && !options.force {
      throw UsageError(
        "\(target) already exists; not overwriting it",
        notes: [
          "to keep your work, give another file name: 'cnn-lesson exercise \(id) other.py'",
          "to replace it with the starter (losing what is in it), add --force",
        ], command: "exercise")
    }
    try files.write(try exercise.source.text(at: exercise.path(of: "starter.py")), to: target)
    files.remove(HintState.path(for: target))
    stdout.write(
      "wrote \(target): the starter of \(exercise.title)\n"
        + "the exercise: \(exercise.lesson.file.path)\n"
        + "check your work: cnn-lesson check \(target)\n")
    return .success
  }

  /// `exercise_8_1.py` for `8-1`, `exercise_conv_arith.py` for `conv-arith`.
  static func defaultFile(for id: String) -> String {
    "exercise_" + id.replacingOccurrences(of: "-", with: "_") + ".py"
  }

  /// The exercise `id`; a usage error naming the ones there are when it does not exist.
  static func exercise(_ id: String, in catalog: ExerciseCatalog) throws -> Exercise? {
    let known = "exercises: " + catalog.ids().joined(separator: ", ")
    if let problem = ExerciseCatalog.problem(withID: id) {
      throw UsageError(
        "'\(id)' is not an exercise ID: \(problem)", notes: [known], command: "exercise")
    }
    do {
      if let exercise = try catalog.exercise(id) { return exercise }
    } catch let error as Diagnostic {
      throw UsageError("exercise \(id) is malformed: \(error.description)")
    }
    throw UsageError("no exercise '\(id)'", notes: [known], command: "exercise")
  }
}
