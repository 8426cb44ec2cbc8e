/// Compound statements (`def`, `class`, `if`, `for`, `with`), blocks, and the features lessons
/// reject.
extension Parser {
  /// One line's statements: a compound statement, or simple statements separated by `;`.
  mutating func parseStatement() throws -> [Statement] {
    let token = current
    if token.kind == .indent {
      throw Diagnostic(
        "unexpected indent", at: token.span,
        notes: ["this line is indented more than the block it belongs to"])
    }
    if token.kind == .dedent || token.kind == .newline { throw invalidSyntax() }
    try rejectUnsupportedStatement()
    switch token.kind == .name ? token.text : "" {
    case "def": return [try parseFunctionDefinition()]
    case "class": return [try parseClassDefinition()]
    case "if": return [try parseIf()]
    case "for": return [try parseFor()]
    case "while": return [try parseWhile()]
    case "try": return [try parseTry()]
    case "with": return [try parseWith()]
    default: return try parseSimpleStatements()
    }
  }

  /// The body after a header's `:`: an indented block, or simple statements on the same line.
  /// `header` names the statement for the error, as Python does: `'if' statement`,
  /// `function definition`.
  mutating func parseBlock(after header: String, line: Int) throws -> [Statement] {
    guard current.kind == .newline else { return try parseSimpleStatements() }
    advance()
    guard current.kind == .indent else {
      throw Diagnostic(
        "expected an indented block after \(header) on line \(line)", at: errorSpan(current),
        notes: ["indent the body of the \(header) (4 spaces), or write 'pass' for an empty body"])
    }
    advance()
    var statements: [Statement] = []
    while current.kind != .dedent && current.kind != .end {
      statements += try parseStatement()
    }
    advance()
    return statements
  }

  mutating func parseFunctionDefinition() throws -> Statement {
    let keyword = advance()
    let name = try expectName()
    try expect("(")
    let parameters = try parseParameters(closing: ")", allowsAnnotations: true)
    try expect(")")
    let returns = accept("->") != nil ? try parseExpression() : nil
    try expect(":")
    let span = span(from: keyword.span)
    let (outerFunctions, outerLoops) = (functionDepth, loopDepth)
    (functionDepth, loopDepth) = (functionDepth + 1, 0)
    defer { (functionDepth, loopDepth) = (outerFunctions, outerLoops) }
    let body = try parseBlock(after: "function definition", line: keyword.span.line)
    let definition = FunctionDefinition(
      name: name.text, nameSpan: name.span, parameters: parameters, returns: returns, body: body)
    return Statement(.functionDefinition(definition), span: span)
  }

  mutating func parseClassDefinition() throws -> Statement {
    let keyword = advance()
    let name = try expectName()
    var bases: [Argument] = []
    if accept("(") != nil {
      bases = try parseArguments()
    }
    try expect(":")
    let span = span(from: keyword.span)
    let (outerFunctions, outerLoops) = (functionDepth, loopDepth)
    (functionDepth, loopDepth) = (0, 0)
    defer { (functionDepth, loopDepth) = (outerFunctions, outerLoops) }
    let body = try parseBlock(after: "class definition", line: keyword.span.line)
    let definition = ClassDefinition(name: name.text, nameSpan: name.span, bases: bases, body: body)
    return Statement(.classDefinition(definition), span: span)
  }

  /// `if`/`elif` chains: each `elif` becomes an `.if` alone in the previous `orElse`. The chain
  /// is read in a loop (not by recursion) and is at most `maximumTreeHeight` long.
  mutating func parseIf() throws -> Statement {
    var clauses: [(condition: Expression, body: [Statement], span: SourceSpan)] = []
    var links = 0
    repeat {
      if !clauses.isEmpty { try lengthen(&links) }
      let keyword = advance()
      let condition = try parseNamedExpression()
      try expect(":")
      let span = span(from: keyword.span)
      let body = try parseBlock(after: "'\(keyword.text)' statement", line: keyword.span.line)
      clauses.append((condition, body, span))
    } while check("elif")
    var orElse: [Statement] = []
    if let elseToken = accept("else") {
      try expect(":")
      orElse = try parseBlock(after: "'else' statement", line: elseToken.span.line)
    }
    for clause in clauses.reversed() {
      orElse = [
        Statement(
          .if(condition: clause.condition, body: clause.body, orElse: orElse), span: clause.span)
      ]
    }
    return orElse[0]
  }

  mutating func parseFor() throws -> Statement {
    let keyword = advance()
    let target = try parseTargetList()
    try checkAssignable(target, context: .loop)
    try expect("in")
    let iterable = try parseStarExpressions()
    try expect(":")
    let span = span(from: keyword.span)
    loopDepth += 1
    let body = try parseBlock(after: "'for' statement", line: keyword.span.line)
    loopDepth -= 1
    var orElse: [Statement] = []
    if let elseToken = accept("else") {
      try expect(":")
      orElse = try parseBlock(after: "'else' statement", line: elseToken.span.line)
    }
    return Statement(
      .for(target: target, iterable: iterable, body: body, orElse: orElse), span: span)
  }

