/// The words and roles of verdicts, shared by every text renderer (lessons and exercises).

extension Verdict {
  /// `ok`, `FAILED`, `skipped` or `not run`.
  public var word: String {
    switch self {
    case .ran, .passed: "ok"
    case .failed: "FAILED"
    case .skipped(.marked), .skipped(.unavailable): "skipped"
    case .skipped(.notRun), .skipped(.interrupted): "not run"
    }
  }

  /// How the word is styled: success, failure, caution (could not run here) or secondary.
  public var role: TextRole {
    switch self {
    case .ran, .passed: .success
    case .failed: .failure
    case .skipped(.unavailable): .caution
    case .skipped(.marked), .skipped(.notRun), .skipped(.interrupted): .secondary
    }
  }
}
