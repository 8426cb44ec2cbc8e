import Foundation

/// Python's built-in functions and types: `print`, `len`, `range`, `enumerate`, `zip`, `sum`,
/// `min`, `max`, `abs`, `round`, `int`, `float`, `str`, `isinstance`, ...
extension BuiltinTable {
  static let python: [BuiltinFunction] = [
    .function(
      "builtins.print", .variadic("values"), .string("sep", default: " ").keywordOnly,
      .string("end", default: "\n").keywordOnly, .optionalValue("file").keywordOnly,
      .bool("flush", default: false).keywordOnly
    ) { interpreter, values, separator, end, _, _ in
      interpreter.output(values.map(interpreter.str).joined(separator: separator) + end)
      return .none
    },
    .function("builtins.len", .value("obj").positionalOnly) { interpreter, object in
      .int(try interpreter.length(of: object))
    },
    .function(
      "builtins.range", .int("start_or_stop").positionalOnly, .optionalInt("stop").positionalOnly,
      .int("step", default: 1).positionalOnly
    ) { _, first, stop, step in
      guard let stop else { return .object(try RangeObject(start: 0, stop: first, step: 1)) }
      return .object(try RangeObject(start: first, stop: stop, step: step))
    },
    .function("builtins.enumerate", .value("iterable"), .int("start", default: 0)) {
      interpreter, iterable, start in
      .object(
        IteratorObject(
          typeName: "enumerate",
          iterator: CombinedIterator(
            enumerating: try interpreter.makeIterator(iterable), start: start)))
    },
    .function("builtins.zip", .variadic("iterables")) { interpreter, iterables in
      let sources = try iterables.map { try interpreter.makeIterator($0) }
      return .object(IteratorObject(typeName: "zip", iterator: CombinedIterator(zipping: sources)))
    },
    .function(
      "builtins.sum", .value("iterable").positionalOnly,
      .value("start", default: .int(0))
    ) { interpreter, iterable, start in
      var total = start
      for item in try interpreter.iterateAll(iterable) {
        total = try interpreter.binaryOperation(.add, total, item)
      }
      return total
    },
    .function("builtins.min", .variadic("args"), .optionalValue("key").keywordOnly) {
      interpreter, values, key in
      try extremum(interpreter, values, key: key, "min", sign: -1)
    },
    .function("builtins.max", .variadic("args"), .optionalValue("key").keywordOnly) {
      interpreter, values, key in
      try extremum(interpreter, values, key: key, "max", sign: 1)
    },
    .function("builtins.abs", .value("x").positionalOnly) { _, value in
      switch value {
      case .int(let v):
        guard v != Int.min else {
          throw PythonException.integerOverflow
        }
        return .int(Swift.abs(v))
      case .float(let v): return .float(Swift.abs(v))
      case .bool(let v): return .int(v ? 1 : 0)
      case .tensor(let t): return .tensor(t.abs())
      case let other:
        throw PythonException.type("bad operand type for abs(): '\(typeName(of: other))'")
      }
    },
    .function("builtins.round", .value("number"), .optionalInt("ndigits")) {
      interpreter, number, digits in
      if case .int(let v) = number {
        guard let rounded = pythonRound(v, digits: digits ?? 0) else {
          throw PythonException.integerOverflow
        }
        return .int(rounded)
      }
      let value = try interpreter.numberValue(number)
      if let digits { return .float(pythonRound(value, digits: digits)) }
      do {
        return .int(try pythonRound(value))
      } catch let error as FormatError {
        throw PythonException(error)
      }
    },
    .function("builtins.int", .value("x", default: .int(0)).positionalOnly) {
      interpreter, value in try convertToInt(interpreter, value)
    },
    .function("builtins.float", .value("x", default: .int(0)).positionalOnly) {
      interpreter, value in try convertToFloat(interpreter, value)
    },
    .function("builtins.str", .value("object", default: .string(""))) {
      interpreter, value in .string(interpreter.str(value))
    },
    .function("builtins.repr", .value("obj").positionalOnly) { interpreter, value in
      .string(interpreter.repr(value))
    },
    .function("builtins.bool", .value("x", default: .bool(false)).positionalOnly) {
      interpreter, value in .bool(try interpreter.truthy(value))
    },
    .function("builtins.list", .value("iterable", default: .tuple([])).positionalOnly) {
      interpreter, iterable in .list(ListStorage(try interpreter.iterateAll(iterable)))
    },
    .function(
      "builtins.tuple", .value("iterable", default: .tuple([])).positionalOnly
    ) { interpreter, iterable in .tuple(try interpreter.iterateAll(iterable)) },
    .function("builtins.dict", .keywords("kwargs")) { _, keywords in
      let storage = DictStorage()
      for (name, value) in keywords { storage.append(.string(name), value) }
      return .dict(storage)
    },
    .function(
      "builtins.sorted", .value("iterable").positionalOnly, .optionalValue("key").keywordOnly,
      .bool("reverse", default: false).keywordOnly
    ) { interpreter, iterable, key, reverse in
      .list(
        ListStorage(
          try interpreter.sorted(try interpreter.iterateAll(iterable), key: key, reverse: reverse)))
    },
    .function("builtins.reversed", .value("sequence").positionalOnly) { interpreter, sequence in
      .list(ListStorage(try interpreter.iterateAll(sequence).reversed()))
    },
    .function(
      "builtins.isinstance", .value("obj").positionalOnly, .value("class_or_tuple").positionalOnly
    ) { _, object, classInfo in .bool(try isInstance(object, classInfo)) },
    .function("builtins.hasattr", .value("obj").positionalOnly, .string("name").positionalOnly) {
      interpreter, object, name in
      .bool((try? interpreter.getAttribute(object, name)) != nil)
    },
    .function(
      "builtins.getattr", .value("object").positionalOnly, .string("name").positionalOnly,
      .optionalValue("default").positionalOnly
    ) { interpreter, object, name, fallback in
      do {
        return try interpreter.getAttribute(object, name)
      } catch let error as PythonException where error.type == .attributeError {
        guard let fallback else { throw error }
        return fallback
      }
    },
    .function("builtins.super", .variadic("args")) { interpreter, values in
      try makeSuper(interpreter, values)
    },
    .function("builtins.object") { _ in
      throw PythonException.unsupported(
        "object() instances are not supported in lessons; define a class")
    },
    .function("builtins.type", .value("object").positionalOnly) { _, value in
      PythonType.of(value)
    },
  ]

