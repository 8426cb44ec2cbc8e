/// How figures are drawn in a terminal.
public struct TerminalStyle: Equatable, Sendable {
  /// The colours a terminal can show.
  public enum ColorMode: Equatable, Sendable {
    /// 24-bit colour (`ESC[38;2;r;g;bm`).
    case trueColor
    /// The xterm 256-colour palette (`ESC[38;5;nm`).
    case palette256
    /// No escape codes: images as the character ramp `" .:-=+*#%@"`.
    case plain

    /// The mode for an environment: `plain` with `NO_COLOR` set or `TERM=dumb` (or no TERM),
    /// `trueColor` when `COLORTERM` is `truecolor` or `24bit`, else `palette256`.
    public static func detect(environment: [String: String]) -> ColorMode {
      if environment["NO_COLOR"] != nil { return .plain }
      guard let term = environment["TERM"], term != "dumb", !term.isEmpty else { return .plain }
      let colorTerm = environment["COLORTERM"] ?? ""
      return colorTerm == "truecolor" || colorTerm == "24bit" ? .trueColor : .palette256
    }
  }

  /// The colour mode.
  public var colorMode: ColorMode
  /// The width budget in columns (default 80).
  public var width: Int
  /// Images narrower than this many columns are enlarged by a whole factor up to it (0 keeps
  /// one column per pixel).
  public var smallImageWidth: Int
  /// Text rows of a line plot's canvas (each row is 4 braille dots high).
  public var plotHeight: Int

  /// A style; the defaults suit an 80-column true-colour terminal.
  public init(
    colorMode: ColorMode = .trueColor, width: Int = 80, smallImageWidth: Int = 16,
    plotHeight: Int = 10
  ) {
    self.colorMode = colorMode
    self.width = max(width, 8)
    self.smallImageWidth = max(smallImageWidth, 0)
    self.plotHeight = max(plotHeight, 2)
  }

  /// The escape code setting the foreground to `color` (empty in plain mode).
  func foreground(_ color: RGBColor) -> String { code(38, color) }

  /// The escape code setting the background to `color` (empty in plain mode).
  func background(_ color: RGBColor) -> String { code(48, color) }

  /// Resets colours (empty in plain mode).
  var reset: String { colorMode == .plain ? "" : "\u{1B}[0m" }

  private func code(_ layer: Int, _ color: RGBColor) -> String {
    let bytes = color.bytes
    switch colorMode {
    case .plain: return ""
    case .trueColor: return "\u{1B}[\(layer);2;\(bytes[0]);\(bytes[1]);\(bytes[2])m"
    case .palette256: return "\u{1B}[\(layer);5;\(palette256Index(bytes))m"
    }
  }
}

/// The nearest xterm-256 entry: the 6x6x6 cube (16...231) or the gray ramp (232...255).
func palette256Index(_ bytes: [UInt8]) -> Int {
  let levels = [0, 95, 135, 175, 215, 255]
  func nearestLevel(_ value: Int) -> Int {
    levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) } ?? 0
  }
  let rgb = bytes.map(Int.init)
  let cube = rgb.map(nearestLevel)
  let cubeIndex = 16 + 36 * cube[0] + 6 * cube[1] + cube[2]
  let cubeError = zip(rgb, cube).reduce(0) { $0 + ($1.0 - levels[$1.1]) * ($1.0 - levels[$1.1]) }
  let average = (rgb[0] + rgb[1] + rgb[2]) / 3
  let grayStep = min(max((average - 8 + 5) / 10, 0), 23)
  let grayValue = 8 + 10 * grayStep
  let grayError = rgb.reduce(0) { $0 + ($1 - grayValue) * ($1 - grayValue) }
  return grayError < cubeError ? 232 + grayStep : cubeIndex
}
