/// Output split into logical lines: a physical line, extended over the following lines while a
/// printed `tensor(` is still open (PyTorch prints matrices over several lines).

/// One logical line of output: its tokens, and the tensors found among them.
struct LogicalLine: Sendable {
  /// The tokens of all the physical lines it spans, in order.
  var tokens: [OutputToken]
  /// Tensors in PyTorch's printed form, keyed by the index of their `tensor` token.
  var tensors: [Int: TensorLiteral] = [:]
  /// True when one or more blank lines come before it (blank lines separate grids).
  var blankBefore: Bool

  init(tokens: [OutputToken], blankBefore: Bool) {
    self.tokens = tokens
    self.blankBefore = blankBefore
    var index = 0
    let closers = TensorLiteral.closingParentheses(tokens)
    while index < tokens.count {
      if let tensor = TensorLiteral.parse(tokens, at: index, closers: closers) {
        tensors[index] = tensor
        index += tensor.tokenCount
      } else {
        index += 1
      }
    }
  }

  /// The 0-based index of the physical line it starts on.
  var firstLine: Int { tokens.first?.line ?? 0 }

  /// A row of a grid: only numbers (`6 8`, `0.5\t0.25`).
  var isNumberOnly: Bool {
    !tokens.isEmpty && tokens.allSatisfy { $0.number != nil }
  }

  /// The tensor when the line holds nothing else.
  var soleTensor: TensorLiteral? {
    guard let tensor = tensors[0], tensor.tokenCount == tokens.count else { return nil }
    return tensor
  }
}

/// Builds logical lines from physical ones.
enum LogicalLines {
  /// A logical line, or a line of expected text that is not one: `...` alone, or `{repeat N}`.
  enum Part {
    case line(LogicalLine)
    /// `...` alone on physical line `line` (0-based).
    case elideLines(line: Int)
    /// `{repeat ...}` as written (trimmed) on physical line `line`.
    case repeatNext(String, line: Int)
  }

  /// The directive a trimmed expected line spells, if any.
  static func directive(_ trimmed: String, line: Int) -> Part? {
    if trimmed == "..." { return .elideLines(line: line) }
    if trimmed == "{repeat}" || (trimmed.hasPrefix("{repeat ") && trimmed.hasSuffix("}")) {
      return .repeatNext(trimmed, line: line)
    }
    return nil
  }

  /// Splits `lines` into logical lines (and, for expected text, directives). `lexLine` tokenises
  /// physical line `index`.
  static func split(
    _ lines: [String], isExpected: Bool,
    lexLine: (Int) throws(PatternError) -> [OutputToken]
  ) throws(PatternError) -> [Part] {
    var result: [Part] = []
    var blank = false
    var index = 0
    while index < lines.count {
      let trimmed = lines[index].trimmingSpaces()
      if trimmed.isEmpty {
        blank = true
        index += 1
        continue
      }
      if isExpected, let directive = directive(trimmed, line: index) {
        result.append(directive)
        index += 1
        continue
      }
      var tokens = try lexLine(index)
      // A tensor left open continues on the next lines; the depth is kept up to date as lines
      // join, so a long unclosed tensor costs linear time.
      var depth = openTensorDepth(tokens)
      while depth > 0, index + 1 < lines.count {
        index += 1
        let more = try lexLine(index)
        depth += bracketBalance(more)
        tokens += more
      }
      result.append(.line(LogicalLine(tokens: tokens, blankBefore: blank)))
      blank = false
      index += 1
    }
    return result
  }

  /// How many brackets opened from the first `tensor(` on are still open.
  /// Opening minus closing brackets and parentheses.
  static func bracketBalance(_ tokens: some Sequence<OutputToken>) -> Int {
    var depth = 0
    for token in tokens {
      guard case .punct(let mark) = token.kind else { continue }
      if mark == "(" || mark == "[" { depth += 1 }
      if mark == ")" || mark == "]" { depth -= 1 }
    }
    return depth
  }

  static func openTensorDepth(_ tokens: [OutputToken]) -> Int {
    guard
      let start = tokens.indices.first(where: {
        if case .word("tensor") = tokens[$0].kind, $0 + 1 < tokens.count,
          case .punct("(") = tokens[$0 + 1].kind
        {
          return true
        }
        return false
      })
    else { return 0 }
    return bracketBalance(tokens[start...])
  }
}
