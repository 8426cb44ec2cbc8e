/// Adaptive pooling (`F.adaptive_avg_pool2d`, `F.adaptive_max_pool2d`): windows chosen so the
/// output has a given size, whatever the input's.

extension Functional {
  /// The average of each adaptive window, as `torch.nn.functional.adaptive_avg_pool2d`.
  ///
  /// Shapes: `(N, C, H, W)` or `(C, H, W)` -> `(N, C, OH, OW)` or `(C, OH, OW)`, where a nil
  /// output size keeps the input's. Output row `i` averages input rows
  /// `floor(i * H / OH) ..< ceil((i + 1) * H / OH)` (columns alike), PyTorch's formula, so windows
  /// may overlap and differ in size. The result's grad_fn is `AdaptiveAvgPool2DBackward0`.
  public static func adaptiveAvgPool2d(_ input: Tensor, height: Int?, width: Int?) throws -> Tensor
  {
    guard let layout = ImageLayout(input.shape) else {
      throw TensorError.pooling(.adaptiveInputRank(op: "adaptive_avg_pool2d", shape: input.shape))
    }
    guard input.dtype == .float32 else { throw TensorError.reduction(.meanDType(input.dtype)) }
    let (oh, ow) = (height ?? layout.height, width ?? layout.width)
    guard oh >= 0 && ow >= 0 else {
      throw TensorError.pooling(.negativeAdaptiveSize(height: oh, width: ow))
    }
    let shape = layout.outputShape(channels: layout.channels, height: oh, width: ow)
    _ = try checkedAllocation(shape, dtype: .float32, what: "adaptive_avg_pool2d")
    let plan = AdaptivePlan(layout, outputHeight: oh, outputWidth: ow)
    let x = input.floats
    var y = [Float](repeating: 0, count: elementCount(shape))
    plan.forEachWindow { plane, o, rows, columns in
      var sum: Float = 0
      for r in rows {
        for c in columns { sum += x[plane * plan.inputPlane + r * layout.width + c] }
      }
      y[o] = sum / Float(rows.count * columns.count)
    }
    return Tensor.result(
      shape: shape, floats: y, name: "AdaptiveAvgPool2DBackward0", inputs: [input]
    ) { dy in
      var dx = [Float](repeating: 0, count: x.count)
      plan.forEachWindow { plane, o, rows, columns in
        let share = dy[o] / Float(rows.count * columns.count)
        for r in rows {
          for c in columns { dx[plane * plan.inputPlane + r * layout.width + c] += share }
        }
      }
      return [dx]
    }
  }

  /// The maximum of each adaptive window and its flat index within the input plane (`h * W + w`),
  /// as `torch.nn.functional.adaptive_max_pool2d(..., return_indices=True)`; windows as
  /// `adaptiveAvgPool2d`. Input planes must not be empty. The values' grad_fn is
  /// `AdaptiveMaxPool2DBackward0`.
  public static func adaptiveMaxPool2dWithIndices(_ input: Tensor, height: Int?, width: Int?)
    throws -> (values: Tensor, indices: Tensor)
  {
    guard let layout = ImageLayout(input.shape) else {
      throw TensorError.pooling(.adaptiveInputRank(op: "adaptive_max_pool2d", shape: input.shape))
    }
    for dim in 1..<input.rank where input.shape[dim] == 0 {
      throw TensorError.pooling(.adaptiveEmptyDimension(shape: input.shape, dim: dim))
    }
    try requireFloat(input, "adaptive_max_pool2d")
    let (oh, ow) = (height ?? layout.height, width ?? layout.width)
    let shape = layout.outputShape(channels: layout.channels, height: oh, width: ow)
    _ = try checkedAllocation(shape, dtype: .float32, what: "adaptive_max_pool2d")
    _ = try checkedAllocation(shape, dtype: .int64, what: "adaptive_max_pool2d")
    let plan = AdaptivePlan(layout, outputHeight: oh, outputWidth: ow)
    let x = input.floats
    var y = [Float](repeating: 0, count: elementCount(shape))
    var argmax = [Int64](repeating: 0, count: y.count)
    plan.forEachWindow { plane, o, rows, columns in
      var best = -Float.infinity
      var at = rows.lowerBound * layout.width + columns.lowerBound
      for r in rows {
        for c in columns {
          let value = x[plane * plan.inputPlane + r * layout.width + c]
          // NaN wins, as in PyTorch.
          if value > best || value.isNaN {
            best = value
            at = r * layout.width + c
            if value.isNaN { break }
          }
        }
      }
      y[o] = best
      argmax[o] = Int64(at)
    }
    let values = Tensor.result(
      shape: shape, floats: y, name: "AdaptiveMaxPool2DBackward0", inputs: [input]
    ) { dy in
      var dx = [Float](repeating: 0, count: x.count)
      plan.forEachWindow { plane, o, _, _ in dx[plane * plan.inputPlane + Int(argmax[o])] += dy[o] }
      return [dx]
    }
    return (values, Tensor(shape: shape, ints: argmax))
  }

  /// `adaptiveMaxPool2dWithIndices` without the indices.
  public static func adaptiveMaxPool2d(_ input: Tensor, height: Int?, width: Int?) throws -> Tensor
  {
    try adaptiveMaxPool2dWithIndices(input, height: height, width: width).values
  }
}

/// The windows of adaptive pooling over `planes` input planes of `H x W` to `OH x OW`.
struct AdaptivePlan {
  let planes: Int
  let inputPlane: Int
  let rowWindows: [Range<Int>]
  let columnWindows: [Range<Int>]

  init(_ layout: ImageLayout, outputHeight: Int, outputWidth: Int) {
    planes = layout.batch * layout.channels
    inputPlane = layout.height * layout.width
    rowWindows = planes == 0 ? [] : Self.windows(input: layout.height, output: outputHeight)
    columnWindows = planes == 0 ? [] : Self.windows(input: layout.width, output: outputWidth)
  }

  /// `floor(i * input / output) ..< ceil((i + 1) * input / output)` for each output index `i`.
  /// The caller checked the output's size, so the products fit.
  static func windows(input: Int, output: Int) -> [Range<Int>] {
    (0..<output).map { i in (i * input / output)..<(((i + 1) * input + output - 1) / output) }
  }

  /// Calls `body(plane, outputIndex, rows, columns)` for every output element, in order.
  func forEachWindow(_ body: (Int, Int, Range<Int>, Range<Int>) -> Void) {
    var o = 0
    for plane in 0..<planes {
      for rows in rowWindows {
        for columns in columnWindows {
          body(plane, o, rows, columns)
          o += 1
        }
      }
    }
  }
}
