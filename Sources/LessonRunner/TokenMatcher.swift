/// Matching one expected logical line against one actual logical line, token by token, and
/// comparing tensors and grids element by element.

/// Matches the tokens of two logical lines; inline `...` (and `{text}`) absorbs any tokens.
///
/// As for lines (`OutputMatcher`), the `...` tokens cut the expected line into segments, each
/// searched from the earliest token where the one before it ended; a segment's walk from a given
/// start is deterministic, and each (expected token, actual token) state is walked once, bounded
/// by `maximumComparisons`.
struct TokenMatcher {
  /// The most token comparisons one line may take (an ordinary line takes one per token).
  static let maximumComparisons = 1_000_000
  /// This line's bound: `maximumComparisons`, or less when the block's budget has less left.
  let comparisonLimit: Int

  let expected: LogicalLine
  let actual: LogicalLine
  let comparison: TensorComparison
  /// States `(expected token, actual token)` already walked.
  private var visited: Set<Int> = []
  /// Token comparisons made so far.
  private(set) var comparisons = 0
  /// The furthest failure: the expected token index reached, and the mismatch there.
  private(set) var failure: (token: Int, mismatch: Mismatch)?

  init(
    expected: LogicalLine, actual: LogicalLine, comparison: TensorComparison,
    comparisonLimit: Int = maximumComparisons
  ) {
    self.comparisonLimit = comparisonLimit
    self.expected = expected
    self.actual = actual
    self.comparison = comparison
  }

  /// True when all tokens of both lines match.
  mutating func matches() -> Bool {
    let wanted = expected.tokens
    var segmentStart = 0
    var firstStart = 0
    var anyStart = false  // after a `...`, a segment may start at any token from `firstStart` on
    while true {
      let elide = wanted[segmentStart...].firstIndex(where: \.isElide)
      let segment = segmentStart..<(elide ?? wanted.count)
      let last = anyStart ? actual.tokens.count : firstStart
      guard let elide else {
        return (firstStart...last).contains { walk(segment, from: $0, mustEndAtEnd: true) != nil }
      }
      var earliestEnd: Int?
      for start in firstStart...last {
        if let earliestEnd, start >= earliestEnd { break }
        if let end = walk(segment, from: start, mustEndAtEnd: false) {
          earliestEnd = min(earliestEnd ?? end, end)
        }
      }
      guard let earliestEnd else { return false }
      firstStart = earliestEnd
      anyStart = true
      segmentStart = elide + 1
    }
  }

  private static let tooCostly = "this line is too costly to match"

  /// Walks the tokens of `segment` from actual token `start`: the actual token after the
  /// segment's last, or nil (the failure recorded) when a token differs, when the walk reaches a
  /// state walked before, or, with `mustEndAtEnd`, when actual tokens are left over.
  private mutating func walk(_ segment: Range<Int>, from start: Int, mustEndAtEnd: Bool) -> Int? {
    var i = segment.lowerBound
    var j = start
    let wanted = expected.tokens
    let got = actual.tokens
    while i < segment.upperBound {
      guard visited.insert(i * (got.count + 1) + j).inserted else { return nil }
      comparisons += 1
      guard comparisons <= comparisonLimit else {
        let base = comparison.mismatch(
          at: wanted.first, Self.tooCostly, actualLine: got.first?.line)
        let note =
          "it holds \(wanted.count(where: \.isElide)) inline `...` against \(got.count) tokens; use fewer"
        failure = (
          Int.max, Mismatch(span: base.span, message: base.message, notes: base.notes + [note])
        )
        return nil
      }
      guard j < got.count else {
        record(
          i,
          comparison.mismatch(
            at: wanted[i], "expected \(describe(wanted[i])), got the end of the line",
            actualLine: got.last?.line))
        return nil
      }
      if let tensor = expected.tensors[i], let other = actual.tensors[j] {
        if let mismatch = comparison.compare(tensor, other) {
          record(i, mismatch)
          return nil
        }
        i += tensor.tokenCount
        j += other.tokenCount
        continue
      }
      if let message = comparison.compare(wanted[i], got[j]) {
        record(i, comparison.mismatch(at: wanted[i], message, actualLine: got[j].line))
        return nil
      }
      i += 1
      j += 1
    }
    guard !mustEndAtEnd || j == got.count else {
      let extra = got[j...].map(\.text).joined(separator: " ")
      let last = wanted.last
      let anchor = last.map {
        OutputToken(kind: .elide, line: $0.line, column: $0.column + $0.text.count, text: "")
      }
      record(
        i,
        comparison.mismatch(
          at: anchor, "unexpected \"\(extra)\" at the end of the line", actualLine: got[j].line))
      return nil
    }
    return j
  }

  private func describe(_ token: OutputToken) -> String {
    if case .number(let number) = token.kind { return number.describedWithTolerance }
    if case .placeholder = token.kind { return token.text }
    return "\"\(token.text)\""
  }

  private mutating func record(_ token: Int, _ mismatch: Mismatch) {
    if let failure, failure.token > token { return }
    failure = (token, mismatch)
  }
}

