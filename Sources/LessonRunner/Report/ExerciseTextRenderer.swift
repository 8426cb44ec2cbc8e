/// An exercise result as text for the learner: each check with its verdict, the hint for a
/// failure, then the learner's model layer by layer and what probably went wrong.

import Foundation

/// Renders `ExerciseResult`s as styled text, with the verdict words of lesson reports.
///
/// ```
/// Exercise 8-1: a CNN with more layers (my_net.py)
/// ok       The output is [N, 10] log-probabilities
/// FAILED   More convolution layers than the lecture's Net (2)
///     my_net.py:... error: ...
///     hint 1/2: The lecture's Net has conv1 and conv2. ...
/// 3 passed, 1 failed, 1 skipped
/// ```
public struct ExerciseTextRenderer: Sendable {
  /// How skips are explained.
  public let explanations: Explanations

  public init(explanations: Explanations = Explanations()) {
    self.explanations = explanations
  }

  /// The report. Each failed check records a failure in `hints` and shows the hint it selects.
  public func render(_ result: ExerciseResult, hints: inout HintState) -> StyledText {
    var text = StyledText("\(result.exercise.title) (\(result.path))", .emphasis)
    text.append("\n")
    if let error = result.fileError {
      if let requirement = error.missingRequirement {
        text.append("skipped: \(explanations.reason(requirement))", .caution)
      } else {
        text.append("FAILED: your file did not run", .failure)
      }
      text.append("\n")
      text.append(Indenter.indentedLines(error.styled))
    }
    for setup in result.setupFailures {
      text.append("FAILED", .failure)
      text.append("  the checks could not set up\n")
      if let failure = setup.failure {
        text.append(Indenter.indentedLines(failure.diagnostic.styled))
      }
    }
    for check in result.checks {
      text.append(render(check, afterFileError: result.fileError != nil, hints: &hints))
    }
    text.append(trace(result))
    text.append(result.tally.summaryLine + "\n")
    return text
  }

  /// One check: its padded verdict word and name, then a failure's explanation and hint.
  private func render(_ result: ExerciseCheckResult, afterFileError: Bool, hints: inout HintState)
    -> StyledText
  {
    var verdict = result.verdict
    // After the learner's file failed, the checks simply did not run, whatever stopped the file.
    if afterFileError { verdict = .skipped(.notRun) }
    var text = StyledText(
      verdict.word.padding(toLength: 7, withPad: " ", startingAt: 0), verdict.role)
    text.append("  \(result.check.name)")
    if let requirement = verdict.missingRequirement {
      text.append(": \(explanations.reason(requirement))")
    }
    text.append("\n")
    guard let failure = verdict.failure else { return text }
    text.append(Indenter.indentedLines(failure.diagnostic.styled))
    let check = result.check
    if let index = hints.recordFailure(check.name, hintCount: check.hints.count) {
      text.append(
        Indenter.indentedLines(
          StyledText("hint \(index + 1)/\(check.hints.count): " + check.hints[index])))
    }
    return text
  }

  /// The learner's model layer by layer, and the findings, when a trace was made.
  private func trace(_ result: ExerciseResult) -> StyledText {
    var text = StyledText()
    guard let trace = result.trace else { return text }
    if !trace.shapeLines.isEmpty {
      let shape = shapeText(result.exercise.diagnosis?.inputShape ?? [])
      text.append("your model, layer by layer (input \(shape)):\n")
      text.append(Indenter.indentedLines(StyledText(trace.shapeLines.joined(separator: "\n"))))
    }
    if !trace.findings.isEmpty {
      text.append("what probably went wrong:\n")
      text.append(trace.findings.map { "  - " + $0 + "\n" }.joined())
    }
    return text
  }
}
