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
      "builtins.str.join", .string("self").positionalOnly, .value("iterable").positionalOnly
    ) { interpreter, separator, iterable in
      let parts = try interpreter.iterateAll(iterable).map { item -> String in
        guard case .string(let text) = item else {
          throw PythonException.type(
            "sequence item: expected str instance, \(typeName(of: item)) found")
        }
        return text
      }
      let separators = ValueMemory.product(separator.utf8.count, parts.count - 1)
      try ValueMemory.checkString(
        bytes: parts.reduce(separators) { ValueMemory.sum($0, $1.utf8.count) })
      return .string(parts.joined(separator: separator))
    },
    .function("builtins.str.upper", .string("self")) { _, text in .string(text.uppercased()) },
    .function("builtins.str.lower", .string("self")) { _, text in .string(text.lowercased()) },
    .function("builtins.str.strip", .string("self")) { _, text in
      .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
    },
    .function("builtins.str.split", .string("self"), .optionalString("sep")) {
      _, text, separator in
      let parts: [String]
      if let separator, !separator.isEmpty {
        parts = text.components(separatedBy: separator)
      } else {
        parts = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
      }
      return .list(ListStorage(parts.map { .string($0) }))
    },
    .function(
      "builtins.str.replace", .string("self").positionalOnly, .string("old").positionalOnly,
      .string("new").positionalOnly
    ) { _, text, old, new in
      .string(old.isEmpty ? text : text.replacingOccurrences(of: old, with: new))
    },
    .function(
      "builtins.str.startswith", .string("self").positionalOnly, .string("prefix").positionalOnly
    ) {
      _, text, prefix in .bool(text.hasPrefix(prefix))
    },
    .function(
      "builtins.str.endswith", .string("self").positionalOnly, .string("suffix").positionalOnly
    ) {
      _, text, suffix in .bool(text.hasSuffix(suffix))
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
    .function("builtins.list.pop", .listValue("self")) { _, storage in
      guard let last = storage.items.popLast() else {
        throw PythonException.index("pop from empty list")
      }
      return last
    },
    .function(
      "builtins.list.index", .listValue("self").positionalOnly, .value("value").positionalOnly
    ) {
      _, storage, item in
      guard let position = storage.items.firstIndex(where: { valuesEqual($0, item) }) else {
        throw PythonException.value("value is not in list")
      }
      return .int(position)
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
