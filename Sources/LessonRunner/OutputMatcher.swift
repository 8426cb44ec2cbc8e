/// Matching a compiled pattern against actual output, line by line, and reporting the mismatch
/// that got furthest into the expected text.
///
/// `...` lines cut the pattern into segments. The first segment starts at the first actual line;
/// each later one may start anywhere at or after the earliest line where the one before it
/// ended (a `...` absorbs any lines), and the last must end at the last line. Within a segment
/// the search is iterative (an explicit stack, never recursion) and visits each (item, line)
/// state once, so matching costs at most items x lines line comparisons, and much less for
/// ordinary blocks; `maximumComparisons` bounds even that (tokens within lines included), with a
/// located message.

/// Matches one pattern against one actual output.
final class OutputMatcher {
  /// The most comparisons (of lines, tokens and grid lines) one match may make before it gives
  /// up with a message: an ordinary block makes a few per printed token; a block of thousands
  /// of `...` against thousands of lines would make millions.
  static let maximumComparisons = 4_000_000
  /// This match's bound (`maximumComparisons` unless a test asks for less).
  let comparisonLimit: Int

  let pattern: OutputPattern
  /// The actual physical lines (for quoting) and logical lines (for matching).
  let actualLines: [String]
  let actual: [LogicalLine]
  private let fallback: SourceSpan?
  /// The furthest failure so far: (item, token within the item's line), and its mismatch.
  private var best: (item: Int, token: Int, mismatch: Mismatch)?
  /// Line comparisons made so far.
  private var comparisons = 0

  init(
    pattern: OutputPattern, actual: String, fallback: SourceSpan?,
    comparisonLimit: Int = maximumComparisons
  ) {
    self.comparisonLimit = comparisonLimit
    self.pattern = pattern
    self.fallback = fallback
    let lines = SourceFile(path: "", text: actual).lines
    self.actualLines = lines
    self.actual = Self.logicalLines(lines)
  }

  /// The logical lines of actual output.
  static func logicalLines(_ lines: [String]) -> [LogicalLine] {
    // The actual side has no placeholders, so lexing it cannot fail.
    ((try? LogicalLines.split(lines, isExpected: false) { (index) throws(PatternError) in
      try OutputLexer.tokens(lines[index], line: index, isExpected: false)
    }) ?? []).compactMap { part in
      if case .line(let line) = part { return line }
      return nil
    }
  }

  /// Matches the whole output.
  func run() -> CheckResult {
    do {
      if try matches() { return .passed }
    } catch {
      return .failed(tooCostly())
    }
    let mismatch =
      best?.mismatch ?? Mismatch(span: fallback, message: "output does not match the expected text")
    return .failed(mismatch)
  }

  private var items: [OutputPattern.Item] { pattern.items }

  /// Thrown when the comparisons run past `maximumComparisons`.
  private struct TooCostly: Error {}

  /// True when the items match the actual lines exactly, start to end.
  private func matches() throws(TooCostly) -> Bool {
    var segmentStart = 0
    var firstStart = 0
    var anyStart = false  // after a `...`, a segment may start at any line from `firstStart` on
    while true {
      let elide = items[segmentStart...].firstIndex {
        if case .elideLines = $0 { return true }
        return false
      }
      let segment = segmentStart..<(elide ?? items.count)
      let starts = anyStart ? firstStart...actual.count : firstStart...firstStart
      guard let elide else {
        return try search(segment, starts: starts, mustEndAtEnd: true) != nil
      }
      guard let end = try search(segment, starts: starts, mustEndAtEnd: false) else {
        return false
      }
      firstStart = end
      anyStart = true
      segmentStart = elide + 1
    }
  }

  /// Searches the items of `segment` from each line of `starts`, in order: the earliest line at
  /// which the segment can end (or, with `mustEndAtEnd`, the end when the segment can end
  /// exactly there), nil when it cannot. Failures are recorded on the way.
  private func search(_ segment: Range<Int>, starts: ClosedRange<Int>, mustEndAtEnd: Bool)
    throws(TooCostly) -> Int?
  {
    let width = actual.count + 1
    var visited: Set<Int> = []
    var earliestEnd: Int?
    for start in starts {
      // A later start cannot end before an end already found.
      if !mustEndAtEnd, let earliestEnd, start >= earliestEnd { break }
      var stack = [(item: segment.lowerBound, line: start)]
      while let (item, line) = stack.popLast() {
        guard visited.insert(item * width + line).inserted else { continue }
        if !mustEndAtEnd, let earliestEnd, line >= earliestEnd { continue }
        guard item < segment.upperBound else {
          if !mustEndAtEnd {
            earliestEnd = min(earliestEnd ?? line, line)
          } else if line == actual.count {
            return line
          } else {
            record(item: items.count, token: 0) { self.extraOutput(line) }
          }
          continue
        }
        // Pushed in reverse order of preference: the preferred continuation is tried first.
        for next in try successors(item: item, at: line).reversed() {
          stack.append(next)
        }
      }
    }
    return earliestEnd
  }

