/// Ends lesson code that runs too long or is interrupted: the interpreter calls `check()` before
/// every statement and every item of a comprehension, so `for i in range(10**12): pass` stops
/// within its time limit with a located `TimeoutError`, and Ctrl-C with a `KeyboardInterrupt`.
struct Watchdog {
  /// When the running cell must end, on the environment's clock; nil for no limit.
  let deadline: Duration?
  let limit: Duration?
  let clock: LessonClock
  let interruption: Interruption?
  /// What runs, for the message: `the cell` or `the script`.
  let unit: String
  /// Checks since the clock was last read (reading it at every statement would cost more than
  /// the statement).
  private var sinceClockRead = 0

  /// A watchdog for one run (of a cell, or of a whole script) that starts now.
  init(environment: LessonEnvironment, unit: String = "the cell") {
    self.unit = unit
    clock = environment.clock
    limit = environment.cellTimeLimit
    deadline = environment.cellTimeLimit.map { environment.clock.now() + $0 }
    interruption = environment.interruption
  }

  /// A watchdog that never fires (before the first run).
  init() {
    deadline = nil
    limit = nil
    clock = .continuous
    interruption = nil
    unit = "the cell"
  }

  /// Throws `KeyboardInterrupt` when a stop was requested, `TimeoutError` past the deadline.
  mutating func check() throws {
    if let interruption, interruption.isRequested {
      throw PythonException(.keyboardInterrupt, "", notes: ["interrupted (Ctrl-C)"])
    }
    guard let deadline, let limit else { return }
    sinceClockRead += 1
    guard sinceClockRead >= 256 else { return }
    sinceClockRead = 0
    guard clock.now() > deadline else { return }
    var timeout = PythonException(
      .timeoutError, "\(unit) ran longer than \(Self.text(limit))",
      notes: [
        "a loop that never ends, or more work than the time limit allows; --timeout SECONDS changes the limit"
      ])
    timeout.endsTheCell = true
    throw timeout
  }

  /// `60 s`, `1.5 s`.
  static func text(_ duration: Duration) -> String {
    let seconds =
      Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
  }
}
