/// Tensor printing exactly as PyTorch's `repr(tensor)` (`torch/_tensor_str.py`): nested brackets
/// indented under the opening `tensor(`, one common width per tensor, rows wrapped at the line
/// width, `...` summaries past the threshold, and `requires_grad` / `grad_fn` suffixes.

extension Tensor: CustomStringConvertible {
  /// PyTorch's `repr(tensor)` / `print(tensor)`, e.g. `tensor([[12., 16.],\n        [24., 28.]])`.
  public var description: String { formatTensor(self) }
}

/// PyTorch's repr of `tensor`, opened by `prefix` (whose length sets the indentation of the
/// following lines), with the `size=`, `dtype=`, `grad_fn=` / `requires_grad=` suffixes.
///
/// - `tensor(3.5000)`, `tensor([1., 2.])`, `tensor([], size=(0, 3))`, `tensor([], dtype=torch.int64)`
/// - `tensor(2.3026, grad_fn=<NllLossBackward0>)`, `tensor([1., 2.], requires_grad=True)`
public func formatTensor(
  _ tensor: Tensor, prefix: String = "tensor(", options: PrintOptions = PrintOptions()
) -> String {
  let indent = prefix.count
  var suffixes: [String] = []
  let body: String
  if tensor.count == 0 {
    // NumPy-style: the shape is shown unless it is (0,); the dtype cannot be guessed from no values.
    if tensor.rank != 1 { suffixes.append("size=" + pythonTupleText(tensor.shape)) }
    if tensor.dtype != .float32 { suffixes.append("dtype=\(tensor.dtype)") }
    body = "[]"
  } else {
    if options.edgeItems == 0 { suffixes.append("size=" + pythonTupleText(tensor.shape)) }
    body = formatTensorData(tensor, indent: indent, options: options)
  }
  if let gradFn = tensor.gradFn {
    suffixes.append("grad_fn=<\(gradFn.name)>")
  } else if tensor.requiresGrad {
    suffixes.append("requires_grad=True")
  }
  return appendingSuffixes(prefix + body, suffixes, indent: indent, lineWidth: options.lineWidth)
}

/// The bracketed elements alone (PyTorch's `_tensor_str`), continuation lines indented by
/// `indent + 1` spaces per nesting level: `[[1., 2.],\n        [3., 4.]]` for `indent` 7.
public func formatTensorData(
  _ tensor: Tensor, indent: Int, options: PrintOptions = PrintOptions()
) -> String {
  guard tensor.count > 0 else { return "[]" }
  let layout = TensorLayout(tensor: tensor, options: options)
  guard tensor.rank > 0 else { return layout.formatter.format(tensor, at: 0) }
  return layout.block(dim: 0, offset: 0, indent: indent)
}

/// PyTorch's `Parameter containing:` repr of a module parameter.
public func formatParameter(_ tensor: Tensor, options: PrintOptions = PrintOptions()) -> String {
  "Parameter containing:\n" + formatTensor(tensor, options: options)
}

/// The repr of a `torch.return_types` tuple such as `torch.max(x, dim=1)`:
/// `torch.return_types.max(\nvalues=tensor([3., 4.]),\nindices=tensor([1, 1]))`.
///
/// Each tensor keeps its own `tensor(` indentation, as Python's structseq repr does.
public func formatReturnTypes(
  name: String, fields: [(name: String, tensor: Tensor)], options: PrintOptions = PrintOptions()
) -> String {
  let lines = fields.map { "\($0.name)=" + formatTensor($0.tensor, options: options) }
  return "torch.return_types.\(name)(\n" + lines.joined(separator: ",\n") + ")"
}

