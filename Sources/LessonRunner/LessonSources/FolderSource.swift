/// A lesson source that is a folder on disk.

import DataIO
import Foundation

/// The files under one folder on disk. The folder is given as an absolute path (the command line
/// resolves it against its working directory), so nothing here depends on the process's working
/// directory. Absolute paths given to it are used as they are.
public struct FolderSource: LessonSource {
  /// The folder, as an absolute path.
  public let root: String
  /// How messages name the folder: as the user wrote it (`lessons`), or `""` for the working
  /// directory, whose files are named by their paths alone.
  public let displayRoot: String

  public init(root: String, displayRoot: String = "") {
    self.root = root
    self.displayRoot = displayRoot
  }

  /// The absolute path of `path`.
  public func location(of path: String) -> String {
    path.hasPrefix("/") ? path : joinPath(root, path)
  }

  public func displayPath(_ path: String) -> String {
    path.hasPrefix("/") ? path : joinPath(displayRoot, path)
  }

  /// The folder at `path`, as a source of its own.
  public func folder(_ path: String) -> FolderSource {
    FolderSource(root: location(of: path), displayRoot: displayPath(path))
  }

  public func entry(at path: String) -> SourceEntry? {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: location(of: path), isDirectory: &isFolder) else {
      return nil
    }
    return isFolder.boolValue ? .folder : .file
  }

  public func isSymbolicLink(at path: String) -> Bool {
    let attributes = try? FileManager.default.attributesOfItem(atPath: location(of: path))
    return attributes?[.type] as? FileAttributeType == .typeSymbolicLink
  }

  public func names(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: location(of: folder))) ?? []).sorted()
  }

  public func text(at path: String) throws(SourceError) -> String {
    guard entry(at: path) == .file,
      let data = FileManager.default.contents(atPath: location(of: path))
    else {
      throw .notFound(displayPath(path))
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// Writes `text` to the file at `path` through `AtomicFile`: replaced whole, mode and symbolic
  /// links kept, and a device, FIFO, folder or read-only file refused with a `FileWriteError` in
  /// plain words.
  public func write(_ text: String, to path: String) throws(FileWriteError) {
    try AtomicFile.write(Array(text.utf8), to: location(of: path))
  }

  /// Removes the file at `path`, if there is one.
  public func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: location(of: path))
  }
}
