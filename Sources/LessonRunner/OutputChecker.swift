/// The two ways expected text is compared with actual text (by meaning, or as text), which the
/// expectation kinds use, and the mismatch they report.

/// Where and how expected output differs from actual output. Not an error: an outcome the report
/// renders, located at the expected value in the `.md` file.
public struct Mismatch: Sendable, CustomStringConvertible {
  /// The expected value that did not match (`lessons/08.md:42:5`).
  public let span: SourceSpan?
  /// What differs: `expected 1.9 (±0.05), got 1.6667`.
  public let message: String
  /// The expected and actual lines, the tolerance, hints.
  public let notes: [String]

  public init(span: SourceSpan?, message: String, notes: [String] = []) {
    self.span = span
    self.message = message
    self.notes = notes
  }

  /// As a `Diagnostic`, to render with the quoted line and caret.
  public var diagnostic: Diagnostic { Diagnostic(message, at: span, notes: notes) }

  /// The compiler-style text (location, message, quoted line, caret, notes).
  public var description: String { diagnostic.description }
}

/// The result of one check.
public enum CheckResult: Sendable {
  /// The actual output matches.
  case passed
  /// It does not; the mismatch says where and how.
  case failed(Mismatch)

  /// True for `.passed`.
  public var isPassed: Bool {
    if case .passed = self { return true }
    return false
  }

  /// The mismatch of a failed check.
  public var mismatch: Mismatch? {
    if case .failed(let mismatch) = self { return mismatch }
    return nil
  }

  /// As a cell's verdict.
  public var verdict: Verdict {
    switch self {
    case .passed: .passed
    case .failed(let mismatch): .failed(.mismatch(mismatch))
    }
  }
}

/// Compares expected text with actual output. See `docs/lessons.md` for the rules: numbers within
/// the tolerance their expected printing implies, tensors and grids by shape and element, `...`,
/// bands (`98 +- 1`), placeholders (`{float <= 0.2}`) and `{repeat N}` lines.
enum OutputChecker {
  /// Matches a compiled pattern against `actual`, by meaning. `fallback` locates mismatches of an
  /// empty block.
  static func match(_ pattern: OutputPattern, actual: String, fallback: SourceSpan?) -> CheckResult
  {
    OutputMatcher(pattern: pattern, actual: actual, fallback: fallback).run()
  }

  /// Compares `expected` with `actual` as text, ignoring trailing spaces and the final blank lines.
  static func matchExactly(_ expected: ExpectedText, actual: String, fallback: SourceSpan?)
    -> CheckResult
  {
    let wanted = Self.trimmedLines(expected.lines.map(\.text))
    let got = Self.trimmedLines(SourceFile(path: "", text: actual).lines)
    for index in 0..<max(wanted.count, got.count) {
      guard index < wanted.count else {
        let span =
          wanted.isEmpty
          ? fallback : expected.span(line: wanted.count - 1, column: wanted[wanted.count - 1].count)
        return .failed(Mismatch(span: span, message: "unexpected extra output: \"\(got[index])\""))
      }
      guard index < got.count else {
        return .failed(
          Mismatch(
            span: expected.span(line: index, column: 0, length: wanted[index].count),
            message: "output ended early: expected \"\(wanted[index])\""))
      }
      guard wanted[index] != got[index] else { continue }
      let same = zip(wanted[index], got[index]).prefix(while: { $0 == $1 }).count
      return .failed(
        Mismatch(
          span: expected.span(line: index, column: same),
          message: "output differs at column \(same + 1)",
          notes: ["expected: \(wanted[index])", "     got: \(got[index])"]))
    }
    return .passed
  }

  /// Lines without trailing spaces, and without the blank lines at the end.
  private static func trimmedLines(_ lines: [String]) -> [String] {
    var lines = lines.map { $0.trimmingTrailingSpaces() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }
}
