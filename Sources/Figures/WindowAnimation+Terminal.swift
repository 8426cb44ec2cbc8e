/// A window animation in a terminal: a short sequence of text frames, one per window position.

extension WindowAnimation {
  /// The most frames drawn in a terminal; the rest are counted.
  public static let maximumTerminalFrames = 9

  /// The first steps as text frames (the figure's summary line above them names the
  /// operation), each the padded input with the window's cells in brackets,
  /// the output filled so far, and the step's arithmetic; then how many steps were left out.
  /// Padding cells show as `·` (or their zero), cells not yet filled as `.`.
  public func terminalFrames(style: TerminalStyle = TerminalStyle()) -> String {
    let padded = paddedSize
    let inputTexts = (0..<padded.height).map { row in
      (0..<padded.width).map { column in
        paddedValue(row: row, column: column).map(animationNumber) ?? "·"
      }
    }
    let outputTexts = output.map { $0.map(animationNumber) }
    let cellWidth =
      (inputTexts.flatMap { $0 } + outputTexts.flatMap { $0 }).map(\.count).max() ?? 1
    var frames: [String] = []
    for (index, step) in steps.prefix(Self.maximumTerminalFrames).enumerated() {
      let window = Set(step.taps.map { $0.row * padded.width + $0.column })
      var lines = ["step \(index + 1) of \(steps.count)"]
      let rows = max(padded.height, outputSize.height)
      for row in 0..<rows {
        var line = "  "
        if row < padded.height {
          line += (0..<padded.width).map { column in
            let text = pad(inputTexts[row][column], to: cellWidth)
            return window.contains(row * padded.width + column)
              ? "[" + text + "]" : " " + text + " "
          }.joined()
        } else {
          line += String(repeating: " ", count: padded.width * (cellWidth + 2))
        }
        if row < outputSize.height {
          line += "    "
          line += (0..<outputSize.width).map { column in
            let filled = steps.firstIndex { $0.row == row && $0.column == column }.map {
              $0 <= index
            }
            let text = filled == true ? outputTexts[row][column] : "."
            let isCurrent = step.row == row && step.column == column
            return isCurrent
              ? "[" + pad(text, to: cellWidth) + "]" : " " + pad(text, to: cellWidth) + " "
          }.joined()
        }
        lines.append(trimTrailingSpaces(line))
      }
      lines.append(trimTrailingSpaces("  " + fit(step.equation, to: max(style.width - 2, 20))))
      frames.append(lines.joined(separator: "\n"))
    }
    if steps.count > Self.maximumTerminalFrames {
      frames.append(
        "... \(steps.count - Self.maximumTerminalFrames) more steps (cnn-lesson render shows them all)"
      )
    }
    return frames.joined(separator: "\n\n")
  }

  private func pad(_ text: String, to width: Int) -> String {
    String(repeating: " ", count: max(width - text.count, 0)) + text
  }
}
