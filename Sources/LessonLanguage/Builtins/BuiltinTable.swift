/// The one table that maps Python and PyTorch names to the tool's implementations.
///
/// Keys are dotted names: `builtins.print`, `torch.zeros`, `torch.nn.functional.conv2d`,
/// `torch.nn.Conv2d`, `Tensor.view` (methods of tensors), `Module.parameters`, `str.format`. Each
/// entry receives the interpreter and the call's arguments (a method's receiver first). The entries
/// live in one file per namespace (`BuiltinTable+Torch.swift`, ...); this file puts them together.
enum BuiltinTable {
  /// The importable modules and what a lesson can do with them.
  static let namespaces: Set<String> = [
    "torch", "torch.nn", "torch.nn.functional", "torch.optim", "torch.autograd", "torch.utils",
    "torch.utils.data", "torch.cuda", "torchvision", "torchvision.datasets",
    "torchvision.transforms", "__future__", "math",
    // Imported by the course's scripts for command-line flags they do not use in lessons.
    "argparse",
    // torchinfo's summary(model, input_size) is provided too (BuiltinTable+Summary.swift).
    "torchinfo",
  ]

  nonisolated(unsafe) static let functions: [String: Builtin.Body] = {
    var table: [String: Builtin.Body] = [:]
    for part in [
      python, containers, torch, tensorMethods, functional, layers, optimizers, math, data,
      summaries,
    ] {
      table.merge(part) { first, _ in first }
    }
    return table
  }()

  /// Constants such as `torch.float32` and `math.pi`.
  nonisolated(unsafe) static let constants: [String: Value] = [
    "torch.float32": .object(DTypeObject(.float32)), "torch.float": .object(DTypeObject(.float32)),
    "torch.int64": .object(DTypeObject(.int64)), "torch.long": .object(DTypeObject(.int64)),
    "torch.bool": .object(DTypeObject(.bool)), "math.pi": .float(Double.pi), "math.e": .float(M_E),
    "math.inf": .float(Double.infinity), "__future__.print_function": .none,
    "__future__.division": .none,
  ]

  /// `namespace.name`: a submodule, a function or class, or a constant.
  static func member(_ namespace: String, _ name: String) -> Value? {
    let key = namespace + "." + name
    if namespaces.contains(key) { return .namespace(key) }
    if let body = functions[key] { return .builtin(Builtin(name: key, body: body)) }
    return constants[key]
  }

  /// `value.name` for a method provided by the tool (`x.view`, `model.parameters`, `s.format`).
  static func method(of value: Value, _ name: String) -> Value? {
    for prefix in methodPrefixes(of: value) {
      let key = prefix + "." + name
      if let body = functions[key] {
        return .builtin(Builtin(name: key, receiver: value, body: body))
      }
    }
    return nil
  }

  /// Where methods of `value` are looked up, in order (tensor methods fall back to `torch.*`).
  private static func methodPrefixes(of value: Value) -> [String] {
    switch value {
    case .tensor: return ["Tensor", "torch"]
    case .module: return ["Module"]
    case .string: return ["str"]
    case .list: return ["list"]
    case .dict: return ["dict"]
    case .size, .tuple: return ["tuple"]
    default: return []
    }
  }

  /// The names a value or namespace offers, for "did you mean" notes.
  static func memberNames(of value: Value) -> [String] {
    let prefixes: [String]
    if case .namespace(let namespace) = value {
      prefixes = [namespace]
    } else {
      prefixes = methodPrefixes(of: value)
    }
    return prefixes.flatMap { prefix in
      (Array(functions.keys) + Array(constants.keys) + Array(namespaces))
        .filter { $0.hasPrefix(prefix + ".") && !$0.dropFirst(prefix.count + 1).contains(".") }
        .map { String($0.dropFirst(prefix.count + 1)) }
    }
  }

  /// A note listing what a namespace supports, for attribute errors on it.
  static func supportedNote(_ namespace: String) -> [String] {
    let names = memberNames(of: .namespace(namespace)).sorted()
    guard !names.isEmpty else { return [] }
    return ["lessons support \(namespace).{\(names.joined(separator: ", "))}"]
  }
}

extension Interpreter {
  /// A Python built-in function or type (`print`, `len`, `int`, `object`), or nil.
  func pythonBuiltin(_ name: String) -> Value? {
    BuiltinTable.functions["builtins." + name].map { .builtin(Builtin(name: name, body: $0)) }
  }

  var pythonBuiltinNames: [String] {
    BuiltinTable.functions.keys.filter { $0.hasPrefix("builtins.") }.map { String($0.dropFirst(9)) }
  }
}

/// `torch.float32` and friends.
final class DTypeObject: HostObject {
  let dtype: DType
  init(_ dtype: DType) { self.dtype = dtype }
  var typeName: String { "torch.dtype" }
  var text: String { dtype.description }
}
