import Foundation

/// Methods of Python's strings, lists, tuples and dicts that lecture code uses.
extension BuiltinTable {
  nonisolated(unsafe) static let containers: [String: Builtin.Body] = [
    "str.format": { interpreter, arguments in
      guard case .string(let template) = arguments.positional[0] else { return .none }
      let positional = Array(arguments.positional.dropFirst())
      do {
        return .string(
          try pythonFormatTemplate(template, positionalCount: positional.count) { field in
            try interpreter.renderField(field, positional: positional, keywords: arguments.keywords)
          })
      } catch let error as FormatError {
        throw PythonException(error)
      }
    },
    "str.join": { interpreter, arguments in
      let separator = arguments.positional[0].stringValue ?? ""
      let items = try interpreter.iterateAll(try method(arguments, "join", count: 1)[0])
      let parts = try items.map { item -> String in
        guard case .string(let text) = item else {
          throw PythonException.type(
            "sequence item: expected str instance, \(typeName(of: item)) found")
        }
        return text
      }
      return .string(parts.joined(separator: separator))
    },
    "str.upper": { _, arguments in .string((arguments.positional[0].stringValue ?? "").uppercased())
    },
    "str.lower": { _, arguments in .string((arguments.positional[0].stringValue ?? "").lowercased())
    },
    "str.strip": { _, arguments in
      .string(
        (arguments.positional[0].stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines))
    },
    "str.split": { _, arguments in
      let text = arguments.positional[0].stringValue ?? ""
      let parts: [String]
      if let separator = arguments.positional.dropFirst().first?.stringValue, !separator.isEmpty {
        parts = text.components(separatedBy: separator)
      } else {
        parts = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
      }
      return .list(ListStorage(parts.map { .string($0) }))
    },
    "str.replace": { _, arguments in
      let values = try method(arguments, "replace", count: 2)
      guard let text = arguments.positional[0].stringValue, let old = values[0].stringValue,
        let new = values[1].stringValue
      else { throw PythonException.type("replace() arguments must be str") }
      return .string(text.replacingOccurrences(of: old, with: new))
    },
    "str.startswith": { _, arguments in
      let prefix = try method(arguments, "startswith", count: 1)[0].stringValue ?? ""
      return .bool((arguments.positional[0].stringValue ?? "").hasPrefix(prefix))
    },
    "str.endswith": { _, arguments in
      let suffix = try method(arguments, "endswith", count: 1)[0].stringValue ?? ""
      return .bool((arguments.positional[0].stringValue ?? "").hasSuffix(suffix))
    },
    "list.append": { _, arguments in
      guard case .list(let storage) = arguments.positional[0] else { return .none }
      storage.items.append(try method(arguments, "append", count: 1)[0])
      return .none
    },
    "list.extend": { interpreter, arguments in
      guard case .list(let storage) = arguments.positional[0] else { return .none }
      storage.items += try interpreter.iterateAll(try method(arguments, "extend", count: 1)[0])
      return .none
    },
    "list.pop": { _, arguments in
      guard case .list(let storage) = arguments.positional[0] else { return .none }
      guard !storage.items.isEmpty else { throw PythonException.index("pop from empty list") }
      return storage.items.removeLast()
    },
    "list.index": { _, arguments in
      guard case .list(let storage) = arguments.positional[0] else { return .none }
      let item = try method(arguments, "index", count: 1)[0]
      guard let position = storage.items.firstIndex(where: { valuesEqual($0, item) }) else {
        throw PythonException.value("value is not in list")
      }
      return .int(position)
    },
    "list.copy": { _, arguments in
      guard case .list(let storage) = arguments.positional[0] else { return .none }
      return .list(ListStorage(storage.items))
    },
    "tuple.index": { interpreter, arguments in
      let item = try method(arguments, "index", count: 1)[0]
      guard
        let position = try interpreter.iterateAll(arguments.positional[0]).firstIndex(where: {
          valuesEqual($0, item)
        })
      else { throw PythonException.value("tuple.index(x): x not in tuple") }
      return .int(position)
    },
    "tuple.numel": { interpreter, arguments in
      .int(
        try interpreter.iterateAll(arguments.positional[0]).reduce(1) { $0 * (try indexValue($1)) })
    },
    "dict.keys": { _, arguments in
      guard case .dict(let storage) = arguments.positional[0] else { return .none }
      return .list(ListStorage(storage.keys))
    },
    "dict.values": { _, arguments in
      guard case .dict(let storage) = arguments.positional[0] else { return .none }
      return .list(ListStorage(storage.values))
    },
    "dict.items": { _, arguments in
      guard case .dict(let storage) = arguments.positional[0] else { return .none }
      return .list(ListStorage(zip(storage.keys, storage.values).map { .tuple([$0, $1]) }))
    },
    "dict.get": { _, arguments in
      guard case .dict(let storage) = arguments.positional[0] else { return .none }
      let values = arguments.positional.dropFirst()
      guard let key = values.first else {
        throw PythonException.type("get expected at least 1 argument, got 0")
      }
      return storage[key] ?? (values.dropFirst().first ?? .none)
    },
  ]

  /// The arguments after the receiver of a method that takes exactly `count` of them.
  static func method(_ arguments: Arguments, _ name: String, count: Int) throws -> [Value] {
    let values = Array(arguments.positional.dropFirst())
    guard values.count == count, arguments.keywords.isEmpty else {
      throw PythonException.type(
        "\(name)() takes exactly \(count) argument\(count == 1 ? "" : "s") (\(values.count) given)")
    }
    return values
  }
}

extension Interpreter {
  /// One `str.format` field: the argument, its attribute/item accessors, conversion and spec.
  func renderField(
    _ field: FormatField, positional: [Value], keywords: [(name: String, value: Value)]
  ) throws -> String {
    var value: Value
    switch field.argument {
    case .index(let i): value = positional[i]
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
