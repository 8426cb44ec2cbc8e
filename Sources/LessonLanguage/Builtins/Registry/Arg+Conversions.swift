/// The kinds of argument builtins take, each with its conversion and Python's `TypeError`.

// MARK: - Values and tensors

extension Arg where T == Value {
  /// Any value, required.
  public static func value(_ name: String) -> Arg<Value> {
    .required(name) { value, _ in value }
  }

  /// Any value, with a literal default (`None` passed stays `None`).
  public static func value(_ name: String, default defaultValue: PythonLiteral) -> Arg<Value> {
    Arg(Signature.Parameter(name, defaultText: defaultValue.text)) { value, _ in
      value ?? defaultValue.value
    }
  }
}

extension Arg where T == Value? {
  /// Any value; nil when not passed or `None`.
  public static func optionalValue(_ name: String) -> Arg<Value?> {
    .optional(name) { value, _ in value }
  }
}

extension Arg where T == [Value] {
  /// `*name`: the remaining positional arguments.
  public static func variadic(_ name: String) -> Arg<[Value]> {
    Arg(Signature.Parameter(name, kind: .variadic)) { value, _ in
      if case .tuple(let items)? = value { return items }
      return []
    }
  }
}

extension Arg where T == [(name: String, value: Value)] {
  /// `**name`: the remaining keyword arguments, in the order given.
  public static func keywords(_ name: String) -> Arg<[(name: String, value: Value)]> {
    Arg(Signature.Parameter(name, kind: .keywordVariadic)) { value, _ in
      guard case .dict(let storage)? = value else { return [] }
      return zip(storage.keys, storage.values).map { key, value in
        (key.stringValue ?? "", value)
      }
    }
  }
}

extension Arg where T == Tensor {
  /// A tensor, required.
  public static func tensor(_ name: String) -> Arg<Tensor> {
    .required(name) { value, context in try tensorArgument(value, name, context) }
  }
}

extension Arg where T == Tensor? {
  /// A tensor or `None` (the default).
  public static func optionalTensor(_ name: String) -> Arg<Tensor?> {
    .optional(name) { value, context in try tensorArgument(value, name, context) }
  }
}

func tensorArgument(_ value: Value, _ name: String, _ context: ArgumentContext) throws -> Tensor {
  guard case .tensor(let tensor) = value else {
    throw context.wrongType(name, expected: "Tensor", value)
  }
  return tensor
}

// MARK: - Numbers, flags and strings

extension Arg where T == Int {
  /// An int (a bool or a one-element integer tensor counts), with an optional default.
  public static func int(_ name: String, default defaultValue: Int? = nil) -> Arg<Int> {
    let convert: @Sendable (Value, ArgumentContext) throws -> Int = { value, context in
      try intArgument(value, name, context)
    }
    guard let defaultValue else { return .required(name, convert) }
    return .withDefault(name, defaultValue, text: String(defaultValue), convert)
  }
}

extension Arg where T == Int? {
  /// An int or `None` (the default).
  public static func optionalInt(_ name: String) -> Arg<Int?> {
    .optional(name) { value, context in try intArgument(value, name, context) }
  }
}

func intArgument(_ value: Value, _ name: String, _ context: ArgumentContext) throws -> Int {
  switch value {
  case .int(let v): return v
  case .bool(let v): return v ? 1 : 0
  case .tensor(let t) where t.count == 1 && t.dtype != .float32: return Int(t.ints[0])
  default: throw context.wrongType(name, expected: "an int", value)
  }
}

extension Arg where T == Double {
  /// A number (int, float, bool or a one-element tensor), with an optional default.
  public static func double(_ name: String, default defaultValue: Double? = nil) -> Arg<Double> {
    let convert: @Sendable (Value, ArgumentContext) throws -> Double = { value, context in
      try doubleArgument(value, name, context)
    }
    guard let defaultValue else { return .required(name, convert) }
    return .withDefault(name, defaultValue, text: pythonRepr(defaultValue), convert)
  }
}

extension Arg where T == Double? {
  /// A number or `None` (the default).
  public static func optionalDouble(_ name: String) -> Arg<Double?> {
    .optional(name) { value, context in try doubleArgument(value, name, context) }
  }
}

