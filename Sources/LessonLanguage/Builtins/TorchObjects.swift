/// Host objects that `torch.*` functions return: the generator, grad-mode contexts, and
/// `torch.return_types.max` / `min`.

/// What `torch.manual_seed` returns.
final class GeneratorObject: HostObject {
  var typeName: String { "torch._C.Generator" }
  var text: String { "<torch._C.Generator object>" }
}

/// `torch.no_grad()` / `torch.enable_grad()`.
final class GradModeContext: ContextManager {
  let enabled: Bool
  init(enabled: Bool) { self.enabled = enabled }
  var typeName: String { enabled ? "enable_grad" : "no_grad" }

  func run<R>(_ body: () throws -> R) throws -> R {
    try GradMode.$isEnabled.withValue(enabled) { try body() }
  }
}

/// `torch.return_types.max(values=..., indices=...)`: a named pair that unpacks like a tuple.
final class ReturnTypes: IterableObject, SubscriptableObject {
  let name: String
  let values: Tensor
  let indices: Tensor

  init(name: String, values: Tensor, indices: Tensor) {
    self.name = name
    self.values = values
    self.indices = indices
  }

  var typeName: String { "torch.return_types.\(name)" }
  var text: String {
    formatReturnTypes(name: name, fields: [("values", values), ("indices", indices)])
  }
  var length: Int? { 2 }

  func makeIterator() throws -> ValueIterator {
    ArrayIterator([.tensor(values), .tensor(indices)])
  }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "values": return .tensor(values)
    case "indices": return .tensor(indices)
    default: return nil
    }
  }

  func item(_ index: Value, interpreter: Interpreter) throws -> Value {
    switch try indexValue(index) {
    case 0, -2: return .tensor(values)
    case 1, -1: return .tensor(indices)
    default: throw PythonException.index("tuple index out of range")
    }
  }
}
