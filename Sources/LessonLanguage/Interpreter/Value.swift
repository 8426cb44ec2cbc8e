/// Runtime values of the lesson language: Python's built-in types, PyTorch's tensors, sizes and
/// modules, lesson-defined functions and classes, and host objects (optimizers, data loaders, ...).
public indirect enum Value {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  /// A mutable list, shared by reference as in Python.
  case list(ListStorage)
  case tuple([Value])
  /// A mutable dict, shared by reference, keeping insertion order.
  case dict(DictStorage)
  /// A mutable set, shared by reference, keeping insertion order.
  case set(SetStorage)
  case tensor(Tensor)
  /// `torch.Size`: a tuple of ints that prints as `torch.Size([64, 10])`.
  case size([Int])
  /// `start:stop:step` inside a subscript.
  case slice(Int?, Int?, Int?)
  case ellipsis
  /// An `nn.Module`: a built-in layer or an instance of a lesson class derived from `nn.Module`.
  case module(Module)
  /// A function or lambda defined by the lesson.
  case function(Function)
  /// A lesson function bound to its receiver (`self.forward`).
  case boundMethod(receiver: Value, function: Function)
  /// A function provided by the tool (`print`, `torch.zeros`, `x.view`), maybe bound to a receiver.
  case builtin(Builtin)
  /// A class defined by the lesson.
  case classObject(ClassObject)
  /// An instance of a lesson class that is not a module.
  case instance(Instance)
  /// A namespace such as `torch` or `torch.nn.functional`.
  case namespace(String)
  /// Anything else the tool provides: optimizers, datasets, loaders, `range`, `no_grad()`, ...
  case object(HostObject)
}

/// A Python list's storage.
///
/// Its items are charged to the memory budget in force when it was made, as they come and go.
public final class ListStorage {
  /// Charged by capacity, not count: an array that grows by appending holds up to twice its
  /// count, and that memory is as real as the items.
  public var items: [Value] {
    didSet { charge.account(items: items.capacity) }
  }
  private var charge = BudgetCharge()

  public init(_ items: [Value]) {
    self.items = items
    charge.account(items: items.capacity)
  }

  /// Frees nested lists and dicts one at a time instead of recursively, so a list nested a million
  /// deep (`x = [x]` in a loop) does not overflow the stack when it goes away.
  deinit {
    dismantle(&items)
    charge.releaseAll()
  }
}

/// Empties `values`, then the lists and dicts only they held, iteratively: each container's items
/// are moved onto a work list before the container is released.
func dismantle(_ values: inout [Value]) {
  guard values.contains(where: \.isContainer) else { return }
  var pending = values
  values = []
  while !pending.isEmpty {
    // `Container` takes the value apart, so that the storage may be the only reference left.
    switch Container(pending.removeLast()) {
    case .list(var storage):
      if isKnownUniquelyReferenced(&storage) {
        pending += storage.items
        storage.items = []
      }
    case .dict(var storage):
      if isKnownUniquelyReferenced(&storage) {
        pending += storage.keys + storage.values
        storage.removeAll()
      }
    case .set(var storage):
      if isKnownUniquelyReferenced(&storage) {
        pending += storage.items
        storage.removeAll()
      }
    case .tuple(let items):
      pending += items
    case .other:
      break
    }
  }
}

/// A value's container, moved out of the value (see `dismantle`).
private enum Container {
  case list(ListStorage)
  case dict(DictStorage)
  case set(SetStorage)
  case tuple([Value])
  case other

  init(_ value: consuming Value) {
    switch consume value {
    case .list(let storage): self = .list(storage)
    case .dict(let storage): self = .dict(storage)
    case .set(let storage): self = .set(storage)
    case .tuple(let items): self = .tuple(items)
    default: self = .other
    }
  }
}

extension Value {
  /// Whether freeing the value may free other lists, dicts or tuples.
  var isContainer: Bool {
    switch self {
    case .list, .dict, .set, .tuple: true
    default: false
    }
  }
}

/// A Python dict's storage: keys in insertion order, found through a hash index (hashable keys:
/// numbers, strings, tuples of them, and objects by identity), so building a dict of n keys takes
/// time proportional to n.
///
/// Its entries (a key, a value and an index slot each) are charged to the memory budget in force
/// when it was made.
public final class DictStorage {
  /// The keys, in insertion order.
  public var keys: [Value] {
    compact()
    return storedKeys
  }
  /// The values, in the keys' order.
  public var values: [Value] {
    compact()
    return storedValues
  }
  /// How many entries the dict holds.
  public var count: Int { storedKeys.count - removedCount }

