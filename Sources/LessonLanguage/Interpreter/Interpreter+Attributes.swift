// MARK: - Attributes and items

extension Interpreter {
  /// `object.name`.
  func getAttribute(_ object: Value, _ name: String) throws -> Value {
    if let value = try findAttribute(object, name) { return value }
    throw noAttribute(object, name)
  }

  private func findAttribute(_ object: Value, _ name: String) throws -> Value? {
    switch object {
    case .namespace(let namespace):
      return BuiltinTable.member(namespace, name)
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
      return try host.attribute(name, interpreter: self)
    default:
      return BuiltinTable.method(of: object, name)
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
      if name == "bias", module is Conv2d || module is Linear { return Value.none }
      if let child = module.child(named: name) { return .module(child) }
    }
    return BuiltinTable.method(of: receiver, name)
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
    default: return BuiltinTable.method(of: .tensor(tensor), name)
    }
  }

  private func noAttribute(_ object: Value, _ name: String) -> LessonError {
    let candidates = attributeNames(of: object)
    if case .namespace(let namespace) = object {
      return .attribute(
        "module '\(namespace)' has no attribute '\(name)'",
        notes: didYouMean(name, in: candidates) + BuiltinTable.supportedNote(namespace))
    }
    return .attribute(
      "'\(typeName(of: object))' object has no attribute '\(name)'",
      notes: didYouMean(name, in: candidates))
  }

  private func attributeNames(of object: Value) -> [String] {
    var names = BuiltinTable.memberNames(of: object)
    switch object {
    case .module(let module):
      names += module.namedOwnParameters.map(\.name) + module.namedChildren.map(\.name)
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
      throw LessonError.attribute(
        "'\(typeName(of: object))' object attribute '\(name)' is read-only")
    }
  }

  private func setModuleAttribute(_ module: Module, _ name: String, _ value: Value) throws {
    let scripted = module as? ScriptModule
    switch value {
    case .module(let child):
      guard scripted?.initialized ?? true else {
        throw LessonError.attribute(
          "cannot assign module before Module.__init__() call",
          notes: ["call 'super().__init__()' first in __init__"])
      }
      try requireAcyclic(adding: child, to: module, as: name)
      scripted?.attributes[name] = nil
      module.unregister(name)
      module.registerModule(name, child)
    case .tensor(let tensor) where tensor.isParameter || module.parameter(named: name) != nil:
      guard scripted?.initialized ?? true else {
        throw LessonError.attribute(
          "cannot assign parameters before Module.__init__() call",
          notes: ["call 'super().__init__()' first in __init__"])
      }
      guard tensor.isParameter || value.isNone else {
        throw LessonError.type(
          "cannot assign 'torch.FloatTensor' as parameter '\(name)' (torch.nn.Parameter or None expected)"
        )
      }
      scripted?.attributes[name] = nil
      try module.registerParameter(name, tensor)
    default:
      guard let scripted else {
        throw LessonError.attribute(
          "cannot set attribute '\(name)' of \(module.typeName) in lessons")
      }
      module.unregister(name)
      scripted.attributes[name] = value
    }
  }

  /// A module may not become its own submodule: printing it or listing its parameters would
  /// never end (PyTorch lets it happen and fails later with a RecursionError).
  func requireAcyclic(adding child: Module, to module: Module, as name: String) throws {
    guard child.modules().contains(where: { $0 === module }) else { return }
    throw LessonError(
      "RecursionError", "cannot assign '\(name)': \(module.typeName) would contain itself",
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
        throw LessonError.runtime("assigned grad has data of a different size")
      }
      tensor.grad = grad.detached()
    case ("data", .tensor(let source)):
      guard source.shape == tensor.shape, source.dtype == tensor.dtype else {
        throw LessonError.runtime(
          "in lessons, '.data =' needs a tensor of the same shape and dtype (\(shapeText(tensor.shape)))"
        )
      }
      if tensor.dtype == .float32 {
        tensor.updateFloats { $0 = source.floats }
      } else {
        tensor.updateInts { $0 = source.ints }
      }
    default:
      throw LessonError.attribute(
        "attribute '\(name)' of 'Tensor' objects is not writable in lessons")
    }
  }

  // MARK: Items

  /// `object[index]`; `span` locates the 0.3-era `loss.data[0]` warning.
  func getItem(_ object: Value, _ index: Value, span: SourceSpan? = nil) throws -> Value {
    switch object {
    case .list(let storage):
      return try sequenceItem(storage.items, index, "list", wrap: { .list(ListStorage($0)) })
    case .tuple(let items): return try sequenceItem(items, index, "tuple", wrap: { .tuple($0) })
    case .size(let dims):
      return try sequenceItem(
        dims.map { .int($0) }, index, "tuple", wrap: { .size($0.compactMap(\.intValue)) })
    case .string(let text):
      return try sequenceItem(text.map { .string(String($0)) }, index, "string") { parts in
        .string(parts.map { $0.stringValue ?? "" }.joined())
      }
    case .dict(let storage):
      try requireHashable(index)
      guard let value = storage[index] else { throw LessonError("KeyError", repr(index)) }
      return value
    case .tensor(let tensor) where tensor.rank == 0:
      return try scalarItem(tensor, index, span: span)
    case .tensor(let tensor):
      return .tensor(try tensor.indexed(try tensorIndices(index)))
    case .module(let module as Sequential):
      let layers = module.layers.map { Value.module($0) }
      return try sequenceItem(layers, index, "Sequential") {
        .module(Sequential($0.compactMap(\.moduleValue)))
      }
    case .object(let host as SubscriptableObject):
      return try host.item(index, interpreter: self)
    default:
      throw LessonError.type("'\(typeName(of: object))' object is not subscriptable")
    }
  }

  /// `loss.data[0]` on a 0-d tensor: PyTorch 0.3 had no 0-d tensors and returned the number;
  /// PyTorch 0.4+ raises. Lessons keep the old idiom working, with a warning.
  private func scalarItem(_ tensor: Tensor, _ index: Value, span: SourceSpan?) throws -> Value {
    let message =
      "invalid index of a 0-dim tensor. Use `tensor.item()` in Python to convert a 0-dim tensor to a number"
    guard case .int(let position) = index, position == 0 || position == -1 else {
      if case .int = index { throw LessonError.index(message) }
      return .tensor(try tensor.indexed(try tensorIndices(index)))
    }
    if let span = span ?? currentSpan {
      warnOnce(message + " (PyTorch 0.3's 'x.data[0]' is read as 'x.item()')", at: span)
    }
    return BuiltinTable.scalarValue(tensor, try tensor.item())
  }

  /// Lists and dicts are mutable, so Python refuses them as dict keys.
  private func requireHashable(_ key: Value) throws {
    switch key {
    case .list, .dict: throw LessonError.type("unhashable type: '\(typeName(of: key))'")
    default: break
    }
  }

  private func sequenceItem(
    _ items: [Value], _ index: Value, _ type: String, wrap: ([Value]) -> Value
  ) throws
    -> Value
  {
    if case .slice(let start, let stop, let step) = index {
      let step = step ?? 1
      guard step != 0 else { throw LessonError.value("slice step cannot be zero") }
      return wrap(
        sliceIndices(count: items.count, start: start, stop: stop, step: step).map { items[$0] })
    }
    let i = try indexValue(index)
    let position = i < 0 ? i + items.count : i
    guard position >= 0 && position < items.count else {
      throw LessonError.index("\(type) index out of range")
    }
    return items[position]
  }

  /// `object[index] = value`.
  func setItem(_ object: Value, _ index: Value, _ value: Value) throws {
    switch object {
    case .list(let storage):
      let i = try indexValue(index)
      let position = i < 0 ? i + storage.items.count : i
      guard position >= 0 && position < storage.items.count else {
        throw LessonError.index("list assignment index out of range")
      }
      storage.items[position] = value
    case .dict(let storage):
      try requireHashable(index)
      storage[index] = value
    case .tensor(let tensor):
      guard let source = asTensor(value) else {
        throw LessonError.type("can't assign a \(typeName(of: value)) to a Tensor")
      }
      try tensor.assign(source, at: try tensorIndices(index))
    default:
      throw LessonError.type("'\(typeName(of: object))' object does not support item assignment")
    }
  }

  func deleteItem(_ object: Value, _ index: Value) throws {
    switch object {
    case .list(let storage):
      let i = try indexValue(index)
      let position = i < 0 ? i + storage.items.count : i
      guard position >= 0 && position < storage.items.count else {
        throw LessonError.index("list assignment index out of range")
      }
      storage.items.remove(at: position)
    case .dict(let storage):
      guard storage[index] != nil else { throw LessonError("KeyError", repr(index)) }
      storage[index] = nil
    default:
      throw LessonError.type("'\(typeName(of: object))' object doesn't support item deletion")
    }
  }

  /// A tensor subscript as core indices: ints, slices, None, `...`, index tensors and int lists.
  private func tensorIndices(_ index: Value) throws -> [TensorIndex] {
    let parts: [Value]
    if case .tuple(let items) = index { parts = items } else { parts = [index] }
    return try parts.map { part in
      switch part {
      case .int, .bool: return .index(try indexValue(part))
      case .slice(let start, let stop, let step):
        return .slice(start: start, stop: stop, step: step)
      case .none: return .newAxis
      case .ellipsis: return .ellipsis
      case .tensor(let tensor): return .tensor(tensor)
      case .list(let storage):
        return .tensor(
          Tensor(
            shape: [storage.items.count], ints: try storage.items.map { Int64(try indexValue($0)) })
        )
      default:
        throw LessonError.index(
          "only integers, slices (`:`), ellipsis (`...`), None and long or bool tensors are valid indices "
            + "(got \(typeName(of: part)))")
      }
    }
  }
}

