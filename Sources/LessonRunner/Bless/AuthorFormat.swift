/// Writing actual values the way the author wrote the expected ones: a number with the same
/// precision and notation, a band with its centre moved, a line with its columns kept, a grid
/// with its alignment.

import Foundation

/// The author's way of writing numbers, lines and grids, applied to new values.
enum AuthorFormat {
  /// `value` written as `expected` is (`0.50` -> `0.47`, `6.` -> `7.`, `1.2346e-03` ->
  /// `2.0000e-03`), or `actualText` when that form cannot hold it (a whole-number form for
  /// 2.5, nan, inf).
  static func number(_ value: Double, like expected: PrintedNumber, actualText: String) -> String {
    guard value.isFinite, expected.value.isFinite,
      let text = written(value, like: expected.text, decimals: expected.decimals),
      let printed = PrintedNumber(text), printed.accepts(value)
    else { return actualText }
    return text
  }

  /// The centre of a band moved to `value`, with the centre's precision, when the band then
  /// holds `value`; else `actualText`.
  static func bandCentre(
    _ value: Double, like centre: PrintedNumber, radius: Double, actualText: String
  ) -> String {
    guard value.isFinite,
      let text = written(value, like: centre.text, decimals: centre.decimals, rounding: true),
      let moved = Double(text), abs(moved - value) <= radius * (1 + 1e-9)
    else { return actualText }
    return text
  }

  /// `value` with `decimals` digits in the notation of `form`; whole-number forms only for whole
  /// values unless `rounding`.
  private static func written(
    _ value: Double, like form: String, decimals: Int, rounding: Bool = false
  ) -> String? {
    let text = signed(value, like: form, decimals: decimals, rounding: rounding)
    // A value that rounds to zero is written without a sign (`0`, not `-0`).
    if let text, text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
    return text
  }

