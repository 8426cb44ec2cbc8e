/// Simple statements: expressions, assignments, `return`, `import`, `pass`, `del`, ...
extension Parser {
  /// Simple statements separated by `;`, up to and including the NEWLINE.
  mutating func parseSimpleStatements() throws -> [Statement] {
    var statements: [Statement] = []
    repeat {
      if current.kind == .newline { break }
      try rejectUnsupportedStatement()
      statements.append(try parseSimpleStatement())
    } while accept(";") != nil
    guard current.kind == .newline || current.kind == .end else { throw invalidSyntax() }
    advance()
    return statements
  }

  mutating func parseSimpleStatement() throws -> Statement {
    let start = current
    let kind: Statement.Kind
    switch start.kind == .name ? start.text : "" {
    case "pass", "break", "continue": kind = try parseKeywordStatement()
    case "return": kind = try parseReturn()
    case "import": kind = try parseImport()
    case "from": kind = try parseFromImport()
    case "global": kind = try parseGlobal()
    case "del": kind = try parseDelete()
    case "assert": kind = try parseAssert()
    case "raise": kind = try parseRaise()
    default: kind = try parseExpressionStatement()
    }
    return Statement(kind, span: span(from: start.span))
  }

  mutating func parseKeywordStatement() throws -> Statement.Kind {
    let keyword = advance()
    switch keyword.text {
    case "break" where loopDepth == 0:
      throw Diagnostic("'break' outside loop", at: keyword.span)
    case "continue" where loopDepth == 0:
      throw Diagnostic("'continue' not properly in loop", at: keyword.span)
    case "break": return .break
    case "continue": return .continue
    default: return .pass
    }
  }

  mutating func parseReturn() throws -> Statement.Kind {
    let keyword = advance()
    guard functionDepth > 0 else {
      throw Diagnostic("'return' outside function", at: keyword.span)
    }
    return .return(startsExpression ? try parseStarExpressions() : nil)
  }

  /// True when the current token can begin an expression.
  var startsExpression: Bool {
    switch current.kind {
    case .int, .float, .string: return true
    case .name:
      return current.isIdentifier
        || ["True", "False", "None", "not", "lambda", "yield", "await"].contains(current.text)
    case .op: return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(current.text)
    default: return false
    }
  }

  mutating func parseDottedName() throws -> String {
    var parts = [try expectName().text]
    while accept(".") != nil { parts.append(try expectName().text) }
    return parts.joined(separator: ".")
  }

  mutating func parseImport() throws -> Statement.Kind {
    advance()
    var names: [ImportedName] = []
    repeat {
      let start = current.span
      let name = try parseDottedName()
      let alias = accept("as") != nil ? try expectName().text : nil
      names.append(ImportedName(name: name, alias: alias, span: span(from: start)))
    } while accept(",") != nil
    return .import(names)
  }

  mutating func parseFromImport() throws -> Statement.Kind {
    advance()
    var level = 0
    while check(".") || check("...") { level += advance().text.count }
    let module = level > 0 && check("import") ? "" : try parseDottedName()
    try expect("import")
    if let star = accept("*") {
      return .importFrom(
        module: module, names: [ImportedName(name: "*", alias: nil, span: star.span)], level: level)
    }
    let parenthesized = accept("(") != nil
    var names: [ImportedName] = []
    repeat {
      if parenthesized && check(")") { break }
      let name = try expectName()
      let alias = accept("as") != nil ? try expectName().text : nil
      names.append(ImportedName(name: name.text, alias: alias, span: span(from: name.span)))
    } while accept(",") != nil
    if parenthesized { try expect(")") }
    if module == "__future__" { try checkFutureFeatures(names) }
    return .importFrom(module: module, names: names, level: level)
  }

  func checkFutureFeatures(_ names: [ImportedName]) throws {
    let known: Set<String> = [
      "nested_scopes", "generators", "division", "absolute_import", "with_statement",
      "print_function", "unicode_literals", "generator_stop", "annotations",
    ]
    for name in names where !known.contains(name.name) {
      throw Diagnostic("future feature \(name.name) is not defined", at: name.span)
    }
  }

  mutating func parseGlobal() throws -> Statement.Kind {
    advance()
    var names = [try expectName().text]
    while accept(",") != nil { names.append(try expectName().text) }
    return .global(names)
  }

  mutating func parseDelete() throws -> Statement.Kind {
    advance()
    var targets: [Expression] = []
    repeat {
      if !targets.isEmpty && !startsExpression { break }
      let target = try parseBitwiseOr()
      try checkAssignable(target, context: .delete)
      targets.append(target)
    } while accept(",") != nil
    return .delete(targets)
  }

  mutating func parseAssert() throws -> Statement.Kind {
    advance()
    let condition = try parseExpression()
    let message = accept(",") != nil ? try parseExpression() : nil
    return .assert(condition, message: message)
  }

  mutating func parseRaise() throws -> Statement.Kind {
    advance()
    guard startsExpression else { return .raise(nil, cause: nil) }
    let exception = try parseExpression()
    let cause = accept("from") != nil ? try parseExpression() : nil
    return .raise(exception, cause: cause)
  }

  // MARK: - Expressions and assignments

  mutating func parseExpressionStatement() throws -> Statement.Kind {
    try rejectPrintStatement()
    let first = try parseStarExpressions()
    if check("=") {
      var targets = [first]
      while accept("=") != nil {
        targets.append(try parseStarExpressions())
      }
      let value = targets.removeLast()
      for target in targets { try checkAssignable(target, context: .assignment) }
      return .assign(targets: targets, value: value)
    }
    if current.kind == .op, let op = augmentedOperator(current.text) {
      try checkAugmentable(first)
      advance()
      return .augmentedAssign(target: first, op, value: try parseStarExpressions())
    }
    if accept(":") != nil {
      try checkAnnotatable(first)
      let annotation = try parseExpression()
      let value = accept("=") != nil ? try parseStarExpressions() : nil
      return .annotatedAssign(target: first, annotation: annotation, value: value)
    }
    return .expression(first)
  }

  func augmentedOperator(_ spelling: String) -> BinaryOperator? {
    guard spelling.count >= 2, spelling.hasSuffix("=") else { return nil }
    return BinaryOperator(rawValue: String(spelling.dropLast()))
  }

  /// Python 2's `print x` gets Python 3's hint.
  func rejectPrintStatement() throws {
    let next = peek().kind
    let startsOperand: Bool
    switch next {
    case .name, .int, .float, .string: startsOperand = true
    default: startsOperand = false
    }
    guard current.is("print"), startsOperand,
      !peek().is("if"), !peek().is("in"), !peek().is("and"), !peek().is("or"),
      !peek().is("is"), !peek().is("not")
    else { return }
    throw Diagnostic(
      "Missing parentheses in call to 'print'. Did you mean print(...)?", at: current.span,
      notes: ["lessons use Python 3, where print is a function"])
  }
}
