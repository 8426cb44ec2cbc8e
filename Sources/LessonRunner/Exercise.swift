/// Self-check exercises: a prompt, a starter file with gaps, checks with hints, and a reference
/// solution. See `docs/exercises.md` for the format.

/// One exercise, read from its folder in a lesson source (`exercises/8-1/`): `exercise.md` holds
/// the prompt and the checks, `starter.py` what the learner starts from, `solution.py` the
/// reference.
public struct Exercise: Sendable {
  /// The exercise's name, from its directory: `8-1`.
  public let id: String
  /// The title, from the first `# ` heading (`Exercise 8-1: a CNN with more layers`).
  public let title: String
  /// The checks as a lesson: check cells run in order after the learner's file, in its globals.
  public let lesson: Lesson
  /// The checks, one per code cell that has an expected block, in order.
  public let checks: [ExerciseCheck]
  /// What to trace when a check fails: the expression that builds the learner's model and the
  /// input shape (from the ```` ```exercise ```` block); nil when the exercise has none.
  public let diagnosis: DiagnosisSetup?
  /// The source the exercise was read from.
  public let source: any LessonSource
  /// Its folder in the source (`exercises/8-1`).
  public let folder: String

  /// The path in `source` of the exercise's file `name` (`exercises/8-1/starter.py`).
  public func path(of name: String) -> String { joinPath(folder, name) }

  /// The starter, as messages name it (`lessons/exercises/8-1/starter.py`).
  public var starterPath: String { source.displayPath(path(of: "starter.py")) }
  /// The reference solution, as messages name it.
  public var solutionPath: String { source.displayPath(path(of: "solution.py")) }

  /// The starter file.
  public func starter() throws(SourceError) -> SourceFile {
    try source.read(path(of: "starter.py"))
  }

  /// The reference solution.
  public func solution() throws(SourceError) -> SourceFile {
    try source.read(path(of: "solution.py"))
  }

  /// The heading a check cell is reported under, and its hints.
  public struct ExerciseCheck: Sendable {
    /// The index of the check's cell in `lesson.cells`.
    public let cellIndex: Int
    /// The heading above the cell (`The output is [N, 10] log-probabilities`).
    public let name: String
    /// Hints in the order they are shown, one more after each failure.
    public let hints: [String]
  }

  /// How to build the learner's model and what to feed it, for the layer-by-layer diagnosis.
  public struct DiagnosisSetup: Sendable {
    /// A lesson-language expression, `Net()`.
    public let model: String
    /// The input shape, `[2, 1, 28, 28]`.
    public let inputShape: [Int]
  }

  /// The check that cell `index` belongs to.
  public func check(forCell index: Int) -> ExerciseCheck? {
    checks.first { $0.cellIndex == index }
  }
}

/// Reads exercises.
public enum ExerciseParser {
  /// The exercise in `folder` of `source` (`exercises/8-1`); a located error for a malformed
  /// `exercise.md`, `SourceError.notFound` when there is none.
  public static func load(_ folder: String, from source: any LessonSource) throws -> Exercise {
    let file = try source.read(joinPath(folder, "exercise.md"))
    let id = folder.split(separator: "/").last.map(String.init) ?? folder
    return try parse(file, id: id, source: source, folder: folder)
  }

  /// The exercise held by `file`, whose other files are in `folder` of `source`.
  public static func parse(
    _ file: SourceFile, id: String, source: any LessonSource, folder: String
  ) throws(Diagnostic) -> Exercise {
    let lesson = try LessonParser.parse(file)
    let blocks = try MarkdownFences.blocks(in: file)
    let title =
      file.lines.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) } ?? "Exercise \(id)"
    var checks: [Exercise.ExerciseCheck] = []
    for cell in lesson.cells where !cell.isSkipped && cell.expectation != nil {
      let next = lesson.cells.first { $0.index > cell.index }?.fence.line ?? Int.max
      let hints = blocks.filter {
        $0.infoWords.first == "hint" && $0.opening.line > cell.fence.line && $0.opening.line < next
      }.map { $0.content.map(\.text).joined(separator: "\n") }
      checks.append(
        Exercise.ExerciseCheck(
          cellIndex: cell.index, name: lesson.heading(above: cell.fence.line) ?? "check",
          hints: hints))
    }
    let setup = try blocks.first { $0.infoWords.first == "exercise" }.map {
      block throws(Diagnostic) in
      try diagnosisSetup(block)
    }
    return Exercise(
      id: id, title: title, lesson: lesson, checks: checks, diagnosis: setup ?? nil,
      source: source, folder: folder)
  }

  /// `model: Net()` and `input: 2, 1, 28, 28` from the ```` ```exercise ```` block.
  static func diagnosisSetup(_ block: FencedBlock) throws(Diagnostic) -> Exercise.DiagnosisSetup? {
    var fields: [String: String] = [:]
    for line in block.content {
      guard let colon = line.text.firstIndex(of: ":") else { continue }
      fields[line.text[..<colon].trimmingSpaces()] = line.text[line.text.index(after: colon)...]
        .trimmingSpaces()
    }
    guard let model = fields["model"] else { return nil }
    let digits = (fields["input"] ?? "").split { !$0.isNumber }.compactMap { Int($0) }
    guard !digits.isEmpty, digits.allSatisfy({ $0 > 0 }) else {
      throw Diagnostic(
        "the exercise block needs 'input: N, C, H, W' with positive sizes", at: block.opening)
    }
    return Exercise.DiagnosisSetup(model: model, inputShape: digits)
  }
}