/// An int usable as an index (ints, bools, and single-element integer tensors).
func indexValue(_ value: Value) throws -> Int {
  switch value {
  case .int(let v): return v
  case .bool(let v): return v ? 1 : 0
  case .tensor(let t) where t.count == 1 && t.dtype != .float32: return Int(t.ints[0])
  default:
    throw LessonError.type("indices must be integers or slices, not \(typeName(of: value))")
  }
}

/// The positions a Python slice selects from a sequence of `count` items.
func sliceIndices(count: Int, start: Int?, stop: Int?, step: Int) -> [Int] {
  func clamp(_ value: Int?, _ fallback: Int, low: Int, high: Int) -> Int {
    guard let value else { return fallback }
    let adjusted = value < 0 ? value + count : value
    return min(max(adjusted, low), high)
  }
  if step > 0 {
    let from = clamp(start, 0, low: 0, high: count)
    let to = clamp(stop, count, low: 0, high: count)
    return from < to ? Array(stride(from: from, to: to, by: step)) : []
  }
  let from = clamp(start, count - 1, low: -1, high: count - 1)
  let to = clamp(stop, -1, low: -1, high: count - 1)
  return from > to ? Array(stride(from: from, to: to, by: step)) : []
}

/// A host object that supports `object[index]` (datasets).
public protocol SubscriptableObject: HostObject {
  func item(_ index: Value, interpreter: Interpreter) throws -> Value
}

extension Value {
  var intValue: Int? {
    if case .int(let v) = self { return v }
    return nil
  }

  var stringValue: String? {
    if case .string(let v) = self { return v }
    return nil
  }

  var moduleValue: Module? {
    if case .module(let v) = self { return v }
    return nil
  }

  var isNone: Bool {
    if case .none = self { return true }
    return false
  }
}
