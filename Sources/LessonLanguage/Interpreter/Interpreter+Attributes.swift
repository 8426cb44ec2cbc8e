// MARK: - Attributes and items

extension Interpreter {
  /// `object.name`.
  func getAttribute(_ object: Value, _ name: String) throws -> Value {
    if let value = try findAttribute(object, name) { return value }
    throw noAttribute(object, name)
  }

  private func findAttribute(_ object: Value, _ name: String) throws -> Value? {
    switch object {
    case .namespace("sys") where name == "argv":
      return .list(ListStorage(environment.argv.map { .string($0) }))
    case .namespace(let namespace):
      return builtins.member(namespace, name)
    case .tensor(let tensor):
      return try tensorAttribute(tensor, name)
    case .module(let module):
      return try moduleAttribute(module, name)
    case .instance(let instance):
      if let value = instance.attributes[name] { return value }
      return instance.classObject.lookup(name).map { bind($0, to: object) }
    case .classObject(let classObject):
      return classObject.lookup(name)
    case .object(let host):
      return try host.attribute(name, interpreter: self) ?? builtins.method(of: object, name)
    default:
      return builtins.method(of: object, name)
    }
  }

  private func bind(_ attribute: Value, to receiver: Value) -> Value {
    if case .function(let function) = attribute {
      return .boundMethod(receiver: receiver, function: function)
    }
    return attribute
  }

  private func moduleAttribute(_ module: Module, _ name: String) throws -> Value? {
    let receiver = Value.module(module)
    if name == "training" { return .bool(module.training) }
    if let scripted = module as? ScriptModule {
      if let value = scripted.attributes[name] { return value }
      if let parameter = module.parameter(named: name) { return .tensor(parameter) }
      if let child = module.child(named: name) { return .module(child) }
      if let value = scripted.classObject.lookup(name) { return bind(value, to: receiver) }
    } else {
      if let parameter = module.parameter(named: name) { return .tensor(parameter) }
      if let buffer = module.buffer(named: name) { return .tensor(buffer) }
      if let value = layerAttribute(module, name) { return value }
      if let child = module.child(named: name) { return .module(child) }
    }
    return builtins.method(of: receiver, name)
  }

  /// The hyper-parameters a built-in layer shows as attributes (`bn.momentum`), and `None` for
  /// an absent optional parameter (`conv.bias` with `bias=False`).
  private func layerAttribute(_ module: Module, _ name: String) -> Value? {
    switch (module, name) {
    case (is Conv2d, "bias"), (is Linear, "bias"), (is BatchNorm, "weight"), (is BatchNorm, "bias"):
      return Value.none
    case (let norm as BatchNorm, "num_features"): return .int(norm.numFeatures)
    case (let norm as BatchNorm, "eps"): return .float(norm.eps)
    case (let norm as BatchNorm, "momentum"): return norm.momentum.map { .float($0) } ?? Value.none
    case (let norm as BatchNorm, "affine"): return .bool(norm.affine)
    case (let norm as BatchNorm, "track_running_stats"): return .bool(norm.trackRunningStats)
    case (is BatchNorm, "running_mean"), (is BatchNorm, "running_var"):
      return Value.none
    default: return nil
    }
  }

  private func tensorAttribute(_ tensor: Tensor, _ name: String) throws -> Value? {
    switch name {
    case "shape": return .size(tensor.shape)
    case "data": return .tensor(tensor.detached())
    case "grad": return tensor.grad.map { .tensor($0) } ?? Value.none
    case "requires_grad": return .bool(tensor.requiresGrad)
    case "is_leaf": return .bool(tensor.isLeaf)
    case "grad_fn": return tensor.gradFn.map { .string("<\($0.name)>") } ?? Value.none
    case "dtype": return .object(DTypeObject(tensor.dtype))
    case "ndim": return .int(tensor.rank)
    case "T": return .tensor(try tensor.permuted(Array((0..<tensor.rank).reversed())))
    case "device": return .string("cpu")
    default: return builtins.method(of: .tensor(tensor), name)
    }
  }

  private func noAttribute(_ object: Value, _ name: String) -> PythonException {
    let candidates = attributeNames(of: object)
    if case .namespace(let namespace) = object {
      return .attribute(
        "module '\(namespace)' has no attribute '\(name)'",
        notes: didYouMean(name, in: candidates) + builtins.supportedNote(namespace))
    }
    return .attribute(
      "'\(typeName(of: object))' object has no attribute '\(name)'",
      notes: didYouMean(name, in: candidates))
  }

