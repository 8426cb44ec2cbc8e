/// The base of every layer and model, PyTorch's `nn.Module`.
///
/// A module owns named parameters and named child modules, both kept in registration order (the
/// order `parameters()` and the printed form use). Subclasses register in their initialiser; lesson
/// code registers by attribute assignment (`self.conv1 = nn.Conv2d(...)`), which the interpreter turns
/// into `registerModule` / `registerParameter`.
open class Module {
  /// `train()` / `eval()` mode; dropout is active only while training.
  public private(set) var training = true
  /// The module's own parameters, by attribute name, in registration order.
  public private(set) var namedOwnParameters: [(name: String, tensor: Tensor)] = []
  /// The direct submodules, by attribute name, in registration order.
  public private(set) var namedChildren: [(name: String, module: Module)] = []
  /// The module's own buffers (state that is not a parameter, such as `BatchNorm2d`'s
  /// `running_mean`), by attribute name, in registration order.
  public private(set) var namedOwnBuffers: [(name: String, tensor: Tensor)] = []
  /// The forward hooks (see `Module+Hooks.swift`).
  var hooks = ForwardHooks()

  public init() {}

  /// The class name shown when the module is printed (`Conv2d`, `Net`).
  open var typeName: String { String(describing: type(of: self)) }

  /// The text inside the parentheses of the printed form (`in_features=320, out_features=10, bias=True`).
  open var extraDescription: String { "" }

  /// The `(label, text)` of each child line of the printed form, `(label): text`; one per child by
  /// default (`ModuleList` merges repeats).
  open var childDescriptions: [(label: String, text: String)] {
    namedChildren.map { ($0.name, $0.module.description) }
  }

  /// The layer's computation for one input tensor. Layers override it; calling it on a module that
  /// does not is PyTorch's error. Swift code calls a module as a function, `layer(x)`.
  open func forward(_ input: Tensor) throws -> Tensor {
    throw NeuralNetError.missingForward(module: typeName)
  }

  /// Called before the parameter `name` is replaced by `tensor` or removed (nil). Layers that keep
  /// their parameters in typed properties (`Linear.weight`) update them here, and throw when they
  /// cannot work without the parameter.
  open func parameterWillChange(_ name: String, to tensor: Tensor?) throws {}

  /// Adds or replaces a parameter (the tensor becomes a leaf that requires grad).
  public func registerParameter(_ name: String, _ tensor: Tensor) throws {
    try tensor.setRequiresGrad(true)
    try parameterWillChange(name, to: tensor)
    tensor.isParameter = true
    if let index = namedOwnParameters.firstIndex(where: { $0.name == name }) {
      namedOwnParameters[index].tensor = tensor
    } else {
      namedOwnParameters.append((name, tensor))
    }
  }

  /// Adds or replaces a child module.
  public func registerModule(_ name: String, _ module: Module) {
    if let index = namedChildren.firstIndex(where: { $0.name == name }) {
      namedChildren[index].module = module
    } else {
      namedChildren.append((name, module))
    }
  }

  /// Adds or replaces a buffer (`register_buffer`): a tensor the module keeps and updates itself,
  /// outside autograd.
  public func registerBuffer(_ name: String, _ tensor: Tensor) {
    if let index = namedOwnBuffers.firstIndex(where: { $0.name == name }) {
      namedOwnBuffers[index].tensor = tensor
    } else {
      namedOwnBuffers.append((name, tensor))
    }
  }

  /// The buffer registered under `name` on this module, if any.
  public func buffer(named name: String) -> Tensor? {
    namedOwnBuffers.first { $0.name == name }?.tensor
  }

  /// Every buffer of this module and its descendants, as `named_buffers()` orders them: own
  /// buffers first, then each child's (`bn1.running_mean`, ...).
  public func namedBuffers() -> [(name: String, tensor: Tensor)] {
    namedModules().flatMap { path, module in
      module.namedOwnBuffers.map { ((path.isEmpty ? "" : path + ".") + $0.name, $0.tensor) }
    }
  }

