/// Turning an exercise result into text for the learner: each check with its verdict, the hint for
/// a failure, then the learner's model layer by layer and what probably went wrong.

/// Renders `ExerciseResult`s.
public enum ExerciseReport {
  /// The report. Each failed check records a failure in `hints` and shows the hint it selects.
  public static func rendered(_ result: ExerciseResult, hints: inout HintState, color: Bool = false)
    -> String
  {
    func paint(_ code: String, _ text: String) -> String {
      color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
    var lines = [paint("1", "\(result.exercise.title) (\(result.path))")]
    if let error = result.fileError {
      let reason =
        error.missingRequirement.map { "skipped: \($0.reason)" } ?? "FAILED: your file did not run"
      lines += [
        paint(error.missingRequirement == nil ? "1;31" : "1;33", reason),
        indented(error.rendered(color: color)),
      ]
    }
    for setup in result.setupFailures {
      lines.append(paint("1;31", "FAILED") + "  the checks could not set up")
      lines.append(indented(setup.failure?.diagnostic.rendered(color: color) ?? ""))
    }
    for (check, verdict, _) in result.verdicts {
      switch verdict {
      case .passed: lines.append(paint("1;32", "ok     ") + "  \(check.name)")
      case .skipped(let reason) where result.fileError == nil:
        lines.append(paint("1;33", "skipped") + "  \(check.name): \(reason)")
      case .skipped, .notRun: lines.append(paint("2", "not run") + "  \(check.name)")
      case .failed(let failure):
        lines.append(paint("1;31", "FAILED ") + "  \(check.name)")
        lines.append(indented(failure.diagnostic.rendered(color: color)))
        if let index = hints.recordFailure(check.name, hintCount: check.hints.count) {
          lines.append(indented("hint \(index + 1)/\(check.hints.count): " + check.hints[index]))
        }
      }
    }
    if !result.shapeLines.isEmpty {
      lines.append(
        "your model, layer by layer (input \(shapeText(result.exercise.diagnosis?.inputShape ?? []))):"
      )
      lines += result.shapeLines.map { "    " + $0 }
    }
    if !result.findings.isEmpty {
      lines.append("what probably went wrong:")
      lines += result.findings.map { "  - " + $0 }
    }
    lines.append(
      LessonReport.summaryLine(
        passed: result.passed, failed: result.failed, skipped: result.skipped))
    return lines.joined(separator: "\n") + "\n"
  }

  /// Every line indented by 4 spaces.
  static func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
      .joined(separator: "\n")
  }
}
