/// Comparing what a cell printed (or the error it raised) with the lesson's expected block.

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
  public var description: String { diagnostic.rendered(color: false) }
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
}

/// Compares expected blocks with actual output. See `docs/lessons.md` for the rules: numbers within
/// the tolerance their expected printing implies, tensors and grids by shape and element, `...`,
/// bands (`98 +- 1`), placeholders (`{float <= 0.2}`) and `{repeat N}` lines.
public struct OutputChecker: Sendable {
  /// How expected text is compared.
  public enum Mode: Sendable {
    /// By meaning (```` ```output ````).
    case meaning
    /// As text, ignoring trailing spaces and the final newline (```` ```output exact ````).
    case exact
    /// By meaning, as a contiguous part of the error text (```` ```error ````).
    case errorMessage
  }

  public init() {}

  /// Checks an expectation against what the cell printed (`.output`, `.exactOutput`) or against
  /// the text of its error (`.error`; see `errorText(of:)`).
  public func check(expected: Expectation, actual: String) -> CheckResult {
    let mode: Mode =
      switch expected.kind {
      case .output: .meaning
      case .exactOutput: .exact
      case .error: .errorMessage
      }
    return check(expected: expected.text, actual: actual, mode: mode, fallback: expected.fence)
  }

  /// Checks expected text against actual text. `fallback` locates mismatches of an empty block.
  public func check(
    expected: ExpectedText, actual: String, mode: Mode = .meaning, fallback: SourceSpan? = nil
  ) -> CheckResult {
    if mode == .exact { return checkExact(expected: expected, actual: actual, fallback: fallback) }
    let pattern: OutputPattern
    do {
      pattern = try OutputPattern(compiling: expected, forError: mode == .errorMessage)
    } catch {
      return .failed(Mismatch(span: error.span, message: error.message, notes: error.notes))
    }
    let matcher = OutputMatcher(pattern: pattern, actual: actual, fallback: fallback)
    return matcher.run()
  }

  /// The text an ```` ```error ```` block is matched against: the message, then each note as
  /// `note: ...` on its own line.
  public static func errorText(of diagnostic: Diagnostic) -> String {
    ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")
  }

  // MARK: - Exact mode

  private func checkExact(expected: ExpectedText, actual: String, fallback: SourceSpan?)
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
