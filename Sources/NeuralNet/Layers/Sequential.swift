/// `nn.Sequential`: runs its children in order, each on the previous one's output. Children are
/// registered as `0`, `1`, ... as in PyTorch.
public final class Sequential: Module {
  public init(_ layers: [Module]) {
    super.init()
    for (index, layer) in layers.enumerated() { registerModule(String(index), layer) }
  }

  /// The layers in order.
  public var layers: [Module] { namedChildren.map(\.module) }

  public override func forward(_ input: Tensor) throws -> Tensor {
    try layers.reduce(input) { try $1($0) }
  }
}