  /// `max(iterable, key=)` or `max(a, b, ..., key=)`: the first largest item (smallest for
  /// `min`), by the key's value when one is given.
  private static func extremum(
    _ interpreter: Interpreter, _ values: [Value], key: Value?, _ name: String, sign: Int
  ) throws -> Value {
    let items = values.count == 1 ? try interpreter.iterateAll(values[0]) : values
    guard !values.isEmpty else {
      throw PythonException.type("\(name) expected at least 1 argument, got 0")
    }
    guard var best = items.first else {
      throw PythonException.value("\(name)() arg is an empty sequence")
    }
    let span = interpreter.currentSpan
    func rank(_ item: Value) throws -> Value {
      guard let key, let span else { return item }
      return try interpreter.call(key, Arguments([item]), span: span)
    }
    var bestKey = try rank(best)
    for item in items.dropFirst() {
      let itemKey = try rank(item)
      // As Python: `item > best` (`<` for min) through the operator, so tensors compare too.
      let better = try interpreter.compare(sign > 0 ? .greater : .less, itemKey, bestKey)
      if try interpreter.truthy(better) {
        best = item
        bestKey = itemKey
      }
    }
    return best
  }

  private static func convertToInt(_ interpreter: Interpreter, _ value: Value) throws -> Value {
    switch value {
    case .int: return value
    case .bool(let v): return .int(v ? 1 : 0)
    case .float(let v):
      guard !v.isNaN else { throw PythonException.value("cannot convert float NaN to integer") }
      guard v.isFinite else {
        throw PythonException.overflow("cannot convert float infinity to integer")
      }
      guard let truncated = Int(exactly: v.rounded(.towardZero)) else {
        throw PythonException.integerOverflow
      }
      return .int(truncated)
    case .string(let text):
      guard let v = Int(text.trimmingCharacters(in: .whitespaces)) else {
        throw PythonException.value(
          "invalid literal for int() with base 10: \(interpreter.repr(value))")
      }
      return .int(v)
    case .tensor(let tensor):
      return try convertToInt(interpreter, .float(try tensor.item().rounded(.towardZero)))
    default:
      throw PythonException.type(
        "int() argument must be a string or a number, not '\(typeName(of: value))'")
    }
  }

  private static func convertToFloat(_ interpreter: Interpreter, _ value: Value) throws -> Value {
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
      case ("builtins.int", .int), ("builtins.int", .bool), ("builtins.float", .float),
        ("builtins.str", .string), ("builtins.bool", .bool),
        ("builtins.list", .list), ("builtins.tuple", .tuple), ("builtins.tuple", .size),
        ("builtins.dict", .dict), ("builtins.set", .set),
        ("torch.Tensor", .tensor),
        ("torch.nn.Module", .module), ("torch.nn.Parameter", .tensor):
        return true
      case (_, .object(let exception as ExceptionObject)):
        return ExceptionType(builtin: classInfo).map { exception.type.isSubclass(of: $0) } ?? false
      case (let name, .module(let module)) where name.hasPrefix("torch.nn."):
        return module.typeName == name.dropFirst("torch.nn.".count)
      default: return false
      }
    default:
      throw PythonException.type("isinstance() arg 2 must be a type, a tuple of types, or a union")
    }
  }
}