  private func attributeNames(of object: Value) -> [String] {
    var names = builtins.memberNames(of: object)
    switch object {
    case .module(let module):
      names +=
        module.namedOwnParameters.map(\.name) + module.namedChildren.map(\.name)
        + module.namedOwnBuffers.map(\.name)
      if let scripted = module as? ScriptModule {
        names += Array(scripted.attributes.keys) + Array(scripted.classObject.attributes.keys)
      }
    case .instance(let instance):
      names += Array(instance.attributes.keys) + Array(instance.classObject.attributes.keys)
    case .tensor:
      names += [
        "shape", "data", "grad", "requires_grad", "is_leaf", "grad_fn", "dtype", "ndim", "T",
      ]
    default: break
    }
    return names
  }

  /// `object.name = value`, with `nn.Module`'s registration rules.
  func setAttribute(_ object: Value, _ name: String, _ value: Value) throws {
    switch object {
    case .module(let module):
      try setModuleAttribute(module, name, value)
    case .instance(let instance):
      instance.attributes[name] = value
    case .classObject(let classObject):
      classObject.attributes[name] = value
    case .tensor(let tensor):
      try setTensorAttribute(tensor, name, value)
    default:
      throw PythonException.attribute(
        "'\(typeName(of: object))' object attribute '\(name)' is read-only")
    }
  }

  private func setModuleAttribute(_ module: Module, _ name: String, _ value: Value) throws {
    let scripted = module as? ScriptModule
    switch value {
    case .module(let child):
      guard scripted?.initialized ?? true else {
        throw PythonException.attribute(
          "cannot assign module before Module.__init__() call",
          notes: ["call 'super().__init__()' first in __init__"])
      }
      try requireAcyclic(adding: child, to: module, as: name)
      scripted?.attributes[name] = nil
      try module.unregister(name)
      module.registerModule(name, child)
    case .tensor(let tensor) where tensor.isParameter || module.parameter(named: name) != nil:
      guard scripted?.initialized ?? true else {
        throw PythonException.attribute(
          "cannot assign parameters before Module.__init__() call",
          notes: ["call 'super().__init__()' first in __init__"])
      }
      guard tensor.isParameter || value.isNone else {
        throw PythonException.type(
          "cannot assign 'torch.FloatTensor' as parameter '\(name)' (torch.nn.Parameter or None expected)"
        )
      }
      scripted?.attributes[name] = nil
      try module.registerParameter(name, tensor)
    default:
      guard let scripted else {
        throw PythonException.attribute(
          "cannot set attribute '\(name)' of \(module.typeName) in lessons")
      }
      try module.unregister(name)
      scripted.attributes[name] = value
    }
  }

  /// A module may not become its own submodule: printing it or listing its parameters would
  /// never end (PyTorch lets it happen and fails later with a RecursionError).
  func requireAcyclic(adding child: Module, to module: Module, as name: String) throws {
    guard child.modules().contains(where: { $0 === module }) else { return }
    throw PythonException(
      .recursionError, "cannot assign '\(name)': \(module.typeName) would contain itself",
      notes: ["a module cannot be its own submodule; keep a reference elsewhere, e.g. in a list"])
  }

  private func setTensorAttribute(_ tensor: Tensor, _ name: String, _ value: Value) throws {
    switch (name, value) {
    case ("requires_grad", .bool(let flag)):
      try tensor.setRequiresGrad(flag)
    case ("grad", .none):
      tensor.grad = nil
    case ("grad", .tensor(let grad)):
      guard grad.shape == tensor.shape else {
        throw PythonException.runtime("assigned grad has data of a different size")
      }
      tensor.grad = grad.detached()
    case ("data", .tensor(let source)):
      guard source.shape == tensor.shape, source.dtype == tensor.dtype else {
        throw PythonException.runtime(
          "in lessons, '.data =' needs a tensor of the same shape and dtype (\(shapeText(tensor.shape)))"
        )
      }
      if tensor.dtype == .float32 {
        tensor.updateFloats { $0 = source.floats }
      } else {
        tensor.updateInts { $0 = source.ints }
      }
    default:
      throw PythonException.attribute(
        "attribute '\(name)' of 'Tensor' objects is not writable in lessons")
    }
  }
}
