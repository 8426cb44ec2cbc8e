import Foundation

/// `cnn-lesson verify [DIR|LESSON]`: every lesson in DIR and its sub-folders (with their
/// exercises), or one lesson, quietly, with a recap of what failed and a JUnit report on request.
struct VerifyCommand {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  /// What to verify: the folder or file named (a lesson's built-in name too), else `lessons/`
  /// in the working folder, else everything built in. A folder's lessons and exercises are found
  /// in its sub-folders too (`LessonSource.lessonTree`). `folder` is where the lesson at a path
  /// runs: its own folder, as `run` runs it (for a built-in one, `builtinLessonFolder`).
  func target() throws -> (
    source: any LessonSource, tree: LessonTree, folder: (String) -> String
  ) {
    try targetAndExercise().target
  }

  /// The target, and the one exercise to verify when the folder named is an exercise's own
  /// (its catalog is then the folder above).
  private func targetAndExercise() throws -> (
    target: (source: any LessonSource, tree: LessonTree, folder: (String) -> String),
    exercise: String?
  ) {
    let files = workspace.files
    guard let operand = workspace.options.operands.first else {
      if files.entry(at: "lessons") == .folder { return (Self.walk(files.folder("lessons")), nil) }
      let builtin = workspace.builtinLessonFolder
      return ((LessonLibrary.builtin, LessonLibrary.builtin.lessonTree(), { _ in builtin }), nil)
    }
    do {
      let location = try LessonLibrary(workspace: workspace).locate(operand)
      try LessonLibrary.checkKind(of: location, command: "verify", allowsScripts: false)
      return (
        (location.source, LessonTree(lessonPaths: [location.path]), { _ in location.folder }), nil
      )
    } catch let found as FolderFound {
      let walked = Self.walk(files.folder(found.path))
      guard walked.tree.isExerciseFolder else { return (walked, nil) }
      // One exercise's folder: its catalog is the folder above, and only it is verified.
      let path = (files.location(of: found.path) as NSString).standardizingPath
      let parent = (path as NSString).deletingLastPathComponent
      let display = (found.path as NSString).deletingLastPathComponent
      let above = FolderSource(root: parent, displayRoot: display.isEmpty ? "." : display)
      return (
        (above, LessonTree(exerciseFolders: [""]), { _ in parent }),
        (path as NSString).lastPathComponent
      )
    }
  }

  /// The lessons and exercises in `folder` and its sub-folders, each lesson run in its own folder.
  private static func walk(_ folder: FolderSource) -> (
    source: any LessonSource, tree: LessonTree, folder: (String) -> String
  ) {
    (
      folder, folder.lessonTree(),
      { folder.location(of: ($0 as NSString).deletingLastPathComponent) }
    )
  }

  func run() throws -> ExitCode {
    let options = workspace.options
    let policy: SkipPolicy = options.strict ? .strict : .lenient
    let ((source, tree, folderOf), onlyExercise) = try targetAndExercise()
    guard !tree.lessonPaths.isEmpty || !tree.exerciseFolders.isEmpty else {
      throw UsageError(
        "no lessons (*.md) in \(source.displayPath("")) or its sub-folders", command: "verify")
    }
    for folder in tree.tooDeep {
      stderr.write("warning: \(source.displayPath(folder)): too deep, not looked into\n")
    }
    var runner = RunCommand(workspace: workspace, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    runner.rejectsUncheckedLessons = true
    var report = RunReport()
    for path in tree.lessonPaths {
      let outcome = try runner.runLesson(path, in: source, reporter: nil, folder: folderOf(path))
      switch outcome {
      case .ran(let lesson):
        show(lesson, policy: policy)
        report.lessons.append(lesson)
      case .malformed(let malformed):
        runner.writeFileLine(outcome, policy: policy)
        report.malformed.append(malformed)
      }
      if report.wasInterrupted { break }
    }
    if !report.wasInterrupted {
      let exercises = ExerciseVerify(workspace: workspace, stdout: stdout, stderr: stderr)
      for folder in tree.exerciseFolders {
        let catalog = ExerciseCatalog(source: source, folder: folder)
        if let onlyExercise, !catalog.ids().contains(onlyExercise) {
          throw UsageError(
            "\(catalog.displayPath(of: onlyExercise)): the folder's name is not an exercise ID: "
              + (ExerciseCatalog.problem(withID: onlyExercise) ?? "it is not one"),
            notes: ["rename the folder, e.g. to 8b-1 or conv-arith"], command: "verify")
        }
        if onlyExercise == nil { report.malformed += exercises.rejectedFolders(of: catalog) }
        report.exercises += try exercises.run(catalog, policy: policy, only: onlyExercise)
      }
    }
    if let junitPath = options.junitPath {
      let junit = JUnitRenderer(explanations: workspace.explanations, policy: policy)
      try workspace.files.write(junit.render(report), to: junitPath)
    }
    return runner.writeSummary(of: report, policy: policy)
  }

  /// A lesson's failures, where it was skipped from (an error under `--strict`), and its summary.
  func show(_ report: LessonReport, policy: SkipPolicy) {
    let style = workspace.style
    for outcome in report.outcomes where outcome.failure != nil {
      let text = LessonTextRenderer.render(
        outcome, in: report.lesson, explanations: workspace.explanations)
      stdout.write(style.render(text))
    }
    if let error = report.firstUnavailable?.error, let requirement = error.missingRequirement {
      let place = error.span.map { "\($0)" } ?? report.lesson.file.path
      let reason = workspace.explanations.reason(requirement)
      if policy == .strict {
        stdout.write(
          "\(place): error: skipped from here: \(reason)\n"
            + "note: with --strict, checks that cannot run here fail\n")
      } else {
        stdout.write("\(place): skipped from here: \(reason)\n")
      }
    }
    stdout.write(
      SummaryRenderer(explanations: workspace.explanations, policy: policy).fileLine(report))
  }
}
