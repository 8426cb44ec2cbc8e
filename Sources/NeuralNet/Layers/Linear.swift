/// `nn.Linear`: `y = x W^T + b`.
///
/// input `(*, inFeatures)` -> output `(*, outFeatures)`; weight `(outFeatures, inFeatures)`,
/// bias `(outFeatures)`.
public final class Linear: Module {
  public let inFeatures: Int
  public let outFeatures: Int

  public var weight: Tensor { parameter(named: "weight") ?? Tensor(shape: [0], floats: []) }
  public var bias: Tensor? { parameter(named: "bias") }

  /// Draws weight and bias with PyTorch's default bounds (see `Initialization`).
  public init(inFeatures: Int, outFeatures: Int, bias: Bool = true, generator: Generator) throws {
    guard inFeatures >= 0, outFeatures >= 0 else {
      throw TensorError("Linear: in_features and out_features must be non-negative integers")
    }
    self.inFeatures = inFeatures
    self.outFeatures = outFeatures
    super.init()
    try registerParameter(
      "weight",
      Initialization.uniformFanIn(
        [outFeatures, inFeatures], fanIn: inFeatures, generator: generator))
    if bias {
      try registerParameter(
        "bias", Initialization.uniformFanIn([outFeatures], fanIn: inFeatures, generator: generator))
    }
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.linear(input, weight: weight, bias: bias)
  }

  public override var extraDescription: String {
    "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
  }
}
