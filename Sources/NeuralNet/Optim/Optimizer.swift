/// What `optim.SGD` and `optim.Adam` share: the parameters they update, `zeroGrad()`, and PyTorch's
/// printed form. Each optimizer says how it updates (`step()` is a requirement, so an optimizer
/// cannot silently do nothing) and which hyper-parameters it prints.
public protocol Optimizer: AnyObject, CustomStringConvertible {
  /// The tensors updated by `step()`, in the order given.
  var parameters: [Tensor] { get }
  /// `lr`, which learning-rate schedulers and `param_groups[0]['lr'] = ...` change.
  var learningRate: Double { get set }
  /// Updates every parameter that has a gradient.
  func step() throws
  /// The class name PyTorch prints (`SGD`).
  var typeName: String { get }
  /// The hyper-parameters, `name: value`, in PyTorch's (alphabetical) order.
  var hyperParameterLines: [String] { get }
}

extension Optimizer {
  /// Clears every parameter's gradient (PyTorch 2's default `set_to_none=True`).
  public func zeroGrad() {
    for parameter in parameters { parameter.grad = nil }
  }

  /// The class name, as Swift spells it.
  public var typeName: String { String(describing: type(of: self)) }

  /// PyTorch's printed form: the class, `Parameter Group 0` and the hyper-parameters.
  public var description: String {
    (["\(typeName) (", "Parameter Group 0"] + hyperParameterLines.map { "    " + $0 } + [")"])
      .joined(separator: "\n")
  }
}

/// `parameters`, or PyTorch's `ValueError` when there are none.
func checkedParameters(_ parameters: [Tensor]) throws -> [Tensor] {
  guard !parameters.isEmpty else { throw NeuralNetError.emptyParameterList }
  return parameters
}

/// Throws PyTorch's `ValueError` naming `parameter` unless `valid`.
func checkHyperParameter(
  _ valid: Bool, _ parameter: NeuralNetError.HyperParameter, _ value: Double
) throws {
  guard valid else { throw NeuralNetError.invalidHyperParameter(parameter, value: value) }
}

/// Python's text for a float hyper-parameter (`0.01`, `0.5`, `0`), as PyTorch prints its options.
func pythonNumberText(_ value: Double) -> String {
  value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
}
