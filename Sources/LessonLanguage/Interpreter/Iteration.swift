/// Iteration over values: lists, tuples, strings, dict keys, sizes, tensors (along dim 0) and
/// iterable host objects (ranges, data loaders).
final class ArrayIterator: ValueIterator {
  private var items: ArraySlice<Value>
  init(_ items: [Value]) { self.items = items[...] }
  func next() throws -> Value? { items.popFirst() }
}

extension Interpreter {
  func makeIterator(_ value: Value) throws -> ValueIterator {
    switch value {
    case .list(let storage): return ArrayIterator(storage.items)
    case .tuple(let items): return ArrayIterator(items)
    case .string(let text): return ArrayIterator(text.map { .string(String($0)) })
    case .dict(let storage): return ArrayIterator(storage.keys)
    case .set(let storage): return ArrayIterator(storage.items)
    case .size(let dims): return ArrayIterator(dims.map { .int($0) })
    case .tensor(let tensor):
      guard tensor.rank > 0 else { throw PythonException.type("iteration over a 0-d tensor") }
      return ArrayIterator(
        try (0..<tensor.shape[0]).map { .tensor(try tensor.indexed([.index($0)])) })
    case .object(let object as IterableObject):
      return try object.makeIterator()
    case .module(let module as Sequential):
      return ArrayIterator(module.layers.map { .module($0) })
    case .module(let module as ModuleList):
      return ArrayIterator(module.items.map { .module($0) })
    case .module(let module as ModuleDict):
      return ArrayIterator(module.keys.map { .string($0) })
    default:
      throw PythonException.type("'\(typeName(of: value))' object is not iterable")
    }
  }

  /// All the items of an iterable, in order.
  func iterateAll(_ value: Value) throws -> [Value] {
    if case .list(let storage) = value { return storage.items }
    if case .tuple(let items) = value { return items }
    if case .object(let object as IterableObject) = value, let count = object.length {
      try ValueMemory.checkItems(count, what: "list(\(typeName(of: value)))")
    }
    let iterator = try makeIterator(value)
    var items: [Value] = []
    while let item = try iterator.next() {
      try watchdog.check()
      try ValueMemory.checkItems(items.count + 1, what: "list(\(typeName(of: value)))")
      items.append(item)
    }
    return items
  }

  /// `len(value)`.
  func length(of value: Value) throws -> Int {
    switch value {
    case .list(let storage): return storage.items.count
    case .tuple(let items): return items.count
    case .string(let text): return text.count
    case .dict(let storage): return storage.count
    case .set(let storage): return storage.count
    case .size(let dims): return dims.count
    case .tensor(let tensor):
      guard let first = tensor.shape.first else {
        throw PythonException.type("len() of a 0-d tensor")
      }
      return first
    case .module(let module as Sequential): return module.layers.count
    case .module(let module as ModuleList): return module.items.count
    case .module(let module as ModuleDict): return module.keys.count
    case .object(let range as RangeObject) where range.isLongerThanAnInt:
      throw PythonException.overflow("Python int too large to convert to C ssize_t")
    case .object(let object as IterableObject):
      if let length = object.length { return length }
      fallthrough
    default:
      throw PythonException.type("object of type '\(typeName(of: value))' has no len()")
    }
  }
}

/// `range(start, stop, step)`.
final class RangeObject: IterableObject {
  let start: Int
  let stop: Int
  let step: Int

  init(start: Int, stop: Int, step: Int) throws {
    guard step != 0 else { throw PythonException.value("range() arg 3 must not be zero") }
    self.start = start
    self.stop = stop
    self.step = step
  }

  var typeName: String { "range" }
  var text: String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }

  /// How many numbers the range yields, computed without overflow (`range(-2**63, 2**63 - 1)`
  /// saturates at `Int.max`).
  var length: Int? { Int(clamping: count) }

  /// How many numbers the range yields, exactly.
  private var count: UInt {
    let (low, high, stride) =
      step > 0 ? (start, stop, step.magnitude) : (stop, start, step.magnitude)
    guard high > low else { return 0 }
    let span = UInt(bitPattern: high &- low)  // exact: the true difference fits in 64 unsigned bits
    return (span - 1) / stride + 1
  }

  /// Whether the range holds more numbers than an int can count (`len()` is then an
  /// `OverflowError`, as in Python).
  var isLongerThanAnInt: Bool { count > UInt(Int.max) }

  func makeIterator() throws -> ValueIterator {
    final class Iterator: ValueIterator {
      var current: Int
      let range: RangeObject
      init(_ range: RangeObject) {
        self.range = range
        current = range.start
      }
      var finished = false
      func next() throws -> Value? {
        guard !finished, range.step > 0 ? current < range.stop : current > range.stop else {
          return nil
        }
        let value = current
        let (next, overflow) = current.addingReportingOverflow(range.step)
        current = next
        finished = overflow
        return .int(value)
      }
    }
    return Iterator(self)
  }
}

/// `enumerate(...)` and `zip(...)`: lazy, so they work over data loaders without loading everything.
final class CombinedIterator: ValueIterator {
  private let sources: [ValueIterator]
  private var counter: Int?

  init(enumerating source: ValueIterator, start: Int) {
    sources = [source]
    counter = start
  }

  init(zipping sources: [ValueIterator]) {
    self.sources = sources
  }

  func next() throws -> Value? {
    // zip() of nothing is empty, as in Python (not endless empty tuples).
    if sources.isEmpty && counter == nil { return nil }
    var items: [Value] = []
    for source in sources {
      guard let item = try source.next() else { return nil }
      items.append(item)
    }
    if let index = counter {
      counter = index + 1
      return .tuple([.int(index)] + items)
    }
    return .tuple(items)
  }
}

/// An iterable host object wrapping one iterator (what `enumerate` and `zip` return).
final class IteratorObject: IterableObject {
  let typeName: String
  private let iterator: ValueIterator
  /// Like Python's enumerate and zip objects, these have no `len()`.
  var length: Int? { nil }

  init(typeName: String, iterator: ValueIterator) {
    self.typeName = typeName
    self.iterator = iterator
  }

  func makeIterator() throws -> ValueIterator { iterator }
}

extension Interpreter {
  /// `sorted(items, key=, reverse=)`: a stable sort on the keys (Python's sort is stable, and
  /// `reverse` keeps equal items in their order).
  func sorted(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
    var keys = items
    if let key, let span = currentSpan {
      keys = try items.map { try call(key, Arguments([$0]), span: span) }
    }
    var order = Array(keys.indices)
    var failure: Error?
    order.sort { a, b in
      guard failure == nil else { return false }
      do {
        let comparison = try ordering(keys[a], keys[b])
        return comparison == 0 ? a < b : (reverse ? comparison > 0 : comparison < 0)
      } catch {
        failure = error
        return false
      }
    }
    if let failure { throw failure }
    return order.map { items[$0] }
  }
}
