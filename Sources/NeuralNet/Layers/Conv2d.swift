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

  /// The filters; replaced if lesson code assigns a new `weight`.
  public var weight: Tensor { parameter(named: "weight") ?? Tensor(shape: [0], floats: []) }
  /// The per-filter offsets, or nil with `bias=False`.
  public var bias: Tensor? { parameter(named: "bias") }

  /// Draws weight and bias with PyTorch's default bounds (see `Initialization`).
  public init(
    inChannels: Int, outChannels: Int, kernelSize: Size2D, stride: Size2D = Size2D(1),
    padding: Conv2dPadding = .explicit(Size2D(0)), dilation: Size2D = Size2D(1), groups: Int = 1,
    bias: Bool = true, generator: Generator
  ) throws {
    guard inChannels > 0, outChannels > 0, groups > 0 else {
      throw TensorError("Conv2d: in_channels, out_channels and groups must be positive integers")
    }
    guard inChannels % groups == 0 else {
      throw TensorError("in_channels must be divisible by groups")
    }
    guard outChannels % groups == 0 else {
      throw TensorError("out_channels must be divisible by groups")
    }
    guard kernelSize.height > 0, kernelSize.width > 0, stride.height > 0, stride.width > 0 else {
      throw TensorError("Conv2d: kernel_size and stride must be positive")
    }
    if case .same = padding, stride != Size2D(1) {
      throw TensorError("padding='same' is not supported for strided convolutions")
    }
    self.inChannels = inChannels
    self.outChannels = outChannels
    self.kernelSize = kernelSize
    self.stride = stride
    self.padding = padding
    self.dilation = dilation
    self.groups = groups
    super.init()
    let fanIn = inChannels / groups * kernelSize.height * kernelSize.width
    let weightShape = [outChannels, inChannels / groups, kernelSize.height, kernelSize.width]
    try registerParameter(
      "weight", Initialization.uniformFanIn(weightShape, fanIn: fanIn, generator: generator))
    if bias {
      try registerParameter(
        "bias", Initialization.uniformFanIn([outChannels], fanIn: fanIn, generator: generator))
    }
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.conv2d(
      input, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
      groups: groups)
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
