/// ```` ```error ````: the cell must fail, with an error that contains the block.

/// The cell must raise an error; the block matches a contiguous part of the error's text (see
/// `text(of:)`), by meaning. Bless never rewrites it.
public struct ErrorExpectation: ExpectationKind {
  public static let word = "error"
  public static let option: String? = nil

  let pattern: OutputPattern
  let fence: SourceSpan

  public init(compiling text: ExpectedText, fence: SourceSpan) throws(Diagnostic) {
    self.pattern = try OutputPattern(compiling: text, forError: true)
    self.fence = fence
  }

  public func check(_ result: CellResult) -> Verdict {
    guard let error = result.error else {
      let first = pattern.text.lines.first?.text.trimmingSpaces() ?? ""
      return .failed(
        .missingError(
          Diagnostic(
            "expected the cell to fail, but it ran without error", at: fence,
            notes: first.isEmpty ? [] : ["the error block expects: \(first)"])))
    }
    return OutputChecker.match(pattern, actual: Self.text(of: error), fallback: fence).verdict
  }

  public func blessed(_ result: CellResult) -> [BlessedLine]? { nil }

  /// The text an error block is matched against: the message, then each note as `note: ...` on
  /// its own line (no location, quoted line or caret, so lessons do not depend on them).
  public static func text(of diagnostic: Diagnostic) -> String {
    ([diagnostic.message] + diagnostic.notes.map { "note: \($0)" }).joined(separator: "\n")
  }
}
