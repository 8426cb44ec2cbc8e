/// Python's `any`, `all`, `map` and `filter`: `map` and `filter` are lazy, as in Python, so they
/// work over data loaders without loading everything; `any` and `all` stop at the first answer.
/// Their loops run inside one builtin call, so each item passes the watchdog: `all(range(1,
/// 10**15))` ends at the cell's time limit.

extension BuiltinTable {
  static let iterables: [BuiltinFunction] = [
    .function("builtins.any", .value("iterable").positionalOnly) { interpreter, iterable in
      let iterator = try interpreter.makeIterator(iterable)
      while let item = try iterator.next() {
        try interpreter.watchdog.check()
        if try interpreter.truthy(item) { return .bool(true) }
      }
      return .bool(false)
    },
    .function("builtins.all", .value("iterable").positionalOnly) { interpreter, iterable in
      let iterator = try interpreter.makeIterator(iterable)
      while let item = try iterator.next() {
        try interpreter.watchdog.check()
        if try !interpreter.truthy(item) { return .bool(false) }
      }
      return .bool(true)
    },
    .function(
      "builtins.map", .value("function").positionalOnly, .variadic("iterables")
    ) { interpreter, function, iterables in
      guard !iterables.isEmpty else {
        throw PythonException.type("map() must have at least two arguments.")
      }
      let sources = try iterables.map { try interpreter.makeIterator($0) }
      return .object(
        IteratorObject(
          typeName: "map",
          iterator: MappingIterator(sources: sources) { items in
            try interpreter.callFromBuiltin(function, items)
          }))
    },
    .function(
      "builtins.filter", .value("function").positionalOnly, .value("iterable").positionalOnly
    ) { interpreter, function, iterable in
      let source = try interpreter.makeIterator(iterable)
      return .object(
        IteratorObject(
          typeName: "filter",
          iterator: FilteringIterator(source: source) { item in
            try interpreter.watchdog.check()
            // filter(None, xs) keeps the items that are true themselves.
            if case .none = function { return try interpreter.truthy(item) }
            return try interpreter.truthy(interpreter.callFromBuiltin(function, [item]))
          }))
    },
  ]
}

/// `map(f, a, b)`: `f(a[i], b[i])` on demand, stopping at the shortest iterable.
final class MappingIterator: ValueIterator {
  private let sources: [ValueIterator]
  private let transform: ([Value]) throws -> Value

  init(sources: [ValueIterator], transform: @escaping ([Value]) throws -> Value) {
    self.sources = sources
    self.transform = transform
  }

  func next() throws -> Value? {
    var items: [Value] = []
    for source in sources {
      guard let item = try source.next() else { return nil }
      items.append(item)
    }
    return try transform(items)
  }
}

/// `filter(f, xs)`: the items for which `f` is true, on demand.
final class FilteringIterator: ValueIterator {
  private let source: ValueIterator
  private let keep: (Value) throws -> Bool

  init(source: ValueIterator, keep: @escaping (Value) throws -> Bool) {
    self.source = source
    self.keep = keep
  }

  func next() throws -> Value? {
    while let item = try source.next() {
      if try keep(item) { return item }
    }
    return nil
  }
}

extension Interpreter {
  /// Calls `function` with `arguments` from inside a builtin (`map`, `filter`), located at the
  /// builtin's call.
  func callFromBuiltin(_ function: Value, _ arguments: [Value]) throws -> Value {
    guard let span = currentSpan else {
      throw PythonException.runtime("no call site for a function called by a builtin")
    }
    return try call(function, Arguments(arguments), span: span)
  }
}
