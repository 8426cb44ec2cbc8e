/// Finding the exercises of a lesson source: each a folder holding `exercise.md`.

/// The exercises in one folder of a lesson source (`exercises`, beside the lessons).
public struct ExerciseCatalog: Sendable {
  /// The source.
  public let source: any LessonSource
  /// The folder in it that holds one folder per exercise (`exercises`; `""` when the source is
  /// the exercises folder itself).
  public let folder: String

  public init(source: any LessonSource, folder: String = "exercises") {
    self.source = source
    self.folder = folder
  }

  /// The exercise folder, as messages name it (`lessons/exercises`).
  public var displayPath: String { source.displayPath(folder) }

  /// The exercise ids, in lecture order (`8-1`, `9-1`, `10-1`).
  public func ids() -> [String] {
    source.names(in: folder).filter {
      source.entry(at: joinPath(joinPath(folder, $0), "exercise.md")) == .file
    }.sorted { Self.order($0).lexicographicallyPrecedes(Self.order($1)) }
  }

  /// The exercise `id`, or nil when there is none.
  public func exercise(_ id: String) throws -> Exercise? {
    guard ids().contains(id) else { return nil }
    return try ExerciseParser.load(joinPath(folder, id), from: source)
  }

  /// Where exercise `id` is, as messages name it (`lessons/exercises/8-1`).
  public func displayPath(of id: String) -> String {
    source.displayPath(joinPath(folder, id))
  }

  private static func order(_ id: String) -> [Int] {
    id.split { !$0.isNumber }.compactMap { Int($0) }
  }
}
