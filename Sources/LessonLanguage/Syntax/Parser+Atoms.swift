/// Atoms: names, literals, parenthesized expressions, displays and comprehensions.
extension Parser {
  mutating func parseAtom() throws -> Expression {
    let token = current
    switch token.kind {
    case .int(let value):
      advance()
      return Expression(.int(value), span: token.span)
    case .float(let value):
      advance()
      return Expression(.float(value), span: token.span)
    case .string:
      return try parseStrings()
    case .name:
      return try parseNameAtom()
    case .op:
      switch token.text {
      case "(": return try parseParenthesized()
      case "[": return try parseList()
      case "{": return try parseBraces()
      case "...":
        advance()
        return Expression(.ellipsis, span: token.span)
      default: throw invalidSyntax()
      }
    default:
      throw invalidSyntax()
    }
  }

  mutating func parseNameAtom() throws -> Expression {
    let token = current
    let constants: [String: Expression.Kind] = [
      "True": .bool(true), "False": .bool(false), "None": .none,
    ]
    if let constant = constants[token.text] {
      advance()
      return Expression(constant, span: token.span)
    }
    if token.is("yield") || token.is("await") { return try parseExpression() }
    guard token.isIdentifier else { throw invalidSyntax() }
    advance()
    return Expression(.name(token.text), span: token.span)
  }

  /// `()`, `(x)`, `(x,)`, `(a, b)`, `(x for x in xs)`. A parenthesized expression keeps its
  /// kind but its span grows to include the parentheses.
  mutating func parseParenthesized() throws -> Expression {
    let open = advance()
    if accept(")") != nil { return Expression(.tuple([]), span: span(from: open.span)) }
    let first = try parseStarExpression()
    if check("for") {
      let clauses = try parseComprehensionClauses()
      try expectClosing(")", open: open)
      return Expression(.generator(first, clauses), span: span(from: open.span))
    }
    guard check(",") else {
      try expectClosing(")", open: open)
      if case .starred = first.kind {
        throw Diagnostic("can't use starred expression here", at: first.span)
      }
      return Expression(first.kind, span: span(from: open.span))
    }
    var elements = [first]
    while accept(",") != nil && !check(")") {
      elements.append(try parseStarExpression())
    }
    try expectClosing(")", open: open)
    return Expression(.tuple(elements), span: span(from: open.span))
  }

  mutating func parseList() throws -> Expression {
    let open = advance()
    if accept("]") != nil { return Expression(.list([]), span: span(from: open.span)) }
    let first = try parseStarExpression()
    if check("for") {
      let clauses = try parseComprehensionClauses()
      try expectClosing("]", open: open)
      return Expression(.listComprehension(first, clauses), span: span(from: open.span))
    }
    let elements = try parseElements(after: first, closing: "]", open: open)
    return Expression(.list(elements), span: span(from: open.span))
  }

  /// The rest of a display after its first element, through the closing bracket.
  mutating func parseElements(after first: Expression, closing: String, open: Token) throws
    -> [Expression]
  {
    var elements = [first]
    while accept(",") != nil && !check(closing) {
      elements.append(try parseStarExpression())
    }
    try expectClosing(closing, open: open)
    return elements
  }

  /// `{}`, `{k: v, **m}`, `{a, b}`, and dict and set comprehensions.
  mutating func parseBraces() throws -> Expression {
    let open = advance()
    if accept("}") != nil { return Expression(.dict([]), span: span(from: open.span)) }
    if !check("**") {
      let first = try parseStarExpression()
      if accept(":") == nil {
        if check("for") {
          let clauses = try parseComprehensionClauses()
          try expectClosing("}", open: open)
          return Expression(.setComprehension(first, clauses), span: span(from: open.span))
        }
        let elements = try parseElements(after: first, closing: "}", open: open)
        return Expression(.set(elements), span: span(from: open.span))
      }
      let value = try parseExpression()
      if check("for") {
        let clauses = try parseComprehensionClauses()
        try expectClosing("}", open: open)
        return Expression(
          .dictComprehension(key: first, value: value, clauses), span: span(from: open.span))
      }
      return try parseDictionary(open: open, first: DictionaryItem(key: first, value: value))
    }
    return try parseDictionary(open: open, first: nil)
  }

  mutating func parseDictionary(open: Token, first: DictionaryItem?) throws -> Expression {
    var items = first.map { [$0] } ?? []
    while first == nil && items.isEmpty || accept(",") != nil && !check("}") {
      if accept("**") != nil {
        items.append(DictionaryItem(key: nil, value: try parseBitwiseOr()))
      } else {
        let key = try parseExpression()
        try expect(":")
        items.append(DictionaryItem(key: key, value: try parseExpression()))
      }
    }
    try expectClosing("}", open: open)
    return Expression(.dict(items), span: span(from: open.span))
  }

  /// `for target in iterable if condition ...` clauses, one or more.
  mutating func parseComprehensionClauses() throws -> [Comprehension] {
    var clauses: [Comprehension] = []
    while accept("for") != nil {
      let target = try parseTargetList()
      try checkAssignable(target, context: .loop)
      try expect("in")
      let iterable = try parseDisjunction()
      var conditions: [Expression] = []
      while accept("if") != nil { conditions.append(try parseDisjunction()) }
      clauses.append(Comprehension(target: target, iterable: iterable, conditions: conditions))
    }
    if check("async") { try rejectUnsupportedStatement() }
    return clauses
  }

  /// Consumes the closing bracket; anything else inside brackets is reported the way Python does.
  mutating func expectClosing(_ closing: String, open: Token) throws {
    guard accept(closing) == nil else { return }
    if startsExpression {
      throw Diagnostic("invalid syntax. Perhaps you forgot a comma?", at: errorSpan(current))
    }
    throw invalidSyntax()
  }
}
