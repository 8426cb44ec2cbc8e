/// Builds the package's `lessons/` folder into the `BuiltinLessons` module, so the tool carries
/// its lessons, exercises and scripts wherever it is installed.

import Foundation
import PackagePlugin

/// A build-tool plugin: runs `embed-lessons` over every file under `lessons/` (rerun when any of
/// them changes) to write `EmbeddedLessons.swift` into the target's generated sources.
@main struct EmbedLessons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
    let lessons = context.package.directoryURL.appending(path: "lessons")
    let files = Self.files(under: lessons)
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLessons.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(files.count) lesson files",
        executable: try context.tool(named: "embed-lessons").url,
        arguments: [output.path(percentEncoded: false), lessons.path(percentEncoded: false)]
          + files.map { $0.path(percentEncoded: false) },
        inputFiles: files, outputFiles: [output])
    ]
  }

  /// The regular files under `folder`, sorted, without hidden ones and without the datasets
  /// (`datasets/`, and `data/` where lessons download to), which stay on disk.
  static func files(under folder: URL) -> [URL] {
    let keys: [URLResourceKey] = [.isRegularFileKey]
    guard
      let enumerator = FileManager.default.enumerator(
        at: folder, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    else { return [] }
    var files: [URL] = []
    let skipped = ["datasets", "data"].map { folder.appending(path: $0).standardizedFileURL.path }
    for case let url as URL in enumerator {
      if skipped.contains(url.standardizedFileURL.path) {
        enumerator.skipDescendants()
        continue
      }
      if (try? url.resourceValues(forKeys: Set(keys)).isRegularFile) == true {
        files.append(url)
      }
    }
    return files.sorted { $0.path < $1.path }
  }
}