  /// Keys and values as stored: removed entries stay in place (their value released, the slot
  /// flagged in `removed`) until the next read of `keys` or `values` compacts them, so deleting
  /// n keys one by one takes time proportional to n, as in Python.
  private var storedKeys: [Value] = [] {
    didSet { charge.account(items: ValueMemory.product(storedKeys.count, 3)) }
  }
  private var storedValues: [Value] = []
  private var removed: [Bool] = []
  private var removedCount = 0
  /// The position of each hashable key in `storedKeys`.
  private var positions: [HashKey: Int] = [:]
  private var charge = BudgetCharge()

  public init() {}

  deinit {
    dismantle(&storedKeys)
    dismantle(&storedValues)
    charge.releaseAll()
  }

  public func index(of key: Value) -> Int? {
    if let hashKey = HashKey(key) { return positions[hashKey] }
    return storedKeys.indices.first { !removed[$0] && valuesEqual(storedKeys[$0], key) }
  }

  /// Adds a key the dict does not hold yet (the caller knows it is new).
  public func append(_ key: Value, _ value: Value) {
    if let hashKey = HashKey(key) { positions[hashKey] = storedKeys.count }
    storedKeys.append(key)
    storedValues.append(value)
    removed.append(false)
  }

  /// Removes every entry.
  public func removeAll() {
    storedKeys = []
    storedValues = []
    removed = []
    removedCount = 0
    positions = [:]
  }

  public subscript(key: Value) -> Value? {
    get { index(of: key).map { storedValues[$0] } }
    set {
      if let index = index(of: key) {
        if let newValue {
          storedValues[index] = newValue
        } else {
          remove(at: index)
        }
      } else if let newValue {
        append(key, newValue)
      }
    }
  }

  /// Flags entry `index` removed and releases what it held.
  private func remove(at index: Int) {
    if let hashKey = HashKey(storedKeys[index]) { positions[hashKey] = nil }
    storedKeys[index] = .none
    storedValues[index] = .none
    removed[index] = true
    removedCount += 1
  }

  /// Drops the removed entries and renumbers the positions.
  private func compact() {
    guard removedCount > 0 else { return }
    var keys: [Value] = []
    var values: [Value] = []
    keys.reserveCapacity(count)
    values.reserveCapacity(count)
    for index in storedKeys.indices where !removed[index] {
      keys.append(storedKeys[index])
      values.append(storedValues[index])
    }
    storedKeys = keys
    storedValues = values
    removed = Array(repeating: false, count: keys.count)
    removedCount = 0
    reindex()
  }

  private func reindex() {
    positions = [:]
    for (index, key) in storedKeys.enumerated() {
      if let hashKey = HashKey(key) { positions[hashKey] = index }
    }
  }
}

/// A dict key as Python hashes it: equal numbers are one key (`1`, `1.0` and `True`), strings and
/// tuples by value, tensors, modules and objects by identity. Nil for values Python would not
/// hash (lists, dicts), which dicts then compare one by one.
enum HashKey: Hashable {
  case none
  case int(Int)
  case float(UInt64)
  case string(String)
  case tuple([HashKey])
  case object(ObjectIdentifier)

  init?(_ value: Value) { self.init(value, depth: 0) }

  /// Tuples nested deeper than Python could hash (its recursion limit) are left unhashed, so
  /// they are compared one by one instead of hashed by recursion that exhausts the stack.
  private init?(_ value: Value, depth: Int) {
    guard depth < maximumComparisonDepth else { return nil }
    switch value {
    case .none: self = .none
    case .bool(let v): self = .int(v ? 1 : 0)
    case .int(let v): self = .int(v)
    case .float(let v):
      if let exact = Int(exactly: v) { self = .int(exact) } else { self = .float(v.bitPattern) }
    case .string(let v): self = .string(v)
    case .size(let dims): self = .tuple(dims.map { .int($0) })
    case .tuple(let items):
      var keys: [HashKey] = []
      for item in items {
        guard let key = HashKey(item, depth: depth + 1) else { return nil }
        keys.append(key)
      }
      self = .tuple(keys)
    case .tensor(let t): self = .object(ObjectIdentifier(t))
    case .module(let m): self = .object(ObjectIdentifier(m))
    case .object(let o): self = .object(ObjectIdentifier(o))
    case .classObject(let c): self = .object(ObjectIdentifier(c))
    case .instance(let i): self = .object(ObjectIdentifier(i))
    case .function(let f): self = .object(ObjectIdentifier(f))
    case .namespace(let name): self = .string("<module \(name)>")
    default: return nil
    }
  }
}

