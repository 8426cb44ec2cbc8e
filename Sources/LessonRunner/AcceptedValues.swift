/// What a passing ```` ```output ```` block accepted where it allowed a range: the printed number
/// each band (`0.5 +- 0.05`) and numeric placeholder (`{int >= 800}`) stood for, so a learner
/// sees the accuracy reached, not only that it was enough.

/// One number a band or placeholder accepted.
public struct AcceptedValue: Sendable, Equatable {
  /// The number as printed (`875`).
  public let value: String
  /// What the expected text asked of it: `>= 800`, `5000..100000`, `0.5 +- 0.05`, `any int`.
  public let requirement: String

  public init(value: String, requirement: String) {
    self.value = value
    self.requirement = requirement
  }
}

extension Expectation {
  /// The numbers the bands and numeric placeholders of this block accepted in `result`, in
  /// order; call it only for a block that passed. Empty when the block is not an `output`
  /// block, has none, or pairs its lines with the printed ones in a way that is not one to one
  /// (`...` lines or tokens, `{repeat}`, grids and tensors, a different number of lines or
  /// tokens): the values are shown only where it is plain which number each one stood for.
  public func acceptedValues(in result: CellResult) -> [AcceptedValue] {
    let kind = (kind as? FigureBlockExpectation)?.paired ?? kind
    guard result.error == nil, let output = kind as? OutputExpectation else { return [] }
    let pattern = output.pattern
    let expected = pattern.items.compactMap { item -> LogicalLine? in
      if case .line(let line) = item { return line }
      return nil
    }
    let actual = OutputMatcher(pattern: pattern, actual: result.text, fallback: nil).actual
    guard expected.count == pattern.items.count, expected.count == actual.count else { return [] }
    var accepted: [AcceptedValue] = []
    for (wanted, got) in zip(expected, actual) {
      guard wanted.tokens.count == got.tokens.count, wanted.tensors.isEmpty, got.tensors.isEmpty,
        !wanted.tokens.contains(where: \.isElide)
      else { continue }
      for (token, printed) in zip(wanted.tokens, got.tokens) {
        guard let number = printed.number, let requirement = token.acceptedRequirement else {
          continue
        }
        accepted.append(AcceptedValue(value: number.text, requirement: requirement))
      }
    }
    return accepted
  }
}

extension OutputToken {
  /// What a band or numeric placeholder asks of a number, in words; nil for other tokens.
  fileprivate var acceptedRequirement: String? {
    switch kind {
    case .band(_, let radius):
      return "\(text) +- \(PrintedNumber.format(radius))"
    case .placeholder(let placeholder):
      return placeholder.requirement
    case .word, .punct, .number, .elide:
      return nil
    }
  }
}

extension Placeholder {
  /// `>= 800`, `5000..100000`, `< 1`, or `any int` for one without bounds; nil for `{word}`
  /// and `{text}`, which stand for no number.
  fileprivate var requirement: String? {
    switch kind {
    case .word, .text: return nil
    case .int, .float, .number: break
    }
    let show = PrintedNumber.format
    switch (lower, upper) {
    case (let lower?, let upper?) where lower.inclusive && upper.inclusive:
      return "\(show(lower.value))..\(show(upper.value))"
    case (let lower?, let upper?):
      return "\(lower.inclusive ? ">=" : ">") \(show(lower.value)), "
        + "\(upper.inclusive ? "<=" : "<") \(show(upper.value))"
    case (let lower?, nil):
      return "\(lower.inclusive ? ">=" : ">") \(show(lower.value))"
    case (nil, let upper?):
      return "\(upper.inclusive ? "<=" : "<") \(show(upper.value))"
    case (nil, nil):
      return "any \(kind.rawValue)"
    }
  }
}
