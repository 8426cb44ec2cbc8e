/// Sixel, DEC's bitmap format for terminals (xterm in VT340 mode, foot, mlterm, Konsole,
/// Windows Terminal, ...): pixels in bands six rows high, in up to 256 colour registers.

/// Encodes RGB pixels as a sixel image: quantized to the 6x6x6 colour cube (216 registers, as
/// most sixel terminals offer at least 256), each band of six rows written colour by colour with
/// run-length encoding.
public enum SixelEncoder {
  /// The level (0...5) of a colour channel in the cube.
  static func level(_ value: UInt8) -> Int { (Int(value) * 5 + 127) / 255 }

  /// The cube's register for an RGB colour.
  static func register(red: UInt8, green: UInt8, blue: UInt8) -> Int {
    level(red) * 36 + level(green) * 6 + level(blue)
  }

  /// The escape sequence for a `width` x `height` image of row-major RGB bytes; nil when
  /// `rgb` does not hold exactly that many pixels. The image is shown 1:1 in pixels.
  public static func encode(width: Int, height: Int, rgb: [UInt8]) -> String? {
    let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
    guard width > 0, height > 0, !overflow, rgb.count % 3 == 0, rgb.count / 3 == pixels else {
      return nil
    }
    var registers = [UInt8](repeating: 0, count: pixels)
    var used = [Bool](repeating: false, count: 216)
    for pixel in 0..<pixels {
      let value = register(red: rgb[3 * pixel], green: rgb[3 * pixel + 1], blue: rgb[3 * pixel + 2])
      registers[pixel] = UInt8(value)
      used[value] = true
    }
    // DCS, 1:1 pixel aspect, background drawn; raster attributes give the size.
    var sixel = "\u{1B}P0;0;0q\"1;1;\(width);\(height)"
    for value in 0..<216 where used[value] {
      let (red, green, blue) = (value / 36, value / 6 % 6, value % 6)
      sixel += "#\(value);2;\(red * 20);\(green * 20);\(blue * 20)"
    }
    var bits = [UInt8](repeating: 0, count: width)
    for top in stride(from: 0, to: height, by: 6) {
      let rows = top..<min(top + 6, height)
      var inBand = [Bool](repeating: false, count: 216)
      for y in rows {
        for x in 0..<width { inBand[Int(registers[y * width + x])] = true }
      }
      var first = true
      for value in 0..<216 where inBand[value] {
        for x in 0..<width {
          var mask: UInt8 = 0
          for y in rows where Int(registers[y * width + x]) == value { mask |= 1 << (y - top) }
          bits[x] = mask
        }
        sixel += (first ? "" : "$") + "#\(value)"
        first = false
        appendRuns(bits, to: &sixel)
      }
      sixel += "-"
    }
    return sixel + "\u{1B}\\"
  }

  /// Sixel characters for `bits` (one column each), runs of four or more as `!count`.
  static func appendRuns(_ bits: [UInt8], to sixel: inout String) {
    var x = 0
    while x < bits.count {
      var end = x + 1
      while end < bits.count && bits[end] == bits[x] { end += 1 }
      let character = Character(Unicode.Scalar(63 + bits[x]))
      let count = end - x
      if count >= 4 {
        sixel += "!\(count)"
        sixel.append(character)
      } else {
        sixel += String(repeating: character, count: count)
      }
      x = end
    }
  }
}