  private static func signed(
    _ value: Double, like form: String, decimals: Int, rounding: Bool
  ) -> String? {
    let digits = min(max(decimals, 0), 30)
    if let e = form.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      let text = String(format: "%.\(digits)e", value)
      return form[e] == "E" ? text.uppercased() : text
    }
    if digits == 0 {
      let whole = value.rounded()
      guard rounding || abs(value - whole) <= 1e-5 * max(1, abs(value)), abs(whole) < 1e15 else {
        return nil
      }
      return String(format: "%.0f", whole) + (form.hasSuffix(".") ? "." : "")
    }
    return String(format: "%.\(digits)f", value)
  }

  // MARK: - Lines

  /// A new text for one token of a line.
  struct Replacement {
    /// The token replaced (its line, column and text as the author wrote them).
    let token: OutputToken
    /// What it becomes.
    let text: String
    /// True for an element of a printed tensor, which PyTorch aligns to the right.
    let inTensor: Bool
  }

  /// The physical line `line` with `replacements` (all on it) made, keeping its columns: a
  /// token followed by padding (two or more spaces) keeps the next token where it was, a tensor
  /// element keeps its right edge, and any other token just takes its new length.
  static func splice(_ line: String, _ replacements: [Replacement]) -> String {
    var chars = Array(line)
    for replacement in replacements.sorted(by: { $0.token.column > $1.token.column }) {
      let start = replacement.token.column
      let end = start + replacement.token.text.count
      guard start >= 0, end <= chars.count else { continue }
      let new = Array(replacement.text)
      let growth = new.count - (end - start)
      chars.replaceSubrange(start..<end, with: new)
      guard growth != 0 else { continue }
      if replacement.inTensor {
        alignRight(&chars, tokenStart: start, growth: growth)
      } else {
        keepNextColumn(&chars, after: start + new.count, growth: growth)
      }
    }
    return String(chars)
  }

  /// Takes `growth` spaces from (or gives them to) the padding before a tensor element that
  /// starts at `tokenStart`; the space after a comma is not padding.
  private static func alignRight(_ chars: inout [Character], tokenStart: Int, growth: Int) {
    var spaces = 0
    while tokenStart - spaces - 1 >= 0, chars[tokenStart - spaces - 1] == " " { spaces += 1 }
    let before = tokenStart - spaces - 1
    let padding = spaces - (before >= 0 && chars[before] == "," ? 1 : 0)
    if growth > 0 {
      let removed = min(growth, max(0, padding))
      chars.removeSubrange((tokenStart - removed)..<tokenStart)
    } else {
      chars.insert(contentsOf: repeatElement(" ", count: -growth), at: tokenStart)
    }
  }

  /// Gives `growth` spaces to (or takes them from) padding of two or more spaces at `position`,
  /// leaving at least one, so the next token keeps its column.
  private static func keepNextColumn(_ chars: inout [Character], after position: Int, growth: Int) {
    var spaces = 0
    while position + spaces < chars.count, chars[position + spaces] == " " { spaces += 1 }
    guard spaces >= 2, position + spaces < chars.count else { return }
    if growth > 0 {
      chars.removeSubrange(position..<(position + min(growth, spaces - 1)))
    } else {
      chars.insert(contentsOf: repeatElement(" ", count: -growth), at: position)
    }
  }

  // MARK: - Grids

  /// How the author laid out a grid: columns that line up on the right (numbers padded on the
  /// left, as PyTorch and `{:3d}` print them) or on the left, at the columns where they were, or
  /// no alignment (the author's separators kept).
  struct GridLayout {
    enum Alignment { case right, left, none }
    let alignment: Alignment
    /// For each column, its right edge (`.right`) or its start (`.left`), 0-based.
    let edges: [Int]
    /// The author's indentation and separators, row by row, for a grid that does not line up.
    let indents: [String]
    let separators: [[String]]

    /// The layout of `rows`: each row's tokens on its physical line `lines[row]`.
    init(rows: [[OutputToken]], lines: [String]) {
      let columns = rows.map(\.count).min() ?? 0
      let ends = (0..<columns).map { column in
        Set(rows.map { $0[column].column + $0[column].text.count })
      }
      let starts = (0..<columns).map { column in Set(rows.map { $0[column].column }) }
      if ends.allSatisfy({ $0.count == 1 }) {
        alignment = .right
        edges = ends.map { $0.first ?? 0 }
      } else if starts.allSatisfy({ $0.count == 1 }) {
        alignment = .left
        edges = starts.map { $0.first ?? 0 }
      } else {
        alignment = .none
        edges = []
      }
      indents = zip(rows, lines).map { tokens, line in
        String(line.prefix(tokens.first?.column ?? 0))
      }
      separators = zip(rows, lines).map { tokens, line in
        let chars = Array(line)
        return tokens.indices.dropFirst().map { index in
          let from = tokens[index - 1].column + tokens[index - 1].text.count
          let to = tokens[index].column
          return from <= to && to <= chars.count ? String(chars[from..<to]) : " "
        }
      }
    }

    /// The rows of texts laid out this way. Columns stay where the author put them while the
    /// new texts fit; a wider one pushes itself and the columns after it to the right.
    func lines(_ rows: [[String]]) -> [String] {
      let columns = rows.map(\.count).max() ?? 0
      let widths = (0..<columns).map { column in
        rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
      }
      switch alignment {
      case .none:
        return rows.enumerated().map { row, texts in
          let indent = indents.indices.contains(row) ? indents[row] : ""
          let known = separators.indices.contains(row) ? separators[row] : []
          return indent
            + texts.enumerated().map { column, text in
              column == 0
                ? text : (known.indices.contains(column - 1) ? known[column - 1] : " ") + text
            }.joined()
        }
      case .right, .left:
        // Where each column goes: its edge, or as far right as it must to keep a space.
        var placed: [Int] = []
        var shift = 0
        var cursor = 0
        for column in 0..<columns {
          let edge = (edges.indices.contains(column) ? edges[column] : cursor) + shift
          let gap = column == 0 ? 0 : 1
          let position =
            alignment == .right
            ? max(edge, cursor + gap + widths[column]) : max(edge, cursor + gap)
          shift = position - (edges.indices.contains(column) ? edges[column] : position - shift)
          placed.append(position)
          cursor = alignment == .right ? position : position + widths[column]
        }
        return rows.map { texts in
          var line = ""
          for (column, text) in texts.enumerated() {
            let start = alignment == .right ? placed[column] - text.count : placed[column]
            line += String(repeating: " ", count: max(column == 0 ? 0 : 1, start - line.count))
            line += text
          }
          return line
        }
      }
    }
  }
}
