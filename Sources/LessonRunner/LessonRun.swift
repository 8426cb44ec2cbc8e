/// Running a lesson's cells in order with an executor, and checking each against its expectation.

/// Why a cell failed.
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

/// What happened to one cell.
public struct CellOutcome: Sendable {
  /// How the cell ended.
  public enum Status: Sendable {
    /// Not run: ```` ```python skip ```` (reason nil), or something the lesson needs is missing
    /// here (a dataset), from the cell that found out to the end of the lesson.
    case skipped(reason: String?)
    /// Ran without error and has no expectation: not a check.
    case ran
    /// Its expectation held.
    case passed
    /// Its expectation did not hold, or it raised an unexpected error.
    case failed(CellFailure)
  }

  /// The cell.
  public let cell: LessonCell
  /// Everything the cell printed, as printed.
  public let output: String
  /// The error that stopped the cell, if any.
  public let error: Diagnostic?
  /// The verdict.
  public let status: Status
  /// How long the cell ran.
  public let duration: Duration

  public init(
    cell: LessonCell, output: String, error: Diagnostic?, status: Status, duration: Duration = .zero
  ) {
    self.cell = cell
    self.output = output
    self.error = error
    self.status = status
    self.duration = duration
  }

  /// True when the outcome counts as a check (passed or failed).
  public var isCheck: Bool {
    switch status {
    case .passed, .failed: true
    case .skipped, .ran: false
    }
  }

  /// The failure, when the cell failed.
  public var failure: CellFailure? {
    if case .failed(let failure) = status { return failure }
    return nil
  }
}

/// Runs a lesson: each cell in order (later cells run even after a failure, like doctest), its
/// output collected and checked.
public final class LessonRun {
  /// Something that happened during a run, for live display.
  public enum Event {
    /// A cell is about to run.
    case cellStarted(LessonCell)
    /// The running cell printed `text`.
    case output(LessonCell, String)
    /// A cell finished (or was skipped).
    case cellFinished(CellOutcome)
  }

  /// The lesson to run.
  public let lesson: Lesson
  private let executor: CellExecutor
  private let checker: OutputChecker

  public init(lesson: Lesson, executor: CellExecutor, checker: OutputChecker = OutputChecker()) {
    self.lesson = lesson
    self.executor = executor
    self.checker = checker
  }

  /// Runs every cell and returns their outcomes in order; `onEvent` sees each step as it happens.
  ///
  /// When a cell fails because something it needs is missing on this machine (a dataset), it and
  /// every later cell are skipped with that reason, as pytest skips a module, rather than failing.
  public func run(onEvent: ((Event) -> Void)? = nil) -> [CellOutcome] {
    var missing: String?
    return lesson.cells.map { cell in
      var outcome: CellOutcome
      if let missing {
        outcome = CellOutcome(cell: cell, output: "", error: nil, status: .skipped(reason: missing))
      } else {
        outcome = run(cell, onEvent: onEvent)
        if let requirement = outcome.error?.missingRequirement?.reason {
          missing = requirement
          outcome = CellOutcome(
            cell: cell, output: outcome.output, error: outcome.error,
            status: .skipped(reason: requirement),
            duration: outcome.duration)
        }
      }
      onEvent?(.cellFinished(outcome))
      return outcome
    }
  }

  private func run(_ cell: LessonCell, onEvent: ((Event) -> Void)?) -> CellOutcome {
    guard !cell.isSkipped else {
      return CellOutcome(cell: cell, output: "", error: nil, status: .skipped(reason: nil))
    }
    onEvent?(.cellStarted(cell))
    let buffer = OutputBuffer()
    let clock = ContinuousClock()
    let start = clock.now
    let error = executor.run(code: cell.code, file: lesson.file, firstLine: cell.firstLine) {
      text in
      buffer.text += text
      onEvent?(.output(cell, text))
    }
    let status = verdict(for: cell, output: buffer.text, error: error)
    return CellOutcome(
      cell: cell, output: buffer.text, error: error, status: status, duration: clock.now - start)
  }

  /// Compares what the cell did with what its expectation asks.
  private func verdict(for cell: LessonCell, output: String, error: Diagnostic?)
    -> CellOutcome.Status
  {
    guard let expectation = cell.expectation else {
      return error.map { .failed(.unexpectedError($0)) } ?? .ran
    }
    switch (expectation.kind, error) {
    case (.error, let error?):
      return status(
        checker.check(expected: expectation, actual: OutputChecker.errorText(of: error)))
    case (.error, nil):
      let first = expectation.text.lines.first?.text.trimmingSpaces() ?? ""
      return .failed(
        .missingError(
          Diagnostic(
            "expected the cell to fail, but it ran without error", at: expectation.fence,
            notes: first.isEmpty ? [] : ["the error block expects: \(first)"])))
    case (.output, let error?), (.exactOutput, let error?):
      return .failed(.unexpectedError(error))
    case (.output, nil), (.exactOutput, nil):
      return status(checker.check(expected: expectation, actual: output))
    }
  }

  private func status(_ result: CheckResult) -> CellOutcome.Status {
    switch result {
    case .passed: .passed
    case .failed(let mismatch): .failed(.mismatch(mismatch))
    }
  }
}

/// Collects a cell's streamed output.
private final class OutputBuffer {
  var text = ""
}
