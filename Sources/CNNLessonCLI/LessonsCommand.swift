/// `cnn-lesson lessons`: what there is to run, from any folder.
struct LessonsCommand {
  let workspace: Workspace
  let stdout: TextSink

  static let help = """
    USAGE: cnn-lesson lessons [OPTIONS]

    Lists each lesson's number, title, how many checks it has and the data it needs (and whether
    that data is on this machine), then the exercises and the scripts. They are the ones in
    lessons/ in this folder when there is one (a teacher's or your own edited copy), else the
    ones built into cnn-lesson, which run from any folder:

      cnn-lesson run 08            Lecture 8 (the lesson's number, or its file name)
      cnn-lesson exercise 8-1 x.py && cnn-lesson check x.py
      cnn-lesson init              your own copy to edit, in ./cnn-lessons

    OPTIONS
    \(OptionTable.section(for: "lessons"))
    """

  func run() throws -> ExitCode {
    let files = workspace.files
    let onDisk = files.entry(at: "lessons") == .folder
    let source: any LessonSource = onDisk ? files.folder("lessons") : LessonLibrary.builtin
    let folder = onDisk ? files.location(of: "lessons") : workspace.builtinLessonFolder
    let style = workspace.style
    stdout.write(
      style.paint(
        onDisk
          ? "Lessons in lessons/ (this folder's, before the built-in ones)" : "Built-in lessons",
        .emphasis) + "\n")
    for path in source.lessonPaths() {
      let file = try source.read(path)
      let name = String(path.dropLast(3))
      let title = LessonLayout.title(of: file) ?? path
      let checks = (try? LessonParser.parse(file).checkCount).map { "\($0) checks" } ?? "malformed"
      var line =
        "  " + style.paint(name.padding(toLength: 4, withPad: " ", startingAt: 0), .emphasis)
      line += title + "\n      " + checks
      if file.lines.contains(where: { $0.contains("datasets.MNIST") }) {
        let found = !workspace.dataDirectories(lessonFolder: folder).isEmpty
        line +=
          ", needs MNIST "
          + (found ? "(found)" : "(not found: its training cells are skipped; see --data)")
      }
      stdout.write(line + "\n")
    }
    let catalog = try workspace.exerciseCatalog()
    let exercises = catalog.ids()
    if !exercises.isEmpty {
      stdout.write(
        "\n" + style.paint("Exercises", .emphasis) + " (cnn-lesson exercise ID FILE.py)\n")
      for id in exercises {
        let title = (try? catalog.exercise(id))??.title ?? ""
        stdout.write("  " + style.paint(id, .emphasis) + "  " + title + "\n")
      }
    }
    let scripts = source.scriptPaths()
    if !scripts.isEmpty {
      stdout.write("\n" + style.paint("Scripts", .emphasis) + " (cnn-lesson run NAME.py)\n")
      for path in scripts { stdout.write("  " + path.dropFirst("scripts/".count) + "\n") }
    }
    stdout.write(
      "\nRun one: cnn-lesson run \(source.lessonPaths().first.map { String($0.dropLast(3)) } ?? "08")\n"
    )
    return .success
  }
}
