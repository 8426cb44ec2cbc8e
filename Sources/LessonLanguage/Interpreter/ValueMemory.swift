/// What Python values cost against the lesson's `MemoryBudget`, and the checks made before a
/// list, tuple, dict or string is built.
///
/// Lists and dicts charge the budget for the items they hold while they live (`ListStorage`,
/// `DictStorage`); strings and tuples are values without a storage class, so they are only checked
/// before they are built. Without a budget in force (tests, tools) a fixed per-request limit keeps
/// one value from exhausting the machine.
enum ValueMemory {
  /// The bytes one item of a list, tuple or dict is counted as: its slot and a share of the boxed
  /// payload behind it.
  static let bytesPerItem = 32

  /// The per-request limit used when no budget is in force (nothing is charged against it).
  static let unbudgeted = MemoryBudget(limit: 1 << 30)

  /// The bytes `count` items take, saturating at `Int.max`.
  static func bytes(items count: Int) -> Int {
    let (total, overflow) = max(count, 0).multipliedReportingOverflow(by: bytesPerItem)
    return overflow ? Int.max : total
  }

  /// `count * factor`, saturating at `Int.max` (a repetition's size before it is refused).
  static func product(_ count: Int, _ factor: Int) -> Int {
    let (total, overflow) = max(count, 0).multipliedReportingOverflow(by: max(factor, 0))
    return overflow ? Int.max : total
  }

  /// `a + b`, saturating at `Int.max`.
  static func sum(_ a: Int, _ b: Int) -> Int {
    let (total, overflow) = max(a, 0).addingReportingOverflow(max(b, 0))
    return overflow ? Int.max : total
  }

  /// Throws `MemoryError` when a container of `count` items (`what`: `a list`) would go over the
  /// budget; allocates nothing.
  static func checkItems(_ count: Int, what: @autoclosure () -> String) throws(PythonException) {
    try check(bytes: bytes(items: count), what: what(), elements: count)
  }

  /// Throws `MemoryError` when a string of `byteCount` UTF-8 bytes would go over the budget.
  static func checkString(bytes byteCount: Int) throws(PythonException) {
    try check(bytes: byteCount, what: "a str", elements: nil)
  }

  /// Throws `MemoryError` when `bytes` more would go over the budget in force.
  static func check(bytes: Int, what: @autoclosure () -> String, elements: Int?)
    throws(PythonException)
  {
    do {
      try (MemoryBudget.current ?? unbudgeted).check(
        adding: bytes, what: what(), elements: elements)
    } catch {
      throw PythonException(error)
    }
  }
}

extension PythonException {
  /// Python's `MemoryError` for a request over the budget, with the budget's words.
  init(_ error: MemoryBudgetError) {
    self.init(.memoryError, error.message, notes: error.notes)
  }
}

/// What a list or dict has charged to the budget that was in force when it was made, kept up to
/// date as it grows and shrinks, and released when it goes away.
struct BudgetCharge {
  private let budget: MemoryBudget?
  private var charged = 0

  init() { budget = MemoryBudget.current }

  /// Charges or releases the difference between `items` items and what is charged now.
  mutating func account(items: Int) {
    guard let budget else { return }
    let now = ValueMemory.bytes(items: items)
    if now > charged {
      budget.charge(now - charged)
    } else if now < charged {
      budget.release(charged - now)
    }
    charged = now
  }

  /// Releases everything charged.
  mutating func releaseAll() { account(items: 0) }
}
