/// How a learner's file names its exercise: the `# cnn-lesson exercise 8-1` line its starter
/// begins with. `check` and `verify` both find a file's exercise here, the same way.

/// The `8-1` of a learner's `# cnn-lesson exercise 8-1` line, and where it is written.
public struct ExerciseReference: Sendable {
  public let id: String
  public let span: SourceSpan
}

/// Why a learner's file cannot be checked.
public enum ExerciseLookupError: Error, CustomStringConvertible, Sendable {
  /// The file names no exercise, or one the catalog does not hold: located in the file.
  case learnerFile(Diagnostic)
  /// The exercise it names is malformed (its `exercise.md`): the teacher's problem.
  case malformedExercise(id: String, Diagnostic)

  public var description: String {
    switch self {
    case .learnerFile(let diagnostic): return diagnostic.description
    case .malformedExercise(let id, let diagnostic):
      return "exercise \(id) is malformed: \(diagnostic.description)"
    }
  }
}

extension ExerciseCatalog {
  /// The prefix of the line that names a file's exercise.
  public static let referencePrefix = "cnn-lesson exercise "

  /// The exercise a learner's file belongs to, from the `# cnn-lesson exercise 8-1` line the
  /// starter begins with (any of the first 5 lines), with where the ID is written; nil when
  /// there is none. The ID runs to the first space or `:` (`# cnn-lesson exercise 8b-1: title`).
  public static func exerciseReference(in file: SourceFile) -> ExerciseReference? {
    for (index, line) in file.lines.prefix(5).enumerated() {
      guard let range = line.range(of: referencePrefix) else { continue }
      let rest = line[range.upperBound...].drop { $0 == " " || $0 == "\t" }
      let id = rest.prefix { !$0.isWhitespace && $0 != ":" }
      guard !id.isEmpty else { continue }
      let column = line.distance(from: line.startIndex, to: id.startIndex) + 1
      return ExerciseReference(
        id: String(id),
        span: SourceSpan(file: file, line: index + 1, column: column, length: id.count))
    }
    return nil
  }

  /// The exercise `file` names, loaded, as `cnn-lesson check` finds it: `.learnerFile` when the
  /// file names none or one that is not here, `.malformedExercise` when that exercise is
  /// malformed.
  public func exercise(namedIn file: SourceFile) throws(ExerciseLookupError) -> Exercise {
    guard let reference = Self.exerciseReference(in: file) else {
      let first = SourceSpan(file: file, line: 1, column: 1, length: file.line(1)?.count ?? 1)
      throw .learnerFile(
        Diagnostic(
          "the file does not say which exercise it is", at: first,
          notes: [
            "its first line should be '# \(Self.referencePrefix)ID', as the starter's is "
              + "(e.g. \(ids().first ?? "8-1"))",
            "'cnn-lesson exercise' lists the exercises; 'cnn-lesson exercise ID FILE' writes a starter",
          ]))
    }
    let found: Exercise?
    do {
      found = try exercise(reference.id)
    } catch let error as Diagnostic {
      throw .malformedExercise(id: reference.id, error)
    } catch {
      let path = (error as? SourceError).map { error in
        switch error {
        case .notFound(let path): return path
        }
      }
      throw .malformedExercise(
        id: reference.id,
        Diagnostic("cannot read \(path ?? displayPath(of: reference.id))", at: nil))
    }
    guard let found else {
      let why = Self.problem(withID: reference.id).map { [$0] } ?? []
      throw .learnerFile(
        Diagnostic(
          "no exercise '\(reference.id)'", at: reference.span,
          notes: why + ["exercises: " + ids().joined(separator: ", ")]))
    }
    return found
  }
}
