/// Finding the exercises: the `exercises` directory beside the lessons.

import Foundation

/// The exercises in one directory, each a subdirectory holding `exercise.md`.
public struct ExerciseCatalog: Sendable {
  /// The directory (`lessons/exercises`).
  public let directory: String

  public init(directory: String) {
    self.directory = directory
  }

  /// The first of: `CNN_LESSON_EXERCISES`, `lessons/exercises` under the current directory, and
  /// `lessons/exercises` under a parent of the executable (a checkout running its own build).
  public static func locate(environment: [String: String], executable: String) -> ExerciseCatalog? {
    if let path = environment["CNN_LESSON_EXERCISES"], !path.isEmpty {
      return ExerciseCatalog(directory: path)
    }
    var candidates = ["lessons/exercises"]
    var url = URL(fileURLWithPath: executable).deletingLastPathComponent()
    for _ in 0..<5 {
      candidates.append(url.appendingPathComponent("lessons/exercises").path)
      url = url.deletingLastPathComponent()
    }
    return candidates.first { isDirectory($0) }.map { ExerciseCatalog(directory: $0) }
  }

  /// The exercise ids, in lecture order (`8-1`, `9-1`, `10-1`).
  public func ids() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter {
      FileManager.default.fileExists(atPath: path($0, "exercise.md"))
    }.sorted { Self.order($0).lexicographicallyPrecedes(Self.order($1)) }
  }

  /// The exercise `id`, or nil when there is none.
  public func exercise(_ id: String) throws -> Exercise? {
    guard ids().contains(id) else { return nil }
    return try ExerciseParser.load(directory: path(id))
  }

  private func path(_ parts: String...) -> String {
    ([directory] + parts).joined(separator: "/")
  }

  private static func order(_ id: String) -> [Int] {
    id.split { !$0.isNumber }.compactMap { Int($0) }
  }

  private static func isDirectory(_ path: String) -> Bool {
    var flag: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
  }
}
