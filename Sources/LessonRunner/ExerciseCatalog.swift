/// Finding the exercises of a lesson source: each a folder holding `exercise.md`, named by its ID.

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

  /// The exercise IDs, in lecture order (`8-1`, `8b-1`, `9-1`, `10-1`, then IDs without numbers
  /// such as `conv-arith`, by name). Only folders whose names are valid IDs (`isValidID`).
  public func ids() -> [String] {
    exerciseFolders().filter { Self.problem(withID: $0) == nil }
      .sorted { Self.precedes($0, $1) }
  }

  /// Folders that hold an `exercise.md` but whose names cannot be exercise IDs, with why
  /// (`verify` reports them; `ids()` leaves them out).
  public func rejectedFolders() -> [(name: String, problem: String)] {
    exerciseFolders().sorted().compactMap { name in
      Self.problem(withID: name).map { (name, $0) }
    }
  }

  /// The exercise `id`, or nil when there is none (an invalid ID never names one).
  public func exercise(_ id: String) throws -> Exercise? {
    guard ids().contains(id) else { return nil }
    return try ExerciseParser.load(joinPath(folder, id), from: source)
  }

  /// Where exercise `id` is, as messages name it (`lessons/exercises/8-1`).
  public func displayPath(of id: String) -> String {
    source.displayPath(joinPath(folder, id))
  }

  /// The folders holding an `exercise.md`, unsorted.
  private func exerciseFolders() -> [String] {
    source.names(in: folder).filter {
      source.entry(at: joinPath(joinPath(folder, $0), "exercise.md")) == .file
    }
  }

  // MARK: - IDs

  /// The longest exercise ID there may be, in characters.
  public static let maximumIDLength = 100

  /// Why `id` cannot be an exercise ID, or nil when it can. An ID is a folder name: any
  /// printable characters but whitespace, `/`, `\` and `:` (which ends it in a starter's
  /// `# cnn-lesson exercise 8b-1: title` line), not starting with `.`, at most 100 characters.
  public static func problem(withID id: String) -> String? {
    if id.isEmpty { return "an exercise ID cannot be empty" }
    if id.count > maximumIDLength {
      return "an exercise ID has at most \(maximumIDLength) characters"
    }
    if id.hasPrefix(".") { return "an exercise ID cannot start with '.'" }
    for scalar in id.unicodeScalars {
      if "/\\:".unicodeScalars.contains(scalar) {
        return "an exercise ID cannot contain '\(scalar)'"
      }
      if scalar.properties.isWhitespace { return "an exercise ID cannot contain spaces" }
      switch scalar.properties.generalCategory {
      case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator,
        .paragraphSeparator:
        return "an exercise ID can only hold printable characters"
      default: continue
      }
    }
    return nil
  }

  /// Whether `id` can be an exercise ID (`problem(withID:)` is nil).
  public static func isValidID(_ id: String) -> Bool { problem(withID: id) == nil }

  /// Lecture order: by the numbers in the IDs (`8-1` < `8b-1` < `9-1` < `10-1`), IDs without
  /// numbers last; ties by name, so the order is total.
  private static func precedes(_ a: String, _ b: String) -> Bool {
    let (numbersA, numbersB) = (numbers(in: a), numbers(in: b))
    if numbersA.isEmpty != numbersB.isEmpty { return !numbersA.isEmpty }
    if numbersA != numbersB { return numbersA.lexicographicallyPrecedes(numbersB) }
    return a < b
  }

  private static func numbers(in id: String) -> [Int] {
    id.split { !$0.isASCII || !$0.isNumber }.compactMap { Int($0) }
  }
}
