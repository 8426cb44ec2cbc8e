import Foundation

/// Python's built-in functions and types: `print`, `len`, `range`, `enumerate`, `zip`, `sum`,
/// `min`, `max`, `abs`, `round`, `int`, `float`, `str`, `isinstance`, ...
extension BuiltinTable {
  nonisolated(unsafe) static let python: [String: Builtin.Body] = [
    "builtins.print": { interpreter, arguments in
      let bound = try arguments.bind("print", ["*values", "sep?", "end?", "file?", "flush?"])
      guard case .tuple(let values)? = bound.values["values"] else { return .none }
      let separator = try bound.string("sep", default: " ")
      let end = try bound.string("end", default: "\n")
      interpreter.output(values.map(interpreter.str).joined(separator: separator) + end)
      return .none
    },
    "builtins.len": { interpreter, arguments in
      .int(try interpreter.length(of: try single(arguments, "len")))
    },
    "builtins.range": { _, arguments in
      let bound = try arguments.bind("range", ["a", "b?", "c?"])
      let a = try bound.int("a")
      if let b = try bound.optionalInt("b") {
        return .object(try RangeObject(start: a, stop: b, step: try bound.int("c", default: 1)))
      }
      return .object(try RangeObject(start: 0, stop: a, step: 1))
    },
    "builtins.enumerate": { interpreter, arguments in
      let bound = try arguments.bind("enumerate", ["iterable", "start?"])
      let source = try interpreter.makeIterator(bound.values["iterable"] ?? .none)
      return .object(
        IteratorObject(
          typeName: "enumerate",
          iterator: CombinedIterator(enumerating: source, start: try bound.int("start", default: 0))
        ))
    },
    "builtins.zip": { interpreter, arguments in
      let sources = try arguments.positional.map { try interpreter.makeIterator($0) }
      return .object(IteratorObject(typeName: "zip", iterator: CombinedIterator(zipping: sources)))
    },
    "builtins.sum": { interpreter, arguments in
      let bound = try arguments.bind("sum", ["iterable", "start?"])
      var total = bound.values["start"] ?? .int(0)
      for item in try interpreter.iterateAll(bound.values["iterable"] ?? .none) {
        total = try interpreter.binaryOperation(.add, total, item)
      }
      return total
    },
    "builtins.min": { interpreter, arguments in
      try extremum(interpreter, arguments, "min", sign: -1)
    },
    "builtins.max": { interpreter, arguments in try extremum(interpreter, arguments, "max", sign: 1)
    },
    "builtins.abs": { _, arguments in
      switch try single(arguments, "abs") {
      case .int(let v):
        guard v != Int.min else {
          throw PythonException(
            .overflowError, "integer result too large for a lesson (64-bit) int")
        }
        return .int(Swift.abs(v))
      case .float(let v): return .float(Swift.abs(v))
      case .bool(let v): return .int(v ? 1 : 0)
      case .tensor(let t): return .tensor(t.abs())
      case let other:
        throw PythonException.type("bad operand type for abs(): '\(typeName(of: other))'")
      }
    },
    "builtins.round": { interpreter, arguments in
      let bound = try arguments.bind("round", ["number", "ndigits?"])
      let number = bound.values["number"] ?? .none
      if case .int(let v) = number {
        return .int(pythonRound(v, digits: try bound.int("ndigits", default: 0)))
      }
      let value = try interpreter.numberValue(number)
      if let digits = try bound.optionalInt("ndigits") {
        return .float(pythonRound(value, digits: digits))
      }
      do {
        return .int(try pythonRound(value))
      } catch let error as FormatError {
        throw PythonException(error)
      }
    },
    "builtins.int": { interpreter, arguments in try convertToInt(interpreter, arguments) },
    "builtins.float": { interpreter, arguments in try convertToFloat(interpreter, arguments) },
    "builtins.str": { interpreter, arguments in
      .string(arguments.positional.first.map(interpreter.str) ?? "")
    },
    "builtins.repr": { interpreter, arguments in
      .string(interpreter.repr(try single(arguments, "repr")))
    },
    "builtins.bool": { interpreter, arguments in
      .bool(try arguments.positional.first.map(interpreter.truthy) ?? false)
    },
    "builtins.list": { interpreter, arguments in
      .list(ListStorage(try arguments.positional.first.map(interpreter.iterateAll) ?? []))
    },
    "builtins.tuple": { interpreter, arguments in
      .tuple(try arguments.positional.first.map(interpreter.iterateAll) ?? [])
    },
    "builtins.dict": { _, arguments in
      let storage = DictStorage()
      for (name, value) in arguments.keywords { storage[.string(name)] = value }
      return .dict(storage)
    },
    "builtins.sorted": { interpreter, arguments in
      let bound = try arguments.bind("sorted", ["iterable", "key?", "reverse?"])
      let items = try interpreter.iterateAll(bound.values["iterable"] ?? .none)
      var keys = items
      if let key = bound["key"], let span = interpreter.currentSpan {
        keys = try items.map { try interpreter.call(key, Arguments([$0]), span: span) }
      }
      var order = Array(keys.indices)
      var failure: Error?
      // A stable sort on the keys (Python's sort is stable; `reverse` keeps equal items in order).
      let descending = try bound.bool("reverse", default: false)
      order.sort { a, b in
        do {
          let comparison = try interpreter.ordering(keys[a], keys[b])
          return comparison == 0 ? a < b : (descending ? comparison > 0 : comparison < 0)
        } catch {
          failure = error
          return false
        }
      }
      if let failure { throw failure }
      return .list(ListStorage(order.map { items[$0] }))
    },
    "builtins.reversed": { interpreter, arguments in
      .list(ListStorage(try interpreter.iterateAll(try single(arguments, "reversed")).reversed()))
    },
    "builtins.isinstance": { _, arguments in
      let bound = try arguments.bind("isinstance", ["object", "classinfo"])
      return .bool(
        try isInstance(bound.values["object"] ?? .none, bound.values["classinfo"] ?? .none))
    },
    "builtins.hasattr": { interpreter, arguments in
      let bound = try arguments.bind("hasattr", ["object", "name"])
      return .bool(
        (try? interpreter.getAttribute(bound.values["object"] ?? .none, try bound.string("name")))
          != nil)
    },
    "builtins.getattr": { interpreter, arguments in
      let bound = try arguments.bind("getattr", ["object", "name", "default?"])
      do {
        return try interpreter.getAttribute(
          bound.values["object"] ?? .none, try bound.string("name"))
      } catch let error as PythonException where error.type == .attributeError {
        guard let fallback = bound.values["default"] else { throw error }
        return fallback
      }
    },
    "builtins.super": { interpreter, arguments in try makeSuper(interpreter, arguments) },
    "builtins.object": { _, _ in
      throw PythonException.unsupported(
        "object() instances are not supported in lessons; define a class")
    },
    "builtins.type": { _, arguments in
      .string("<class '\(typeName(of: try single(arguments, "type")))'>")
    },
  ]

