/// `cnn-lesson verify [DIR|LESSON]`: every lesson in DIR (with its exercises), or one lesson,
/// quietly, with a JUnit report on request.
struct VerifyCommand {
  let workspace: Workspace
  let stdout: TextSink
  let stderr: TextSink

  /// What to verify: the folder or file named (a lesson's built-in name too), else `lessons/`
  /// in the working folder, else everything built in.
  func target() throws -> (source: any LessonSource, paths: [String], folder: String, all: Bool) {
    let files = workspace.files
    guard let operand = workspace.options.operands.first else {
      if files.entry(at: "lessons") == .folder {
        let folder = files.folder("lessons")
        return (folder, folder.lessonPaths(), folder.root, true)
      }
      return (
        LessonLibrary.builtin, LessonLibrary.builtinLessonPaths, workspace.builtinLessonFolder, true
      )
    }
    do {
      let location = try LessonLibrary(workspace: workspace).locate(operand)
      return (location.source, [location.path], location.folder, false)
    } catch let found as FolderFound {
      let folder = files.folder(found.path)
      return (folder, folder.lessonPaths(), folder.root, true)
    }
  }

  func run() throws -> ExitCode {
    let options = workspace.options
    let policy: SkipPolicy = options.strict ? .strict : .lenient
    let (source, paths, lessonFolder, isFolder) = try target()
    guard !paths.isEmpty else {
      throw UsageError(
        "no lessons (*.md) in \(source.displayPath(""))", command: "verify")
    }
    var runner = RunCommand(workspace: workspace, stdout: stdout, stderr: stderr)
    runner.showsWarnings = false
    var report = RunReport()
    for path in paths {
      switch try runner.runLesson(path, in: source, reporter: nil, folder: lessonFolder) {
      case .ran(let lesson):
        show(lesson, policy: policy)
        report.lessons.append(lesson)
      case .malformed(let malformed):
        report.malformed.append(malformed)
      }
      if report.wasInterrupted { break }
    }
    if let junitPath = options.junitPath {
      let junit = JUnitRenderer(explanations: workspace.explanations, policy: policy)
      try workspace.files.write(junit.render(report), to: junitPath)
    }
    if isFolder && !report.wasInterrupted {
      let exercises = ExerciseVerify(workspace: workspace, stdout: stdout, stderr: stderr)
      let catalog = ExerciseCatalog(source: source)
      report.malformed += exercises.rejectedFolders(of: catalog)
      report.exercises = try exercises.run(catalog, policy: policy)
    }
    let tally = report.tally(policy)
    stdout.write(tally.summaryLine + (report.wasInterrupted ? " (interrupted)" : "") + "\n")
    return report.wasInterrupted ? .interrupted : ExitCode(tally)
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
    stdout.write("\(report.lesson.file.path): \(report.tally(policy).summaryLine)\n")
  }
}