  /// Removes a parameter or child registered under `name` (an attribute reassigned to a non-module).
  /// Throws, and removes nothing, when the module cannot work without that parameter.
  public func unregister(_ name: String) throws {
    if parameter(named: name) != nil { try parameterWillChange(name, to: nil) }
    namedOwnParameters.removeAll { $0.name == name }
    namedChildren.removeAll { $0.name == name }
  }

  /// The parameter registered under `name` on this module, if any.
  public func parameter(named name: String) -> Tensor? {
    namedOwnParameters.first { $0.name == name }?.tensor
  }

  /// The child registered under `name`, if any.
  public func child(named name: String) -> Module? {
    namedChildren.first { $0.name == name }?.module
  }

  /// Every parameter of this module and its descendants, each once, as PyTorch orders them:
  /// own parameters first, then each child's in registration order (`conv1.weight`, `conv1.bias`, ...).
  public func namedParameters() -> [(name: String, tensor: Tensor)] {
    var seen: Set<ObjectIdentifier> = []
    var result: [(name: String, tensor: Tensor)] = []
    collectParameters(prefix: "", seen: &seen, into: &result)
    return result
  }

  /// `parameters()`: the tensors of `namedParameters()`.
  public func parameters() -> [Tensor] {
    namedParameters().map(\.tensor)
  }

  private func collectParameters(
    prefix: String, seen: inout Set<ObjectIdentifier>,
    into result: inout [(name: String, tensor: Tensor)]
  ) {
    for (name, tensor) in namedOwnParameters where seen.insert(ObjectIdentifier(tensor)).inserted {
      result.append((prefix + name, tensor))
    }
    for (name, child) in namedChildren {
      child.collectParameters(prefix: prefix + name + ".", seen: &seen, into: &result)
    }
  }

  /// This module and all its descendants, depth first (`modules()`).
  /// This module (named `""`) and its descendants, each once, depth first with their attribute
  /// paths (`conv1`, `incept1.branch1x1`), as PyTorch's `named_modules()`.
  public func namedModules() -> [(name: String, module: Module)] {
    var seen: Set<ObjectIdentifier> = []
    var result: [(name: String, module: Module)] = []
    var pending: [(name: String, module: Module)] = [("", self)]
    while let (name, module) = pending.popLast() {
      guard seen.insert(ObjectIdentifier(module)).inserted else { continue }
      result.append((name, module))
      for (childName, child) in module.namedChildren.reversed() {
        pending.append((name.isEmpty ? childName : name + "." + childName, child))
      }
    }
    return result
  }

  public func modules() -> [Module] {
    [self] + namedChildren.flatMap { $0.module.modules() }
  }

  /// Sets training mode here and in every descendant (`train(mode)`).
  public func train(_ mode: Bool = true) {
    training = mode
    for (_, child) in namedChildren { child.train(mode) }
  }

  /// `eval()`: the same as `train(false)`.
  public func eval() { train(false) }

  /// Clears the gradients of every parameter (`zero_grad()`, PyTorch 2's set-to-None default).
  public func zeroGrad() {
    for parameter in parameters() { parameter.grad = nil }
  }
}

extension Module: CustomStringConvertible {
  /// PyTorch's printed form: `Linear(in_features=320, out_features=10, bias=True)`, or for a module
  /// with children, one `(name): child` line each, indented by two spaces.
  public var description: String {
    if namedChildren.isEmpty { return "\(typeName)(\(extraDescription))" }
    var lines = ["\(typeName)("]
    if !extraDescription.isEmpty { lines.append("  " + extraDescription) }
    for (label, text) in childDescriptions {
      let childText = text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated().map { $0.offset == 0 ? String($0.element) : "  " + $0.element }
        .joined(separator: "\n")
      lines.append("  (\(label)): \(childText)")
    }
    lines.append(")")
    return lines.joined(separator: "\n")
  }
}
