import Synchronization

/// One total budget for the memory a lesson's values hold: tensor storage, and the lesson
/// language's lists, strings, dicts and bytes.
///
/// Every allocation whose size a lesson chooses asks the budget first (`check`), so going over
/// is a `MemoryError` that says what was asked for, raised before anything is allocated; what
/// stays allocated is `charge`d and `release`d when it is freed. The budget in force is a task
/// local (`MemoryBudget.$current`), installed by whoever runs the lesson; code that runs without
/// one (the tests, the benchmarks) only meets the per-tensor `maximumElementCount`.
public final class MemoryBudget: Sendable {
  /// The most bytes the values may hold at once.
  public let limit: Int
  /// The bytes held now.
  private let held = Atomic<Int>(0)
  /// The most bytes held at once so far.
  private let peak = Atomic<Int>(0)

  /// A budget of `limit` bytes (at least one KiB).
  public init(limit: Int) {
    self.limit = max(limit, 1024)
  }

  /// The budget in force for the running lesson; nil outside one.
  @TaskLocal public static var current: MemoryBudget?

  /// The bytes held now.
  public var used: Int { held.load(ordering: .relaxed) }

  /// The most bytes held at once since the budget was made.
  public var peakUsed: Int { peak.load(ordering: .relaxed) }

  /// Throws `MemoryBudgetError` when `bytes` more would go over the limit; allocates nothing.
  ///
  /// `what` names the request in the error (`torch.cat`, `a list`); `elements` is its element
  /// count when it is a tensor or a container, for the message.
  public func check(adding bytes: Int, what: @autoclosure () -> String, elements: Int? = nil)
    throws(MemoryBudgetError)
  {
    let now = used
    let (total, overflow) = now.addingReportingOverflow(max(bytes, 0))
    guard overflow || total > limit else { return }
    throw MemoryBudgetError(
      what: what(), requestedBytes: bytes, elements: elements, usedBytes: now, limitBytes: limit)
  }

  /// Counts `bytes` as held (after a successful `check` and allocation).
  public func charge(_ bytes: Int) {
    guard bytes > 0 else { return }
    let now = held.wrappingAdd(bytes, ordering: .relaxed).newValue
    var seen = peak.load(ordering: .relaxed)
    while now > seen {
      let (exchanged, original) = peak.compareExchange(
        expected: seen, desired: now, ordering: .relaxed)
      if exchanged { break }
      seen = original
    }
  }

  /// Counts `bytes` as freed.
  public func release(_ bytes: Int) {
    guard bytes > 0 else { return }
    held.wrappingSubtract(bytes, ordering: .relaxed)
  }

  /// The default limit for a machine with `physicalMemory` bytes and an address-space limit
  /// (`ulimit -v`, nil for none): a quarter of physical memory, at most 4 GiB, and at most a
  /// tenth of the address-space limit, since the address space also holds what the budget does
  /// not count (thread stacks, the allocator's reserved arenas, the mapped toolchain libraries):
  /// under `ulimit -v 8GiB` the lesson's values get 819 MiB and the process stays under 1 GiB.
  public static func defaultLimit(physicalMemory: UInt64, addressSpaceLimit: UInt64?) -> Int {
    var limit = min(physicalMemory / 4, 4 << 30)
    if let addressSpaceLimit { limit = min(limit, addressSpaceLimit / 10) }
    return Int(clamping: max(limit, 64 << 20))
  }
}

/// A request that would take the values over the memory budget (Python's `MemoryError`).
public struct MemoryBudgetError: Error, Equatable, Sendable {
  /// What asked (`torch.cat`, `a list of 10**9 items`).
  public var what: String
  /// The bytes it asked for.
  public var requestedBytes: Int
  /// Its element count, when it is a tensor or a container.
  public var elements: Int?
  /// The bytes already held.
  public var usedBytes: Int
  /// The budget's limit.
  public var limitBytes: Int

  /// `torch.cat would make 4,294,967,296 elements (16 GiB); the limit is 4 GiB`.
  public var message: String {
    let size = Self.byteText(requestedBytes)
    let request =
      elements.map { "\(what) would make \(Self.groupedText($0)) elements (\(size))" }
      ?? "\(what) would need \(size)"
    let held = usedBytes > 0 ? " (\(Self.byteText(usedBytes)) already in use)" : ""
    return "\(request); the limit is \(Self.byteText(limitBytes))\(held)"
  }

  /// What to do about it.
  public var notes: [String] {
    [
      "the lesson's values may hold at most \(Self.byteText(limitBytes)) at once; use smaller sizes, free values with del, or raise the limit with --max-memory (or CNN_LESSON_MAX_MEMORY)"
    ]
  }

  /// `16 GiB`, `1.5 MiB`, `512 bytes`.
  public static func byteText(_ bytes: Int) -> String {
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    guard bytes >= 1024 else { return "\(bytes) bytes" }
    var value = Double(bytes)
    var unit = -1
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    let rounded = (value * 10).rounded() / 10
    let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    return "\(text) \(units[unit])"
  }

  /// `4,294,967,296`.
  public static func groupedText(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var grouped = ""
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return value < 0 ? "-" + grouped : grouped
  }
}
