/// `nn.Conv2d`: a 2-D convolution over NCHW images with learned filters.
///
/// input `(N, inChannels, H, W)` -> output `(N, outChannels, OH, OW)`;
/// weight `(outChannels, inChannels / groups, kernelH, kernelW)`, bias `(outChannels)`.
public final class Conv2d: Module {
  public let inChannels: Int
  public let outChannels: Int
  public let kernelSize: Size2D
  public let stride: Size2D
  public let padding: Conv2dPadding
  public let dilation: Size2D
  public let groups: Int

  /// The filters `(outChannels, inChannels / groups, kernelH, kernelW)`; replaced when lesson
  /// code assigns a new `weight`.
  public private(set) var weight: Tensor
  /// The per-filter offsets `(outChannels)`, or nil with `bias=False`.
  public private(set) var bias: Tensor?

  /// Draws weight and bias with PyTorch's default bounds (see `Initialization`). Throws PyTorch's
  /// errors for the arguments `conv2d` checks (strides, dilations, groups, `padding='same'` with a
  /// stride) now rather than at the first call, and for channel counts that do not split into
  /// the groups; a kernel that does not fit the input is found by the first call.
  public init(
    inChannels: Int, outChannels: Int, kernelSize: Size2D, stride: Size2D = Size2D(1),
    padding: Conv2dPadding = .explicit(Size2D(0)), dilation: Size2D = Size2D(1), groups: Int = 1,
    bias: Bool = true, generator: Generator
  ) throws {
    guard inChannels > 0, outChannels > 0 else {
      throw NeuralNetError.nonPositiveChannels(inChannels: inChannels, outChannels: outChannels)
    }
    try Functional.checkConv2dArguments(
      stride: stride, padding: padding, dilation: dilation, groups: groups)
    for (argument, channels) in [("in_channels", inChannels), ("out_channels", outChannels)]
    where channels % groups != 0 {
      throw NeuralNetError.channelsNotDivisible(argument: argument, groups: groups)
    }
    self.inChannels = inChannels
    self.outChannels = outChannels
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
    let (weight, fanIn) = try Initialization.weight(
      [outChannels, inChannels / groups, kernelSize.height, kernelSize.width], generator: generator)
    self.weight = weight
    self.bias =
      bias ? try Initialization.bias(outChannels, fanIn: fanIn, generator: generator) : nil
    super.init()
    try registerParameter("weight", weight)
    if let bias = self.bias { try registerParameter("bias", bias) }
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.conv2d(
      input, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
  }

  public override func parameterWillChange(_ name: String, to tensor: Tensor?) throws {
    try replaceWeightOrBias(name, with: tensor, weight: &weight, bias: &bias, module: typeName)
  }

  public override var extraDescription: String {
    var text =
      "\(inChannels), \(outChannels), kernel_size=\(pairText(kernelSize)), stride=\(pairText(stride))"
    switch padding {
    case .explicit(let size) where size != Size2D(0): text += ", padding=\(pairText(size))"
    case .same: text += ", padding=same"
    case .valid: text += ", padding=valid"
    default: break
    }
    if dilation != Size2D(1) { text += ", dilation=\(pairText(dilation))" }
    if groups != 1 { text += ", groups=\(groups)" }
    if bias == nil { text += ", bias=False" }
    return text
  }
}

/// PyTorch's tuple text for a pair: `(5, 5)`.
func pairText(_ size: Size2D) -> String {
  "(\(size.height), \(size.width))"
}
