/// Tensors recognised in output: PyTorch's printed form and plain grids of numbers.

/// A tensor in PyTorch's printed form, read from tokens:
/// `tensor([[12., 16.], [24., 28.]], requires_grad=True)`, `tensor(6.)`, `tensor([])`.
struct TensorLiteral: Sendable {
  /// The sizes, from the bracket nesting (`[]` for `tensor(6.)`).
  let shape: [Int]
  /// The element tokens in row-major order (numbers, or `True`/`False` words).
  let elements: [OutputToken]
  /// The tokens after the values, before the closing `)`: `, requires_grad=True`.
  let suffix: [OutputToken]
  /// The tokens spanned, from `tensor` to the closing `)`.
  let tokenCount: Int
  /// The `tensor` token, where a whole-tensor mismatch is reported.
  let head: OutputToken

  /// The tensor starting at `tokens[start]`, or nil when the tokens there are not one (a `...`
  /// from summarised printing, a placeholder, ragged rows).
  static func parse(_ tokens: [OutputToken], at start: Int) -> TensorLiteral? {
    guard start + 2 < tokens.count, case .word("tensor") = tokens[start].kind,
      case .punct("(") = tokens[start + 1].kind
    else { return nil }
    var reader = Reader(tokens: tokens, position: start + 2)
    guard let shape = reader.readValue() else { return nil }
    guard let suffixEnd = reader.readSuffix() else { return nil }
    return TensorLiteral(
      shape: shape, elements: reader.elements, suffix: Array(tokens[reader.position..<suffixEnd]),
      tokenCount: suffixEnd + 1 - start, head: tokens[start])
  }

  /// Reads nested lists of elements.
  private struct Reader {
    let tokens: [OutputToken]
    var position: Int
    var elements: [OutputToken] = []

    private func isPunct(_ mark: String) -> Bool {
      guard position < tokens.count, case .punct(let found) = tokens[position].kind else {
        return false
      }
      return found == mark
    }

    /// One element, or a bracketed list; returns its shape.
    mutating func readValue() -> [Int]? {
      guard position < tokens.count else { return nil }
      if isPunct("[") { return readList() }
      let token = tokens[position]
      switch token.kind {
      case .number: break
      case .word(let word) where word == "True" || word == "False": break
      default: return nil
      }
      elements.append(token)
      position += 1
      return []
    }

    private mutating func readList() -> [Int]? {
      position += 1
      if isPunct("]") {
        position += 1
        return [0]
      }
      var count = 0
      var inner: [Int]?
      while true {
        guard let shape = readValue(), inner == nil || inner == shape else { return nil }
        inner = shape
        count += 1
        if isPunct("]") {
          position += 1
          return [count] + (inner ?? [])
        }
        guard isPunct(",") else { return nil }
        position += 1
      }
    }

    /// After the values: `)` or `, anything)`; returns the index of the closing `)`.
    mutating func readSuffix() -> Int? {
      if isPunct(")") { return position }
      guard isPunct(",") else { return nil }
      var depth = 0
      for index in position..<tokens.count {
        guard case .punct(let mark) = tokens[index].kind else { continue }
        if mark == "(" { depth += 1 }
        if mark == ")" {
          if depth == 0 { return index }
          depth -= 1
        }
      }
      return nil
    }
  }
}

/// Plain lines of numbers read as a tensor: one grid (`6 8` / `3 4`), or several grids of the same
/// size separated by blank lines (a 3-D block, e.g. three 2x2 feature maps).
struct NumberGrid: Sendable {
  /// `[rows, columns]`, or `[grids, rows, columns]`.
  let shape: [Int]
  /// The numbers in row-major order.
  let elements: [OutputToken]
  /// How many logical lines it spans.
  let lineCount: Int

  /// The grid starting at `line(start)`; `line` returns nil past the lines that could belong.
  static func gather(from start: Int, line: (Int) -> LogicalLine?) -> NumberGrid? {
    guard let first = line(start), first.isNumberOnly else { return nil }
    let columns = first.tokens.count
    var blocks: [[LogicalLine]] = [[first]]
    var index = start + 1
    while let next = line(index), next.isNumberOnly, next.tokens.count == columns {
      if next.blankBefore { blocks.append([next]) } else { blocks[blocks.count - 1].append(next) }
      index += 1
    }
    let rows = blocks[0].count
    let kept = blocks.prefix(while: { $0.count == rows })
    let shape = kept.count == 1 ? [rows, columns] : [kept.count, rows, columns]
    let elements = kept.flatMap { $0.flatMap(\.tokens) }
    return NumberGrid(shape: shape, elements: elements, lineCount: kept.count * rows)
  }

  /// `a 2x2 grid`, `3 blank-separated 2x2 grids`.
  var described: String {
    let size = shape.suffix(2).map(String.init).joined(separator: "x")
    return shape.count == 3 ? "\(shape[0]) blank-separated \(size) grids" : "a \(size) grid"
  }

  /// `row 2, column 1` (1-based), with `grid 3, ` in front for a 3-D block.
  func position(ofElement index: Int) -> String {
    let columns = shape[shape.count - 1]
    let rows = shape[shape.count - 2]
    let text = "row \(index / columns % rows + 1), column \(index % columns + 1)"
    return shape.count == 3 ? "grid \(index / (rows * columns) + 1), \(text)" : text
  }
}

/// Sizes without their leading 1s: `[1, 1, 2, 2]` -> `[2, 2]`, so a batch of one matches a grid.
func droppingLeadingOnes(_ shape: [Int]) -> [Int] {
  Array(shape.drop(while: { $0 == 1 }))
}

/// `[0, 1, 2, 1]`: the index of element `flat` of a tensor of `shape`.
func tensorIndex(ofElement flat: Int, shape: [Int]) -> String {
  var rest = flat
  var index = [Int](repeating: 0, count: shape.count)
  for axis in shape.indices.reversed() where shape[axis] > 0 {
    index[axis] = rest % shape[axis]
    rest /= shape[axis]
  }
  return "[" + index.map(String.init).joined(separator: ", ") + "]"
}