/// Python's tuple text for a shape: `(0,)`, `(0, 3)`, `()`.
func pythonTupleText(_ shape: [Int]) -> String {
  shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

/// Appends `, suffix` to the repr, or starts a new line indented by `indent` when the suffix would
/// pass the line width (PyTorch's `_add_suffixes`, whose line length count runs 2 over).
func appendingSuffixes(_ text: String, _ suffixes: [String], indent: Int, lineWidth: Int) -> String
{
  var result = text
  var lastLineLength: Int
  if let newline = text.lastIndex(of: "\n") {
    lastLineLength = text.distance(from: newline, to: text.endIndex) + 1
  } else {
    lastLineLength = text.count + 2
  }
  for suffix in suffixes {
    if lastLineLength + suffix.count + 2 > lineWidth {
      result += ",\n" + String(repeating: " ", count: indent) + suffix
      lastLineLength = indent + suffix.count
    } else {
      result += ", " + suffix
      lastLineLength += suffix.count + 2
    }
  }
  return result + ")"
}

/// Walks a non-empty tensor's row-major buffer dimension by dimension, keeping only the leading and
/// trailing `edgeItems` rows of each dimension when the tensor has more than `threshold` elements.
struct TensorLayout {
  let tensor: Tensor
  let options: PrintOptions
  let strides: [Int]
  let summarize: Bool
  /// Built from the elements actually shown, so hidden ones do not widen the columns.
  private(set) var formatter: ElementFormatter

  init(tensor: Tensor, options: PrintOptions) {
    self.tensor = tensor
    self.options = options
    strides = contiguousStrides(tensor.shape)
    summarize = tensor.count > options.threshold
    formatter = ElementFormatter(ints: [], dtype: tensor.dtype)
    let shown = tensor.rank == 0 ? [0] : shownOffsets(dim: 0, offset: 0)
    formatter =
      tensor.dtype == .float32
      ? ElementFormatter(floats: shown.map { tensor.floats[$0] }, options: options)
      : ElementFormatter(ints: shown.map { tensor.ints[$0] }, dtype: tensor.dtype)
  }

  /// The rows of dimension `dim` that are printed; nil marks the `...` between the two edges.
  func rows(dim: Int) -> [Int?] {
    let size = tensor.shape[dim]
    let edge = max(0, options.edgeItems)
    guard summarize && size > 2 * edge else { return (0..<size).map { $0 } }
    return (0..<edge).map { $0 } + [nil] + (size - edge..<size).map { $0 }
  }

  /// Buffer offsets of the elements shown (PyTorch's `get_summarized_data`), in row-major order.
  ///
  /// An odometer over the shown rows of each dimension: iterative, so a tensor of 60,000
  /// dimensions does not nest 60,000 calls.
  func shownOffsets(dim: Int, offset: Int) -> [Int] {
    let shown = (dim..<tensor.rank).map { rows(dim: $0).compactMap { $0 } }
    guard !shown.contains(where: \.isEmpty) else { return [] }
    var counter = [Int](repeating: 0, count: shown.count)
    var offsets: [Int] = []
    while true {
      var position = offset
      for (axis, rowIndex) in counter.enumerated() {
        position += shown[axis][rowIndex] * strides[dim + axis]
      }
      offsets.append(position)
      var axis = shown.count - 1
      while axis >= 0 {
        counter[axis] += 1
        if counter[axis] < shown[axis].count { break }
        counter[axis] = 0
        axis -= 1
      }
      if axis < 0 { return offsets }
    }
  }

  /// The text of the sub-tensor starting at `offset` that spans dimensions `dim...`, opened at
  /// `indent`: `[` + its slices (each a block of the next dimension, or `...`) + `]`.
  ///
  /// Written out with an explicit stack of open brackets rather than by recursion, so the depth
  /// of a tensor with many dimensions costs heap, not call stack.
  func block(dim: Int, offset: Int, indent: Int) -> String {
    var text = ""
    // One open bracket per dimension being written: its rows and the next one to write.
    var open: [(dim: Int, offset: Int, rows: [Int?], next: Int)] = []
    // A dimension `d` opens `d - dim` columns right of `indent`, as each nesting level adds one.
    func start(_ inner: Int, _ innerOffset: Int) {
      if inner == tensor.rank - 1 {
        text += vector(offset: innerOffset, indent: indent + (inner - dim))
      } else {
        text += "["
        open.append((inner, innerOffset, rows(dim: inner), 0))
      }
    }
    start(dim, offset)
    while let top = open.last {
      guard top.next < top.rows.count else {
        text += "]"
        open.removeLast()
        continue
      }
      if top.next > 0 {
        text +=
          "," + String(repeating: "\n", count: tensor.rank - top.dim - 1)
          + String(repeating: " ", count: indent + (top.dim - dim) + 1)
      }
      open[open.count - 1].next += 1
      if let row = top.rows[top.next] {
        start(top.dim + 1, top.offset + row * strides[top.dim])
      } else {
        text += "..."
      }
    }
    return text
  }

  /// The last dimension: elements joined by `, `, as many per line as fit in the line width.
  func vector(offset: Int, indent: Int) -> String {
    let step = strides[tensor.rank - 1]
    let data: [String]
    if summarize && options.edgeItems <= 0 {
      data = ["..."]
    } else {
      data = rows(dim: tensor.rank - 1).map { row in
        row.map { formatter.format(tensor, at: offset + $0 * step) } ?? " ..."
      }
    }
    let perLine = max(1, (options.lineWidth - indent) / (formatter.width + 2))
    let lines = stride(from: 0, to: data.count, by: perLine).map {
      data[$0..<min($0 + perLine, data.count)].joined(separator: ", ")
    }
    return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
  }
}
