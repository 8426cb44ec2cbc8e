/// Python's `set`: the constructor and the methods lecture code uses.
extension BuiltinTable {
  static let sets: [BuiltinFunction] = [
    .function("builtins.set", .value("iterable", default: .tuple([])).positionalOnly) {
      interpreter, iterable in .set(try SetStorage.of(try interpreter.iterateAll(iterable)))
    },
    .function("builtins.set.add", .setValue("self").positionalOnly, .value("elem").positionalOnly) {
      _, storage, item in
      try storage.insert(item)
      return .none
    },
    .function(
      "builtins.set.discard", .setValue("self").positionalOnly, .value("elem").positionalOnly
    ) { _, storage, item in
      storage.remove(item)
      return .none
    },
    .function(
      "builtins.set.remove", .setValue("self").positionalOnly, .value("elem").positionalOnly
    ) { interpreter, storage, item in
      guard storage.remove(item) else { throw PythonException(.keyError, interpreter.repr(item)) }
      return .none
    },
    .function("builtins.set.pop", .setValue("self")) { _, storage in
      guard let first = storage.items.first else {
        throw PythonException(.keyError, "'pop from an empty set'")
      }
      storage.remove(first)
      return first
    },
    .function("builtins.set.clear", .setValue("self")) { (_, storage: SetStorage) in
      storage.removeAll()
      return .none
    },
    .function("builtins.set.copy", .setValue("self")) { (_, storage: SetStorage) in
      .set(try SetStorage.of(storage.items))
    },
    .function("builtins.set.update", .setValue("self").positionalOnly, .variadic("others")) {
      interpreter, storage, others in
      for other in others {
        for item in try interpreter.iterateAll(other) { try storage.insert(item) }
      }
      return .none
    },
    .function("builtins.set.union", .setValue("self").positionalOnly, .variadic("others")) {
      interpreter, storage, others in
      var items = storage.items
      for other in others { items += try interpreter.iterateAll(other) }
      return .set(try SetStorage.of(items))
    },
    .function(
      "builtins.set.intersection", .setValue("self").positionalOnly, .variadic("others")
    ) { interpreter, storage, others in
      var items = storage.items
      for other in others {
        let kept = try SetStorage.of(try interpreter.iterateAll(other))
        items = items.filter { kept.contains($0) }
      }
      return .set(try SetStorage.of(items))
    },
    .function("builtins.set.difference", .setValue("self").positionalOnly, .variadic("others")) {
      interpreter, storage, others in
      var items = storage.items
      for other in others {
        let dropped = try SetStorage.of(try interpreter.iterateAll(other))
        items = items.filter { !dropped.contains($0) }
      }
      return .set(try SetStorage.of(items))
    },
    .function(
      "builtins.set.issubset", .setValue("self").positionalOnly, .value("other").positionalOnly
    ) { interpreter, storage, other in
      let container = try SetStorage.of(try interpreter.iterateAll(other))
      return .bool(storage.items.allSatisfy { container.contains($0) })
    },
    .function(
      "builtins.set.issuperset", .setValue("self").positionalOnly, .value("other").positionalOnly
    ) { interpreter, storage, other in
      .bool(try interpreter.iterateAll(other).allSatisfy { storage.contains($0) })
    },
  ]
}
