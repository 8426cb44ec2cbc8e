/// The one place that knows ANSI escape codes: styled text for a terminal, or plain text.

/// Renders `StyledText` for a terminal (ANSI SGR codes, when `color` is on) or as plain text.
public struct TerminalStyle: Sendable {
  /// Whether colours and bold are written.
  public let color: Bool

  public init(color: Bool) {
    self.color = color
  }

  /// The text with each run's role as an ANSI style (plain when `color` is off).
  public func render(_ text: StyledText) -> String {
    text.runs.map { paint($0.text, $0.role) }.joined()
  }

  /// `text` in the style of `role`.
  public func paint(_ text: String, _ role: TextRole?) -> String {
    guard color, let role, !text.isEmpty else { return text }
    return "\u{1B}[\(Self.code(role))m\(text)\u{1B}[0m"
  }

  /// Erases the current terminal line (for progress lines), or nothing without a terminal.
  public static let eraseLine = "\r\u{1B}[K"

  private static func code(_ role: TextRole) -> String {
    switch role {
    case .emphasis: "1"
    case .failure: "1;31"
    case .success: "1;32"
    case .caution: "1;33"
    case .secondary: "2"
    }
  }
}
