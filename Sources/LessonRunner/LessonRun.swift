/// Running a lesson's cells in order with an executor, and checking each against its expectation.

/// Runs a lesson: each cell in order (later cells run even after a failure, like doctest), its
/// outputs collected and judged by the kind of its expected block.
public final class LessonRun {
  /// Something that happened during a run, for live display.
  public enum Event {
    /// A cell is about to run.
    case cellStarted(LessonCell)
    /// The running cell produced `output` (printed text now; figures are outputs too).
    case output(LessonCell, CellOutput)
    /// A cell finished (or was skipped).
    case cellFinished(CellOutcome)
  }

  /// The lesson to run.
  public let lesson: Lesson
  private let executor: CellExecutor
  private let clock: LessonClock

  /// A run of `lesson` with `executor`; cells are timed with `clock` (the lesson environment's).
  public init(lesson: Lesson, executor: CellExecutor, clock: LessonClock = .continuous) {
    self.lesson = lesson
    self.executor = executor
    self.clock = clock
  }

  /// Runs every cell and returns the report; `onEvent` sees each step as it happens.
  ///
  /// When a cell fails because something it needs is missing on this machine (a dataset), it and
  /// every later cell are skipped for that requirement, as pytest skips a module, rather than
  /// failing.
  public func run(onEvent: ((Event) -> Void)? = nil) -> LessonReport {
    // After a missing requirement or a Ctrl-C, the later cells are skipped for the same reason.
    var stop: SkipReason?
    let outcomes = lesson.cells.map { cell in
      let outcome: CellOutcome
      if let stop {
        outcome = CellOutcome(cell: cell, outputs: [], error: nil, verdict: .skipped(stop))
      } else {
        outcome = run(cell, onEvent: onEvent)
        if let missing = outcome.error?.missingRequirement {
          stop = .unavailable(missing)
        } else if outcome.error?.isInterruption == true {
          stop = .interrupted
        }
      }
      onEvent?(.cellFinished(outcome))
      return outcome
    }
    return LessonReport(lesson: lesson, outcomes: outcomes)
  }

  private func run(_ cell: LessonCell, onEvent: ((Event) -> Void)?) -> CellOutcome {
    guard !cell.isSkipped else {
      return CellOutcome(cell: cell, outputs: [], error: nil, verdict: .skipped(.marked))
    }
    onEvent?(.cellStarted(cell))
    let outputs = OutputCollector()
    let start = clock.now()
    let error = executor.run(code: cell.code, file: lesson.file, firstLine: cell.firstLine) {
      output in
      outputs.append(output)
      onEvent?(.output(cell, output))
    }
    let result = CellResult(outputs: outputs.items, error: error)
    return CellOutcome(
      cell: cell, outputs: result.outputs, error: error, verdict: Self.verdict(cell, result),
      duration: clock.now() - start)
  }

  /// What the cell's expectation says of what it did; a missing requirement skips it instead.
  static func verdict(_ cell: LessonCell, _ result: CellResult) -> Verdict {
    if let requirement = result.error?.missingRequirement {
      return .skipped(.unavailable(requirement))
    }
    guard let expectation = cell.expectation else {
      return result.error.map { .failed(.unexpectedError($0)) } ?? .ran
    }
    return expectation.kind.check(result)
  }
}

/// Collects what a cell produces, merging consecutive text into one output.
final class OutputCollector {
  private(set) var items: [CellOutput] = []

  func append(_ output: CellOutput) {
    if case .text(let text) = output, case .text(let previous)? = items.last {
      items[items.count - 1] = .text(previous + text)
    } else {
      items.append(output)
    }
  }
}
