/// Methods of Python's `list` that change or search it in place (`append`, `extend` and `copy`
/// are in `BuiltinTable+Containers.swift`).
extension BuiltinTable {
  static let lists: [BuiltinFunction] = [
    .function(
      "builtins.list.sort", .listValue("self").positionalOnly, .optionalValue("key").keywordOnly,
      .bool("reverse", default: false).keywordOnly
    ) { interpreter, storage, key, reverse in
      // Sorted from a copy, as CPython sorts with the list emptied: a key that changes the list
      // does not disturb the sort.
      storage.items = try interpreter.sorted(storage.items, key: key, reverse: reverse)
      return .none
    },
    .function("builtins.list.reverse", .listValue("self")) { (_, storage: ListStorage) in
      storage.items.reverse()
      return .none
    },
    .function("builtins.list.clear", .listValue("self")) { (_, storage: ListStorage) in
      storage.items = []
      return .none
    },
    .function(
      "builtins.list.insert", .listValue("self").positionalOnly, .int("index").positionalOnly,
      .value("object").positionalOnly
    ) { _, storage, index, item in
      try ValueMemory.checkItems(ValueMemory.sum(storage.items.count, 1), what: "list.insert")
      let count = storage.items.count
      let position = index < 0 ? max(0, index + count) : min(index, count)
      storage.items.insert(item, at: position)
      return .none
    },
    .function("builtins.list.pop", .listValue("self"), .int("index", default: -1)) {
      _, storage, index in
      guard !storage.items.isEmpty else { throw PythonException.index("pop from empty list") }
      let position = index < 0 ? index + storage.items.count : index
      guard storage.items.indices.contains(position) else {
        throw PythonException.index("pop index out of range")
      }
      return storage.items.remove(at: position)
    },
    .function(
      "builtins.list.remove", .listValue("self").positionalOnly, .value("value").positionalOnly
    ) { interpreter, storage, item in
      guard let position = try storage.items.firstIndex(where: { try equalValues($0, item) })
      else { throw PythonException.value("list.remove(x): x not in list") }
      storage.items.remove(at: position)
      return .none
    },
    .function(
      "builtins.list.count", .listValue("self").positionalOnly, .value("value").positionalOnly
    ) { interpreter, storage, item in
      .int(try storage.items.count(where: { try equalValues($0, item) }))
    },
    .function(
      "builtins.list.index", .listValue("self").positionalOnly, .value("value").positionalOnly,
      .int("start", default: 0).positionalOnly
    ) { interpreter, storage, item, start in
      let count = storage.items.count
      let first = start < 0 ? max(0, start + count) : min(start, count)
      guard
        let position = try storage.items[first...].firstIndex(where: {
          try equalValues($0, item)
        })
      else { throw PythonException.value("\(interpreter.repr(item)) is not in list") }
      return .int(position)
    },
  ]
}
