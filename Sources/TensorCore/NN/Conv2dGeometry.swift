/// The arguments of `conv2d`, checked once: padding modes, PyTorch's shape errors, and the geometry
/// (sizes per group, windows) the forward and backward kernels share.

/// How `conv2d` pads its input (PyTorch's `padding=`: an int or pair, `'same'` or `'valid'`).
public enum Conv2dPadding: Equatable, Sendable {
  /// Zero padding of `height` rows above and below and `width` columns left and right.
  case explicit(Size2D)
  /// Pads so the output has the input's size (stride 1 only). When the total padding
  /// `dilation * (kernel - 1)` is odd, the extra row or column goes after the input, as in PyTorch.
  case same
  /// No padding; the same as `.explicit(Size2D(0))`.
  case valid
}

/// The checked sizes of one `conv2d` call.
///
/// Legend: N, C, H, W = input; OC, CG = C / G, KH, KW = weight; OH, OW = output; G = groups.
struct Conv2dGeometry {
  let layout: ImageLayout
  let window: Window2D
  let outChannels: Int
  let groups: Int

  var inChannelsPerGroup: Int { layout.channels / groups }
  var outChannelsPerGroup: Int { outChannels / groups }
  /// Elements per input plane: `H * W`.
  var planeSize: Int { layout.height * layout.width }
  /// Rows of the im2col matrix of one group: `CG * KH * KW`.
  var columnRows: Int { inChannelsPerGroup * window.kernelCount }
  var outputShape: [Int] {
    layout.outputShape(
      channels: outChannels, height: window.rows.outputSize, width: window.cols.outputSize)
  }

  /// Checks shapes and arguments in PyTorch's order, with its messages.
  init(
    input: [Int], weight: [Int], bias: [Int]?, stride: Size2D, padding: Conv2dPadding,
    dilation: Size2D, groups: Int
  ) throws {
    guard let layout = ImageLayout(input) else {
      throw TensorError.convolution(.inputRank(input: input))
    }
    try Functional.checkConv2dArguments(
      stride: stride, padding: padding, dilation: dilation, groups: groups)
    // PyTorch checks an unbatched input as a batch of one, and says so in its messages.
    let batched = [layout.batch, layout.channels, layout.height, layout.width]
    guard weight.count == 4 else {
      throw TensorError.convolution(.weightRank(weight: weight, input: batched))
    }
    guard weight[0] >= groups else {
      throw TensorError.convolution(.tooFewFilters(groups: groups, weight: weight))
    }
    guard weight[0] % groups == 0 else {
      throw TensorError.convolution(.filtersNotDivisible(groups: groups, weight: weight))
    }
    guard layout.channels == weight[1] * groups else {
      throw TensorError.convolution(
        .channelMismatch(groups: groups, weight: weight, input: batched))
    }
    if let bias, bias != [weight[0]] {
      throw TensorError.convolution(.biasShape(weight: weight, bias: bias))
    }
    guard !weight.contains(0) && layout.height > 0 && layout.width > 0 else {
      throw TensorError.convolution(.emptyPlanes(weight: weight, input: batched))
    }
    let kernel = Size2D(weight[2], weight[3])
    let (padBegin, padEnd) = Self.padding(padding, kernel: kernel, dilation: dilation)
    self.layout = layout
    self.window = try Window2D.convolution(
      layout, kernel: kernel, stride: stride, padBegin: padBegin, padEnd: padEnd, dilation: dilation
    )
    self.outChannels = weight[0]
    self.groups = groups
    _ = try checkedAllocation(outputShape, dtype: .float32, what: "conv2d")
    _ = try checkedAllocation([workingElements], dtype: .float32, what: "conv2d's working memory")
  }

  /// The floats the kernels allocate besides the result (see `ConvPlan`), at most: per worker
  /// thread (2) a column block `K x 256` and a dOut block `OCG x 256`, and two padded input groups
  /// `CG x Hp x Wp`; the packed and the per-thread weight copies (3 weights). Saturates, so
  /// `checkedAllocation` rejects absurd sizes instead of overflowing.
  var workingElements: Int {
    let block = columnBlockStride(convColumnBlock)
    let padded = window.rows.inputSize.saturatingAdd(window.rows.padBegin)
      .saturatingAdd(window.rows.padEnd)
      .saturatingMultiply(
        window.cols.inputSize.saturatingAdd(window.cols.padBegin).saturatingAdd(
          window.cols.padEnd))
    let perWorker = columnRows.saturatingMultiply(block)
      .saturatingAdd(outChannelsPerGroup.saturatingMultiply(block))
      .saturatingAdd(inChannelsPerGroup.saturatingMultiply(padded).saturatingMultiply(2))
    let weights = outChannels.saturatingMultiply(columnRows)
    return perWorker.saturatingMultiply(2).saturatingAdd(weights.saturatingMultiply(3))
  }

  /// The padding before and after the input along each axis (for `.same`, at stride 1, the
  /// total `dilation * (kernel - 1)` split with the odd one after).
  private static func padding(
    _ padding: Conv2dPadding, kernel: Size2D, dilation: Size2D
  ) -> (begin: Size2D, end: Size2D) {
    switch padding {
    case .explicit(let size):
      return (size, size)
    case .valid:
      return (Size2D(0), Size2D(0))
    case .same:
      let total = Size2D(
        dilation.height.saturatingMultiply(kernel.height - 1),
        dilation.width.saturatingMultiply(kernel.width - 1))
      let begin = Size2D(total.height / 2, total.width / 2)
      return (begin, Size2D(total.height - begin.height, total.width - begin.width))
    }
  }
}

extension Functional {
  /// Throws PyTorch's errors for the arguments of `conv2d` that do not depend on the shapes:
  /// `padding='same'` with a stride, groups below 1, negative padding, strides and dilations
  /// below 1. `nn.Conv2d` checks them when it is made, `conv2d` before the shapes.
  public static func checkConv2dArguments(
    stride: Size2D, padding: Conv2dPadding, dilation: Size2D, groups: Int
  ) throws {
    if case .same = padding, stride != Size2D(1) {
      throw TensorError.convolution(.sameWithStride)
    }
    guard groups > 0 else { throw TensorError.convolution(.nonPositiveGroups(groups)) }
    if case .explicit(let size) = padding, min(size.height, size.width) < 0 {
      throw TensorError.convolution(.negativePadding(size))
    }
    guard stride.height > 0 && stride.width > 0 else {
      throw TensorError.convolution(.nonPositiveStride(stride))
    }
    guard dilation.height > 0 && dilation.width > 0 else {
      throw TensorError.convolution(.nonPositiveDilation(dilation))
    }
  }

  /// Throws PyTorch's dtype errors unless the input, weight and bias of a conv2d are float32.
  static func checkConvDTypes(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws {
    for other in [weight, bias].compactMap({ $0 }) where other.dtype != input.dtype {
      throw TensorError.convolution(.dtypeMismatch(input: input.dtype, parameter: other.dtype))
    }
    try requireFloat(input, "slow_conv2d_cpu")
  }
}
