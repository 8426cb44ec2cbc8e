/// The report model of one cell: what it produced, how it was judged, and how long it took.

import Figures

/// One thing a cell produced, in the order it produced it. Figures are values collected here
/// too, never text, so they cannot disturb the checked output.
public enum CellOutput: Sendable, Equatable {
  /// Printed text, as printed (a chunk may hold several lines, or part of one).
  case text(String)
  /// A figure, as it was when shown (`plt.show()`, or the end of a cell that drew).
  case figure(Figure)
}

extension [CellOutput] {
  /// The printed text: every `.text` chunk, joined (figures are not text).
  public var text: String {
    compactMap { output in
      if case .text(let text) = output { return text }
      return nil
    }.joined()
  }

  /// The figures, in the order they were shown.
  public var figures: [Figure] {
    compactMap { output in
      if case .figure(let figure) = output { return figure }
      return nil
    }
  }
}

/// Why a cell did not run. Data, not text: renderers explain it (see `Explanations`).
public enum SkipReason: Sendable, Equatable {
  /// The lesson marks the cell ```` ```python skip ````: shown to the reader, never run.
  case marked
  /// Something the cell needs is missing on this machine (a dataset): the cell that found out and
  /// every later cell of the lesson.
  case unavailable(Requirement)
  /// Not run because what it depends on failed (an exercise check after the learner's file
  /// failed).
  case notRun
  /// Ctrl-C ended an earlier cell (`KeyboardInterrupt`): the rest of the lesson is not run.
  case interrupted
}

/// Why a check failed.
public enum CellFailure: Sendable {
  /// The output (or the error text) differs from the expected block.
  case mismatch(Mismatch)
  /// The cell raised an error and has no ```` ```error ```` block.
  case unexpectedError(Diagnostic)
  /// The cell has an ```` ```error ```` block but ran without error; the diagnostic points at it.
  case missingError(Diagnostic)

  /// The failure as a diagnostic, to render with its location and caret.
  public var diagnostic: Diagnostic {
    switch self {
    case .mismatch(let mismatch): mismatch.diagnostic
    case .unexpectedError(let error), .missingError(let error): error
    }
  }

  /// The one-line message (`expected 1.9 (±0.05), got 1.6667`).
  public var message: String { diagnostic.message }
}

/// How a cell, or an exercise check, was judged.
public enum Verdict: Sendable {
  /// Ran without error and has no expectation: not a check.
  case ran
  /// Its expectation held.
  case passed
  /// Its expectation did not hold, or it raised an unexpected error.
  case failed(CellFailure)
  /// It did not run, for this reason.
  case skipped(SkipReason)

  /// The failure, when the verdict is one.
  public var failure: CellFailure? {
    if case .failed(let failure) = self { return failure }
    return nil
  }

  /// The reason, when the cell was skipped.
  public var skipReason: SkipReason? {
    if case .skipped(let reason) = self { return reason }
    return nil
  }

  /// The missing requirement, when the cell was skipped for one.
  public var missingRequirement: Requirement? {
    if case .skipped(.unavailable(let requirement)) = self { return requirement }
    return nil
  }
}

/// What happened to one cell of a lesson run.
public struct CellOutcome: Sendable {
  /// The cell.
  public let cell: LessonCell
  /// Everything the cell produced, in order.
  public let outputs: [CellOutput]
  /// The error that stopped the cell, if any.
  public let error: Diagnostic?
  /// The verdict.
  public let verdict: Verdict
  /// How long the cell ran (zero for a cell that did not run).
  public let duration: Duration

  public init(
    cell: LessonCell, outputs: [CellOutput], error: Diagnostic?, verdict: Verdict,
    duration: Duration = .zero
  ) {
    self.cell = cell
    self.outputs = outputs
    self.error = error
    self.verdict = verdict
    self.duration = duration
  }

  /// Everything the cell printed, as printed.
  public var output: String { outputs.text }

  /// Where the check is: the expected block's opening fence, or the cell's for a cell without one.
  public var span: SourceSpan { cell.expectation?.fence ?? cell.fence }

  /// True when the outcome counts as a check that ran (passed or failed).
  public var isCheck: Bool {
    switch verdict {
    case .passed, .failed: true
    case .skipped, .ran: false
    }
  }

  /// The failure, when the cell failed.
  public var failure: CellFailure? { verdict.failure }

  /// True for the cell that found a requirement missing (it keeps its error for the report).
  public var foundRequirementMissing: Bool { error?.missingRequirement != nil }
}
