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
