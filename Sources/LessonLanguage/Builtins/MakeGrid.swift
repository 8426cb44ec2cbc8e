/// `torchvision.utils.make_grid`: a batch of images tiled into one image, as torchvision
/// computes it.

extension BuiltinTable {
  /// `make_grid(tensor, nrow=8, padding=2, normalize=False, value_range=None,
  /// scale_each=False, pad_value=0.0)`.
  static let makeGridEntry: BuiltinFunction = .function(
    "torchvision.utils.make_grid", .value("tensor"), .int("nrow", default: 8),
    .int("padding", default: 2), .bool("normalize", default: false),
    .optionalValue("value_range"), .bool("scale_each", default: false),
    .double("pad_value", default: 0)
  ) { interpreter, value, nrow, padding, normalize, range, scaleEach, padValue in
    var tensor: Tensor
    switch value {
    case .tensor(let single): tensor = single
    case .list, .tuple:
      let items = try interpreter.iterateAll(value).map { item -> Tensor in
        guard case .tensor(let tensor) = item else {
          throw PythonException.type(
            "tensor or list of tensors expected, got \(pythonClass(of: item))")
        }
        return tensor
      }
      tensor = try Tensor.stack(items)
    default:
      throw PythonException.type(
        "tensor or list of tensors expected, got \(pythonClass(of: value))")
    }
    var limits: (low: Double, high: Double)?
    if let range {
      let ends = try interpreter.iterateAll(range).map { try interpreter.numberValue($0) }
      guard ends.count == 2 else {
        throw PythonException(
          .assertionError,
          "value_range has to be a tuple (min, max) if specified. min and max are numbers")
      }
      limits = (ends[0], ends[1])
    }
    let grid = try makeGrid(
      tensor, nrow: nrow, padding: padding, normalize: normalize, range: limits,
      scaleEach: scaleEach, padValue: Float(padValue))
    return .tensor(grid)
  }

  /// The images of `tensor` (`(B, C, H, W)`, `(C, H, W)` or `(H, W)`; one channel becomes
  /// three) tiled `nrow` to a row with `padding` pixels of `padValue` around each:
  /// `(C, ymaps * (H + padding) + padding, xmaps * (W + padding) + padding)`, where
  /// `xmaps = min(nrow, B)` and `ymaps = ceil(B / xmaps)`. A single image comes back as it is
  /// (after the channel and `normalize` steps).
  static func makeGrid(
    _ input: Tensor, nrow: Int, padding: Int, normalize: Bool, range: (low: Double, high: Double)?,
    scaleEach: Bool, padValue: Float
  ) throws -> Tensor {
    guard input.rank >= 2, input.rank <= 4 else {
      throw PythonException.value(
        "make_grid takes (B, C, H, W), (C, H, W) or (H, W) images, not a \(input.rank)-D tensor")
    }
    guard nrow >= 1 else { throw PythonException.value("nrow must be positive, not \(nrow)") }
    guard padding >= 0 else {
      throw PythonException.value("padding must be non-negative, not \(padding)")
    }
    if normalize && input.dtype != .float32 {
      throw PythonException.runtime(
        "result type Float can't be cast to the desired output type \(input.dtype == .bool ? "Bool" : "Long")"
      )
    }
    // B, C, H, W after torchvision's reshaping; one channel is repeated to three.
    var shape = input.shape
    if shape.count == 2 { shape = [1] + shape }
    if shape.count == 3 { shape = [1] + shape }
    let (b, c, h, w) = (shape[0], shape[1] == 1 ? 3 : shape[1], shape[2], shape[3])
    guard b >= 1 else { throw PythonException.zeroDivision("division by zero") }
    var values = input.floatValues
    if shape[1] == 1 {
      _ = try checkedAllocation([b, 3, h, w], dtype: .float32, what: "make_grid")
      let plane = h * w
      values = (0..<b).flatMap { image in
        Array(repeating: values[(image * plane)..<((image + 1) * plane)], count: 3).flatMap { $0 }
      }
    }
    if normalize {
      let imageSize = c * h * w
      let parts = scaleEach ? b : 1
      let partSize = scaleEach ? imageSize : values.count
      for part in 0..<parts where partSize > 0 {
        let span = (part * partSize)..<((part + 1) * partSize)
        let low = range.map { Float($0.low) } ?? (values[span].min() ?? 0)
        let high = range.map { Float($0.high) } ?? (values[span].max() ?? 0)
        let scale = max(high - low, 1e-5)
        for index in span { values[index] = (min(max(values[index], low), high) - low) / scale }
      }
    }
    if b == 1 { return try gridTensor(shape: [c, h, w], values: values, like: input) }
    let xmaps = min(nrow, b)
    let ymaps = (b + xmaps - 1) / xmaps
    let cellHeight = try checkedSum(h, padding)
    let cellWidth = try checkedSum(w, padding)
    let height = try checkedSum(try checkedProduct(cellHeight, ymaps), padding)
    let width = try checkedSum(try checkedProduct(cellWidth, xmaps), padding)
    let count = try checkedAllocation([c, height, width], dtype: .float32, what: "make_grid")
    var grid = [Float](repeating: padValue, count: count)
    for image in 0..<b {
      let (top, left) = (
        (image / xmaps) * cellHeight + padding, (image % xmaps) * cellWidth + padding
      )
      for channel in 0..<c {
        for row in 0..<h {
          let source = ((image * c + channel) * h + row) * w
          let target = (channel * height + top + row) * width + left
          grid.replaceSubrange(target..<(target + w), with: values[source..<(source + w)])
        }
      }
    }
    return try gridTensor(shape: [c, height, width], values: grid, like: input)
  }

  /// The grid as a tensor of the input's kind (integers stay integers).
  private static func gridTensor(shape: [Int], values: [Float], like input: Tensor) throws
    -> Tensor
  {
    _ = try checkedAllocation(shape, dtype: input.dtype, what: "make_grid")
    if input.dtype == .float32 { return Tensor(shape: shape, floats: values) }
    return Tensor(shape: shape, ints: values.map { Int64($0.rounded()) }, dtype: input.dtype)
  }

  private static func checkedSum(_ a: Int, _ b: Int) throws -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    guard !overflow else { throw PythonException.value("make_grid: the grid is too large") }
    return sum
  }

  private static func checkedProduct(_ a: Int, _ b: Int) throws -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    guard !overflow else { throw PythonException.value("make_grid: the grid is too large") }
    return product
  }
}

/// Python's `<class 'int'>` for a value, as torchvision's messages show it.
private func pythonClass(of value: Value) -> String { "<class '\(typeName(of: value))'>" }