extension Arg where T == Double? {
  /// A number or `None`, with a numeric default: not passed gives `defaultValue`, `None` nil
  /// (`momentum=0.1` of the batch norms, where `None` means a cumulative average).
  public static func optionalDouble(_ name: String, default defaultValue: Double) -> Arg<Double?> {
    Arg<Double?>(Signature.Parameter(name, defaultText: pythonRepr(defaultValue))) {
      value, context in
      switch value {
      case nil: defaultValue
      case .none?: nil
      case let value?: try doubleArgument(value, name, context)
      }
    }
  }
}

func doubleArgument(_ value: Value, _ name: String, _ context: ArgumentContext) throws -> Double {
  switch value {
  case .int(let v): return Double(v)
  case .float(let v): return v
  case .bool(let v): return v ? 1 : 0
  case .tensor(let t) where t.count == 1: return t.value(at: 0)
  default: throw context.wrongType(name, expected: "a number", value)
  }
}

extension Arg where T == Bool {
  /// A bool (an int counts), with a default.
  public static func bool(_ name: String, default defaultValue: Bool) -> Arg<Bool> {
    .withDefault(name, defaultValue, text: defaultValue ? "True" : "False") { value, context in
      switch value {
      case .bool(let v): return v
      case .int(let v): return v != 0
      default: throw context.wrongType(name, expected: "a bool", value)
      }
    }
  }
}

extension Arg where T == String {
  /// A str, with an optional default.
  public static func string(_ name: String, default defaultValue: String? = nil) -> Arg<String> {
    let convert: @Sendable (Value, ArgumentContext) throws -> String = { value, context in
      try stringArgument(value, name, context)
    }
    guard let defaultValue else { return .required(name, convert) }
    return .withDefault(name, defaultValue, text: pythonStringRepr(defaultValue), convert)
  }
}

extension Arg where T == String? {
  /// A str or `None` (the default).
  public static func optionalString(_ name: String) -> Arg<String?> {
    .optional(name) { value, context in try stringArgument(value, name, context) }
  }
}

func stringArgument(_ value: Value, _ name: String, _ context: ArgumentContext) throws -> String {
  guard case .string(let text) = value else {
    throw context.wrongType(name, expected: "a str", value)
  }
  return text
}

// MARK: - Shapes and window sizes

extension Arg where T == [Int] {
  /// A shape or list of dims: a list, tuple or `torch.Size` of ints (or one int).
  public static func ints(_ name: String) -> Arg<[Int]> {
    .required(name) { value, context in try intListArgument(value, name, context) }
  }

  /// `*size` as `torch.zeros` takes it: ints one by one (`zeros(2, 3)`) or one sequence
  /// (`zeros((2, 3))`), checked against the allocation limit.
  public static func shape(_ name: String) -> Arg<[Int]> {
    Arg(Signature.Parameter(name, kind: .variadic)) { value, context in
      guard case .tuple(let items)? = value else { return [] }
      let shape =
        items.count == 1 && !items[0].isInt
        ? try intListArgument(items[0], name, context)
        : try items.map { try intArgument($0, name, context) }
      try checkAllocation(shape)
      return shape
    }
  }
}

extension Arg where T == [Int]? {
  /// A sequence of ints or `None` (the default).
  public static func optionalInts(_ name: String) -> Arg<[Int]?> {
    .optional(name) { value, context in try intListArgument(value, name, context) }
  }
}

func intListArgument(_ value: Value, _ name: String, _ context: ArgumentContext) throws -> [Int] {
  switch value {
  case .size(let dims): return dims
  case .tuple(let items): return try items.map { try intArgument($0, name, context) }
  case .list(let storage): return try storage.items.map { try intArgument($0, name, context) }
  case .int(let v): return [v]
  default: throw context.wrongType(name, expected: "a sequence of ints", value)
  }
}

extension Arg where T == Size2D {
  /// An int or a pair of ints (`kernel_size=5`, `stride=(2, 1)`), with an optional default.
  public static func size2D(_ name: String, default defaultValue: Int? = nil) -> Arg<Size2D> {
    let convert: @Sendable (Value, ArgumentContext) throws -> Size2D = { value, context in
      switch try windowArgument(value, name, context) {
      case .single(let v): Size2D(v)
      case .pair(let h, let w): Size2D(h, w)
      }
    }
    guard let defaultValue else { return .required(name, convert) }
    return .withDefault(name, Size2D(defaultValue), text: String(defaultValue), convert)
  }
}

