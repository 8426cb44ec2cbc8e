/// Convolution and pooling "in action": the window sliding over one channel of an input, step by
/// step, with the numbers it sums (or takes the maximum or mean of) into each output cell.

/// One 2-D window operation on one channel, with every step it takes, drawn as an animation
/// (`svg()`: SMIL, no script; `terminalFrames`: a short sequence of text frames).
///
/// Geometry is PyTorch's: the input is padded by `padding` on each side (zeros for `conv2d` and
/// `avg_pool2d`, which counts the padding in its mean as `count_include_pad=True` does; nothing
/// for `max_pool2d`), the window's taps are `dilation` apart, and it moves by `stride`, so the
/// output is `(H + 2P - D(K - 1) - 1) / S + 1` a side. Steps go row by row, as the output fills.
public struct WindowAnimation: Equatable, Sendable {
  /// The operation the window does.
  public enum Operation: String, Equatable, Sendable, CaseIterable {
    /// Products with the kernel, summed (a convolution without bias, as a CNN computes it: a
    /// cross-correlation).
    case conv2d
    /// The largest value under the window.
    case maxPool2d = "max_pool2d"
    /// The mean of the values under the window (padding counted).
    case avgPool2d = "avg_pool2d"
  }

  /// A height and a width (a size, or a per-axis stride, padding or dilation).
  public struct Pair: Equatable, Sendable {
    public let height: Int
    public let width: Int

    public init(_ height: Int, _ width: Int) {
      self.height = height
      self.width = width
    }

    /// `3x3`, or `2` when both are the same and `square` is asked for.
    func text(square: Bool = false) -> String {
      square && height == width ? "\(height)" : "\(height)x\(width)"
    }
  }

  /// One position of the window: the output cell it fills and the input cells (in padded
  /// coordinates) it reads, with the value it gives.
  public struct Step: Equatable, Sendable {
    /// The output cell's row and column.
    public let row: Int
    public let column: Int
    /// The taps' padded-input positions, row by row of the kernel.
    public let taps: [(row: Int, column: Int)]
    /// The output value.
    public let value: Double
    /// The arithmetic written out: `1×1 + 2×0 + 4×0 + 5×1 = 6`, `max(1, 2, 4, 5) = 5`.
    public let equation: String

    public static func == (lhs: Step, rhs: Step) -> Bool {
      lhs.row == rhs.row && lhs.column == rhs.column && lhs.value == rhs.value
        && lhs.equation == rhs.equation
        && lhs.taps.elementsEqual(rhs.taps) { $0.row == $1.row && $0.column == $1.column }
    }
  }

  /// The largest padded input drawn, a side: the numbers must stay readable.
  public static let maximumSide = 16
  /// The most window positions animated.
  public static let maximumSteps = 64

  public let operation: Operation
  /// The input, `H` rows of `W` values, before padding.
  public let input: [[Double]]
  /// The kernel's weights for `conv2d` (`KH` rows of `KW`); nil for pooling.
  public let kernel: [[Double]]?
  public let kernelSize: Pair
  public let stride: Pair
  public let padding: Pair
  public let dilation: Pair
  /// The output, filled step by step.
  public let output: [[Double]]
  /// Every window position, in order.
  public let steps: [Step]

