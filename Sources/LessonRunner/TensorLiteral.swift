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
  ///
  /// `closers` is `closingParentheses(tokens)`, computed once per line, so trying every token of
  /// a line costs linear time.
  static func parse(_ tokens: [OutputToken], at start: Int, closers: [Int: Int]) -> TensorLiteral? {
    guard start + 2 < tokens.count, case .word("tensor") = tokens[start].kind,
      case .punct("(") = tokens[start + 1].kind
    else { return nil }
    var reader = Reader(tokens: tokens, position: start + 2)
    guard let shape = reader.readValue() else { return nil }
    guard let suffixEnd = reader.readSuffix(closing: closers[start + 1]) else { return nil }
    return TensorLiteral(
      shape: shape, elements: reader.elements, suffix: Array(tokens[reader.position..<suffixEnd]),
      tokenCount: suffixEnd + 1 - start, head: tokens[start])
  }

  /// For each `(` of `tokens`, the index of the `)` that closes it (parentheses only, as PyTorch's
  /// suffixes `, dtype=...)` and `, grad_fn=<...>)` nest them).
  static func closingParentheses(_ tokens: [OutputToken]) -> [Int: Int] {
    var open: [Int] = []
    var closers: [Int: Int] = [:]
    for (index, token) in tokens.enumerated() {
      guard case .punct(let mark) = token.kind else { continue }
      if mark == "(" { open.append(index) }
      if mark == ")", let opening = open.popLast() { closers[opening] = index }
    }
    return closers
  }

  /// The deepest nesting read as a tensor (PyTorch allows 64 dimensions); deeper brackets are
  /// text, and the reader's recursion stays bounded.
  static let maximumDepth = 64

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
    mutating func readValue(depth: Int = 0) -> [Int]? {
      guard position < tokens.count else { return nil }
      if isPunct("[") {
        return depth < TensorLiteral.maximumDepth ? readList(depth: depth + 1) : nil
      }
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

    private mutating func readList(depth: Int) -> [Int]? {
      position += 1
      if isPunct("]") {
        position += 1
        return [0]
      }
      var count = 0
      var inner: [Int]?
      while true {
        guard let shape = readValue(depth: depth), inner == nil || inner == shape else {
          return nil
        }
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

    /// After the values: `)` or `, anything)`; returns the index of the closing `)`, which for
    /// `, anything)` is `closing`, the one that closes `tensor(`.
    mutating func readSuffix(closing: Int?) -> Int? {
      if isPunct(")") { return position }
      guard isPunct(","), let closing, closing > position else { return nil }
      return closing
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
  /// How many lines gathering it looked at (its cost, for the matcher's bound).
  var scanned = 0

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
    return NumberGrid(
      shape: shape, elements: elements, lineCount: kept.count * rows, scanned: index - start)
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
