/// Line diffs: which lines two texts share (Myers' algorithm), and the unified diff bless prints.

/// The difference between two lists of lines.
public enum LineDiff {
  /// One line of an edit script.
  enum Edit: Equatable {
    /// Old line `old` is new line `new`.
    case same(old: Int, new: Int)
    /// Old line `old` is gone.
    case removed(old: Int)
    /// New line `new` was added.
    case added(new: Int)
  }

  /// The most differences the search looks for; beyond that, everything between the common
  /// start and end counts as changed (still a correct script, only not the shortest).
  static let maximumDifferences = 1_000

  /// A shortest edit script from `old` to `new` (up to `maximumDifferences` differences).
  static func edits(_ old: [String], _ new: [String]) -> [Edit] {
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    let a = Array(old[prefix..<(old.count - suffix)])
    let b = Array(new[prefix..<(new.count - suffix)])
    let middle =
      myers(a, b)
      ?? (a.indices.map { Edit.removed(old: $0) } + b.indices.map { Edit.added(new: $0) })
    let head = (0..<prefix).map { Edit.same(old: $0, new: $0) }
    let body = middle.map { edit -> Edit in
      switch edit {
      case .same(let o, let n): .same(old: o + prefix, new: n + prefix)
      case .removed(let o): .removed(old: o + prefix)
      case .added(let n): .added(new: n + prefix)
      }
    }
    let tail = (0..<suffix).map {
      Edit.same(old: old.count - suffix + $0, new: new.count - suffix + $0)
    }
    return head + body + tail
  }

  /// Myers' greedy search for the shortest edit script, or nil past `maximumDifferences`.
  private static func myers(_ a: [String], _ b: [String]) -> [Edit]? {
    let n = a.count
    let m = b.count
    let limit = min(n + m, maximumDifferences)
    let offset = limit + 1
    var frontier = [Int](repeating: 0, count: 2 * limit + 3)
    var trace: [[Int]] = []
    for d in 0...limit {
      trace.append(frontier)
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          (k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]))
          ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        frontier[offset + k] = x
        if x >= n && y >= m { return backtrack(trace, n: n, m: m, offset: offset, d: d) }
      }
    }
    return nil
  }

  /// The edit script from the frontiers saved before each round.
  private static func backtrack(_ trace: [[Int]], n: Int, m: Int, offset: Int, d: Int) -> [Edit] {
    var edits: [Edit] = []
    var x = n
    var y = m
    for round in stride(from: d, through: 0, by: -1) {
      let frontier = trace[round]
      let k = x - y
      let previousK =
        (k == -round || (k != round && frontier[offset + k - 1] < frontier[offset + k + 1]))
        ? k + 1 : k - 1
      let previousX = round == 0 ? 0 : frontier[offset + previousK]
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        x -= 1
        y -= 1
        edits.append(.same(old: x, new: y))
      }
      guard round > 0 else { break }
      if x == previousX {
        y -= 1
        edits.append(.added(new: y))
      } else {
        x -= 1
        edits.append(.removed(old: x))
      }
    }
    return edits.reversed()
  }

  /// A unified diff of `old` and `new` (`--- a/PATH`, `+++ b/PATH`, hunks with `context` lines
  /// around each change), or "" when they are the same.
  public static func unified(
    _ old: [String], _ new: [String], path: String, context: Int = 3
  ) -> String {
    let script = edits(old, new)
    let changed = script.indices.filter {
      if case .same = script[$0] { return false }
      return true
    }
    guard let firstChange = changed.first else { return "" }
    // Hunks: runs of changes closer than 2 * context lines, with context around them.
    var hunks: [Range<Int>] = []
    var start = max(0, firstChange - context)
    var end = min(script.count, firstChange + 1 + context)
    for index in changed.dropFirst() {
      if index - context <= end {
        end = min(script.count, index + 1 + context)
      } else {
        hunks.append(start..<end)
        start = max(0, index - context)
        end = min(script.count, index + 1 + context)
      }
    }
    hunks.append(start..<end)
    var text = "--- a/\(path)\n+++ b/\(path)\n"
    for hunk in hunks {
      let slice = script[hunk]
      let oldLines = slice.compactMap { edit -> Int? in
        switch edit {
        case .same(let o, _), .removed(let o): o
        case .added: nil
        }
      }
      let newLines = slice.compactMap { edit -> Int? in
        switch edit {
        case .same(_, let n), .added(let n): n
        case .removed: nil
        }
      }
      let oldStart = oldLines.first.map { $0 + 1 } ?? firstLine(before: hunk, in: script, old: true)
      let newStart =
        newLines.first.map { $0 + 1 } ?? firstLine(before: hunk, in: script, old: false)
      text += "@@ -\(range(oldStart, oldLines.count)) +\(range(newStart, newLines.count)) @@\n"
      for edit in slice {
        switch edit {
        case .same(let o, _): text += " " + old[o] + "\n"
        case .removed(let o): text += "-" + old[o] + "\n"
        case .added(let n): text += "+" + new[n] + "\n"
        }
      }
    }
    return text
  }

  /// For a hunk with no lines on one side: the line before it on that side (0 at the start).
  private static func firstLine(before hunk: Range<Int>, in script: [Edit], old: Bool) -> Int {
    for edit in script[..<hunk.lowerBound].reversed() {
      switch edit {
      case .same(let o, let n): return (old ? o : n) + 1
      case .removed(let o) where old: return o + 1
      case .added(let n) where !old: return n + 1
      default: continue
      }
    }
    return 0
  }

  private static func range(_ start: Int, _ count: Int) -> String {
    count == 1 ? "\(start)" : "\(start),\(count)"
  }
}
