import Synchronization

/// A request to stop the running lesson code, made from outside it (the command line's Ctrl-C
/// handler) and seen by the interpreter at its next statement, which then raises
/// `KeyboardInterrupt` where it stands.
public final class Interruption: Sendable {
  private let requested = Atomic<Bool>(false)

  public init() {}

  /// Asks the running code to stop (safe from any thread).
  public func request() {
    requested.store(true, ordering: .relaxed)
  }

  /// Whether a stop was requested and not yet cleared.
  public var isRequested: Bool { requested.load(ordering: .relaxed) }

  /// Clears the request (before running more code).
  public func clear() {
    requested.store(false, ordering: .relaxed)
  }
}