  /// The one positional argument of a one-argument builtin.
  static func single(_ arguments: Arguments, _ function: String) throws -> Value {
    guard arguments.positional.count == 1, arguments.keywords.isEmpty else {
      throw PythonException.type(
        "\(function)() takes exactly one argument (\(arguments.positional.count) given)")
    }
    return arguments.positional[0]
  }

  private static func extremum(
    _ interpreter: Interpreter, _ arguments: Arguments, _ name: String, sign: Int
  )
    throws -> Value
  {
    let items =
      arguments.positional.count == 1
      ? try interpreter.iterateAll(arguments.positional[0]) : arguments.positional
    guard var best = items.first else {
      throw PythonException.value("\(name)() arg is an empty sequence")
    }
    for item in items.dropFirst() where try interpreter.ordering(item, best) * sign > 0 {
      best = item
    }
    return best
  }

  private static func convertToInt(_ interpreter: Interpreter, _ arguments: Arguments) throws
    -> Value
  {
    guard let value = arguments.positional.first else { return .int(0) }
    switch value {
    case .int: return value
    case .bool(let v): return .int(v ? 1 : 0)
    case .float(let v):
      guard v.isFinite else {
        throw PythonException.value("cannot convert float \(pythonRepr(v)) to integer")
      }
      guard abs(v) < 9.2e18 else {
        throw PythonException(.overflowError, "int too large for a lesson (64-bit) int")
      }
      return .int(Int(v.rounded(.towardZero)))
    case .string(let text):
      guard let v = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw PythonException.value(
          "invalid literal for int() with base 10: \(interpreter.repr(value))")
      }
      return .int(v)
    case .tensor(let tensor):
      return try convertToInt(
        interpreter, Arguments([.float(try tensor.item().rounded(.towardZero))]))
    default:
      throw PythonException.type(
        "int() argument must be a string or a number, not '\(typeName(of: value))'")
    }
  }

  private static func convertToFloat(_ interpreter: Interpreter, _ arguments: Arguments) throws
    -> Value
  {
    guard let value = arguments.positional.first else { return .float(0) }
    switch value {
    case .string(let text):
      let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
      if let v = Double(trimmed) { return .float(v) }
      if ["inf", "+inf", "infinity"].contains(trimmed) { return .float(.infinity) }
      if ["-inf", "-infinity"].contains(trimmed) { return .float(-.infinity) }
      if trimmed == "nan" { return .float(.nan) }
      throw PythonException.value("could not convert string to float: \(interpreter.repr(value))")
    case .tensor(let tensor): return .float(try tensor.item())
    default: return .float(try interpreter.numberValue(value))
    }
  }

  /// `isinstance(object, classinfo)` for lesson classes, Python's built-in types and PyTorch's.
  static func isInstance(_ object: Value, _ classInfo: Value) throws -> Bool {
    switch classInfo {
    case .tuple(let options): return try options.contains { try isInstance(object, $0) }
    case .classObject(let classObject):
      switch object {
      case .instance(let instance): return instance.classObject.isSubclass(of: classObject)
      case .module(let module as ScriptModule):
        return module.classObject.isSubclass(of: classObject)
      default: return false
      }
    case .builtin(let builtin):
      switch (builtin.name, object) {
      case ("int", .int), ("int", .bool), ("float", .float), ("str", .string), ("bool", .bool),
        ("list", .list), ("tuple", .tuple), ("tuple", .size), ("dict", .dict),
        ("torch.Tensor", .tensor),
        ("torch.nn.Module", .module), ("torch.nn.Parameter", .tensor):
        return true
      case (let name, .module(let module)) where name.hasPrefix("torch.nn."):
        return module.typeName == name.dropFirst("torch.nn.".count)
      default: return false
      }
    default:
      throw PythonException.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }
  }
}
