/// Draws an image as Unicode half blocks: each text cell shows two pixel rows, the upper one
/// as the foreground of `▀` (U+2580) and the lower one as its background. In plain mode each
/// cell is a character of the ramp `" .:-=+*#%@"` for the two pixels' mean luminance.
///
/// One column per pixel: an image wider than `maxWidth` is sampled down to it (nearest
/// neighbour, keeping the aspect), and one narrower than `style.smallImageWidth` is enlarged by
/// a whole factor. A 28x28 digit is 28 columns by 14 rows. NaN cells are left blank.
func renderImage(_ image: ImageArtist, maxWidth: Int, style: TerminalStyle) -> TextBlock {
  let (width, height) = terminalImageSize(
    width: image.data.width, height: image.data.height, maxWidth: maxWidth, style: style)
  func pixel(_ row: Int, _ column: Int) -> RGBColor? {
    guard row < height else { return nil }
    return image.color(
      row: row * image.data.height / height, column: column * image.data.width / width)
  }
  var block = TextBlock(width: width)
  for textRow in 0..<((height + 1) / 2) {
    var line = ""
    var foreground = ""
    var background = ""
    for column in 0..<width {
      let top = pixel(2 * textRow, column)
      let bottom = pixel(2 * textRow + 1, column)
      if style.colorMode == .plain {
        let present = [top, bottom].compactMap { $0?.luminance }
        let mean = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
        line.append(rampCharacter(mean))
        continue
      }
      let (glyph, fore, back): (Character, String, String)
      switch (top, bottom) {
      case (let top?, let bottom?):
        (glyph, fore, back) = ("▀", style.foreground(top), style.background(bottom))
      case (let top?, nil): (glyph, fore, back) = ("▀", style.foreground(top), "\u{1B}[49m")
      case (nil, let bottom?): (glyph, fore, back) = ("▄", style.foreground(bottom), "\u{1B}[49m")
      case (nil, nil): (glyph, fore, back) = (" ", foreground, "\u{1B}[49m")
      }
      if fore != foreground {
        line += fore
        foreground = fore
      }
      if back != background {
        line += back
        background = back
      }
      line.append(glyph)
    }
    block.lines.append(line + style.reset)
  }
  return block
}

/// The columns and pixel rows an image takes in the terminal.
func terminalImageSize(width: Int, height: Int, maxWidth: Int, style: TerminalStyle) -> (Int, Int) {
  let budget = max(maxWidth, 1)
  if width > budget {
    return (budget, max(1, (height * budget + width / 2) / width))
  }
  let factor = max(1, min(style.smallImageWidth / max(width, 1), budget / max(width, 1)))
  return (width * factor, height * factor)
}

/// The ramp character for a luminance in 0...1.
func rampCharacter(_ luminance: Double) -> Character {
  let ramp = Array(" .:-=+*#%@")
  let index = min(max(Int(luminance * Double(ramp.count)), 0), ramp.count - 1)
  return ramp[index]
}

/// A colorbar under an image: one row of colour (ramp characters in plain mode), then the
/// limits at its two ends.
func renderColorbar(_ colorbar: ColorbarInfo, width: Int, style: TerminalStyle) -> TextBlock {
  var block = TextBlock(width: width)
  var bar = ""
  for column in 0..<width {
    let color = colorbar.colormap.color(at: Double(column) / Double(max(width - 1, 1)))
    bar +=
      style.colorMode == .plain
      ? String(rampCharacter(color.luminance)) : style.background(color) + " "
  }
  block.lines.append(bar + style.reset)
  let low = formatNumber(colorbar.vmin)
  let high = formatNumber(colorbar.vmax)
  block.append(
    plain: low + String(repeating: " ", count: max(width - low.count - high.count, 1)) + high)
  return block
}