  /// An animation of `operation` over `input`; throws PyTorch's error for a geometry PyTorch
  /// rejects, and says what to do for an input too large to draw.
  public init(
    _ operation: Operation, input: [[Double]], kernel: [[Double]]? = nil, kernelSize: Pair,
    stride: Pair, padding: Pair = Pair(0, 0), dilation: Pair = Pair(1, 1)
  ) throws(FigureError) {
    let height = input.count
    let width = input.first?.count ?? 0
    guard height > 0, width > 0, input.allSatisfy({ $0.count == width }) else {
      throw FigureError(.valueError, "the input to animate must be a non-empty 2-D grid")
    }
    if let kernel {
      guard kernel.count == kernelSize.height, kernel.allSatisfy({ $0.count == kernelSize.width })
      else { throw FigureError(.valueError, "the kernel must be \(kernelSize.text())") }
    }
    for (name, pair, least) in [
      ("kernel_size", kernelSize, 1), ("stride", stride, 1), ("padding", padding, 0),
      ("dilation", dilation, 1),
    ] where pair.height < least || pair.width < least {
      throw FigureError(
        .valueError,
        least == 0
          ? "negative padding is not supported"
          : "\(name) must be greater than zero, but got \(pair.text())")
    }
    let limit = Self.maximumSide
    guard height + 2 * min(padding.height, limit) <= limit,
      width + 2 * min(padding.width, limit) <= limit,
      kernelSize.height <= limit, kernelSize.width <= limit,
      dilation.height <= limit, dilation.width <= limit
    else {
      throw FigureError(
        .valueError,
        "an animation draws at most \(limit)x\(limit) input cells (padding included), "
          + "got \(height)x\(width) with padding \(padding.text(square: true))",
        note: "animate a corner of the input, e.g. x[:6, :6]")
    }
    let padded = Pair(height + 2 * padding.height, width + 2 * padding.width)
    if operation != .conv2d,
      padding.height * 2 > kernelSize.height || padding.width * 2 > kernelSize.width
    {
      throw FigureError(
        .runtimeError,
        "pad should be at most half of effective kernel size, but got pad=\(padding.text(square: true)), "
          + "kernel_size=\(kernelSize.text(square: true)) and dilation=\(dilation.text(square: true))"
      )
    }
    let extent = Pair(
      dilation.height * (kernelSize.height - 1) + 1, dilation.width * (kernelSize.width - 1) + 1)
    let rows = (padded.height - extent.height) / stride.height + 1
    let columns = (padded.width - extent.width) / stride.width + 1
    guard padded.height >= extent.height, padded.width >= extent.width
    else {
      throw FigureError(
        .runtimeError,
        "Calculated padded input size per channel: (\(padded.height) x \(padded.width)). "
          + "Kernel size: (\(extent.height) x \(extent.width)). Kernel size can't be greater than actual input size"
      )
    }
    guard rows * columns <= Self.maximumSteps else {
      throw FigureError(
        .valueError,
        "an animation shows at most \(Self.maximumSteps) window positions, this one has "
          + "\(rows) x \(columns) = \(rows * columns)",
        note: "animate a smaller input, or a larger stride")
    }
    self.operation = operation
    self.input = input
    self.kernel = kernel
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    self.dilation = dilation

    var steps: [Step] = []
    var output = [[Double]](repeating: [Double](repeating: 0, count: columns), count: rows)
    for row in 0..<rows {
      for column in 0..<columns {
        var taps: [(row: Int, column: Int)] = []
        var values: [Double?] = []
        var weights: [Double] = []
        for a in 0..<kernelSize.height {
          for b in 0..<kernelSize.width {
            let tap = (
              row: row * stride.height + a * dilation.height,
              column: column * stride.width + b * dilation.width
            )
            taps.append(tap)
            values.append(Self.value(input, padding: padding, at: tap))
            weights.append(kernel?[a][b] ?? 1)
          }
        }
        let (value, equation) = Self.apply(operation, values: values, weights: weights)
        output[row][column] = value
        steps.append(Step(row: row, column: column, taps: taps, value: value, equation: equation))
      }
    }
    self.output = output
    self.steps = steps
  }

  /// The padded input's height and width.
  public var paddedSize: Pair {
    Pair(input.count + 2 * padding.height, (input.first?.count ?? 0) + 2 * padding.width)
  }

  /// The output's height and width.
  public var outputSize: Pair { Pair(output.count, output.first?.count ?? 0) }

  /// The input's value at a padded position, nil in the padding.
  static func value(_ input: [[Double]], padding: Pair, at position: (row: Int, column: Int))
    -> Double?
  {
    let row = position.row - padding.height
    let column = position.column - padding.width
    guard input.indices.contains(row), input[row].indices.contains(column) else { return nil }
    return input[row][column]
  }

  /// The value at a padded position as drawn: nil in the padding of `max_pool2d` (which has no
  /// value there), zero in the padding of the others.
  public func paddedValue(row: Int, column: Int) -> Double? {
    Self.value(input, padding: padding, at: (row, column)) ?? (operation == .maxPool2d ? nil : 0)
  }

  /// The output value and the arithmetic written out, for the window's values (nil: padding).
  static func apply(_ operation: Operation, values: [Double?], weights: [Double]) -> (
    Double, String
  ) {
    switch operation {
    case .conv2d:
      let terms = zip(values, weights).map { ($0 ?? 0, $1) }
      let sum = terms.reduce(0) { $0 + $1.0 * $1.1 }
      let text = terms.map { value, weight in
        let factor = animationNumber(weight)
        return animationNumber(value) + "×" + (weight < 0 ? "(\(factor))" : factor)
      }
      .joined(separator: " + ")
      return (sum, text + " = " + animationNumber(sum))
    case .maxPool2d:
      let present = values.compactMap { $0 }
      let largest = present.max() ?? -.infinity
      return (
        largest,
        "max(" + present.map(animationNumber).joined(separator: ", ") + ") = "
          + animationNumber(largest)
      )
    case .avgPool2d:
      let present = values.map { $0 ?? 0 }
      let mean = present.reduce(0, +) / Double(max(present.count, 1))
      return (
        mean,
        "(" + present.map(animationNumber).joined(separator: " + ") + ") / \(present.count) = "
          + animationNumber(mean)
      )
    }
  }

  /// `conv2d 3x3 -> 2x2, kernel 2x2, stride 1`: the operation, sizes and the options that are
  /// not their defaults (stride always).
  public var caption: String {
    var parts = [
      "\(operation.rawValue) \(Pair(input.count, input.first?.count ?? 0).text()) -> \(outputSize.text())",
      "kernel \(kernelSize.text())", "stride \(stride.text(square: true))",
    ]
    if padding != Pair(0, 0) { parts.append("padding \(padding.text(square: true))") }
    if dilation != Pair(1, 1) { parts.append("dilation \(dilation.text(square: true))") }
    return parts.joined(separator: ", ")
  }
}

/// A number as the animation shows it: `formatNumber`'s short form (`12`, `0.5`, `1.667`,
/// `-inf`), without a negative zero.
func animationNumber(_ value: Double) -> String {
  formatNumber(value == 0 ? 0 : value)
}
