/// Lines of terminal text that all show `width` columns (escape codes take none).
struct TextBlock: Equatable, Sendable {
  var lines: [String] = []
  var width: Int

  init(width: Int, lines: [String] = []) {
    self.width = width
    self.lines = lines
  }

  /// Appends plain text, cut with `…` or padded with spaces to the block's width.
  mutating func append(plain text: String, centered: Bool = false) {
    lines.append(fit(text, to: width, centered: centered))
  }

  /// Appends another block's lines, padded on the right to this block's width.
  mutating func append(_ block: TextBlock) {
    let pad = String(repeating: " ", count: max(width - block.width, 0))
    lines += block.lines.map { $0 + pad }
  }

  /// Blocks side by side, `gap` spaces apart, shorter ones padded with blank lines.
  static func row(_ blocks: [TextBlock], gap: Int = 2) -> TextBlock {
    let height = blocks.map(\.lines.count).max() ?? 0
    let width = blocks.map(\.width).reduce(0, +) + gap * max(blocks.count - 1, 0)
    var result = TextBlock(width: width)
    for line in 0..<height {
      let parts = blocks.map { block in
        line < block.lines.count ? block.lines[line] : String(repeating: " ", count: block.width)
      }
      result.lines.append(parts.joined(separator: String(repeating: " ", count: gap)))
    }
    return result
  }
}

/// `text` cut (ending in `…`) or padded to exactly `width` columns.
func fit(_ text: String, to width: Int, centered: Bool = false) -> String {
  guard width > 0 else { return "" }
  if text.count > width { return String(text.prefix(width - 1)) + "…" }
  let room = width - text.count
  let left = centered ? room / 2 : 0
  return String(repeating: " ", count: left) + text + String(repeating: " ", count: room - left)
}
