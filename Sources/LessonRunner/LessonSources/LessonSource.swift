/// Where lessons, exercises and scripts come from: a folder on disk, or files held in memory
/// (lessons built into the binary), behind one protocol.

/// What a path in a source names.
public enum SourceEntry: Sendable, Equatable {
  /// A file, to read.
  case file
  /// A folder, to list.
  case folder
}

/// A path that names nothing in a source.
public enum SourceError: Error, Sendable, Equatable {
  /// Nothing at this path (as messages name it).
  case notFound(String)
}

/// A tree of lesson files: lessons (`*.md`) at the top, exercises in `exercises/ID/`, scripts in
/// `scripts/`. Paths are `/`-separated and relative to the source (`""` is its top).
///
/// To add a source (lessons built into the binary, a zip...): a type with these four members; the
/// layout (`lessonPaths`, `scriptPaths`, `ExerciseCatalog`) comes with the protocol.
public protocol LessonSource: Sendable {
  /// How messages name `path` (`lessons/08.md`).
  func displayPath(_ path: String) -> String
  /// What `path` names, or nil for nothing.
  func entry(at path: String) -> SourceEntry?
  /// The names in the folder at `path`, sorted; empty when it is no folder.
  func names(in folder: String) -> [String]
  /// The text of the file at `path`, as it is (invalid UTF-8 becomes U+FFFD rather than
  /// failing); `SourceError.notFound` when there is no such file.
  func text(at path: String) throws(SourceError) -> String
  /// Whether `path` is a symbolic link (a walk of the tree does not follow linked folders, which
  /// may lead out of it or round in a circle). False for sources without links.
  func isSymbolicLink(at path: String) -> Bool
}

/// What a walk of a source's folders finds (`verify DIR`): the lessons, and the folders that hold
/// exercise folders.
public struct LessonTree: Sendable, Equatable {
  /// The lessons, `*.md` files outside exercise folders, in walk order (names sorted, a folder's
  /// files and sub-folders interleaved by name).
  public var lessonPaths: [String] = []
  /// The folders holding one or more exercise folders (a folder with an `exercise.md`), each the
  /// folder of an `ExerciseCatalog`, in walk order.
  public var exerciseFolders: [String] = []
  /// Folders below the deepest level walked, not looked into.
  public var tooDeep: [String] = []
  /// Whether the top folder is itself an exercise folder (it holds `exercise.md`).
  public var isExerciseFolder = false

  public init(lessonPaths: [String] = [], exerciseFolders: [String] = []) {
    self.lessonPaths = lessonPaths
    self.exerciseFolders = exerciseFolders
  }
}

extension LessonSource {
  /// The file at `path`, for parsing and for messages, named by `displayPath`.
  public func read(_ path: String) throws(SourceError) -> SourceFile {
    SourceFile(path: displayPath(path), text: try text(at: path))
  }

  /// The lessons in `folder`: its `*.md` files, by name, as paths in the source.
  public func lessonPaths(in folder: String = "") -> [String] {
    names(in: folder).filter { $0.hasSuffix(".md") }.map { joinPath(folder, $0) }
      .filter { entry(at: $0) == .file }
  }

  /// The lessons and exercise folders in `folder` and its sub-folders, `maximumDepth` levels of
  /// them at most. Hidden folders (`.git`), data folders (`datasets`, `data`) and linked folders
  /// are not entered; an exercise folder is not entered either (its `exercise.md` is no lesson).
  public func lessonTree(in folder: String = "", maximumDepth: Int = 8) -> LessonTree {
    var tree = LessonTree()
    tree.isExerciseFolder = entry(at: joinPath(folder, "exercise.md")) == .file
    guard !tree.isExerciseFolder else { return tree }
    walk(folder, depth: 0, maximumDepth: maximumDepth, into: &tree)
    return tree
  }

  /// Folder names a walk never enters: where datasets are kept.
  public static var dataFolderNames: [String] { ["datasets", "data"] }

  private func walk(_ folder: String, depth: Int, maximumDepth: Int, into tree: inout LessonTree) {
    for name in names(in: folder) {
      let path = joinPath(folder, name)
      switch entry(at: path) {
      case .file?:
        if name.hasSuffix(".md") { tree.lessonPaths.append(path) }
      case .folder?:
        guard !name.hasPrefix("."), !Self.dataFolderNames.contains(name),
          !isSymbolicLink(at: path)
        else { continue }
        if entry(at: joinPath(path, "exercise.md")) == .file {
          if !tree.exerciseFolders.contains(folder) { tree.exerciseFolders.append(folder) }
        } else if depth < maximumDepth {
          walk(path, depth: depth + 1, maximumDepth: maximumDepth, into: &tree)
        } else {
          tree.tooDeep.append(path)
        }
      case nil:
        continue
      }
    }
  }

  public func isSymbolicLink(at path: String) -> Bool { false }

  /// The scripts: the `*.py` files in `scripts/`.
  public func scriptPaths() -> [String] {
    names(in: "scripts").filter { $0.hasSuffix(".py") }.map { joinPath("scripts", $0) }
  }
}

/// `folder/name`, without doubled or leading slashes (`""` and `"a/"` join cleanly).
public func joinPath(_ folder: String, _ name: String) -> String {
  if folder.isEmpty { return name }
  if name.isEmpty { return folder }
  return (folder.hasSuffix("/") ? folder : folder + "/") + name
}
