/// The arguments of a call as passed: positional values and keyword values in order.
public struct Arguments {
  public var positional: [Value]
  public var keywords: [(name: String, value: Value)]

  public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
    self.positional = positional
    self.keywords = keywords
  }

  /// Matches the arguments to a Python-style parameter list and returns them by name.
  ///
  /// `parameters` are names; a trailing `?` marks an optional parameter, a leading `*` the rest of
  /// the positional arguments (collected as a tuple), a leading `**` the remaining keywords. The
  /// errors are Python's (`conv2d() missing 1 required positional argument: 'weight'`).
  public func bind(_ function: String, _ parameters: [String]) throws -> BoundArguments {
    var bound = BoundArguments(function: function)
    var remaining = positional[...]
    var names: [String] = []
    for parameter in parameters {
      if parameter.hasPrefix("**") { continue }
      if parameter.hasPrefix("*") {
        bound.values[String(parameter.dropFirst())] = .tuple(Array(remaining))
        remaining = []
        continue
      }
      let name = parameter.hasSuffix("?") ? String(parameter.dropLast()) : parameter
      names.append(name)
      if let value = remaining.popFirst() { bound.values[name] = value }
    }
    if !remaining.isEmpty {
      let required = parameters.filter { !$0.hasSuffix("?") && !$0.hasPrefix("*") }.count
      throw PythonException.type(
        positionalCountMessage(
          function, required: required, total: names.count, given: positional.count))
    }
    let acceptsAnyKeyword = parameters.contains { $0.hasPrefix("**") }
    for (name, value) in keywords {
      if bound.values[name] != nil {
        throw PythonException.type("\(function)() got multiple values for argument '\(name)'")
      }
      guard names.contains(name) || acceptsAnyKeyword else {
        throw PythonException.type(
          "\(function)() got an unexpected keyword argument '\(name)'",
          notes: didYouMean(name, in: names))
      }
      bound.values[name] = value
    }
    for parameter in parameters where !parameter.hasSuffix("?") && !parameter.hasPrefix("*") {
      if bound.values[parameter] == nil {
        throw PythonException.type(
          "\(function)() missing 1 required positional argument: '\(parameter)'")
      }
    }
    return bound
  }
}

/// Arguments matched to parameter names, with typed accessors that raise Python's `TypeError`s.
public struct BoundArguments {
  public let function: String
  public var values: [String: Value] = [:]

  init(function: String) { self.function = function }

  /// The value of `name`, or nil when it was not passed or is None.
  public subscript(name: String) -> Value? {
    if case .none? = values[name] { return nil }
    return values[name]
  }

  public func tensor(_ name: String) throws -> Tensor {
    guard let value = self[name] else { throw missing(name) }
    return try tensorValue(value, argument: name, function: function)
  }

  public func optionalTensor(_ name: String) throws -> Tensor? {
    try self[name].map { try tensorValue($0, argument: name, function: function) }
  }

  public func int(_ name: String, default defaultValue: Int? = nil) throws -> Int {
    guard let value = self[name] else {
      if let defaultValue { return defaultValue }
      throw missing(name)
    }
    return try intArgument(value, name)
  }

  public func optionalInt(_ name: String) throws -> Int? {
    try self[name].map { try intArgument($0, name) }
  }

  public func double(_ name: String, default defaultValue: Double? = nil) throws -> Double {
    guard let value = self[name] else {
      if let defaultValue { return defaultValue }
      throw missing(name)
    }
    switch value {
    case .int(let v): return Double(v)
    case .float(let v): return v
    case .bool(let v): return v ? 1 : 0
    case .tensor(let t) where t.count == 1: return t.value(at: 0)
    default: throw wrongType(name, "a number", value)
    }
  }

  public func optionalDouble(_ name: String) throws -> Double? {
    self[name] == nil ? nil : try double(name)
  }

  public func bool(_ name: String, default defaultValue: Bool) throws -> Bool {
    guard let value = self[name] else { return defaultValue }
    switch value {
    case .bool(let v): return v
    case .int(let v): return v != 0
    default: throw wrongType(name, "a bool", value)
    }
  }

