/// Text with roles (location, error, note, ...) that a renderer may style: plain for files and
/// pipes, ANSI colours on a terminal (the runner's `TerminalStyle`), classes in HTML. Nothing in the
/// language decides colours.

/// What a piece of text is, for styling.
public enum TextRole: Sendable, Equatable {
  /// `lessons/08.md:42:5:`, headers: bold.
  case emphasis
  /// `error:`, `FAILED`: red.
  case failure
  /// `ok`, the caret: green.
  case success
  /// `warning:`, `skipped:`: yellow.
  case caution
  /// Secondary text (warnings' bodies, progress): dim.
  case secondary
}

/// A sequence of runs, each plain or with a role.
public struct StyledText: Sendable, Equatable, CustomStringConvertible {
  /// The runs, in order.
  public private(set) var runs: [(role: TextRole?, text: String)] = []

  public init() {}

  public init(_ text: String, _ role: TextRole? = nil) {
    append(text, role)
  }

  /// Adds `text` with `role` (nil: plain).
  public mutating func append(_ text: String, _ role: TextRole? = nil) {
    guard !text.isEmpty else { return }
    runs.append((role, text))
  }

  /// Adds every run of `other`.
  public mutating func append(_ other: StyledText) {
    runs += other.runs
  }

  /// The text without styling.
  public var plain: String { runs.map(\.text).joined() }

  public var description: String { plain }

  public static func == (lhs: StyledText, rhs: StyledText) -> Bool {
    lhs.runs.count == rhs.runs.count
      && zip(lhs.runs, rhs.runs).allSatisfy { $0.role == $1.role && $0.text == $1.text }
  }
}
