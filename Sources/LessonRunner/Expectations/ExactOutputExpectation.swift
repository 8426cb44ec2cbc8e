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

  /// The printed output, when the cell ran without error: the lines it shares with the block
  /// kept as written (trailing spaces aside), the others as printed, trailing blank lines
  /// dropped.
  public func blessed(_ result: CellResult) -> [BlessedLine]? {
    guard result.error == nil else { return nil }
    var printed = SourceFile(path: "", text: result.text).lines.map {
      $0.trimmingTrailingSpaces()
    }
    while printed.last?.isEmpty == true { printed.removeLast() }
    let written = text.lines.map { $0.text.trimmingTrailingSpaces() }
    return LineDiff.edits(written, printed).compactMap { edit in
      switch edit {
      case .same(let old, _): .kept(old)
      case .added(let new): .written(printed[new])
      case .removed: nil
      }
    }
  }
}
