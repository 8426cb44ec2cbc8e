/// A grid of braille characters, each 2 dots wide and 4 high, with a colour per cell.
struct BrailleCanvas {
  let columns: Int
  let rows: Int
  private var bits: [UInt8]
  private var colors: [RGBColor?]

  init(columns: Int, rows: Int) {
    self.columns = max(columns, 1)
    self.rows = max(rows, 1)
    bits = Array(repeating: 0, count: self.columns * self.rows)
    colors = Array(repeating: nil, count: self.columns * self.rows)
  }

  /// Dots across.
  var dotWidth: Int { columns * 2 }
  /// Dots down.
  var dotHeight: Int { rows * 4 }

  /// Sets the dot at (`x`, `y`), `y` counted from the top; dots outside are ignored.
  mutating func set(x: Int, y: Int, color: RGBColor?) {
    guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
    // Braille dot numbering: left column 1,2,3,7, right column 4,5,6,8.
    let masks: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
    let cell = (y / 4) * columns + x / 2
    bits[cell] |= masks[x % 2][y % 4]
    colors[cell] = color
  }

  /// Draws a straight line of dots (Bresenham) from one dot to another.
  mutating func line(from start: (Int, Int), to end: (Int, Int), color: RGBColor?) {
    var (x, y) = start
    let dx = abs(end.0 - x)
    let dy = -abs(end.1 - y)
    let stepX = x < end.0 ? 1 : -1
    let stepY = y < end.1 ? 1 : -1
    var error = dx + dy
    for _ in 0...(dx - dy) {
      set(x: x, y: y, color: color)
      if x == end.0 && y == end.1 { break }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  /// The text rows; empty cells are spaces.
  func lines(style: TerminalStyle) -> [String] {
    (0..<rows).map { row in
      var line = ""
      var current: RGBColor?
      for column in 0..<columns {
        let cell = row * columns + column
        guard bits[cell] != 0 else {
          line += " "
          continue
        }
        if let color = colors[cell], color != current, style.colorMode != .plain {
          line += style.foreground(color)
          current = color
        }
        line.unicodeScalars.append(Unicode.Scalar(0x2800 + UInt32(bits[cell])) ?? " ")
      }
      return line + (current == nil ? "" : style.reset)
    }
  }
}
