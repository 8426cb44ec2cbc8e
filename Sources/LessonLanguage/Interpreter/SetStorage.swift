/// A Python set's storage: unique hashable items in insertion order, found through the same hash
/// index as dict keys (`HashKey`: `1`, `1.0` and `True` are one item).
///
/// Its items are charged to the memory budget in force when it was made, as a dict's keys are.
/// (CPython orders a set by hash; insertion order is what it shows for the small ints and the
/// strings of one run that lessons print, and it is reproducible.)
public final class SetStorage {
  private let entries = DictStorage()

  public init() {}

  /// The items, in insertion order.
  public var items: [Value] { entries.keys }
  /// How many items the set holds.
  public var count: Int { entries.count }

  public func contains(_ item: Value) -> Bool { entries.index(of: item) != nil }

  /// Adds `item` unless the set holds it; lists, dicts and sets are refused as Python refuses them.
  public func insert(_ item: Value) throws {
    try Self.requireHashable(item)
    guard !contains(item) else { return }
    try ValueMemory.checkItems(ValueMemory.product(count + 1, 3), what: "a set")
    entries.append(item, .none)
  }

  /// Removes `item`; false when the set did not hold it.
  @discardableResult
  public func remove(_ item: Value) -> Bool {
    guard contains(item) else { return false }
    entries[item] = nil
    return true
  }

  public func removeAll() { entries.removeAll() }

  /// A set of `items`, duplicates dropped (the first of equal items is kept, as in Python).
  public static func of(_ items: [Value]) throws -> SetStorage {
    let storage = SetStorage()
    for item in items { try storage.insert(item) }
    return storage
  }

  /// Lists, dicts and sets are mutable, so Python refuses them as set items and dict keys.
  static func requireHashable(_ item: Value) throws {
    switch item {
    case .list, .dict, .set:
      throw PythonException.type("unhashable type: '\(typeName(of: item))'")
    case .tuple(let items):
      for inner in items { try requireHashable(inner) }
    default: break
    }
  }
}
