/// Bless of an ```` ```output ```` block in the author's format: the block aligned with what the
/// cell printed, so that only the lines that fail are rewritten, each the way it was written.

/// Aligns an output block with the cell's output and says what each line becomes.
///
/// A dynamic program over (expected item, actual logical line) finds the cheapest way to turn
/// the block into one that passes. Keeping a line that matches costs nothing, and so do `...`
/// lines (which absorb what they may) and `{repeat}` lines (which take the lines their template
/// matches). Rewriting a line in place costs 1: its numbers in the author's precision, a band
/// with its centre moved, a grid as a grid with its alignment, a printed tensor as printed,
/// placeholders as written. Dropping an expected line, or inserting a printed one, costs 2. A
/// block of more than `maximumStates` states, or whose alignment takes more than
/// `maximumWork` steps, is written out whole, as printed.
struct OutputBless {
  static let maximumStates = 250_000
  static let maximumWork = 5_000_000

  private let pattern: OutputPattern
  private let expectedLines: [String]
  private let actualLines: [String]
  private let actual: [LogicalLine]
  private let comparison: TensorComparison

  init(pattern: OutputPattern, actual text: String) {
    self.pattern = pattern
    self.expectedLines = pattern.text.lines.map(\.text)
    let lines = SourceFile(path: "", text: text).lines
    self.actualLines = lines
    self.actual = OutputMatcher.logicalLines(lines)
    self.comparison = TensorComparison(pattern: pattern, actualLines: lines)
  }

  /// One step of the alignment.
  private enum Step {
    /// `items` expected items kept as written, covering `lines` actual lines.
    case keep(items: Int, lines: Int)
    /// A `...` line takes one more actual line.
    case absorb
    /// `items` expected items rewritten as `written` (the lines of their span), for `lines`
    /// actual lines.
    case rewrite(items: Int, lines: Int, written: [BlessedLine])
    /// The expected item is dropped.
    case delete
    /// The actual line is inserted as printed.
    case insert
  }

  private var items: [OutputPattern.Item] { pattern.items }

