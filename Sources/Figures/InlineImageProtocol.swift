/// Terminal image protocols: a figure shown as a real picture where the terminal can show one.

/// The image protocols of terminals that announce them: Kitty's graphics protocol (kitty,
/// Ghostty, WezTerm with it on) and iTerm2's inline images (iTerm2, WezTerm). A figure goes as
/// a PNG of its raster (drawn without text; its summary line says what it is).
public enum InlineImageProtocol: String, Equatable, Sendable, CaseIterable {
  case kitty
  case iterm2

  /// The protocol the terminal announces, or nil. `CNN_LESSON_IMAGES=kitty|iterm2|none`
  /// decides when set; otherwise Kitty by `KITTY_WINDOW_ID` or `TERM=xterm-kitty`, iTerm2 by
  /// `TERM_PROGRAM=iTerm.app`, `LC_TERMINAL=iTerm2` or `TERM_PROGRAM=WezTerm`. Inside tmux or
  /// screen, which pass neither through by default, none.
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
    return nil
  }

  /// The escape sequence that shows `png` `columns` cells wide, keeping its aspect.
  public func escapeSequence(png: [UInt8], columns: Int) -> String {
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
    }
  }
}

extension Figure {
  /// The most pixels sent as an inline image; larger figures are drawn in characters.
  public static let maximumInlinePixels = 1 << 22

  /// The figure as an inline image for `imageProtocol`, `columns` cells wide; nil for a figure
  /// with no raster (an animation) or one over `maximumInlinePixels`.
  public func inlineImage(_ imageProtocol: InlineImageProtocol, columns: Int) -> String? {
    let (width, height) = pixelSize
    guard animation == nil, width > 0, height > 0,
      width <= Figure.maximumInlinePixels / max(height, 1),
      let raster = try? raster(),
      let png = try? PNGEncoder.encode(width: raster.width, height: raster.height, rgb: raster.rgb)
    else { return nil }
    return imageProtocol.escapeSequence(png: png, columns: columns)
  }
}
