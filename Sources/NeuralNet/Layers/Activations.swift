/// `nn.ReLU`: `max(0, x)` element-wise.
public final class ReLU: Module {
  public override init() {}

  public override func forward(_ input: Tensor) throws -> Tensor { try Functional.relu(input) }
}

/// `nn.Softmax(dim)`: probabilities along `dim`.
public final class Softmax: Module {
  public let dim: Int?

  public init(dim: Int?) { self.dim = dim }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.softmax(input, dim: dim ?? implicitSoftmaxDim(rank: input.rank))
  }

  public override var extraDescription: String { "dim=\(dim.map(String.init) ?? "None")" }
}

/// `nn.LogSoftmax(dim)`: log-probabilities along `dim`.
public final class LogSoftmax: Module {
  public let dim: Int?

  public init(dim: Int?) { self.dim = dim }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.logSoftmax(input, dim: dim ?? implicitSoftmaxDim(rank: input.rank))
  }

  public override var extraDescription: String { "dim=\(dim.map(String.init) ?? "None")" }
}

/// The dimension old PyTorch chose when softmax was called without `dim` (with a deprecation
/// warning): 0 for 0-, 1- and 3-D inputs, 1 otherwise.
public func implicitSoftmaxDim(rank: Int) -> Int {
  rank == 0 || rank == 1 || rank == 3 ? 0 : 1
}

/// `nn.Dropout(p)`: while training, zeroes each element with probability `p` and scales the rest by
/// `1 / (1 - p)`; the identity in eval mode.
public final class Dropout: Module {
  public let p: Double
  private let generator: Generator

  public init(p: Double = 0.5, generator: Generator) throws {
    try Functional.checkDropoutProbability(p)
    self.p = p
    self.generator = generator
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.dropout(input, p: p, training: training, generator: generator)
  }

  public override var extraDescription: String { "p=\(p), inplace=False" }
}

/// `nn.Dropout2d(p)`: while training, zeroes whole channels with probability `p` and scales the
/// rest by `1 / (1 - p)`; the identity in eval mode.
public final class Dropout2d: Module {
  public let p: Double
  private let generator: Generator

  public init(p: Double = 0.5, generator: Generator) throws {
    try Functional.checkDropoutProbability(p)
    self.p = p
    self.generator = generator
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.dropout2d(input, p: p, training: training, generator: generator)
  }

  public override var extraDescription: String { "p=\(p), inplace=False" }
}

/// `nn.Flatten(start_dim=1, end_dim=-1)`: merges the dimensions from `startDim` to `endDim`.
public final class Flatten: Module {
  public let startDim: Int
  public let endDim: Int

  public init(startDim: Int = 1, endDim: Int = -1) {
    self.startDim = startDim
    self.endDim = endDim
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try input.flattened(startDim: startDim, endDim: endDim)
  }

  public override var extraDescription: String { "start_dim=\(startDim), end_dim=\(endDim)" }
}
