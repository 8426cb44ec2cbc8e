import BuiltinLessons
import Foundation

/// A lesson, exercise or script named on the command line: where it is read from, its path
/// there, and the folder its relative paths resolve in.
struct LessonLocation {
  let source: any LessonSource
  let path: String
  /// The folder the lesson runs in (`root='./data/'`, `savefig`): the file's own folder, or for a
  /// built-in lesson `Workspace.builtinLessonFolder`.
  let folder: String
  /// Whether it is built into the tool (not a file the user can edit).
  let isBuiltin: Bool
}

/// The lessons the command line can name: files on disk by their paths, and the lessons built
/// into the tool by their names (`08`, `8`, `08.md`, `lessons/08.md`, `08_cnn_mnist.py`). Files
/// on disk win: `lessons/08.md` in the working folder (a teacher's edited copy) before the
/// built-in one.
struct LessonLibrary {
  let workspace: Workspace

  /// The built-in lessons, exercises and scripts, named `built-in/08.md` in messages.
  static let builtin = MemorySource(name: "built-in", files: BuiltinLessons.files)

  /// The built-in lessons' paths (`08.md`, `09.md`).
  static var builtinLessonPaths: [String] { builtin.lessonPaths() }

  /// Where `operand` is: the file it names, else the lesson of that name in `lessons/` on disk,
  /// else the built-in one. A folder is `FolderFound`; nothing is `FileNotFound`, with the
  /// built-in names as a note.
  func locate(_ operand: String) throws -> LessonLocation {
    let files = workspace.files
    switch files.entry(at: operand) {
    case .file?:
      return disk(operand)
    case .folder?:
      throw FolderFound(path: operand)
    case nil:
      break
    }
    for name in Self.candidateNames(operand) {
      let onDisk = joinPath("lessons", name)
      if files.entry(at: onDisk) == .file { return disk(onDisk) }
      if Self.builtin.entry(at: name) == .file {
        return LessonLocation(
          source: Self.builtin, path: name, folder: workspace.builtinLessonFolder, isBuiltin: true)
      }
    }
    throw FileNotFound(
      path: operand,
      notes: [
        "built-in lessons: "
          + Self.builtinLessonPaths.map { String($0.dropLast(3)) }.joined(separator: ", ")
          + " (cnn-lesson lessons lists them)"
      ])
  }

  /// Refuses a file that is neither a lesson (`.md`) nor, when `command` runs them, a script
  /// (`.py`): a usage error naming it, with a pointer for a Jupyter notebook (`.ipynb`).
  static func checkKind(of location: LessonLocation, command: String, allowsScripts: Bool) throws {
    let path = location.source.displayPath(location.path)
    if location.path.hasSuffix(".md") || (allowsScripts && location.path.hasSuffix(".py")) {
      return
    }
    if location.path.hasSuffix(".py") {
      throw UsageError(
        "\(path) is a script: \(command) checks Markdown lessons (.md)",
        notes: ["to run the script: cnn-lesson run \(path)"], command: command)
    }
    var notes = [
      "a lesson is a Markdown file (.md) whose ```python blocks run; see docs/lessons.md"
    ]
    if location.path.hasSuffix(".ipynb") {
      notes = [
        "Jupyter notebooks are not supported yet (importing them is planned: cnn-lesson issue 13)",
        "save the notebook's code as a .py script and run that, or write the lesson as a .md "
          + "file (docs/lessons.md)",
      ]
    }
    let what = allowsScripts ? "neither a lesson (.md) nor a script (.py)" : "not a lesson (.md)"
    throw UsageError("\(path) is \(what)", notes: notes, command: command)
  }

  /// The file at `path` on disk, run in its own folder.
  private func disk(_ path: String) -> LessonLocation {
    let location = workspace.files.location(of: path)
    let folder = (location as NSString).deletingLastPathComponent
    return LessonLocation(source: workspace.files, path: path, folder: folder, isBuiltin: false)
  }

  /// The names `operand` may mean, under `lessons/`: itself without a leading `lessons/`, with
  /// `.md` added, a number as two digits (`8` is `08.md`), and scripts under `scripts/`.
  static func candidateNames(_ operand: String) -> [String] {
    var name = operand.hasPrefix("./") ? String(operand.dropFirst(2)) : operand
    if name.hasPrefix("lessons/") { name = String(name.dropFirst("lessons/".count)) }
    guard !name.isEmpty, !name.hasPrefix("/"), !name.split(separator: "/").contains("..") else {
      return []
    }
    var names = [name]
    if !name.hasSuffix(".md") && !name.hasSuffix(".py") { names.append(name + ".md") }
    if name.count < 2, name.allSatisfy({ $0.isASCII && $0.isNumber }) {
      names.append("0" + name + ".md")
    }
    if name.hasSuffix(".py") && !name.hasPrefix("scripts/") { names.append("scripts/" + name) }
    return names
  }
}

/// A folder named where a file was wanted.
struct FolderFound: Error {
  let path: String
}
