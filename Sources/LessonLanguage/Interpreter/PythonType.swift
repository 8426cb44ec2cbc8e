/// Types as values: what `type(x)` returns, and the identity and equality of values the tool
/// provides (dtypes, builtins, types), as Python and PyTorch define them.

/// A built-in type as a value (`type(3)`, `type(x)` of a tensor): it prints as `<class 'int'>`,
/// has a `__name__`, and equals the builtin of its name (`type(3) == int`, `type(x) is
/// torch.Tensor`). Types of lesson classes are their `ClassObject`s.
final class PythonType: HostObject {
  /// `int`, `Tensor`.
  let name: String
  /// The module that defines it (`torch` for `Tensor`), nil for Python's own types.
  let module: String?

  init(name: String, module: String? = nil) {
    self.name = name
    self.module = module
  }

  /// The type of `value`.
  static func of(_ value: Value) -> Value {
    switch value {
    case .instance(let instance): .classObject(instance.classObject)
    case .module(let module as ScriptModule): .classObject(module.classObject)
    case .tensor: .object(PythonType(name: "Tensor", module: "torch"))
    case .size: .object(PythonType(name: "Size", module: "torch"))
    default: .object(PythonType(name: LessonLanguage.typeName(of: value)))
    }
  }

  var typeName: String { "type" }
  var qualifiedName: String { module.map { $0 + "." + name } ?? name }
  var text: String { "<class '\(qualifiedName)'>" }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "__name__": .string(self.name)
    case "__qualname__": .string(self.name)
    case "__module__": .string(module ?? "builtins")
    default: nil
    }
  }

  /// The builtin this type is called as (`builtins.int`, `torch.Tensor`).
  var builtinName: String { module.map { $0 + "." + name } ?? "builtins." + name }
}

/// Identity and equality of the values the tool makes afresh on each use but Python keeps as
/// one object: dtypes (`x.dtype is torch.float32`, `torch.long is torch.int64`), builtins
/// (`F.relu is F.relu`, `int is int`) and types (`type(3) is int`). Nil for other values.
func sameProvidedObject(_ lhs: Value, _ rhs: Value) -> Bool? {
  switch (lhs, rhs) {
  case (.object(let a as DTypeObject), .object(let b as DTypeObject)):
    return a.dtype == b.dtype
  case (.object(let a as PythonType), .object(let b as PythonType)):
    return a.qualifiedName == b.qualifiedName
  case (.object(let type as PythonType), .builtin(let builtin)),
    (.builtin(let builtin), .object(let type as PythonType)):
    return builtin.receiver == nil && builtin.name == type.builtinName
  case (.builtin(let a), .builtin(let b)):
    guard a.name == b.name else { return false }
    switch (a.receiver, b.receiver) {
    case (nil, nil): return true
    // A bound method is made on each access: equal (same function, same receiver), never
    // identical, as in Python.
    case (let x?, let y?): return sameReceiver(x, y) ? nil : false
    default: return false
    }
  default:
    return nil
  }
}

/// Whether two receivers are the same object (for bound builtin methods).
private func sameReceiver(_ a: Value, _ b: Value) -> Bool {
  switch (a, b) {
  case (.tensor(let x), .tensor(let y)): x === y
  case (.module(let x), .module(let y)): x === y
  case (.list(let x), .list(let y)): x === y
  case (.dict(let x), .dict(let y)): x === y
  case (.set(let x), .set(let y)): x === y
  case (.object(let x), .object(let y)): x === y
  default: false
  }
}
