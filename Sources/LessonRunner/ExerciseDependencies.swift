/// Which failures of an exercise run are consequences of an earlier one, so that `check` reports
/// the mistake once and marks what only followed from it as not run, spending no hints on it.
///
/// The rule:
/// - when the learner's file itself raised (a syntax error, a typo in top-level code), no check
///   runs: every check is a consequence of that error;
/// - a check (or setup cell) that raised a `NameError` for a name an earlier cell that raised
///   was to define (an assignment, `for`, `def`, `class` or import at its top level, read from
///   its code) is a consequence of that earlier cell: `model = Net()` failed, so `model` is not
///   defined in the next check;
/// - a check that raised the same error as an earlier cell (the same exception, message and
///   location: `Net()` failing on the same line of the learner's file again; for a `NameError`,
///   the same missing name anywhere) is a consequence of it.
///
/// A consequence of a consequence is attributed to the first failure. Only errors are followed:
/// a check whose output differs ran to its end, so it defined what it was to define.

/// Why a check did not count: what it depended on failed.
public struct CheckDependency: Sendable, Equatable {
  /// How the check depended on the failure.
  public enum Reason: Sendable, Equatable {
    /// The learner's file raised before any check could use its definitions.
    case fileFailed
    /// The check needs this name, which the failed cell was to define.
    case undefinedName(String)
    /// The check raised the same error as the failed cell.
    case sameError
  }

  /// The check that failed first, by name; nil when that was the learner's file or a setup cell.
  public let cause: String?
  /// How this check depended on it.
  public let reason: Reason

  public init(cause: String?, reason: Reason) {
    self.cause = cause
    self.reason = reason
  }
}

/// Follows the failures of one run in cell order, recording the cells that raised.
struct DependencyTracker {
  /// A cell that raised: which check it was (nil: setup), the names its code binds, its error.
  private struct RaisedCell {
    let check: String?
    let boundNames: Set<String>
    let error: Diagnostic
  }

  private var raised: [RaisedCell] = []

  /// Records the outcome of `cell` (named `check`, nil for setup code), whose failure is `error`
  /// (nil when it passed or ran, even by raising the error its `error` block expects), and
  /// returns what it depends on when that error is a consequence of an earlier cell's; nil when
  /// it did not fail by raising, or raised on its own account.
  mutating func record(_ cell: LessonCell, check: String?, error: Diagnostic?, file: SourceFile)
    -> CheckDependency?
  {
    guard let error, error.missingRequirement == nil, !error.isInterruption else { return nil }
    let dependency = Self.dependency(of: error, on: raised)
    raised.append(
      RaisedCell(
        check: dependency.map(\.cause) ?? check, boundNames: Self.boundNames(cell, in: file),
        error: error))
    return dependency
  }

  private static func dependency(of error: Diagnostic, on raised: [RaisedCell])
    -> CheckDependency?
  {
    if let name = undefinedName(error),
      let cause = raised.first(where: { $0.boundNames.contains(name) })
    {
      return CheckDependency(cause: cause.check, reason: .undefinedName(name))
    }
    if let cause = raised.first(where: { isSameError($0.error, error) }) {
      return CheckDependency(cause: cause.check, reason: .sameError)
    }
    return nil
  }

  /// The name a `NameError` says is not defined, read from the span it locates (the name).
  static func undefinedName(_ error: Diagnostic) -> String? {
    guard error.exception?.type == .nameError, let span = error.span,
      let line = span.file.line(span.line), span.column >= 1
    else { return nil }
    let name = line.dropFirst(span.column - 1).prefix(span.length)
    guard name.count == span.length, error.message.contains("'\(name)'") else { return nil }
    return String(name)
  }

  /// The same exception and message, at the same place (anywhere, for the same missing name).
  private static func isSameError(_ earlier: Diagnostic, _ later: Diagnostic) -> Bool {
    guard let first = earlier.exception, let second = later.exception,
      first.type == second.type, first.message == second.message
    else { return false }
    if first.type == .nameError { return true }
    guard let a = earlier.span, let b = later.span else { return false }
    return a.file.path == b.file.path && a.line == b.line && a.column == b.column
  }

  /// The names `cell`'s code binds at its top level; none when it does not parse.
  private static func boundNames(_ cell: LessonCell, in file: SourceFile) -> Set<String> {
    guard let statements = try? Parser.parse(cell.code, file: file, firstLine: cell.firstLine)
    else { return [] }
    return Set(Statement.boundNames(statements))
  }
}
