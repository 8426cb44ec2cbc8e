/// "Did you mean": the one edit distance used by the language, the lesson parser and the command
/// line.

/// The closest of `candidates` to `name` by edit distance, for "did you mean" notes. About one
/// edit in three characters is allowed, and never a whole name's worth (`c` does not suggest `a`).
public func closestMatch(to name: String, in candidates: [String]) -> String? {
  // Names longer than any identifier a lesson uses are not worth a quadratic comparison.
  guard name.count <= 64 else { return nil }
  let allowed = max(1, (name.count + 1) / 3)
  let scored = candidates.filter { $0 != name && abs($0.count - name.count) <= allowed }.map {
    ($0, editDistance(name.lowercased(), $0.lowercased()))
  }
  guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else {
    return nil
  }
  return best.1 <= allowed && best.1 < name.count ? best.0 : nil
}

/// Edit distance between two strings (optimal string alignment: insertions, deletions,
/// substitutions, and swaps of two neighbours, each costing 1, so `valeu` is 1 from `value`).
public func editDistance(_ a: String, _ b: String) -> Int {
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
  closestMatch(to: name, in: candidates).map { ["\(didYouMeanPrefix) '\($0)'?"] } ?? []
}

/// How a "did you mean" note begins.
private let didYouMeanPrefix = "did you mean"

extension Diagnostic {
  /// Its "did you mean 'x'?" note (`didYouMean`), if it has one: an error that names its own fix.
  public var suggestion: String? { notes.first { $0.hasPrefix(didYouMeanPrefix) } }
}
