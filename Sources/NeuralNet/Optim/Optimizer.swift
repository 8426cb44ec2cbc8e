/// The base of `optim.SGD` and `optim.Adam`: holds the parameters and clears their gradients.
open class Optimizer {
  /// The tensors updated by `step()`, in the order given.
  public let parameters: [Tensor]

  public init(parameters: [Tensor]) throws {
    guard !parameters.isEmpty else { throw TensorError("optimizer got an empty parameter list") }
    self.parameters = parameters
  }

  /// Clears every parameter's gradient (PyTorch 2's default `set_to_none=True`).
  public func zeroGrad() {
    for parameter in parameters { parameter.grad = nil }
  }

  /// Updates every parameter that has a gradient.
  open func step() throws {}

  /// The class name and hyper-parameters, as PyTorch prints an optimizer.
  open var typeName: String { String(describing: type(of: self)) }
  open var hyperParameterLines: [String] { [] }
}

extension Optimizer: CustomStringConvertible {
  public var description: String {
    (["\(typeName) (", "Parameter Group 0"] + hyperParameterLines.map { "    " + $0 } + [")"])
      .joined(separator: "\n")
  }
}

/// Python's text for a float hyper-parameter (`0.01`, `0.5`, `0`), as PyTorch prints its options.
func pythonNumberText(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}
