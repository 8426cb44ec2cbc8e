/// Terminal image protocols: a figure shown as a real picture where the terminal can show one.

/// The image protocols of terminals that announce them: Kitty's graphics protocol (kitty,
/// Ghostty, WezTerm with it on), iTerm2's inline images (iTerm2, WezTerm) and sixel (foot,
/// mlterm, Konsole, Windows Terminal, xterm in VT340 mode). A figure goes as a PNG of its raster
/// (drawn without text; its summary line says what it is), or for sixel as its pixels.
public enum InlineImageProtocol: String, Equatable, Sendable, CaseIterable {
  case kitty
  case iterm2
  case sixel

  /// The protocol the terminal announces, or nil. `CNN_LESSON_IMAGES=kitty|iterm2|sixel|none`
  /// decides when set; otherwise Kitty by `KITTY_WINDOW_ID` or `TERM=xterm-kitty`, iTerm2 by
  /// `TERM_PROGRAM=iTerm.app`, `LC_TERMINAL=iTerm2` or `TERM_PROGRAM=WezTerm`, sixel by
  /// `TERM=foot`, `mlterm`, `yaft` or `contour`, `KONSOLE_VERSION` or `WT_SESSION` (xterm only
  /// shows sixel when started as a VT340: say `CNN_LESSON_IMAGES=sixel`). Inside tmux or
  /// screen, which pass none through by default, none.
  public static func detect(environment: [String: String]) -> InlineImageProtocol? {
    if let forced = environment["CNN_LESSON_IMAGES"], !forced.isEmpty {
      return InlineImageProtocol(rawValue: forced.lowercased())
    }
    let term = environment["TERM"] ?? ""
    if environment["TMUX"] != nil || term.hasPrefix("screen") || term.hasPrefix("tmux") {
      return nil
    }
    if environment["KITTY_WINDOW_ID"] != nil || term == "xterm-kitty" { return .kitty }
    let program = environment["TERM_PROGRAM"] ?? ""
    if program == "iTerm.app" || program == "WezTerm" || environment["LC_TERMINAL"] == "iTerm2" {
      return .iterm2
    }
    let sixelTerms = ["foot", "mlterm", "yaft", "contour"]
    if sixelTerms.contains(where: { term.hasPrefix($0) }) || environment["KONSOLE_VERSION"] != nil
      || environment["WT_SESSION"] != nil
    {
      return .sixel
    }
    return nil
  }

  /// The escape sequence that shows `png` `columns` cells wide, keeping its aspect; nil for
  /// sixel, which carries pixels (`SixelEncoder`), not PNG.
  public func escapeSequence(png: [UInt8], columns: Int) -> String? {
    let payload = base64(png)
    switch self {
    case .kitty:
      // Transmit and display (a=T) a PNG (f=100), in chunks of at most 4096 base64 bytes;
      // m=1 on every chunk but the last. q=2 keeps the terminal's replies off the input.
      let characters = Array(payload.utf8)
      var sequence = ""
      var start = 0
      repeat {
        let end = min(start + 4096, characters.count)
        let chunk = String(decoding: characters[start..<end], as: UTF8.self)
        let more = end < characters.count ? 1 : 0
        let keys = start == 0 ? "a=T,f=100,q=2,c=\(columns),m=\(more)" : "m=\(more)"
        sequence += "\u{1B}_G\(keys);\(chunk)\u{1B}\\"
        start = end
      } while start < characters.count
      return sequence
    case .iterm2:
      return "\u{1B}]1337;File=inline=1;size=\(png.count);width=\(columns);preserveAspectRatio=1:"
        + payload + "\u{07}"
    case .sixel:
      return nil
    }
  }
}

extension Figure {
  /// The most pixels sent as an inline image; larger figures are drawn in characters.
  public static let maximumInlinePixels = 1 << 22

  /// Sixel shows pixels 1:1; a figure wider than this many pixels per column is scaled down.
  public static let sixelPixelsPerColumn = 8

  /// The figure as an inline image for `imageProtocol`, `columns` cells wide; nil for a figure
  /// with no raster (an animation) or one over `maximumInlinePixels`.
  public func inlineImage(_ imageProtocol: InlineImageProtocol, columns: Int) -> String? {
    let (width, height) = pixelSize
    guard animation == nil, width > 0, height > 0,
      width <= Figure.maximumInlinePixels / max(height, 1),
      let raster = try? raster()
    else { return nil }
    if imageProtocol == .sixel {
      let scaled = Self.scaledDown(raster, toWidth: max(columns, 1) * Figure.sixelPixelsPerColumn)
      return SixelEncoder.encode(width: scaled.width, height: scaled.height, rgb: scaled.rgb)
    }
    guard
      let png = try? PNGEncoder.encode(width: raster.width, height: raster.height, rgb: raster.rgb)
    else { return nil }
    return imageProtocol.escapeSequence(png: png, columns: columns)
  }

  /// `raster` at most `maximumWidth` pixels wide, keeping its aspect (nearest neighbour).
  static func scaledDown(
    _ raster: (width: Int, height: Int, rgb: [UInt8]), toWidth maximumWidth: Int
  )
    -> (width: Int, height: Int, rgb: [UInt8])
  {
    guard raster.width > maximumWidth, maximumWidth > 0 else { return raster }
    let width = maximumWidth
    let height = max(1, raster.height * width / raster.width)
    var rgb = [UInt8](repeating: 0, count: width * height * 3)
    for y in 0..<height {
      let sourceY = y * raster.height / height
      for x in 0..<width {
        let source = (sourceY * raster.width + x * raster.width / width) * 3
        let target = (y * width + x) * 3
        rgb[target] = raster.rgb[source]
        rgb[target + 1] = raster.rgb[source + 1]
        rgb[target + 2] = raster.rgb[source + 2]
      }
    }
    return (width, height, rgb)
  }
}
