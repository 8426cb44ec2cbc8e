/// A lesson source held in memory: lessons built into the binary, and tests.

/// Files given as text, by path (`08.md`, `exercises/8-1/exercise.md`); folders are implied by
/// the paths.
public struct MemorySource: LessonSource {
  /// How messages name the source's top (`built-in`); `""` names files by their paths alone.
  public let name: String
  /// The files' texts, by path.
  public let files: [String: String]

  public init(name: String = "", files: [String: String]) {
    self.name = name
    self.files = files
  }

  public func displayPath(_ path: String) -> String { joinPath(name, path) }

  public func entry(at path: String) -> SourceEntry? {
    if files[path] != nil { return .file }
    let prefix = path.isEmpty ? "" : path + "/"
    return files.keys.contains { $0.hasPrefix(prefix) } ? .folder : nil
  }

  public func names(in folder: String) -> [String] {
    let prefix = folder.isEmpty ? "" : folder + "/"
    let names = files.keys.compactMap { path -> String? in
      guard path.hasPrefix(prefix) else { return nil }
      return path.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
    }
    return Set(names).sorted()
  }

  public func text(at path: String) throws(SourceError) -> String {
    guard let text = files[path] else { throw .notFound(displayPath(path)) }
    return text
  }
}