/// Element-wise comparisons of tokens, tensors and grids, and the mismatches they report.
struct TensorComparison {
  let pattern: OutputPattern
  let actualLines: [String]

  /// Why actual token `got` does not match expected token `wanted`, or nil when it does.
  func compare(_ wanted: OutputToken, _ got: OutputToken) -> String? {
    let shown = got.number?.text ?? "\"\(got.text)\""
    switch wanted.kind {
    case .number(let number):
      guard let value = got.number?.value, number.accepts(value) else {
        return "expected \(number.describedWithTolerance), got \(shown)"
      }
    case .band(let center, let radius):
      guard let value = got.number?.value, Self.band(center, radius: radius, accepts: value) else {
        let low = center.value - radius
        let high = center.value + radius
        let range = "[\(PrintedNumber.format(low)), \(PrintedNumber.format(high))]"
        return
          "expected a number in \(range) (\(wanted.text) +- \(PrintedNumber.format(radius))), got \(shown)"
      }
    case .placeholder(let placeholder):
      if placeholder.kind == .word, case .word = got.kind { return nil }
      guard let number = got.number, placeholder.accepts(number) else {
        return "expected \(placeholder.text), got \(shown)"
      }
    case .word, .punct, .elide:
      guard got.number == nil, wanted.text == got.text else {
        return "expected \"\(wanted.text)\", got \(shown)"
      }
    }
    return nil
  }

  /// True when `value` lies in the band `center +- radius` (with a tiny slack for the binary
  /// rounding of its decimal bounds).
  static func band(_ center: PrintedNumber, radius: Double, accepts value: Double) -> Bool {
    let slack = 1e-9 * max(1, abs(center.value))
    return value >= center.value - radius - slack && value <= center.value + radius + slack
  }

  /// Compares two printed tensors: shape, then elements, then the suffix (`requires_grad=True`).
  func compare(_ wanted: TensorLiteral, _ got: TensorLiteral) -> Mismatch? {
    guard wanted.shape == got.shape else {
      return mismatch(
        at: wanted.head,
        "expected a tensor of shape \(wanted.shape), got a tensor of shape \(got.shape)",
        actualLine: got.head.line, length: 6)
    }
    if let failure = compareElements(
      wanted.elements, got.elements,
      position: { "element " + tensorIndex(ofElement: $0, shape: wanted.shape) })
    {
      return failure
    }
    let wantedSuffix = wanted.suffix.map(\.text).joined()
    let gotSuffix = got.suffix.map(\.text).joined()
    guard wantedSuffix == gotSuffix else {
      let show: (String) -> String = { $0.isEmpty ? "nothing" : "\"\($0)\"" }
      return mismatch(
        at: wanted.suffix.first ?? wanted.head,
        "expected \(show(wantedSuffix)) after the values, got \(show(gotSuffix))",
        actualLine: got.head.line)
    }
    return nil
  }

  /// Compares a grid of numbers with a printed tensor; shapes must agree once leading 1s are
  /// dropped (`[1, 1, 2, 2]` is a 2x2 grid).
  func compare(grid: NumberGrid, tensor: TensorLiteral, gridIsExpected: Bool) -> Mismatch? {
    guard droppingLeadingOnes(grid.shape) == droppingLeadingOnes(tensor.shape) else {
      let message =
        gridIsExpected
        ? "expected \(grid.described), got a tensor of shape \(tensor.shape)"
        : "expected a tensor of shape \(tensor.shape), got \(grid.described)"
      let anchor = gridIsExpected ? grid.elements[0] : tensor.head
      let actualLine = gridIsExpected ? tensor.head.line : grid.elements[0].line
      return mismatch(
        at: anchor, message, actualLine: actualLine, length: gridIsExpected ? anchor.text.count : 6)
    }
    if gridIsExpected {
      return compareElements(grid.elements, tensor.elements, position: grid.position(ofElement:))
    }
    return compareElements(tensor.elements, grid.elements) {
      "element " + tensorIndex(ofElement: $0, shape: tensor.shape)
    }
  }

  private func compareElements(
    _ wanted: [OutputToken], _ got: [OutputToken], position: (Int) -> String
  ) -> Mismatch? {
    for (index, (expected, actual)) in zip(wanted, got).enumerated() {
      if let message = compare(expected, actual) {
        return mismatch(at: expected, "\(position(index)): \(message)", actualLine: actual.line)
      }
    }
    return nil
  }

  /// A mismatch located at expected token `token`, quoting the expected and actual lines.
  func mismatch(at token: OutputToken?, _ message: String, actualLine: Int?, length: Int? = nil)
    -> Mismatch
  {
    guard let token else { return Mismatch(span: nil, message: message) }
    let span = pattern.text.span(
      line: token.line, column: token.column, length: length ?? token.text.count)
    var notes: [String] = []
    if pattern.text.lines.indices.contains(token.line) {
      notes.append("expected: \(pattern.text.lines[token.line].text.trimmingSpaces())")
    }
    if let actualLine, actualLines.indices.contains(actualLine) {
      notes.append("     got: \(actualLines[actualLine].trimmingSpaces())")
    }
    return Mismatch(span: span, message: message, notes: notes)
  }
}
