/// ```` ```output exact ````: what the cell prints, compared as text.

/// The printed output, compared line by line as text, ignoring trailing spaces and blank lines at
/// the end.
public struct ExactOutputExpectation: ExpectationKind {
  public static let word = "output"
  public static let option: String? = "exact"

  let text: ExpectedText
  let fence: SourceSpan

  public init(compiling text: ExpectedText, fence: SourceSpan) throws(Diagnostic) {
    self.text = text
    self.fence = fence
  }

  public func check(_ result: CellResult) -> Verdict {
    if let error = result.error { return .failed(.unexpectedError(error)) }
    return OutputChecker.matchExactly(text, actual: result.text, fallback: fence).verdict
  }

  /// The whole printed output, when the cell ran without error.
  public func blessed(_ result: CellResult) -> String? {
    result.error == nil ? result.text : nil
  }
}
