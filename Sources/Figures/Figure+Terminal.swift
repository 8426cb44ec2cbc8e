extension Figure {
  /// The figure drawn for a terminal, lines joined by `\n` (no trailing newline).
  ///
  /// The suptitle is centred on top; axes on one common grid are laid out in that grid, each
  /// panel `(style.width - 2 * (ncols - 1)) / ncols` columns wide, two spaces apart; axes on
  /// different grids are drawn one under another. Each panel shows its title centred above it,
  /// then its image (half blocks, see `renderImage`) with its colorbar, or its plot (braille,
  /// see `renderPlot`).
  public func renderTerminal(style: TerminalStyle = TerminalStyle()) -> String {
    if let animation { return animation.terminalFrames(style: style) }
    var lines: [String] = []
    if let suptitle {
      lines.append(trimTrailingSpaces(fit(suptitle, to: style.width, centered: true)))
    }
    if let grid {
      let panelWidth = max((style.width - 2 * (grid.ncols - 1)) / grid.ncols, 4)
      for row in 0..<grid.nrows {
        let blocks = (0..<grid.ncols).map { column -> TextBlock in
          let index = row * grid.ncols + column + 1
          guard let axes = axes.first(where: { $0.position.index == index }) else {
            return TextBlock(width: panelWidth)
          }
          return renderPanel(
            axes, width: panelWidth, style: style, single: grid.nrows * grid.ncols == 1)
        }
        if row > 0 { lines.append("") }
        lines += TextBlock.row(blocks).lines.map(trimTrailingSpaces)
      }
    } else {
      for (number, axes) in axes.enumerated() {
        if number > 0 { lines.append("") }
        lines += renderPanel(axes, width: style.width, style: style, single: true).lines.map(
          trimTrailingSpaces)
      }
    }
    return lines.joined(separator: "\n")
  }
}

/// One axes as a block exactly `width` columns wide.
func renderPanel(_ axes: Axes, width: Int, style: TerminalStyle, single: Bool) -> TextBlock {
  var content: TextBlock
  if let image = axes.images.last,
    axes.artists.allSatisfy({ if case .image = $0 { true } else { false } })
  {
    let picture = renderImage(image, maxWidth: width, style: style)
    content = TextBlock(width: picture.width)
    content.append(picture)
    if let colorbar = axes.colorbar {
      let bar = renderColorbar(colorbar, width: min(width, max(picture.width, 12)), style: style)
      content.width = max(content.width, bar.width)
      content.lines = content.lines.map {
        $0 + String(repeating: " ", count: content.width - picture.width)
      }
      content.append(bar)
    }
    if let xlabel = axes.xlabel { content.append(plain: xlabel, centered: true) }
  } else {
    let plotWidth = single ? min(width, 60) : width
    let height = single ? style.plotHeight : max(3, min(style.plotHeight, width / 4))
    content = renderPlot(axes, width: plotWidth, height: height, style: style)
  }
  // The title is centred over what the panel shows, not over the whole budget.
  var block = TextBlock(width: width)
  if let title = axes.title {
    block.append(plain: fit(title, to: min(max(content.width, title.count), width), centered: true))
  }
  block.append(content)
  return block
}

/// `line` without the spaces at its end (escape codes stay).
func trimTrailingSpaces(_ line: String) -> String {
  var result = line
  while result.hasSuffix(" ") { result.removeLast() }
  return result
}
