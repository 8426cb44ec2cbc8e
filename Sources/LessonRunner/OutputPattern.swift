/// Expected output compiled for matching: logical lines, `...` lines and `{repeat N}` templates.

/// An ```` ```output ```` or ```` ```error ```` block, compiled. Compiling checks its placeholders
/// and `{repeat}` lines, so a lesson with a malformed one is rejected when it is parsed.
struct OutputPattern: Sendable {
  /// One step of the pattern.
  enum Item: Sendable {
    /// A logical line that must match one actual logical line (or, for grids, a tensor).
    case line(LogicalLine)
    /// `...` alone on physical line `line` of the text (-1 for the implicit `...` around an
    /// error block): any number of lines, including none.
    case elideLines(line: Int)
    /// `{repeat N..M}` on physical line `directive`, and the line after it: that line matches
    /// `min...max` consecutive lines.
    case repeated(min: Int, max: Int?, LogicalLine, directive: Int)
  }

  /// The expected text, for locating mismatches.
  let text: ExpectedText
  /// The steps, in order.
  let items: [Item]

  /// Compiles `text`. For an error block (`forError`), the text is a contiguous part of the error:
  /// it may start and end anywhere, so it is wrapped in implicit `...`.
  init(compiling text: ExpectedText, forError: Bool = false) throws(Diagnostic) {
    self.text = text
    do {
      var items = try Self.items(text)
      if forError { items = Self.wrappedInElision(items) }
      self.items = items
    } catch {
      let lineIndex = error.line
      throw Diagnostic(
        error.message, at: text.span(line: lineIndex, column: error.column, length: error.length),
        notes: error.notes)
    }
  }

  /// A pattern error located in line `line` of the text.
  private struct LocatedError: Error {
    let line: Int
    let column: Int
    let length: Int
    let message: String
    let notes: [String]
  }

  private static func items(_ text: ExpectedText) throws(LocatedError) -> [Item] {
    let lines = text.lines.map(\.text)
    var currentLine = 0
    let parts: [LogicalLines.Part]
    do {
      parts = try LogicalLines.split(lines, isExpected: true) { (index) throws(PatternError) in
        currentLine = index
        return try OutputLexer.tokens(lines[index], line: index, isExpected: true)
      }
    } catch {
      throw LocatedError(
        line: currentLine, column: error.column, length: error.length, message: error.message,
        notes: error.notes)
    }
    return try assemble(parts, lines: lines)
  }

  /// Turns logical lines and directives into items, pairing each `{repeat}` with the next line.
  private static func assemble(_ parts: [LogicalLines.Part], lines: [String])
    throws(LocatedError) -> [Item]
  {
    var items: [Item] = []
    var pendingRepeat: (min: Int, max: Int?, line: Int)?
    for part in parts {
      switch part {
      case .line(let line):
        if let pending = pendingRepeat {
          items.append(
            .repeated(min: pending.min, max: pending.max, line, directive: pending.line))
          pendingRepeat = nil
        } else {
          items.append(.line(line))
        }
      case .elideLines(let line):
        if pendingRepeat != nil { throw misplacedRepeat(line: line, lines: lines) }
        items.append(.elideLines(line: line))
      case .repeatNext(let spelled, let line):
        if pendingRepeat != nil { throw misplacedRepeat(line: line, lines: lines) }
        pendingRepeat = try repeatCount(spelled, line: line, lines: lines)
      }
    }
    if let pendingRepeat { throw misplacedRepeat(line: pendingRepeat.line, lines: lines) }
    return items
  }

  /// Reads `{repeat}`, `{repeat N}` or `{repeat N..M}`.
  private static func repeatCount(_ spelled: String, line: Int, lines: [String])
    throws(LocatedError) -> (min: Int, max: Int?, line: Int)
  {
    let inside = spelled.dropFirst("{repeat".count).dropLast().trimmingSpaces()
    if inside.isEmpty { return (1, nil, line) }
    if let count = Int(inside), count >= 0 { return (count, count, line) }
    let bounds = inside.split(separator: ".", omittingEmptySubsequences: true)
    if inside.contains(".."), bounds.count == 2, let low = Int(bounds[0]),
      let high = Int(bounds[1]),
      low >= 0, low <= high
    {
      return (low, high, line)
    }
    let column = lines[line].prefix(while: { $0 == " " || $0 == "\t" }).count
    throw LocatedError(
      line: line, column: column, length: spelled.count,
      message: "cannot read the count of \(spelled)",
      notes: ["write `{repeat 93}`, `{repeat 90..100}`, or `{repeat}` for one or more lines"])
  }

  private static func misplacedRepeat(line: Int, lines: [String]) -> LocatedError {
    let column = lines[line].prefix(while: { $0 == " " || $0 == "\t" }).count
    return LocatedError(
      line: line, column: column, length: lines[line].trimmingSpaces().count,
      message: "{repeat} must be followed by the line it repeats",
      notes: ["put the line to repeat right after it; `...` and `{repeat}` cannot be repeated"])
  }

  /// For error blocks: `...` before and after, and inside the first and last lines.
  private static func wrappedInElision(_ items: [Item]) -> [Item] {
    var items = items
    if case .line(var first) = items.first {
      first = LogicalLine(
        tokens: [elide(before: first.tokens.first)] + first.tokens, blankBefore: false)
      items[0] = .line(first)
    }
    if case .line(var last) = items.last {
      last = LogicalLine(
        tokens: last.tokens + [elide(before: nil, after: last.tokens.last)], blankBefore: false)
      items[items.count - 1] = .line(last)
    }
    return [.elideLines(line: -1)] + items + [.elideLines(line: -1)]
  }

  private static func elide(before: OutputToken?, after: OutputToken? = nil) -> OutputToken {
    let anchor = before ?? after
    let column = before?.column ?? ((after?.column ?? 0) + (after?.text.count ?? 0))
    return OutputToken(kind: .elide, line: anchor?.line ?? 0, column: column, text: "")
  }
}
