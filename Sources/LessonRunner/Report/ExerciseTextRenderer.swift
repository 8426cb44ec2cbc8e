/// An exercise result as text for the learner: what their file printed, each check with its
/// verdict (the numbers a passing check accepted, the hint for a failure, why a check did not
/// run), then the learner's model layer by layer and what probably went wrong, and a recap.

import Foundation

/// Renders `ExerciseResult`s as styled text, with the verdict words of lesson reports.
///
/// ```
/// Exercise 8-1: a CNN with more layers (my_net.py)
/// my_net.py printed:
///     my net is ready
/// ok       More convolution layers than the lecture's Net (2): 3 (needs >= 3)
/// FAILED   The output is [N, 10] log-probabilities
///     my_net.py:... error: ...
///     hint 1/2: Read the error and the shapes under it: ...
/// not run  Max pooling, as in the lecture: needs 'model', which "The output is ..." did not define
/// recap: 1 passed, 1 failed, 1 not run
/// fix first: my_net.py:...: RuntimeError: ...
/// ```
public struct ExerciseTextRenderer: Sendable {
  /// How skips are explained.
  public let explanations: Explanations

  public init(explanations: Explanations = Explanations()) {
    self.explanations = explanations
  }

  /// The report. Each failed check records a failure in `hints` and shows the hint it selects;
  /// checks not run spend none.
  public func render(_ result: ExerciseResult, hints: inout HintState) -> StyledText {
    var text = StyledText("\(result.exercise.title) (\(result.path))", .emphasis)
    text.append("\n")
    text.append(printed(result))
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
    text.append(recap(result))
    return text
  }

  /// What the learner's file printed (and showed) while it ran, under its name; nothing when it
  /// printed nothing. What it prints while the checks run is part of their output.
  private func printed(_ result: ExerciseResult) -> StyledText {
    var lines = ""
    for output in result.fileOutputs {
      switch output {
      case .text(let printed): lines += printed
      case .figure(let figure):
        if !lines.isEmpty && !lines.hasSuffix("\n") { lines += "\n" }
        lines += FigureDisplay.summary.text(for: figure) + "\n"
      }
    }
    guard !lines.isEmpty else { return StyledText() }
    var text = StyledText("\(result.path) printed:\n", .secondary)
    text.append(Indenter.indentedLines(StyledText(lines)))
    return text
  }

  /// One check: its padded verdict word and name, then a failure's explanation and hint, the
  /// numbers a pass accepted, or why it did not run.
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
    } else if let dependency = result.dependency, verdict.skipReason == .notRun {
      text.append(": " + Self.explain(dependency), .secondary)
    } else if case .passed = verdict, !result.accepted.isEmpty {
      text.append(
        ": "
          + result.accepted.map { "\($0.value) (needs \($0.requirement))" }.joined(
            separator: ", "))
    }
    text.append("\n")
    guard let failure = verdict.failure else { return text }
    text.append(Indenter.indentedLines(failure.diagnostic.styled))
    let check = result.check
    // An error that says "did you mean" names its own fix (a typo): the check's hints, about what
    // it checks, are kept for a failure of that.
    guard failure.diagnostic.suggestion == nil else { return text }
    if let index = hints.recordFailure(check.name, hintCount: check.hints.count) {
      text.append(
        Indenter.indentedLines(
          StyledText("hint \(index + 1)/\(check.hints.count): " + check.hints[index])))
    }
    return text
  }

  /// Why a check did not run, in a few words.
  static func explain(_ dependency: CheckDependency) -> String {
    let cause = dependency.cause.map { "\"\($0)\"" } ?? "the checks' setup"
    switch dependency.reason {
    case .fileFailed: return "your file stopped before the checks"
    case .undefinedName(let name): return "needs '\(name)', which \(cause) did not define"
    case .sameError: return "the same error as \(cause)"
    }
  }

  /// The counts, then what to fix first, or a congratulation when nothing failed.
  private func recap(_ result: ExerciseResult) -> StyledText {
    let notRun = result.notRun
    var text = StyledText(
      "recap: \(result.tally.summaryLine)" + (notRun > 0 ? ", \(notRun) not run" : "") + "\n")
    if let (_, diagnostic) = result.firstFailure {
      text.append("fix first: ", .failure)
      let location = diagnostic.span.map { "\($0): " } ?? ""
      text.append(
        location + diagnostic.message + (diagnostic.suggestion.map { "; " + $0 } ?? "") + "\n")
    } else if result.passed > 0 {
      let checks = result.checks.count == 1 ? "the check" : "all \(result.checks.count) checks"
      text.append(
        result.skipped == 0
          ? "\(checks) passed: well done, exercise \(result.exercise.id) is solved!\n"
          : "every check that could run here passed (\(result.skipped) skipped, see above)\n",
        .success)
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