  /// What each line of the block becomes.
  func lines() -> [BlessedLine] {
    let rows = items.count + 1
    let columns = actual.count + 1
    let (states, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard !overflow, states <= Self.maximumStates, let steps = align(rows: rows, columns: columns)
    else { return wholeOutput() }
    return assemble(steps)
  }

  /// Every printed line, written: the form of a block too large to align.
  private func wholeOutput() -> [BlessedLine] {
    var lines = actualLines.map { BlessedLine.written($0) }
    while lines.last == .written("") { lines.removeLast() }
    return lines
  }

  // MARK: - Alignment

  /// The choice kept for a state: the step, without the lines of a rewrite (those are made
  /// again for the few states on the cheapest path, so the table stays small whatever the
  /// lines hold).
  private enum Choice {
    case step(Step)
    /// The `option`th of `options(item:line:)`, a rewrite of `items` items over `lines` lines.
    case rewrite(option: Int, items: Int, lines: Int)
  }

  /// The cheapest steps from (0, 0) to the end, or nil past `maximumWork`.
  private func align(rows: Int, columns: Int) -> [(item: Int, line: Int, step: Step)]? {
    var work = 0
    var cost = [Int](repeating: Int.max, count: rows * columns)
    var choice = [Choice?](repeating: nil, count: rows * columns)
    let runs = repeatRuns(work: &work)
    for item in stride(from: rows - 1, through: 0, by: -1) {
      for line in stride(from: columns - 1, through: 0, by: -1) {
        let state = item * columns + line
        if item == rows - 1 && line == columns - 1 {
          cost[state] = 0
          continue
        }
        var best: (cost: Int, choice: Choice)?
        func consider(_ price: Int, _ step: Step, option: Int? = nil) {
          let target = next(step, item: item, line: line)
          let rest = cost[target.item * columns + target.line]
          guard rest != Int.max, best == nil || price + rest < (best?.cost ?? Int.max) else {
            return
          }
          if case .rewrite(let items, let lines, _) = step, let option {
            best = (price + rest, .rewrite(option: option, items: items, lines: lines))
          } else {
            best = (price + rest, .step(step))
          }
        }
        if item < rows - 1 {
          for (index, (price, step)) in options(item: item, line: line, runs: runs, work: &work)
            .enumerated()
          {
            consider(price, step, option: index)
          }
          consider(2, .delete)
        }
        if line < columns - 1 { consider(2, .insert) }
        if work >= Self.maximumWork { return nil }
        if let best {
          cost[state] = best.cost
          choice[state] = best.choice
        }
      }
    }
    var steps: [(item: Int, line: Int, step: Step)] = []
    var position = (item: 0, line: 0)
    while position != (rows - 1, columns - 1),
      let kept = choice[position.item * columns + position.line]
    {
      let step: Step
      switch kept {
      case .step(let chosen):
        step = chosen
      case .rewrite(let option, let items, let lines):
        let remade = options(item: position.item, line: position.line, runs: runs, work: &work)
        guard remade.indices.contains(option) else { return nil }
        step = remade[option].1
        guard case .rewrite(items, lines, _) = step else { return nil }
      }
      steps.append((position.item, position.line, step))
      position = next(step, item: position.item, line: position.line)
    }
    return steps
  }

  private func next(_ step: Step, item: Int, line: Int) -> (item: Int, line: Int) {
    switch step {
    case .keep(let items, let lines), .rewrite(let items, let lines, _):
      (item + items, line + lines)
    case .absorb: (item, line + 1)
    case .delete: (item + 1, line)
    case .insert: (item, line + 1)
    }
  }

  /// For each `{repeat}` item, how many consecutive actual lines from each line its template
  /// matches.
  private func repeatRuns(work: inout Int) -> [Int: [Int]] {
    var runs: [Int: [Int]] = [:]
    for (index, item) in items.enumerated() {
      guard case .repeated(_, _, let template, _) = item else { continue }
      var run = [Int](repeating: 0, count: actual.count + 1)
      for line in stride(from: actual.count - 1, through: 0, by: -1)
      where work <= Self.maximumWork && matches(template, line, work: &work) {
        run[line] = run[line + 1] + 1
      }
      runs[index] = run
    }
    return runs
  }

  /// The ways item `item` can meet actual line `line`, with their prices, preferred first.
  private func options(item: Int, line: Int, runs: [Int: [Int]], work: inout Int)
    -> [(Int, Step)]
  {
    work += 1
    switch items[item] {
    case .elideLines:
      return [(0, .keep(items: 1, lines: 0))] + (line < actual.count ? [(0, .absorb)] : [])
    case .repeated(let low, let high, _, let directive):
      let run = runs[item]?[line] ?? 0
      let most = min(run, high ?? run)
      var options: [(Int, Step)] = []
      if most >= low {
        let counts = stride(from: most, through: low, by: -1)
        work += counts.underestimatedCount
        options += counts.map { (0, .keep(items: 1, lines: $0)) }
      }
      if low == high, run > 0, run != low {
        options.append(
          (1, .rewrite(items: 1, lines: run, written: recounted(item, directive, run))))
      }
      return options
    case .line(let expected):
      guard line < actual.count else { return [] }
      work += expected.tokens.count + actual[line].tokens.count
      if matches(expected, line, work: &work) { return [(0, .keep(items: 1, lines: 1))] }
      return rewrites(item: item, expected: expected, line: line, work: &work)
    }
  }

  /// True when the expected line matches actual line `line` token by token; the comparisons
  /// made are added to `work`.
  private func matches(_ expected: LogicalLine, _ line: Int, work: inout Int) -> Bool {
    var tokens = TokenMatcher(
      expected: expected, actual: actual[line], comparison: comparison,
      comparisonLimit: max(1, min(TokenMatcher.maximumComparisons, Self.maximumWork - work)))
    let matched = tokens.matches()
    work += tokens.comparisons
    return matched
  }

  /// The in-place rewrites of a line that does not match: grids, tensors, then numbers.
  private func rewrites(item: Int, expected: LogicalLine, line: Int, work: inout Int)
    -> [(Int, Step)]
  {
    let got = actual[line]
    var options: [(Int, Step)] = []
    if expected.isNumberOnly, let grid = NumberGrid.gather(from: item, line: expectedLine) {
      work += grid.scanned + grid.elements.count
      if let tensor = got.soleTensor {
        let fits = comparison.compare(grid: grid, tensor: tensor, gridIsExpected: true) == nil
        if fits {
          options.append((0, .keep(items: grid.lineCount, lines: 1)))
        } else if let written = regrid(
          item: item, grid: grid, values: tensor.elements, tensor.shape)
        {
          options.append((1, .rewrite(items: grid.lineCount, lines: 1, written: written)))
        }
      } else if got.isNumberOnly,
        let printed = NumberGrid.gather(
          from: line, line: { self.actual.indices.contains($0) ? self.actual[$0] : nil }),
        let written = regrid(item: item, grid: grid, values: printed.elements, printed.shape)
      {
        work += printed.scanned
        options.append(
          (1, .rewrite(items: grid.lineCount, lines: printed.lineCount, written: written)))
      }
    }
    if let tensor = expected.soleTensor {
      if let other = got.soleTensor {
        let written =
          tensor.shape == other.shape && !sameNotation(tensor.elements, other.elements)
          ? retensor(expected, tensor, values: other.elements)
          : printed(got)
        options.append((1, .rewrite(items: 1, lines: 1, written: written)))
      } else if got.isNumberOnly,
        let printed = NumberGrid.gather(
          from: line, line: { self.actual.indices.contains($0) ? self.actual[$0] : nil }),
        droppingLeadingOnes(printed.shape) == droppingLeadingOnes(tensor.shape)
      {
        options.append(
          (
            1,
            .rewrite(
              items: 1, lines: printed.lineCount,
              written: retensor(expected, tensor, values: printed.elements))
          ))
      }
    }
    if let written = renumbered(expected, got) {
      options.append((1, .rewrite(items: 1, lines: 1, written: written)))
    }
    return options
  }

  /// The expected logical line of item `index`, for gathering grids.
  private func expectedLine(_ index: Int) -> LogicalLine? {
    guard items.indices.contains(index), case .line(let line) = items[index] else { return nil }
    return line
  }

  // MARK: - Rewritten lines

  /// The physical lines (0-based, in the block) item `index` spans.
  private func span(_ index: Int) -> ClosedRange<Int> {
    switch items[index] {
    case .elideLines(let line): return max(0, line)...max(0, line)
    case .line(let line): return line.firstLine...max(line.firstLine, line.tokens.last?.line ?? 0)
    case .repeated(_, _, let line, let directive):
      return directive...max(directive, line.tokens.last?.line ?? directive)
    }
  }

  /// The lines of `range`, with `changed` physical lines written and the others kept.
  private func lines(_ range: ClosedRange<Int>, changed: [Int: String]) -> [BlessedLine] {
    range.map { index in
      guard let text = changed[index], text != expectedLines[index] else { return .kept(index) }
      return .written(text)
    }
  }

  /// A line whose tokens pair one to one with the printed line's: its failing numbers written
  /// in the author's form, its failing bands with their centres moved, everything else as
  /// written. Nil when the lines differ in anything but numbers.
  private func renumbered(_ expected: LogicalLine, _ got: LogicalLine) -> [BlessedLine]? {
    guard expected.tokens.count == got.tokens.count else { return nil }
    let inTensor = tensorTokens(expected)
    var replacements: [AuthorFormat.Replacement] = []
    for (index, (wanted, printed)) in zip(expected.tokens, got.tokens).enumerated() {
      switch wanted.kind {
      case .word, .punct:
        guard printed.number == nil, wanted.text == printed.text else { return nil }
      case .elide:
        return nil
      case .placeholder(let placeholder):
        // A placeholder stays as the author wrote it, even when it fails.
        guard printed.number != nil || (placeholder.kind == .word && printed.number == nil) else {
          return nil
        }
      case .number(let number):
        guard let value = printed.number?.value else { return nil }
        if number.accepts(value) { continue }
        replacements.append(
          .init(
            token: wanted,
            text: AuthorFormat.number(value, like: number, actualText: printed.text),
            inTensor: inTensor.contains(index)))
      case .band(let centre, let radius):
        guard let value = printed.number?.value else { return nil }
        if TensorComparison.band(centre, radius: radius, accepts: value) { continue }
        replacements.append(
          .init(
            token: wanted,
            text: AuthorFormat.bandCentre(
              value, like: centre, radius: radius, actualText: printed.text),
            inTensor: false))
      }
    }
    return spliced(expected, replacements)
  }

  /// The logical line's physical lines with `replacements` made.
  private func spliced(_ expected: LogicalLine, _ replacements: [AuthorFormat.Replacement])
    -> [BlessedLine]
  {
    let byLine = Dictionary(grouping: replacements, by: \.token.line)
    let range = expected.firstLine...max(expected.firstLine, expected.tokens.last?.line ?? 0)
    var changed: [Int: String] = [:]
    for (line, replacements) in byLine where expectedLines.indices.contains(line) {
      changed[line] = AuthorFormat.splice(expectedLines[line], replacements)
    }
    return lines(range, changed: changed)
  }

  /// The indices of the tokens inside printed tensors.
  private func tensorTokens(_ line: LogicalLine) -> Set<Int> {
    var indices: Set<Int> = []
    for (start, tensor) in line.tensors {
      indices.formUnion(start..<(start + tensor.tokenCount))
    }
    return indices
  }

  /// A printed tensor written by the author with the elements of another, in the author's form.
  private func retensor(_ expected: LogicalLine, _ tensor: TensorLiteral, values: [OutputToken])
    -> [BlessedLine]
  {
    var replacements: [AuthorFormat.Replacement] = []
    for (wanted, printed) in zip(tensor.elements, values) {
      if let number = wanted.number, let value = printed.number?.value {
        guard !number.accepts(value) else { continue }
        replacements.append(
          .init(
            token: wanted, text: AuthorFormat.number(value, like: number, actualText: printed.text),
            inTensor: true))
      } else if wanted.text != printed.text {
        replacements.append(.init(token: wanted, text: printed.text, inTensor: true))
      }
    }
    return spliced(expected, replacements)
  }

  /// True when the author printed the tensor's elements as PyTorch printed the new ones (same
  /// digits, same notation): the tensor is then written as printed.
  private func sameNotation(_ wanted: [OutputToken], _ printed: [OutputToken]) -> Bool {
    zip(wanted, printed).allSatisfy { wanted, printed in
      guard let a = wanted.number, let b = printed.number else {
        return wanted.text == printed.text
      }
      let exponent = { (text: String) in text.contains("e") || text.contains("E") }
      return a.decimals == b.decimals && exponent(a.text) == exponent(b.text)
    }
  }

  /// Actual logical line `line` as printed.
  private func printed(_ line: LogicalLine) -> [BlessedLine] {
    let last = max(line.firstLine, line.tokens.last?.line ?? 0)
    return (line.firstLine...last).compactMap { index in
      actualLines.indices.contains(index) ? .written(actualLines[index]) : nil
    }
  }

  /// The grid starting at item `item` written with `values` (a tensor's or a printed grid's, of
  /// `shape`), each in the form of the author's element at its place, laid out as the author
  /// laid out the grid. Nil when the values do not form a grid (more than 3 dimensions once the
  /// leading 1s are dropped).
  private func regrid(item: Int, grid: NumberGrid, values: [OutputToken], _ shape: [Int])
    -> [BlessedLine]?
  {
    let sizes = droppingLeadingOnes(shape)
    guard let first = grid.elements.first, !values.isEmpty, (1...3).contains(sizes.count) else {
      return nil
    }
    let columns = sizes[sizes.count - 1]
    let rowsPerBlock = sizes.count >= 2 ? sizes[sizes.count - 2] : 1
    guard columns > 0, rowsPerBlock > 0 else { return nil }
    let texts = values.enumerated().map { index, value -> String in
      let form = grid.elements.indices.contains(index) ? grid.elements[index] : first
      guard let expected = form.number, let number = value.number?.value else { return value.text }
      return expected.accepts(number)
        ? form.text : AuthorFormat.number(number, like: expected, actualText: value.text)
    }
    let rows = stride(from: 0, to: texts.count, by: columns).map {
      Array(texts[$0..<min($0 + columns, texts.count)])
    }
    let rowItems = (item..<(item + grid.lineCount)).compactMap(expectedLine)
    let layout = AuthorFormat.GridLayout(
      rows: rowItems.map(\.tokens),
      lines: rowItems.map {
        expectedLines.indices.contains($0.firstLine) ? expectedLines[$0.firstLine] : ""
      })
    let laidOut = layout.lines(rows)
    let range = span(item).lowerBound...span(item + grid.lineCount - 1).upperBound
    if droppingLeadingOnes(grid.shape) == sizes {
      // Same shape: each row in the place of the author's row, blank lines kept.
      var changed: [Int: String] = [:]
      for (row, text) in zip(rowItems, laidOut) { changed[row.firstLine] = text }
      return lines(range, changed: changed)
    }
    return laidOut.enumerated().flatMap { index, text -> [BlessedLine] in
      index > 0 && index % rowsPerBlock == 0 ? [.written(""), .written(text)] : [.written(text)]
    }
  }

  /// A `{repeat N}` block whose template matched `count` lines: the count changed, the template
  /// kept.
  private func recounted(_ item: Int, _ directive: Int, _ count: Int) -> [BlessedLine] {
    let text = expectedLines.indices.contains(directive) ? expectedLines[directive] : ""
    let indent = String(text.prefix(while: { $0 == " " || $0 == "\t" }))
    return lines(span(item), changed: [directive: indent + "{repeat \(count)}"])
  }

  // MARK: - Assembly

  /// The block's lines from the steps: lines between items (blank ones) kept where they were.
  private func assemble(_ steps: [(item: Int, line: Int, step: Step)]) -> [BlessedLine] {
    var result: [BlessedLine] = []
    var nextExpected = 0
    func catchUp(to item: Int) {
      let first = span(item).lowerBound
      while nextExpected < first {
        result.append(.kept(nextExpected))
        nextExpected += 1
      }
    }
    for (item, line, step) in steps {
      switch step {
      case .absorb:
        continue
      case .insert:
        let printed = actual[line]
        if printed.blankBefore, let last = result.last, !isBlank(last) {
          result.append(.written(""))
        }
        result += self.printed(printed)
      case .keep(let count, _):
        catchUp(to: item)
        let end = span(item + count - 1).upperBound
        result += (span(item).lowerBound...end).map { BlessedLine.kept($0) }
        nextExpected = max(nextExpected, end + 1)
      case .rewrite(let count, _, let written):
        catchUp(to: item)
        result += written
        nextExpected = max(nextExpected, span(item + count - 1).upperBound + 1)
      case .delete:
        catchUp(to: item)
        nextExpected = max(nextExpected, span(item).upperBound + 1)
      }
    }
    while nextExpected < expectedLines.count {
      result.append(.kept(nextExpected))
      nextExpected += 1
    }
    return result
  }

  private func isBlank(_ line: BlessedLine) -> Bool {
    switch line {
    case .kept(let index):
      expectedLines.indices.contains(index) && expectedLines[index].trimmingSpaces().isEmpty
    case .written(let text): text.trimmingSpaces().isEmpty
    }
  }
}
