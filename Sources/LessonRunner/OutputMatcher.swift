/// Matching a compiled pattern against actual output, line by line, with backtracking for `...`
/// and `{repeat}`; the mismatch reported is the one that got furthest into the expected text.

/// Matches one pattern against one actual output.
final class OutputMatcher {
  let pattern: OutputPattern
  /// The actual physical lines (for quoting) and logical lines (for matching).
  let actualLines: [String]
  let actual: [LogicalLine]
  private let fallback: SourceSpan?
  /// States `(item, actual line)` known not to match.
  private var failed: Set<Int> = []
  /// The furthest failure so far: (item, token within the item's line), and its mismatch.
  private var best: (item: Int, token: Int, mismatch: Mismatch)?

  init(pattern: OutputPattern, actual: String, fallback: SourceSpan?) {
    self.pattern = pattern
    self.fallback = fallback
    let lines = SourceFile(path: "", text: actual).lines
    self.actualLines = lines
    // The actual side has no placeholders, so lexing it cannot fail.
    self.actual =
      ((try? LogicalLines.split(lines, isExpected: false) { (index) throws(PatternError) in
        try OutputLexer.tokens(lines[index], line: index, isExpected: false)
      }) ?? []).compactMap { part in
        if case .line(let line) = part { return line }
        return nil
      }
  }

  /// Matches the whole output.
  func run() -> CheckResult {
    if match(item: 0, at: 0) { return .passed }
    let mismatch =
      best?.mismatch ?? Mismatch(span: fallback, message: "output does not match the expected text")
    return .failed(mismatch)
  }

  private var items: [OutputPattern.Item] { pattern.items }

  /// True when items `item...` match actual lines `line...` exactly to the end.
  private func match(item start: Int, at startLine: Int) -> Bool {
    var item = start
    var line = startLine
    while item < items.count {
      switch items[item] {
      case .elideLines:
        let key = item * (actual.count + 1) + line
        if failed.contains(key) { return false }
        if (line...actual.count).contains(where: { match(item: item + 1, at: $0) }) { return true }
        failed.insert(key)
        return false
      case .repeated(let min, let max, let template):
        return matchRepeated(item: item, at: line, min: min, max: max, template: template)
      case .line(let expected):
        guard line < actual.count else {
          record(item: item, token: 0) { self.endedEarly(expected) }
          return false
        }
        guard let (items, lines) = matchLine(expected, item: item, at: line) else { return false }
        item += items
        line += lines
      }
    }
    guard line == actual.count else {
      record(item: items.count, token: 0) { self.extraOutput(line) }
      return false
    }
    return true
  }

  /// `{repeat min..max}`: as many consecutive matching lines as allowed, then the rest; backs off
  /// one line at a time when the rest fails.
  private func matchRepeated(item: Int, at line: Int, min: Int, max: Int?, template: LogicalLine)
    -> Bool
  {
    var count = 0
    while line + count < actual.count, count < (max ?? Int.max),
      matchLine(template, item: item, at: line + count, grids: false, quiet: true) != nil
    {
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
      return false
    }
    return stride(from: count, through: min, by: -1).contains {
      match(item: item + 1, at: line + $0)
    }
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
      guard let failure = comparison.compare(grid: grid, tensor: tensor, gridIsExpected: false)
      else {
        return (1, grid.lineCount)
      }
      if !quiet { record(item: item, token: 0) { failure } }
      return nil
    }
    var tokens = TokenMatcher(expected: expected, actual: got, comparison: comparison)
    if tokens.matches() { return (1, 1) }
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
