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
      throw TensorError(
        "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: \(shapeText(input))"
      )
    }
    // PyTorch checks an unbatched input as a batch of one, and says so in its messages.
    let batchedText = shapeText([layout.batch, layout.channels, layout.height, layout.width])
    guard groups > 0 else { throw TensorError("non-positive groups is not supported") }
    let weightText = shapeText(weight)
    guard weight.count == 4 else {
      throw TensorError(
        "Expected \(weight.count)-dimensional input for \(weight.count)-dimensional weight \(weightText), "
          + "but got 4-dimensional input of size \(batchedText) instead",
        notes: [
          "a conv2d weight has shape (out_channels, in_channels / groups, kernel_h, kernel_w)"
        ])
    }
    guard weight[0] >= groups else {
      throw TensorError(
        "Given groups=\(groups), expected weight to be at least \(groups) at dimension 0, but got "
          + "weight of size \(weightText) instead")
    }
    guard weight[0] % groups == 0 else {
      throw TensorError(
        "Given groups=\(groups), expected weight to be divisible by \(groups) at dimension 0, but got "
          + "weight of size [\(weightText)] instead",
        notes: ["the \(weight[0]) output channels must split evenly into \(groups) groups"])
    }
    guard layout.channels == weight[1] * groups else {
      throw TensorError(
        "Given groups=\(groups), weight of size \(weightText), expected input\(batchedText) to have "
          + "\(weight[1] * groups) channels, but got \(layout.channels) channels instead",
        notes: [
          "the weight expects \(weight[1] * groups) input channels, the input has \(layout.channels)"
        ])
    }
    if let bias, bias != [weight[0]] {
      throw TensorError(
        "Given weight of size \(weightText), expected bias to be 1-dimensional with \(weight[0]) "
          + "elements, but got bias of size \(shapeText(bias)) instead")
    }
    guard !weight.contains(0) && layout.height > 0 && layout.width > 0 else {
      throw TensorError(
        "conv2d: expected non-empty weight and input planes, but got weight of size \(weightText) "
          + "and input of size \(batchedText)",
        notes: ["only the batch dimension of a conv2d input may be 0"])
    }
    let kernel = Size2D(weight[2], weight[3])
    let (padBegin, padEnd) = try Self.padding(
      padding, kernel: kernel, stride: stride, dilation: dilation)
    self.layout = layout
    self.window = try Window2D.convolution(
      layout, kernel: kernel, stride: stride, padBegin: padBegin, padEnd: padEnd, dilation: dilation
    )
    self.outChannels = weight[0]
    self.groups = groups
  }

  /// The padding before and after the input along each axis.
  private static func padding(
    _ padding: Conv2dPadding, kernel: Size2D, stride: Size2D, dilation: Size2D
  ) throws -> (begin: Size2D, end: Size2D) {
    switch padding {
    case .explicit(let size):
      return (size, size)
    case .valid:
      return (Size2D(0), Size2D(0))
    case .same:
      guard stride == Size2D(1) else {
        throw TensorError(
          "padding='same' is not supported for strided convolutions",
          notes: ["use stride=1 with padding='same', or give the padding as numbers"])
      }
      let total = Size2D(dilation.height * (kernel.height - 1), dilation.width * (kernel.width - 1))
      let begin = Size2D(total.height / 2, total.width / 2)
      return (begin, Size2D(total.height - begin.height, total.width - begin.width))
    }
  }
}

extension Functional {
  /// Throws PyTorch's dtype errors unless the input, weight and bias of a conv2d are float32.
  static func checkConvDTypes(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws {
    for other in [weight, bias].compactMap({ $0 }) where other.dtype != input.dtype {
      throw TensorError(
        "expected scalar type \(input.dtype.scalarTypeName) but found \(other.dtype.scalarTypeName)",
        notes: ["the input is \(input.dtype) but the layer's parameters are \(other.dtype)"])
    }
    try requireFloat(input, "slow_conv2d_cpu")
  }
}
