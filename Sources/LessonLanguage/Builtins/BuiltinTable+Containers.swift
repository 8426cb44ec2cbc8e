import Foundation

/// Methods of Python's strings, lists, tuples and dicts that lecture code uses.
extension BuiltinTable {
  static let containers: [BuiltinFunction] = [
    .function(
      "builtins.str.format", .string("self").positionalOnly, .variadic("args"),
      .keywords("kwargs")
    ) { interpreter, template, positional, keywords in
      do {
        return .string(
          try pythonFormatTemplate(template, positionalCount: positional.count) { field in
            try interpreter.renderField(field, positional: positional, keywords: keywords)
          })
      } catch let error as FormatError {
        throw PythonException(error)
      }
    },
    .function(
      "builtins.list.append", .listValue("self").positionalOnly, .value("object").positionalOnly
    ) {
      _, storage, item in
      try ValueMemory.checkItems(1, what: "list.append")
      storage.items.append(item)
      return .none
    },
    .function(
      "builtins.list.extend", .listValue("self").positionalOnly, .value("iterable").positionalOnly
    ) {
      interpreter, storage, iterable in
      let items = try interpreter.iterateAll(iterable)
      try ValueMemory.checkItems(items.count, what: "list.extend")
      storage.items += items
      return .none
    },
    .function("builtins.list.copy", .listValue("self")) { (_, storage: ListStorage) in
      .list(ListStorage(storage.items))
    },
    .function("builtins.tuple.index", .value("self").positionalOnly, .value("value").positionalOnly)
    {
      interpreter, tuple, item in
      guard
        let position = try interpreter.iterateAll(tuple).firstIndex(where: {
          valuesEqual($0, item)
        })
      else { throw PythonException.value("tuple.index(x): x not in tuple") }
      return .int(position)
    },
    .function("builtins.tuple.numel", .value("self")) { interpreter, tuple in
      var count = 1
      for item in try interpreter.iterateAll(tuple) {
        let (product, overflow) = count.multipliedReportingOverflow(by: try indexValue(item))
        guard !overflow else { throw PythonException.overflow("numel() does not fit in 64 bits") }
        count = product
      }
      return .int(count)
    },
    .function("builtins.dict.keys", .dictValue("self")) { (_, storage: DictStorage) in
      .list(ListStorage(storage.keys))
    },
    .function("builtins.dict.values", .dictValue("self")) { (_, storage: DictStorage) in
      .list(ListStorage(storage.values))
    },
    .function("builtins.dict.items", .dictValue("self")) { _, storage in
      .list(ListStorage(zip(storage.keys, storage.values).map { .tuple([$0, $1]) }))
    },
    .function(
      "builtins.dict.get", .dictValue("self").positionalOnly, .value("key").positionalOnly,
      .value("default", default: .none).positionalOnly
    ) { (_, storage: DictStorage, key: Value, fallback: Value) in storage[key] ?? fallback },
  ]
}

extension Interpreter {
  /// One `str.format` field: the argument, its attribute/item accessors, conversion and spec.
  func renderField(
    _ field: FormatField, positional: [Value], keywords: [(name: String, value: Value)]
  ) throws -> String {
    var value: Value
    switch field.argument {
    case .index(let i):
      guard positional.indices.contains(i) else {
        throw PythonException.index(
          "Replacement index \(i) out of range for positional args tuple")
      }
      value = positional[i]
    case .keyword(let name):
      guard let match = keywords.first(where: { $0.name == name }) else {
        throw PythonException(.keyError, "'\(name)'")
      }
      value = match.value
    }
    for accessor in field.accessors {
      switch accessor {
      case .attribute(let name): value = try getAttribute(value, name)
      case .index(let i): value = try getItem(value, .int(i))
      case .key(let key): value = try getItem(value, .string(key))
      }
    }
    switch field.conversion {
    case "r": value = .string(repr(value))
    case "s": value = .string(str(value))
    default: break
    }
    return try format(value, spec: field.spec)
  }
}
