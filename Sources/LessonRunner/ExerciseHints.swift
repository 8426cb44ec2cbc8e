/// Which hint a learner sees next: one more after each failure of the same check.

import Foundation

/// How many times each check has failed for one learner file, kept in a small text file beside
/// it (`.my_net.py.hints`), one `count<TAB>check name` line per check.
public struct HintState: Sendable, Equatable {
  /// Failures so far, by check name.
  public private(set) var failures: [String: Int] = [:]

  public init(failures: [String: Int] = [:]) {
    self.failures = failures
  }

  /// Where the state of `file` is kept: `.NAME.hints` in the same directory.
  public static func path(for file: String) -> String {
    let url = URL(fileURLWithPath: file)
    return url.deletingLastPathComponent().appendingPathComponent(
      "." + url.lastPathComponent + ".hints"
    ).path
  }

  /// The state saved for `file`; empty when there is none or it cannot be read.
  public static func load(for file: String) -> HintState {
    guard let data = FileManager.default.contents(atPath: path(for: file)) else {
      return HintState()
    }
    var state = HintState()
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      guard parts.count == 2, let count = Int(parts[0]), count > 0 else { continue }
      state.failures[String(parts[1])] = count
    }
    return state
  }

  /// Saves the state beside `file` (best effort: a read-only directory only loses the hint order).
  public func save(for file: String) {
    let text = failures.sorted { $0.key < $1.key }.map { "\($0.value)\t\($0.key)\n" }.joined()
    try? text.write(toFile: Self.path(for: file), atomically: true, encoding: .utf8)
  }

  /// Records one more failure of `check` and returns the 0-based hint to show, the last one
  /// repeating once all have been shown; nil when the check has no hints.
  public mutating func recordFailure(_ check: String, hintCount: Int) -> Int? {
    let count = (failures[check] ?? 0) + 1
    failures[check] = count
    return hintCount > 0 ? min(count, hintCount) - 1 : nil
  }
}