  public func string(_ name: String, default defaultValue: String? = nil) throws -> String {
    guard let value = self[name] else {
      if let defaultValue { return defaultValue }
      throw missing(name)
    }
    guard case .string(let text) = value else { throw wrongType(name, "a str", value) }
    return text
  }

  /// An int or a pair of ints (`kernel_size=5` or `kernel_size=(5, 3)`).
  public func size2D(_ name: String, default defaultValue: Size2D? = nil) throws -> Size2D {
    guard let value = self[name] else {
      if let defaultValue { return defaultValue }
      throw missing(name)
    }
    switch try poolArgument(value, name) {
    case .single(let v): return Size2D(v)
    case .pair(let h, let w): return Size2D(h, w)
    }
  }

  /// An int or a pair, remembering which was written (for printing modules as PyTorch does).
  public func poolArgument(_ name: String) throws -> PoolArgument? {
    try self[name].map { try poolArgument($0, name) }
  }

  private func poolArgument(_ value: Value, _ name: String) throws -> PoolArgument {
    switch value {
    case .int(let v): return .single(v)
    case .tuple, .size, .list:
      let ints = try intList(value, name)
      guard ints.count == 2 else { throw wrongType(name, "an int or a pair of ints", value) }
      return .pair(ints[0], ints[1])
    default:
      throw wrongType(name, "an int or a pair of ints", value)
    }
  }

  /// A shape given as a list, tuple or `torch.Size`.
  public func intList(_ value: Value, _ name: String) throws -> [Int] {
    switch value {
    case .size(let dims): return dims
    case .tuple(let items): return try items.map { try intArgument($0, name) }
    case .list(let storage): return try storage.items.map { try intArgument($0, name) }
    case .int(let v): return [v]
    default: throw wrongType(name, "a sequence of ints", value)
    }
  }

  /// A shape given either as varargs (`zeros(2, 3)`) or as one sequence (`zeros((2, 3))`); `name`
  /// names the `*varargs` parameter.
  public func shape(_ name: String) throws -> [Int] {
    guard case .tuple(let items)? = values[name] else { throw missing(name) }
    let shape =
      items.count == 1 && !isInt(items[0])
      ? try intList(items[0], name) : try items.map { try intArgument($0, name) }
    try checkAllocation(shape)
    return shape
  }

  private func intArgument(_ value: Value, _ name: String) throws -> Int {
    switch value {
    case .int(let v): return v
    case .bool(let v): return v ? 1 : 0
    case .tensor(let t) where t.count == 1 && t.dtype != .float32: return Int(t.ints[0])
    default: throw wrongType(name, "an int", value)
    }
  }

  private func isInt(_ value: Value) -> Bool {
    if case .int = value { return true }
    return false
  }

  private func missing(_ name: String) -> PythonException {
    .type("\(function)() missing required argument '\(name)'")
  }

  func wrongType(_ name: String, _ expected: String, _ value: Value) -> PythonException {
    .type("\(function)(): argument '\(name)' must be \(expected), not \(typeName(of: value))")
  }
}

/// Python's "f() takes 2 positional arguments but 3 were given" (or "from 1 to 2 ...").
func positionalCountMessage(_ function: String, required: Int, total: Int, given: Int) -> String {
  let range = required == total ? "\(total)" : "from \(required) to \(total)"
  return "\(function)() takes \(range) positional argument\(total == 1 ? "" : "s") but \(given) "
    + (given == 1 ? "was given" : "were given")
}

/// Throws PyTorch's allocation error for a shape (without `-1`s) too large to allocate, before
/// any op tries (the limit is TensorCore's `maximumElementCount`).
func checkAllocation(_ shape: [Int]) throws {
  guard shape.allSatisfy({ $0 >= 0 }) else { return }
  _ = try checkedElementCount(shape)
}

/// The tensor in `value`, or a TypeError naming the argument.
func tensorValue(_ value: Value, argument: String, function: String) throws -> Tensor {
  guard case .tensor(let tensor) = value else {
    throw PythonException.type(
      "\(function)(): argument '\(argument)' must be Tensor, not \(typeName(of: value))")
  }
  return tensor
}
