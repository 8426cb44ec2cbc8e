// MARK: - Items: `object[index]`, assignment and deletion

extension Interpreter {
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
      guard let value = storage[index] else { throw PythonException(.keyError, repr(index)) }
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
    case .module(let list as ModuleList):
      if case .slice(let start, let stop, let step) = index {
        guard (step ?? 1) != 0 else { throw PythonException.value("slice step cannot be zero") }
        let positions = sliceIndices(
          count: list.items.count, start: start, stop: stop, step: step ?? 1)
        return .module(ModuleList(positions.map { list.items[$0] }))
      }
      return .module(list.items[try moduleListPosition(list, index)])
    case .module(let dict as ModuleDict):
      guard case .string(let key) = index, let child = dict.child(named: key) else {
        throw PythonException(.keyError, repr(index))
      }
      return .module(child)
    case .object(let host as SubscriptableObject):
      return try host.item(index, interpreter: self)
    default:
      throw PythonException.type("'\(typeName(of: object))' object is not subscriptable")
    }
  }

  /// The position of `index` (negative counts from the end) in a `ModuleList`, with PyTorch's
  /// `IndexError`.
  private func moduleListPosition(_ list: ModuleList, _ index: Value) throws -> Int {
    let i = try indexValue(index)
    let count = list.items.count
    let position = i < 0 ? i + count : i
    guard position >= 0 && position < count else {
      throw PythonException.index("index \(i) is out of range")
    }
    return position
  }

  /// `loss.data[0]` on a 0-d tensor: PyTorch 0.3 had no 0-d tensors and returned the number;
  /// PyTorch 0.4+ raises. Lessons keep the old idiom working, with a warning.
  private func scalarItem(_ tensor: Tensor, _ index: Value, span: SourceSpan?) throws -> Value {
    let message =
      "invalid index of a 0-dim tensor. Use `tensor.item()` in Python to convert a 0-dim tensor to a number"
    guard case .int(let position) = index, position == 0 || position == -1 else {
      if case .int = index { throw PythonException.index(message) }
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
    case .list, .dict, .set: throw PythonException.type("unhashable type: '\(typeName(of: key))'")
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
      guard step != 0 else { throw PythonException.value("slice step cannot be zero") }
      return wrap(
        sliceIndices(count: items.count, start: start, stop: stop, step: step).map { items[$0] })
    }
    let i = try indexValue(index)
    let position = i < 0 ? i + items.count : i
    guard position >= 0 && position < items.count else {
      throw PythonException.index("\(type) index out of range")
    }
    return items[position]
  }

  /// `object[index] = value`.
  func setItem(_ object: Value, _ index: Value, _ value: Value) throws {
    switch object {
    case .list(let storage):
      if case .slice(let start, let stop, let step) = index {
        return try assignSlice(storage, start: start, stop: stop, step: step ?? 1, value)
      }
      let i = try indexValue(index)
      let position = i < 0 ? i + storage.items.count : i
      guard position >= 0 && position < storage.items.count else {
        throw PythonException.index("list assignment index out of range")
      }
      storage.items[position] = value
    case .dict(let storage):
      try requireHashable(index)
      try ValueMemory.checkItems(3, what: "a dict entry")
      storage[index] = value
    case .tensor(let tensor):
      guard let source = asTensor(value) else {
        throw PythonException.type("can't assign a \(typeName(of: value)) to a Tensor")
      }
      try tensor.assign(source, at: try tensorIndices(index))
    case .object(let host as ItemAssignableObject):
      try host.setItem(index, value, interpreter: self)
    case .module(let container) where container is ModuleList || container is ModuleDict:
      guard case .module(let child) = value else {
        throw PythonException.type("\(typeName(of: value)) is not a Module subclass")
      }
      if let list = container as? ModuleList {
        let position = try moduleListPosition(list, index)
        try requireAcyclic(adding: child, to: list, as: String(position))
        list.replace(at: position, with: child)
      } else {
        guard case .string(let key) = index else {
          throw PythonException.type(
            "module name should be a string. Got \(typeName(of: index))")
        }
        try requireAcyclic(adding: child, to: container, as: key)
        container.registerModule(key, child)
      }
    default:
      throw PythonException.type(
        "'\(typeName(of: object))' object does not support item assignment")
    }
  }

  func deleteItem(_ object: Value, _ index: Value) throws {
    switch object {
    case .list(let storage):
      if case .slice(let start, let stop, let step) = index {
        guard step != 0 else { throw PythonException.value("slice step cannot be zero") }
        let doomed = Set(
          sliceIndices(count: storage.items.count, start: start, stop: stop, step: step ?? 1))
        storage.items = storage.items.enumerated().filter { !doomed.contains($0.offset) }.map(
          \.element)
        return
      }
      let i = try indexValue(index)
      let position = i < 0 ? i + storage.items.count : i
      guard position >= 0 && position < storage.items.count else {
        throw PythonException.index("list assignment index out of range")
      }
      storage.items.remove(at: position)
    case .dict(let storage):
      guard storage[index] != nil else { throw PythonException(.keyError, repr(index)) }
      storage[index] = nil
    default:
      throw PythonException.type("'\(typeName(of: object))' object doesn't support item deletion")
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
        throw PythonException.index(
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
    throw PythonException.type("indices must be integers or slices, not \(typeName(of: value))")
  }
}

extension Interpreter {
  /// `items[start:stop:step] = value`, as Python's: a simple slice is replaced by the items of
  /// any iterable (growing or shrinking the list), an extended slice by as many items as it
  /// selects.
  fileprivate func assignSlice(
    _ storage: ListStorage, start: Int?, stop: Int?, step: Int, _ value: Value
  ) throws {
    guard step != 0 else { throw PythonException.value("slice step cannot be zero") }
    let new: [Value]
    do {
      new = try iterateAll(value)
    } catch let error as PythonException where error.type == .typeError {
      throw PythonException.type("must assign iterable to extended slice")
    }
    let count = storage.items.count
    let positions = sliceIndices(count: count, start: start, stop: stop, step: step)
    guard step == 1 else {
      guard positions.count == new.count else {
        throw PythonException.value(
          "attempt to assign sequence of size \(new.count) to extended slice of size \(positions.count)"
        )
      }
      for (position, item) in zip(positions, new) { storage.items[position] = item }
      return
    }
    // A simple slice: where it starts (clamped as Python clamps), and the items it covers.
    let lower = positions.first ?? clampedSliceStart(start, count: count)
    try ValueMemory.checkItems(
      ValueMemory.sum(count - positions.count, new.count), what: "a list")
    storage.items.replaceSubrange(lower..<(lower + positions.count), with: new)
  }
}

/// Where `items[start:]` begins in a list of `count` items (for an empty simple slice).
private func clampedSliceStart(_ start: Int?, count: Int) -> Int {
  guard let start else { return 0 }
  return start < 0 ? max(0, start + count) : min(start, count)
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

/// A host object whose items can be set (`group['lr'] = 0.01`).
public protocol ItemAssignableObject: HostObject {
  func setItem(_ index: Value, _ value: Value, interpreter: Interpreter) throws
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
