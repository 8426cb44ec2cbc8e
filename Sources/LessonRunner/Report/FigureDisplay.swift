/// How a cell's figures appear in text: one line each, or drawn for a terminal.

import Figures

/// How the text renderers show a figure a cell produced.
///
/// Piped output and reports show one line per figure (`[figure 1: imshow 28x28, gray]`), so
/// what a run prints stays stable. A terminal shows that line and the figure drawn under it by
/// the Figures module (half blocks for images, braille for plots): the escape codes of a
/// figure's pixels are Figures' `TerminalStyle`'s, the roles of the report's text this
/// module's `TerminalStyle`'s.
public enum FigureDisplay: Sendable, Equatable {
  /// One line per figure.
  case summary
  /// The line, then the figure drawn `width` columns wide in `colors`.
  case drawn(colors: Colors, width: Int)
  /// The line, then the figure as a picture in the terminal's image protocol, `width` columns
  /// wide (a figure without a picture, an animation, drawn in 24-bit colour).
  case image(InlineImageProtocol, width: Int)

  /// The colours a terminal can show.
  public enum Colors: Sendable, Equatable {
    /// 24-bit colour.
    case trueColor
    /// The xterm 256-colour palette.
    case palette256
    /// No escape codes: images as a character ramp.
    case plain
  }

  /// The display for standard output: drawn on a terminal, else one line per figure. The
  /// colours are plain when colour is off (`--no-color`, `NO_COLOR`, `TERM=dumb`); with colour,
  /// a picture where the terminal announces an image protocol (`InlineImageProtocol.detect`:
  /// Kitty, iTerm2), else characters in 24-bit colour when `COLORTERM` says so, else 256; the
  /// width is `COLUMNS` (80 when unset).
  public static func forOutput(
    isTerminal: Bool, colorEnabled: Bool, environment: [String: String]
  ) -> FigureDisplay {
    guard isTerminal else { return .summary }
    let width = environment["COLUMNS"].flatMap { Int($0) }.map { min(max($0, 20), 400) } ?? 80
    guard colorEnabled else { return .drawn(colors: .plain, width: width) }
    if let images = InlineImageProtocol.detect(environment: environment) {
      return .image(images, width: width)
    }
    switch Figures.TerminalStyle.ColorMode.detect(environment: environment) {
    case .trueColor: return .drawn(colors: .trueColor, width: width)
    case .palette256: return .drawn(colors: .palette256, width: width)
    case .plain: return .drawn(colors: .plain, width: width)
    }
  }

  /// The same display `columns` narrower (for figures drawn under an indent).
  public func narrowed(by columns: Int) -> FigureDisplay {
    switch self {
    case .summary: return self
    case .drawn(let colors, let width):
      return .drawn(colors: colors, width: max(width - columns, 20))
    case .image(let images, let width): return .image(images, width: max(width - columns, 20))
    }
  }

  /// The text for `figure`, ending with a newline.
  public func text(for figure: Figure) -> String {
    switch self {
    case .summary:
      return figure.summary + "\n"
    case .image(let images, let width):
      // The picture's own width: at most the terminal's, and no wider than 72 columns.
      guard let picture = figure.inlineImage(images, columns: min(width, 72)) else {
        return FigureDisplay.drawn(colors: .trueColor, width: width).text(for: figure)
      }
      return figure.summary + "\n" + picture + "\n"
    case .drawn(let colors, let width):
      let mode: Figures.TerminalStyle.ColorMode =
        switch colors {
        case .trueColor: .trueColor
        case .palette256: .palette256
        case .plain: .plain
        }
      let drawing = figure.renderTerminal(
        style: Figures.TerminalStyle(colorMode: mode, width: width))
      return figure.summary + "\n" + (drawing.isEmpty ? "" : drawing + "\n")
    }
  }
}
