/// Where a path really leads once every symbolic link in it is followed.

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

public enum RealPath {
  /// The canonical absolute path of `path` (`realpath(3)`: links followed, `.` and `..`
  /// removed), or nil when it does not exist or cannot be resolved.
  public static func resolve(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether `target`, once its links are followed, is strictly inside `folder` (also resolved).
  /// A target that does not exist yet is judged by its parent folder, where it would be made; a
  /// parent that does not exist either cannot be written to, and is judged by its text.
  public static func isInside(_ target: String, folder: String) -> Bool {
    guard let root = resolve(folder) else { return false }
    let prefix = root == "/" ? "/" : root + "/"
    if let real = resolve(target) { return real.hasPrefix(prefix) }
    // A dangling link is written through to where it points.
    let target = AtomicFile.resolveLinks(target)
    let parts = target.split(separator: "/", omittingEmptySubsequences: false)
    guard let name = parts.last, !name.isEmpty, name != ".", name != ".." else { return false }
    let parent = parts.dropLast().joined(separator: "/")
    guard let realParent = resolve(parent.isEmpty ? "/" : parent) else {
      return target.hasPrefix(prefix)
    }
    return (realParent == "/" ? "/" : realParent + "/").hasPrefix(prefix)
  }
}
