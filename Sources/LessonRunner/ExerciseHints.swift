/// Which hint a learner sees next: one more after each failure of the same check.

/// How many times each check has failed for one learner file, kept in a small text file beside
/// it (`.my_net.py.hints`), one `count<TAB>check name` line per check. The command line reads and
/// writes that file; this type only says where it is and what it holds.
public struct HintState: Sendable, Equatable {
  /// Failures so far, by check name.
  public private(set) var failures: [String: Int] = [:]

  public init(failures: [String: Int] = [:]) {
    self.failures = failures
  }

  /// The most failures a count holds: a hints file saying more (or anything up to Int.max) is
  /// read as this, so counting on never overflows.
  public static let maximumCount = 1_000_000

  /// The state held by the text of a hints file; lines that cannot be read are ignored, and
  /// counts are clamped to `maximumCount` (the file is the user's and may hold anything).
  public init(parsing text: String) {
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1)
      guard parts.count == 2, let count = Int(parts[0]), count > 0 else { continue }
      failures[String(parts[1])] = min(count, Self.maximumCount)
    }
  }

  /// The text of the hints file, one `count<TAB>check name` line per check, by name.
  public var text: String {
    failures.sorted { $0.key < $1.key }.map { "\($0.value)\t\($0.key)\n" }.joined()
  }

  /// Where the state of `file` is kept: `.NAME.hints` in the same folder.
  public static func path(for file: String) -> String {
    guard let slash = file.lastIndex(of: "/") else { return "." + file + ".hints" }
    return String(file[...slash]) + "." + file[file.index(after: slash)...] + ".hints"
  }

  /// Records one more failure of `check` and returns the 0-based hint to show, the last one
  /// repeating once all have been shown; nil when the check has no hints.
  public mutating func recordFailure(_ check: String, hintCount: Int) -> Int? {
    let count = min(failures[check] ?? 0, Self.maximumCount - 1) + 1
    failures[check] = count
    return hintCount > 0 ? min(count, hintCount) - 1 : nil
  }
}
