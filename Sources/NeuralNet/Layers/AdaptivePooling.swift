/// An adaptive pooling output size as the user wrote it, an int or a pair whose entries may be
/// `None` (keep the input's size), so the module prints as PyTorch does
/// (`AdaptiveAvgPool2d(output_size=1)`, `AdaptiveAvgPool2d(output_size=(2, None))`).
public enum AdaptiveOutputSize: Equatable, Sendable, CustomStringConvertible {
  case single(Int?)
  case pair(Int?, Int?)

  public var height: Int? {
    switch self {
    case .single(let size): size
    case .pair(let height, _): height
    }
  }

  public var width: Int? {
    switch self {
    case .single(let size): size
    case .pair(_, let width): width
    }
  }

  public var description: String {
    func text(_ size: Int?) -> String { size.map(String.init) ?? "None" }
    switch self {
    case .single(let size): return text(size)
    case .pair(let height, let width): return "(\(text(height)), \(text(width)))"
    }
  }
}

/// `nn.AdaptiveAvgPool2d(output_size)`: averages over windows chosen to give `output_size`.
public final class AdaptiveAvgPool2d: Module {
  public let outputSize: AdaptiveOutputSize

  public init(outputSize: AdaptiveOutputSize) { self.outputSize = outputSize }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.adaptiveAvgPool2d(input, height: outputSize.height, width: outputSize.width)
  }

  public override var extraDescription: String { "output_size=\(outputSize)" }
}

/// `nn.AdaptiveMaxPool2d(output_size)`: the maximum of windows chosen to give `output_size`.
public final class AdaptiveMaxPool2d: Module {
  public let outputSize: AdaptiveOutputSize

  public init(outputSize: AdaptiveOutputSize) { self.outputSize = outputSize }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.adaptiveMaxPool2d(input, height: outputSize.height, width: outputSize.width)
  }

  public override var extraDescription: String { "output_size=\(outputSize)" }
}
