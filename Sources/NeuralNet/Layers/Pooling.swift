/// A pooling argument as the user wrote it, an int or a pair, so the module prints as PyTorch does
/// (`MaxPool2d(kernel_size=2, ...)` but `MaxPool2d(kernel_size=(2, 3), ...)`).
public enum PoolArgument: Equatable, Sendable, CustomStringConvertible {
  case single(Int)
  case pair(Int, Int)

  public var size: Size2D {
    switch self {
    case .single(let value): return Size2D(value)
    case .pair(let height, let width): return Size2D(height, width)
    }
  }

  public var description: String {
    switch self {
    case .single(let value): return String(value)
    case .pair(let height, let width): return "(\(height), \(width))"
    }
  }
}

/// `nn.MaxPool2d`: the maximum of each window. Stride defaults to the kernel size.
public final class MaxPool2d: Module {
  public let kernelSize: PoolArgument
  public let stride: PoolArgument
  public let padding: PoolArgument
  public let dilation: PoolArgument
  public let ceilMode: Bool

  public init(
    kernelSize: PoolArgument, stride: PoolArgument? = nil, padding: PoolArgument = .single(0),
    dilation: PoolArgument = .single(1), ceilMode: Bool = false
  ) {
    self.kernelSize = kernelSize
    self.stride = stride ?? kernelSize
    self.padding = padding
    self.dilation = dilation
    self.ceilMode = ceilMode
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.maxPool2d(
      input, kernelSize: kernelSize.size, stride: stride.size, padding: padding.size,
      dilation: dilation.size, ceilMode: ceilMode)
  }

  public override var extraDescription: String {
    "kernel_size=\(kernelSize), stride=\(stride), padding=\(padding), dilation=\(dilation), "
      + "ceil_mode=\(ceilMode ? "True" : "False")"
  }
}

/// `nn.AvgPool2d`: the mean of each window. Stride defaults to the kernel size.
public final class AvgPool2d: Module {
  public let kernelSize: PoolArgument
  public let stride: PoolArgument
  public let padding: PoolArgument
  public let ceilMode: Bool
  public let countIncludePad: Bool

  public init(
    kernelSize: PoolArgument, stride: PoolArgument? = nil, padding: PoolArgument = .single(0),
    ceilMode: Bool = false, countIncludePad: Bool = true
  ) {
    self.kernelSize = kernelSize
    self.stride = stride ?? kernelSize
    self.padding = padding
    self.ceilMode = ceilMode
    self.countIncludePad = countIncludePad
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.avgPool2d(
      input, kernelSize: kernelSize.size, stride: stride.size, padding: padding.size,
      ceilMode: ceilMode, countIncludePad: countIncludePad)
  }

  public override var extraDescription: String {
    "kernel_size=\(kernelSize), stride=\(stride), padding=\(padding)"
  }
}
