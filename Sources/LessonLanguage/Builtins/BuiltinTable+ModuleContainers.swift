/// `nn.ModuleList`, `nn.ModuleDict` and their methods; indexing, iteration and `len` are in
/// `Interpreter+Items.swift` and `Iteration.swift`.
extension BuiltinTable {
  static let moduleContainers: [BuiltinFunction] = [
    .function("torch.nn.ModuleList", .optionalValue("modules")) { interpreter, modules in
      let list = ModuleList()
      for module in try moduleItems(interpreter, modules) { list.append(module) }
      return .module(list)
    },
    .function("torch.nn.ModuleList.append", .module("self"), .value("module")) {
      interpreter, list, value in
      let child = try moduleValue(value)
      try interpreter.requireAcyclic(adding: child, to: list, as: String(list.namedChildren.count))
      (list as? ModuleList)?.append(child)
      return .module(list)
    },
    .function("torch.nn.ModuleList.extend", .module("self"), .value("modules")) {
      interpreter, list, modules in
      for child in try moduleItems(interpreter, modules) {
        try interpreter.requireAcyclic(
          adding: child, to: list, as: String(list.namedChildren.count))
        (list as? ModuleList)?.append(child)
      }
      return .module(list)
    },
    .function("torch.nn.ModuleDict", .optionalValue("modules")) { interpreter, modules in
      let dict = ModuleDict()
      try update(interpreter, dict, with: modules)
      return .module(dict)
    },
    .function("torch.nn.ModuleDict.update", .module("self"), .value("modules")) {
      interpreter, dict, modules in
      try update(interpreter, dict, with: modules)
      return .none
    },
    .function("torch.nn.ModuleDict.keys", .module("self")) { _, dict in
      .list(ListStorage(dict.namedChildren.map { .string($0.name) }))
    },
    .function("torch.nn.ModuleDict.values", .module("self")) { _, dict in
      .list(ListStorage(dict.namedChildren.map { .module($0.module) }))
    },
    .function("torch.nn.ModuleDict.items", .module("self")) { _, dict in
      .list(ListStorage(dict.namedChildren.map { .tuple([.string($0.name), .module($0.module)]) }))
    },
  ]

  /// The module a container is given, or PyTorch's `TypeError`.
  private static func moduleValue(_ value: Value) throws -> Module {
    guard case .module(let module) = value else {
      throw PythonException.type("\(typeName(of: value)) is not a Module subclass")
    }
    return module
  }

  /// The modules of an iterable (`ModuleList([...])`, `extend`); none for `None`.
  private static func moduleItems(_ interpreter: Interpreter, _ value: Value?) throws -> [Module] {
    guard let value else { return [] }
    return try interpreter.iterateAll(value).map(moduleValue)
  }

  /// Adds the `(key, module)` pairs of a dict or of an iterable of pairs to `dict`.
  private static func update(_ interpreter: Interpreter, _ dict: Module, with value: Value?) throws
  {
    guard let value else { return }
    let pairs: [(Value, Value)]
    if case .dict(let storage) = value {
      pairs = try storage.keys.map { key in (key, try interpreter.getItem(value, key)) }
    } else {
      pairs = try interpreter.iterateAll(value).enumerated().map { position, pair in
        let items = try interpreter.iterateAll(pair)
        guard items.count == 2 else {
          throw PythonException.value(
            "ModuleDict update sequence element #\(position) has length \(items.count); 2 is required"
          )
        }
        return (items[0], items[1])
      }
    }
    for (key, module) in pairs {
      guard case .string(let name) = key else {
        throw PythonException.type("module name should be a string. Got \(typeName(of: key))")
      }
      let child = try moduleValue(module)
      try interpreter.requireAcyclic(adding: child, to: dict, as: name)
      dict.registerModule(name, child)
    }
  }
}