  /// Where matching item `item` at actual line `line` can lead, most preferred first; a
  /// failure is recorded and gives none.
  private func successors(item: Int, at line: Int) throws(TooCostly) -> [(item: Int, line: Int)] {
    switch items[item] {
    case .elideLines:
      // Segments never hold a `...`; it is what separates them.
      return [(item + 1, line)]
    case .repeated(let min, let max, let template, _):
      var count = 0
      while line + count < actual.count, count < (max ?? Int.max) {
        try countComparison()
        guard matchLine(template, item: item, at: line + count, grids: false, quiet: true) != nil
        else { break }
        count += 1
      }
      guard count >= min else {
        let note =
          "this line must repeat \(min == max ? "\(min)" : "at least \(min)") times; \(count) matched"
        if line + count < actual.count {
          _ = matchLine(
            template, item: item, at: line + count, grids: false, quiet: false, note: note)
        } else {
          record(item: item, token: 0) { self.endedEarly(template, note: note) }
        }
        return []
      }
      // As many repetitions as match, backing off one line at a time.
      return stride(from: count, through: min, by: -1).map { (item + 1, line + $0) }
    case .line(let expected):
      guard line < actual.count else {
        record(item: item, token: 0) { self.endedEarly(expected) }
        return []
      }
      try countComparison()
      guard let (items, lines) = matchLine(expected, item: item, at: line) else { return [] }
      return [(item + items, line + lines)]
    }
  }

  private func countComparison() throws(TooCostly) {
    comparisons += 1
    if comparisons > comparisonLimit { throw TooCostly() }
  }

  /// Matches one expected logical line at actual line `line`; returns how many items and actual
  /// lines it consumed (a grid spans several lines on one side), or nil (recording the mismatch).
  private func matchLine(
    _ expected: LogicalLine, item: Int, at line: Int, grids: Bool = true, quiet: Bool = false,
    note: String? = nil
  ) -> (items: Int, lines: Int)? {
    let got = actual[line]
    let comparison = TensorComparison(pattern: pattern, actualLines: actualLines)
    if grids, expected.isNumberOnly, let tensor = got.soleTensor,
      let grid = NumberGrid.gather(from: item, line: expectedLine)
    {
      comparisons += grid.scanned
      guard let failure = comparison.compare(grid: grid, tensor: tensor, gridIsExpected: true)
      else {
        return (grid.lineCount, 1)
      }
      if !quiet { record(item: item, token: 0) { failure } }
      return nil
    }
    if grids, let tensor = expected.soleTensor, got.isNumberOnly,
      let grid = NumberGrid.gather(
        from: line, line: { self.actual.indices.contains($0) ? self.actual[$0] : nil })
    {
      comparisons += grid.scanned
      guard let failure = comparison.compare(grid: grid, tensor: tensor, gridIsExpected: false)
      else {
        return (1, grid.lineCount)
      }
      if !quiet { record(item: item, token: 0) { failure } }
      return nil
    }
    var tokens = TokenMatcher(
      expected: expected, actual: got, comparison: comparison,
      comparisonLimit: max(1, min(TokenMatcher.maximumComparisons, comparisonLimit - comparisons)))
    let matched = tokens.matches()
    comparisons += tokens.comparisons
    if matched { return (1, 1) }
    if !quiet, let failure = tokens.failure {
      record(item: item, token: failure.token) {
        Mismatch(
          span: failure.mismatch.span, message: failure.mismatch.message,
          notes: failure.mismatch.notes + (note.map { [$0] } ?? []))
      }
    }
    return nil
  }

  /// The expected logical line of item `index`, for gathering grids.
  private func expectedLine(_ index: Int) -> LogicalLine? {
    guard items.indices.contains(index), case .line(let line) = items[index] else { return nil }
    return line
  }

  /// Keeps `mismatch` when it got at least as far as the best so far (on a tie, the later attempt:
  /// after `...`, the one that tried the most lines).
  private func record(item: Int, token: Int, _ mismatch: () -> Mismatch) {
    if let best, (best.item, best.token) > (item, token) { return }
    best = (item, token, mismatch())
  }

  // MARK: - Messages

  private func endedEarly(_ expected: LogicalLine, note: String? = nil) -> Mismatch {
    let first = expected.tokens.first(where: { !$0.isElide }) ?? expected.tokens.first
    let line = first.map { pattern.text.lines[$0.line].text.trimmingSpaces() } ?? ""
    let span = first.map { pattern.text.span(line: $0.line, column: $0.column, length: line.count) }
    return Mismatch(
      span: span ?? fallback, message: "output ended early: expected \"\(line)\"",
      notes: [
        "the cell printed \(actualLines.count(where: { !$0.trimmingSpaces().isEmpty })) non-blank lines"
      ]
        + (note.map { [$0] } ?? []))
  }

  private func tooCostly() -> Mismatch {
    let span = pattern.text.lines.indices.first.map {
      pattern.text.span(line: $0, column: 0, length: pattern.text.lines[$0].text.count)
    }
    return Mismatch(
      span: span ?? fallback,
      message:
        "the expected block is too costly to match: more than \(comparisonLimit) comparisons",
      notes: [
        "each of its `...` lines (\(items.count(where: { if case .elideLines = $0 { true } else { false } })) here) can absorb any of the \(actual.count) lines the cell printed",
        "use fewer `...` lines, or `{repeat N}` for a run of similar lines",
      ])
  }

  private func extraOutput(_ line: Int) -> Mismatch {
    let physical = actual[line].firstLine
    let text = actualLines[physical].trimmingTrailingSpaces()
    let lastLine = pattern.text.lines.indices.last
    let span = lastLine.map {
      pattern.text.span(line: $0, column: pattern.text.lines[$0].text.count)
    }
    return Mismatch(
      span: span ?? fallback, message: "unexpected extra output: \"\(text.trimmingSpaces())\"",
      notes: [
        "the expected text ends here, but the cell printed more (line \(physical + 1) of its output)",
        "end the block with a line `...` to accept any further output",
      ])
  }
}