  mutating func parseWhile() throws -> Statement {
    let keyword = advance()
    let condition = try parseNamedExpression()
    try expect(":")
    let span = span(from: keyword.span)
    loopDepth += 1
    let body = try parseBlock(after: "'while' statement", line: keyword.span.line)
    loopDepth -= 1
    var orElse: [Statement] = []
    if let elseToken = accept("else") {
      try expect(":")
      orElse = try parseBlock(after: "'else' statement", line: elseToken.span.line)
    }
    return Statement(.while(condition: condition, body: body, orElse: orElse), span: span)
  }

  /// `try:` with its `except` clauses (a bare one last), `else:` and `finally:`, as Python
  /// requires them: at least one `except` or a `finally`, and `else` only after an `except`.
  mutating func parseTry() throws -> Statement {
    let keyword = advance()
    try expect(":")
    let span = span(from: keyword.span)
    let body = try parseBlock(after: "'try' statement", line: keyword.span.line)
    var handlers: [ExceptHandler] = []
    while let except = accept("except") {
      if let bare = handlers.last, bare.type == nil {
        throw Diagnostic("default 'except:' must be last", at: bare.span)
      }
      var type: Expression?
      var name: String?
      if !check(":") {
        type = try parseExpression()
        if accept("as") != nil { name = try expectName().text }
      }
      try expect(":")
      let clause = self.span(from: except.span)
      let block = try parseBlock(after: "'except' statement", line: except.span.line)
      handlers.append(ExceptHandler(type: type, name: name, body: block, span: clause))
    }
    var orElse: [Statement] = []
    if !handlers.isEmpty, let elseToken = accept("else") {
      try expect(":")
      orElse = try parseBlock(after: "'else' statement", line: elseToken.span.line)
    }
    var finally: [Statement] = []
    if let finallyToken = accept("finally") {
      try expect(":")
      finally = try parseBlock(after: "'finally' statement", line: finallyToken.span.line)
    } else if handlers.isEmpty {
      throw Diagnostic(
        "expected 'except' or 'finally' block", at: errorSpan(current),
        notes: ["a 'try' needs an 'except ...:' clause, a 'finally:' clause, or both"])
    }
    return Statement(
      .try(body: body, handlers: handlers, orElse: orElse, finally: finally), span: span)
  }

  mutating func parseWith() throws -> Statement {
    let keyword = advance()
    var items: [WithItem] = []
    repeat {
      let context = try parseExpression()
      var target: Expression?
      if accept("as") != nil {
        let parsed = try parseTarget()
        try checkAssignable(parsed, context: .loop)
        target = parsed
      }
      items.append(WithItem(context: context, target: target))
    } while accept(",") != nil
    try expect(":")
    let span = span(from: keyword.span)
    let body = try parseBlock(after: "'with' statement", line: keyword.span.line)
    return Statement(.with(items, body: body), span: span)
  }

  // MARK: - Unsupported Python

  /// Throws for statements lessons do not support, naming what to use instead.
  func rejectUnsupportedStatement() throws {
    let token = current
    let at = token.span
    guard token.kind == .name || token.kind == .op else { return }
    switch token.text {
    case "except", "finally":
      throw Diagnostic(
        "invalid syntax: '\(token.text)' without a 'try' before it", at: at,
        notes: ["'\(token.text)' belongs at the indentation of its 'try:'"])
    case "async", "await":
      throw Diagnostic(
        "'\(token.text)' is not supported in lessons", at: at,
        notes: ["lessons run synchronously; write ordinary 'def' functions"])
    case "nonlocal":
      throw Diagnostic(
        "'nonlocal' is not supported in lessons", at: at,
        notes: ["keep the state in an object attribute (self.count) or pass it as an argument"])
    case "@":
      throw Diagnostic(
        "decorators are not supported in lessons", at: at,
        notes: ["call the decorator yourself after the definition: f = decorator(f)"])
    case "match" where token.kind == .name && isMatchStatement():
      throw Diagnostic(
        "'match' statements are not supported in lessons; use 'if'/'elif'", at: at)
    default:
      return
    }
  }

  /// `match` is a soft keyword: it starts a statement when the line ends with `:` and an
  /// indented block follows.
  func isMatchStatement() -> Bool {
    var offset = 1
    while peek(offset).kind != .newline && peek(offset).kind != .end { offset += 1 }
    return offset > 1 && peek(offset - 1).is(":") && peek(offset + 1).kind == .indent
  }
}
