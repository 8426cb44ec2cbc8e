/// A recursive-descent parser for lesson code, following Python's grammar: it accepts exactly what
/// Python accepts for the supported subset, and rejects the rest with a located `Diagnostic`.
public struct Parser {
  var tokens: [Token]
  var position = 0
  let file: SourceFile
  /// How many `def`s enclose the current statement (for `'return' outside function`).
  var functionDepth = 0
  /// How many `for` bodies enclose the current statement, reset inside a `def` or `class`.
  var loopDepth = 0
  /// How deeply the expression being parsed nests (parentheses count about 3 levels each), so
  /// that absurd input throws instead of overflowing the stack.
  var nesting = 0
  /// The most `nesting` allowed: about 100 levels of parentheses.
  static let maximumNesting = 300
  /// The tallest syntax tree allowed (Python's default recursion limit): nesting plus the links
  /// of a chain such as `1 + 1 + ...`, `x.a.b...`, `x[0][0]...` or an `elif` ladder. The
  /// interpreter, and freeing the tree, recurse once per level.
  static let maximumTreeHeight = 1000

  init(tokens: [Token], file: SourceFile) {
    self.tokens = tokens
    self.file = file
  }

  /// Parses a whole program: `source` is the code, whose first line is line `firstLine` of `file`
  /// (so spans point into a Markdown lesson); columns are 1-based characters.
  ///
  /// Throws a `Diagnostic` with Python's message for the first syntax error, or for a Python
  /// feature lessons do not support (`while`, `try`, decorators, ...).
  public static func parse(_ source: String, file: SourceFile, firstLine: Int) throws -> [Statement]
  {
    let tokens = try Lexer.tokenize(source, file: file, firstLine: firstLine)
    var parser = Parser(tokens: tokens, file: file)
    return try parser.parseProgram()
  }

  /// Parses a single expression (`x.size(0) + 1`), e.g. typed at a prompt or written in a lesson's
  /// check; `a, b` gives a `.tuple`.
  public static func parseExpression(_ source: String, file: SourceFile, firstLine: Int) throws
    -> Expression
  {
    var lexer = Lexer(Array(source), file: file, line: firstLine, isExpressionOnly: true)
    var parser = Parser(tokens: try lexer.run(), file: file)
    let expression = try parser.parseStarExpressions()
    guard parser.current.kind == .end else { throw parser.invalidSyntax() }
    return expression
  }

  mutating func parseProgram() throws -> [Statement] {
    var statements: [Statement] = []
    while current.kind != .end {
      statements += try parseStatement()
    }
    return statements
  }

  // MARK: - Tokens

  var current: Token { tokens[min(position, tokens.count - 1)] }

  func peek(_ offset: Int = 1) -> Token { tokens[min(position + offset, tokens.count - 1)] }

  /// The last consumed token (the first token before anything is consumed).
  var previous: Token { tokens[max(0, min(position - 1, tokens.count - 1))] }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  func check(_ spelling: String) -> Bool { current.is(spelling) }

  mutating func accept(_ spelling: String) -> Token? {
    check(spelling) ? advance() : nil
  }

  /// Consumes `spelling` or throws `expected 'spelling'` at the current token.
  @discardableResult
  mutating func expect(_ spelling: String, notes: [String] = []) throws -> Token {
    guard let token = accept(spelling) else {
      throw Diagnostic("expected '\(spelling)'", at: errorSpan(current), notes: notes)
    }
    return token
  }

  /// Consumes an identifier or throws `invalid syntax`.
  mutating func expectName() throws -> Token {
    guard current.isIdentifier else { throw invalidSyntax() }
    return advance()
  }

  // MARK: - Spans and errors

  /// Where to put the caret for an error at `token`. A line end is where the line's last
  /// character (or comment) ends, and the end of input is after the last character, which is where
  /// Python puts its carets for a missing `:` or operand.
  func errorSpan(_ token: Token) -> SourceSpan { token.span }

  mutating func enterNesting() throws {
    nesting += 1
    guard nesting <= Parser.maximumNesting else {
      throw Diagnostic(
        "expression is too deeply nested", at: current.span,
        notes: ["split it into steps with intermediate variables"])
    }
  }

  /// Counts one more link of a chain built by a loop, with CPython's error past
  /// `maximumTreeHeight`.
  mutating func lengthen(_ links: inout Int) throws {
    links += 1
    guard nesting + links <= Parser.maximumTreeHeight else {
      throw Diagnostic(
        PythonException(
          .recursionError, "maximum recursion depth exceeded during compilation",
          notes: [
            "the code chains more than \(Parser.maximumTreeHeight) operations in one expression "
              + "or 'elif' ladder; split it into steps"
          ]), at: current.span)
    }
  }

  /// `invalid syntax` at the current token.
  func invalidSyntax(notes: [String] = []) -> Diagnostic {
    Diagnostic("invalid syntax", at: errorSpan(current), notes: notes)
  }

  /// A span from `start` to the end of the last consumed token, cut at the end of `start`'s line.
  func span(from start: SourceSpan) -> SourceSpan {
    let end = previous.span
    let length: Int
    if end.line == start.line && end.column >= start.column {
      length = end.column + end.length - start.column
    } else {
      length = (file.line(start.line)?.count ?? start.column) - start.column + 1
    }
    return SourceSpan(file: file, line: start.line, column: start.column, length: length)
  }
}