extension Arg where T == PoolArgument {
  /// An int or a pair, remembering which was written (modules print it back as given).
  public static func window(_ name: String, default defaultValue: Int? = nil) -> Arg<PoolArgument> {
    let convert: @Sendable (Value, ArgumentContext) throws -> PoolArgument = { value, context in
      try windowArgument(value, name, context)
    }
    guard let defaultValue else { return .required(name, convert) }
    return .withDefault(name, .single(defaultValue), text: String(defaultValue), convert)
  }
}

extension Arg where T == PoolArgument? {
  /// An int, a pair or `None` (the default).
  public static func optionalWindow(_ name: String) -> Arg<PoolArgument?> {
    .optional(name) { value, context in try windowArgument(value, name, context) }
  }
}

func windowArgument(_ value: Value, _ name: String, _ context: ArgumentContext) throws
  -> PoolArgument
{
  switch value {
  case .int(let v): return .single(v)
  case .tuple, .size, .list:
    let ints = try intListArgument(value, name, context)
    guard ints.count == 2 else {
      throw context.wrongType(name, expected: "an int or a pair of ints", value)
    }
    return .pair(ints[0], ints[1])
  default:
    throw context.wrongType(name, expected: "an int or a pair of ints", value)
  }
}

/// Throws PyTorch's allocation error for a shape (without `-1`s) too large to allocate, before
/// any op tries (the limit is TensorCore's `maximumElementCount`).
func checkAllocation(_ shape: [Int]) throws {
  guard shape.allSatisfy({ $0 >= 0 }) else { return }
  _ = try checkedElementCount(shape)
}

/// A default value as a Python literal: `0`, `''`, `(0.9, 0.999)`, `None`.
public enum PythonLiteral: Sendable {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case tuple([PythonLiteral])

  /// The literal as a lesson value.
  var value: Value {
    switch self {
    case .none: .none
    case .bool(let v): .bool(v)
    case .int(let v): .int(v)
    case .float(let v): .float(v)
    case .string(let v): .string(v)
    case .tuple(let items): .tuple(items.map(\.value))
    }
  }

  /// The literal as Python source.
  var text: String {
    switch self {
    case .none: "None"
    case .bool(let v): v ? "True" : "False"
    case .int(let v): String(v)
    case .float(let v): pythonRepr(v)
    case .string(let v): pythonStringRepr(v)
    case .tuple(let items):
      "(" + items.map(\.text).joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
    }
  }
}

extension Value {
  var isInt: Bool {
    if case .int = self { return true }
    return false
  }
}

// MARK: - Containers and modules

extension Arg where T == ListStorage {
  /// A list (a method's `self`).
  public static func listValue(_ name: String) -> Arg<ListStorage> {
    .required(name) { value, context in
      guard case .list(let storage) = value else {
        throw context.wrongType(name, expected: "a list", value)
      }
      return storage
    }
  }
}

extension Arg where T == DictStorage {
  /// A dict (a method's `self`).
  public static func dictValue(_ name: String) -> Arg<DictStorage> {
    .required(name) { value, context in
      guard case .dict(let storage) = value else {
        throw context.wrongType(name, expected: "a dict", value)
      }
      return storage
    }
  }
}

extension Arg where T == SetStorage {
  /// A set (a method's `self`).
  public static func setValue(_ name: String) -> Arg<SetStorage> {
    .required(name) { value, context in
      guard case .set(let storage) = value else {
        throw context.wrongType(name, expected: "a set", value)
      }
      return storage
    }
  }
}

extension Arg where T == Module {
  /// An `nn.Module` (a method's `self`, or a model argument).
  public static func module(_ name: String) -> Arg<Module> {
    .required(name) { value, context in
      guard case .module(let module) = value else {
        throw context.wrongType(name, expected: "an nn.Module", value)
      }
      return module
    }
  }
}

extension Arg where T == DType? {
  /// `dtype=torch.float32` or `None` (the default).
  public static func dtype(_ name: String = "dtype") -> Arg<DType?> {
    .optional(name) { value, context in
      guard case .object(let object as DTypeObject) = value else {
        throw context.wrongType(name, expected: "torch.dtype", value)
      }
      return object.dtype
    }
  }
}

extension Arg where T == Tensor {
  /// A tensor or a Python number (made a 0-d tensor), as `torch.add`'s `other`.
  public static func tensorOrNumber(_ name: String) -> Arg<Tensor> {
    .required(name) { value, context in
      guard let tensor = asTensor(value) else {
        throw context.wrongType(name, expected: "Tensor or Number", value)
      }
      return tensor
    }
  }
}
