/// ```` ```output ````: what the cell prints, compared by meaning.

/// The printed output, compared by meaning (numbers within their printed precision, tensors and
/// grids, `...`, bands, placeholders, `{repeat}`; see docs/lessons.md).
public struct OutputExpectation: ExpectationKind {
  public static let word = "output"
  public static let option: String? = nil

  let pattern: OutputPattern
  let fence: SourceSpan

  public init(compiling text: ExpectedText, fence: SourceSpan) throws(Diagnostic) {
    self.pattern = try OutputPattern(compiling: text)
    self.fence = fence
  }

  public func check(_ result: CellResult) -> Verdict {
    if let error = result.error { return .failed(.unexpectedError(error)) }
    return OutputChecker.match(pattern, actual: result.text, fallback: fence).verdict
  }

  /// The block with its failing lines rewritten in the author's form (`OutputBless`), when the
  /// cell ran without error.
  public func blessed(_ result: CellResult) -> [BlessedLine]? {
    result.error == nil ? OutputBless(pattern: pattern, actual: result.text).lines() : nil
  }
}
