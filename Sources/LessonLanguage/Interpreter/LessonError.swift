/// An error raised while lesson code runs, named after the Python exception a user would see
/// (`TypeError`, `NameError`, `RuntimeError`, ...). The interpreter turns it into a located
/// `Diagnostic` at the expression that raised it.
public struct LessonError: Error, CustomStringConvertible {
  /// The Python exception class name.
  public var kind: String
  public var message: String
  public var notes: [String]

  public init(_ kind: String, _ message: String, notes: [String] = []) {
    self.kind = kind
    self.message = message
    self.notes = notes
  }

  public var description: String { "\(kind): \(message)" }

  public static func type(_ message: String, notes: [String] = []) -> LessonError {
    LessonError("TypeError", message, notes: notes)
  }

  public static func value(_ message: String, notes: [String] = []) -> LessonError {
    LessonError("ValueError", message, notes: notes)
  }

  public static func attribute(_ message: String, notes: [String] = []) -> LessonError {
    LessonError("AttributeError", message, notes: notes)
  }

  public static func index(_ message: String, notes: [String] = []) -> LessonError {
    LessonError("IndexError", message, notes: notes)
  }

  public static func runtime(_ message: String, notes: [String] = []) -> LessonError {
    LessonError("RuntimeError", message, notes: notes)
  }

  /// A feature of Python or PyTorch outside the lesson subset.
  public static func unsupported(_ message: String, notes: [String] = []) -> LessonError {
    LessonError("NotImplementedError", message, notes: notes)
  }
}

/// The closest of `candidates` to `name` by edit distance, for "did you mean" notes. About one
/// edit in three characters is allowed, and never a whole name's worth (`c` does not suggest `a`).
public func closestMatch(to name: String, in candidates: [String]) -> String? {
  let scored = candidates.filter { $0 != name }.map {
    ($0, editDistance(name.lowercased(), $0.lowercased()))
  }
  guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else {
    return nil
  }
  return best.1 <= max(1, (name.count + 1) / 3) && best.1 < name.count ? best.0 : nil
}

/// Edit distance between two strings (optimal string alignment: insertions, deletions,
/// substitutions, and swaps of two neighbours, each costing 1, so `valeu` is 1 from `value`).
func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
  var beforePrevious = [Int](repeating: 0, count: b.count + 1)
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + [Int](repeating: 0, count: b.count)
    for j in 1...b.count {
      current[j] = min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
        current[j] = min(current[j], beforePrevious[j - 2] + 1)
      }
    }
    beforePrevious = previous
    previous = current
  }
  return previous[b.count]
}

/// "did you mean 'x'?" as a note list (empty when nothing is close).
public func didYouMean(_ name: String, in candidates: [String]) -> [String] {
  closestMatch(to: name, in: candidates).map { ["did you mean '\($0)'?"] } ?? []
}