/// An object provided by the tool. It answers attribute lookups and may be called or iterated.
public protocol HostObject: AnyObject {
  /// The Python type name used in messages (`SGD`, `DataLoader`, `range`).
  var typeName: String { get }
  /// The class whose registry methods the object has (`torch.optim.Optimizer`), if any.
  var methodNamespace: String? { get }
  /// The attribute `name`, or nil if there is none (the interpreter then reports an AttributeError).
  func attribute(_ name: String, interpreter: Interpreter) throws -> Value?
  /// How `print` shows the object.
  var text: String { get }
}

extension HostObject {
  public var methodNamespace: String? { nil }
  public func attribute(_ name: String, interpreter: Interpreter) throws -> Value? { nil }
  public var text: String { "<\(typeName) object>" }
}

/// A host object that can be iterated with `for` (data loaders, `range`, `enumerate`, ...).
public protocol IterableObject: HostObject {
  func makeIterator() throws -> ValueIterator
  /// `len(object)`, when it has one.
  var length: Int? { get }
}

/// A Python iterator: `next()` returns nil when exhausted and may throw (a data file read fails).
public protocol ValueIterator: AnyObject {
  func next() throws -> Value?
}

/// A host object with `__enter__` / `__exit__`, usable in `with` (`torch.no_grad()`).
public protocol ContextManager: HostObject {
  /// Runs `body` inside the context.
  func run<R>(_ body: () throws -> R) throws -> R
}

/// A lesson-defined function: its definition, evaluated defaults, and the scope it closes over.
public final class Function {
  public let name: String
  public let parameters: Parameters
  /// The parameters as the binder sees them (built once from `parameters`).
  public let signature: Signature
  public let defaults: [String: Value]
  public let body: [Statement]
  /// For a lambda, the expression returned.
  public let lambdaBody: Expression?
  let closure: Scope
  let span: SourceSpan
  /// The class whose body defined this function (for zero-argument `super()`).
  weak var definingClass: ClassObject?

  init(
    name: String, parameters: Parameters, defaults: [String: Value], body: [Statement],
    lambdaBody: Expression?, closure: Scope, span: SourceSpan
  ) {
    self.name = name
    self.parameters = parameters
    self.signature = Signature(parameters)
    self.defaults = defaults
    self.body = body
    self.lambdaBody = lambdaBody
    self.closure = closure
    self.span = span
  }
}

/// A class defined by the lesson: its methods and class attributes, and its base.
public final class ClassObject {
  public let name: String
  /// The lesson-defined base class, if any.
  public let base: ClassObject?
  /// Whether the class derives (directly or not) from `nn.Module`.
  public let isModule: Bool
  public var attributes: [String: Value]

  init(name: String, base: ClassObject?, isModule: Bool, attributes: [String: Value]) {
    self.name = name
    self.base = base
    self.isModule = isModule
    self.attributes = attributes
  }

  /// The attribute `name` from this class or the nearest base that defines it.
  func lookup(_ name: String) -> Value? {
    attributes[name] ?? base?.lookup(name)
  }

  /// True when `other` is this class or one of its bases.
  func isSubclass(of other: ClassObject) -> Bool {
    self === other || (base?.isSubclass(of: other) ?? false)
  }
}

/// An instance of a lesson class that is not a module.
public final class Instance {
  public let classObject: ClassObject
  public var attributes: [String: Value] = [:]
  init(classObject: ClassObject) { self.classObject = classObject }
}

extension Signature {
  /// The signature of a lesson `def` or `lambda`.
  init(_ parameters: Parameters) {
    func entry(_ parameter: LessonLanguage.Parameter, _ kind: Signature.Parameter.Kind)
      -> Signature.Parameter
    {
      Signature.Parameter(
        parameter.name, kind: kind, defaultText: parameter.defaultValue == nil ? nil : "...")
    }
    var entries = parameters.positional.map { entry($0, .positionalOrKeyword) }
    if let variadic = parameters.variadic { entries.append(entry(variadic, .variadic)) }
    entries += parameters.keywordOnly.map { entry($0, .keywordOnly) }
    if let keywords = parameters.keywordVariadic {
      entries.append(entry(keywords, .keywordVariadic))
    }
    self.init(entries)
  }
}
