import DataIO

/// `cnn-lesson init [DIR]`: a workspace of one's own, made from the built-in lessons.
struct InitCommand {
  let workspace: Workspace
  let stdout: TextSink

  /// The folder made when none is named.
  static let defaultFolder = "cnn-lessons"

  static let help = """
    USAGE: cnn-lesson init [OPTIONS] [DIR]        (default DIR: ./\(defaultFolder))

    Writes the built-in lessons, exercises and scripts to DIR/lessons/, a short DIR/README.md,
    and a copy of the MNIST files shipped with cnn-lesson (DIR/lessons/datasets/mnist, 11 MB,
    checked against its SHA256SUMS when loaded) when this build has them. Never overwrites
    anything: a file that is already there is kept as it is, and said so. Then, in DIR,
    'cnn-lesson run 08' runs your copy (files in ./lessons win over the built-in ones).

    OPTIONS
    \(OptionTable.section(for: "init"))
    """

  func run() throws -> ExitCode {
    let options = workspace.options
    guard options.operands.count <= 1 else {
      throw UsageError("'init' takes one folder", command: "init")
    }
    let name = options.operands.first ?? Self.defaultFolder
    let root = workspace.files.location(of: name)
    var files: [(path: String, bytes: [UInt8])] = LessonLibrary.builtin.files
      .sorted { $0.key < $1.key }.map { (joinPath("lessons", $0.key), Array($0.value.utf8)) }
    files.append(("README.md", Array(Self.readme.utf8)))
    if let shipped = workspace.context.shippedLessonsFolder {
      let mnist = joinPath(shipped, "datasets/mnist")
      for file in FolderSource(root: mnist).names(in: "") {
        guard let bytes = try? FileBytes.read(joinPath(mnist, file), limit: 64 << 20) else {
          continue
        }
        files.append((joinPath("lessons/datasets/mnist", file), bytes))
      }
    }
    var written = 0
    var kept: [String] = []
    for file in files {
      let target = joinPath(root, file.path)
      if FolderSource(root: target).entry(at: "") != nil {
        kept.append(joinPath(name, file.path))
        continue
      }
      let folder = target.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        .joined(separator: "/")
      try AtomicFile.createFolders(folder)
      try AtomicFile.write(file.bytes, to: target)
      written += 1
    }
    stdout.write("\(name): wrote \(written) file(s)")
    stdout.write(kept.isEmpty ? "\n" : ", kept \(kept.count) that were already there:\n")
    for path in kept { stdout.write("  kept \(path)\n") }
    if !files.contains(where: { $0.path.hasPrefix("lessons/datasets/") }) {
      stdout.write(
        "note: this build has no MNIST to copy; the training cells need --data DIR or "
          + "CNN_LESSON_DATA (or download=True with a network)\n")
    }
    stdout.write("Next: cd \(name) && cnn-lesson run 08\n")
    return .success
  }

  static let readme = """
    # My CNN lessons

    Made by `cnn-lesson init`. The lessons are Markdown files in `lessons/`: their `python`
    blocks run like notebook cells and the blocks after them say what they should print.
    Edit them as you like; in this folder, `cnn-lesson` runs these copies instead of its
    built-in ones.

    ```sh
    cnn-lesson lessons              # what there is, and what each lesson needs
    cnn-lesson run 08               # Lecture 8: Basic CNN (trains on MNIST)
    cnn-lesson exercise 8-1 x.py    # start an exercise, then: cnn-lesson check x.py
    cnn-lesson render lessons       # the lessons as web pages, in ./site
    ```

    `lessons/datasets/mnist/` holds the MNIST digits (CC BY-SA 3.0, Yann LeCun and Corinna
    Cortes; see its SOURCE.md). Relative paths in a lesson (`root='./data/'`,
    `plt.savefig('x.png')`) are inside `lessons/`, the lesson's own folder.

    """
}
