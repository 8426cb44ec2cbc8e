import Dispatch
import Foundation

/// Ctrl-C while lesson code runs: the first asks the running code to stop (it raises
/// `KeyboardInterrupt` at its next statement, and the report of what ran is still printed); a
/// second, while the first is still pending, ends the process at once with status 130, as a shell
/// expects of SIGINT.
public final class InterruptHandler {
  /// What the running lesson code watches.
  public let interruption: Interruption
  private let source: any DispatchSourceSignal

  /// Installs the handler for this process's SIGINT.
  public init() {
    let interruption = Interruption()
    self.interruption = interruption
    signal(SIGINT, SIG_IGN)
    source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
    source.setEventHandler {
      if interruption.isRequested { _exit(130) }
      interruption.request()
    }
    source.resume()
  }
}
