/// `nn.Linear`: `y = x W^T + b`.
///
/// input `(*, inFeatures)` -> output `(*, outFeatures)`; weight `(outFeatures, inFeatures)`,
/// bias `(outFeatures)`.
public final class Linear: Module {
  public let inFeatures: Int
  public let outFeatures: Int

  /// The weight `(outFeatures, inFeatures)`; replaced when lesson code assigns a new `weight`.
  public private(set) var weight: Tensor
  /// The bias `(outFeatures)`, or nil with `bias=False`.
  public private(set) var bias: Tensor?

  /// Draws weight and bias with PyTorch's default bounds (see `Initialization`).
  public init(inFeatures: Int, outFeatures: Int, bias: Bool = true, generator: Generator) throws {
    guard inFeatures >= 0, outFeatures >= 0 else {
      throw NeuralNetError.negativeFeatures(inFeatures: inFeatures, outFeatures: outFeatures)
    }
    self.inFeatures = inFeatures
    self.outFeatures = outFeatures
    let (weight, fanIn) = try Initialization.weight(
      [outFeatures, inFeatures], generator: generator)
    self.weight = weight
    self.bias =
      bias ? try Initialization.bias(outFeatures, fanIn: fanIn, generator: generator) : nil
    super.init()
    try registerParameter("weight", weight)
    if let bias = self.bias { try registerParameter("bias", bias) }
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try Functional.linear(input, weight: weight, bias: bias)
  }

  public override func parameterWillChange(_ name: String, to tensor: Tensor?) throws {
    try replaceWeightOrBias(name, with: tensor, weight: &weight, bias: &bias, module: typeName)
  }

  public override var extraDescription: String {
    "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
  }
}

/// Keeps a layer's typed `weight` (required) and `bias` (optional) in step with its registered
/// parameters when lesson code assigns or removes one.
func replaceWeightOrBias(
  _ name: String, with tensor: Tensor?, weight: inout Tensor, bias: inout Tensor?, module: String
) throws {
  switch name {
  case "weight":
    guard let tensor else { throw NeuralNetError.requiredParameter(module: module, name: name) }
    weight = tensor
  case "bias":
    bias = tensor
  default:
    break
  }
}
