import Foundation

/// Keeps a dataset's `root` where a lesson may put files: `datasets.MNIST(root='../../../x',
/// download=True)` must not write above the lesson's folder.
///
/// Paths are compared after lexical normalization (`.` and `..` resolved, relative paths made
/// absolute against the working directory), so `./data/../../x` is seen for what it is.
public enum DatasetRoot {
  /// `path` as an absolute path without `.`, `..` or repeated slashes; `..` at the top stays at
  /// `/`, as the kernel does.
  public static func normalized(_ path: String, currentDirectory: String? = nil) -> String {
    let absolute =
      path.hasPrefix("/")
      ? path : (currentDirectory ?? FileManager.default.currentDirectoryPath) + "/" + path
    var components: [Substring] = []
    for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
      switch component {
      case ".": continue
      case "..": _ = components.popLast()
      default: components.append(component)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  /// True when `path` is `folder` or inside it (both normalized first).
  public static func isInside(
    _ path: String, _ folder: String, currentDirectory: String? = nil
  ) -> Bool {
    let path = normalized(path, currentDirectory: currentDirectory)
    let folder = normalized(folder, currentDirectory: currentDirectory)
    return path == folder || folder == "/" || path.hasPrefix(folder + "/")
  }

  /// Throws `rootOutside` unless `resolved` (what the lesson's `root` names) is inside one of
  /// `allowed`.
  public static func check(
    root: String, resolved: String, allowed: [String], currentDirectory: String? = nil
  ) throws(DatasetError) {
    guard
      !allowed.contains(where: { isInside(resolved, $0, currentDirectory: currentDirectory) })
    else { return }
    throw .rootOutside(
      root: root, resolved: normalized(resolved, currentDirectory: currentDirectory),
      allowed: allowed.map { normalized($0, currentDirectory: currentDirectory) })
  }
}
