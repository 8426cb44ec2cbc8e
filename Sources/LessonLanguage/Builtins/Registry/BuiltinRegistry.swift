/// The one table that maps Python and PyTorch names to the tool's implementations.

/// A constant a namespace offers (`torch.float32`, `math.pi`).
public enum BuiltinConstant: Sendable, Equatable {
  case dtype(DType)
  case float(Double)
  case string(String)
  case none

  /// The constant as a lesson value.
  var value: Value {
    switch self {
    case .dtype(let dtype): .object(DTypeObject(dtype))
    case .float(let v): .float(v)
    case .string(let text): .string(text)
    case .none: .none
    }
  }
}

/// Every builtin by qualified name, the importable modules and their constants.
///
/// Functions are `torch.zeros`, classes `torch.nn.Conv2d`, methods `torch.Tensor.view` (a method
/// is looked up on its receiver's class, see `method(of:_:)`), Python's own `builtins.print` and
/// `builtins.str.format`. Registering a name twice is recorded in `duplicates` (a test keeps it
/// empty) rather than silently keeping one of them.
public struct BuiltinRegistry: Sendable {
  /// The entries by qualified name.
  public let functions: [String: BuiltinFunction]
  /// Names registered more than once (the first registration is kept).
  public let duplicates: [String]
  /// The constants by qualified name.
  public let constants: [String: BuiltinConstant]
  /// The modules lesson code may import.
  public let modules: Set<String>

  public init(
    modules: Set<String>, entries: [BuiltinFunction], constants: [String: BuiltinConstant]
  ) {
    var functions: [String: BuiltinFunction] = [:]
    var duplicates: [String] = []
    for entry in entries {
      if functions[entry.name] == nil {
        functions[entry.name] = entry
      } else {
        duplicates.append(entry.name)
      }
    }
    for name in constants.keys where functions[name] != nil { duplicates.append(name) }
    self.functions = functions
    self.duplicates = duplicates
    self.constants = constants
    self.modules = modules
  }

  /// `namespace.name`: a submodule, a function or class, or a constant.
  public func member(_ namespace: String, _ name: String) -> Value? {
    let key = namespace + "." + name
    if modules.contains(key) { return .namespace(key) }
    if let function = functions[key] { return .builtin(Builtin(function)) }
    return constants[key]?.value
  }

  /// Python's built-in function or type `name` (`print`, `len`, `int`), or nil.
  public func pythonBuiltin(_ name: String) -> Value? {
    functions["builtins." + name].map { .builtin(Builtin($0)) }
  }

  /// The names of Python's built-in functions and types.
  public var pythonBuiltinNames: [String] {
    functions.keys.filter { $0.hasPrefix("builtins.") && $0.split(separator: ".").count == 2 }
      .map { String($0.dropFirst("builtins.".count)) }
  }

  /// `value.name` for a method the tool provides (`x.view`, `model.parameters`, `s.format`),
  /// bound to `value`.
  public func method(of value: Value, _ name: String) -> Value? {
    for namespace in Self.methodNamespaces(of: value) {
      if let function = functions[namespace + "." + name] {
        return .builtin(Builtin(function, receiver: value))
      }
    }
    return nil
  }

  /// Where the methods of `value` are looked up, in order: its class, then for tensors the
  /// `torch` functions that take a tensor first (`x.sum(1)` is `torch.sum(x, 1)`).
  static func methodNamespaces(of value: Value) -> [String] {
    switch value {
    case .tensor: ["torch.Tensor", "torch"]
    case .module(is ModuleList): ["torch.nn.ModuleList", "torch.nn.Module"]
    case .module(is ModuleDict): ["torch.nn.ModuleDict", "torch.nn.Module"]
    case .module: ["torch.nn.Module"]
    case .string: ["builtins.str"]
    case .list: ["builtins.list"]
    case .dict: ["builtins.dict"]
    case .set: ["builtins.set"]
    case .size, .tuple: ["builtins.tuple"]
    case .object(let object): object.methodNamespace.map { [$0] } ?? []
    default: []
    }
  }

  /// The names a value or namespace offers, for "did you mean" notes.
  public func memberNames(of value: Value) -> [String] {
    let namespaces: [String]
    if case .namespace(let namespace) = value {
      namespaces = [namespace]
    } else {
      namespaces = Self.methodNamespaces(of: value)
    }
    let all = Array(functions.keys) + Array(constants.keys) + Array(modules)
    return namespaces.flatMap { namespace in
      all.filter {
        $0.hasPrefix(namespace + ".") && !$0.dropFirst(namespace.count + 1).contains(".")
      }
      .map { String($0.dropFirst(namespace.count + 1)) }
    }
  }

  /// A note listing what a namespace supports, for attribute errors on it.
  public func supportedNote(_ namespace: String) -> [String] {
    let names = memberNames(of: .namespace(namespace)).sorted()
    guard !names.isEmpty else { return [] }
    return ["lessons support \(namespace).{\(names.joined(separator: ", "))}"]
  }

  /// Every entry whose signature Python would refuse, with the problem, for the registry's test.
  public var signatureProblems: [String] {
    functions.values.flatMap { entry in entry.signature.problems.map { "\(entry.name): \($0)" } }
  }
}

/// `torch.float32` and friends.
final class DTypeObject: HostObject {
  let dtype: DType
  init(_ dtype: DType) { self.dtype = dtype }
  var typeName: String { "torch.dtype" }
  var text: String { dtype.description }
}
