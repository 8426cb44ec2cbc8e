/// Operator expressions, from lowest to highest precedence, as in Python's grammar.
extension Parser {
  /// `a, *b, c` (a `.tuple` when there is a comma) or a single expression.
  mutating func parseStarExpressions() throws -> Expression {
    let start = current.span
    let first = try parseStarExpression()
    guard check(",") else {
      if case .starred = first.kind {
        throw Diagnostic("can't use starred expression here", at: first.span)
      }
      return first
    }
    var elements = [first]
    while accept(",") != nil && startsExpression {
      elements.append(try parseStarExpression())
    }
    return Expression(.tuple(elements), span: span(from: start))
  }

  /// `*value` or an expression.
  mutating func parseStarExpression() throws -> Expression {
    guard let star = accept("*") else { return try parseNamedExpression() }
    let value = try parseBitwiseOr()
    return Expression(.starred(value), span: span(from: star.span))
  }

  /// An expression, rejecting the walrus `:=` that Python would accept here.
  mutating func parseNamedExpression() throws -> Expression {
    let expression = try parseExpression()
    if let walrus = accept(":=") {
      throw Diagnostic(
        "assignment expressions (':=') are not supported in lessons", at: walrus.span,
        notes: ["assign the value on its own line first, then use the name"])
    }
    return expression
  }

  /// A full expression: `lambda`, or a conditional expression `a if c else b`.
  mutating func parseExpression() throws -> Expression {
    try enterNesting()
    defer { nesting -= 1 }
    if check("lambda") { return try parseLambda() }
    if check("yield") || check("await") {
      throw Diagnostic(
        "'\(current.text)' is not supported in lessons", at: current.span,
        notes: ["build and return a list instead of a generator"])
    }
    let start = current.span
    let body = try parseDisjunction()
    guard accept("if") != nil else { return body }
    let condition = try parseDisjunction()
    guard accept("else") != nil else {
      throw Diagnostic("expected 'else' after 'if' expression", at: errorSpan(current))
    }
    let orElse = try parseExpression()
    return Expression(
      .conditional(condition: condition, body: body, orElse: orElse), span: span(from: start))
  }

  mutating func parseLambda() throws -> Expression {
    let keyword = advance()
    let parameters = try parseParameters(closing: ":", allowsAnnotations: false)
    try expect(":")
    let body = try parseExpression()
    return Expression(.lambda(parameters, body: body), span: span(from: keyword.span))
  }

  mutating func parseDisjunction() throws -> Expression {
    var left = try parseConjunction()
    var links = 0
    while accept("or") != nil {
      try lengthen(&links)
      let right = try parseConjunction()
      left = Expression(.boolean(.or, left, right), span: span(from: left.span))
    }
    return left
  }

  mutating func parseConjunction() throws -> Expression {
    var left = try parseInversion()
    var links = 0
    while accept("and") != nil {
      try lengthen(&links)
      let right = try parseInversion()
      left = Expression(.boolean(.and, left, right), span: span(from: left.span))
    }
    return left
  }

  mutating func parseInversion() throws -> Expression {
    try enterNesting()
    defer { nesting -= 1 }
    guard let keyword = accept("not") else { return try parseComparison() }
    let operand = try parseInversion()
    return Expression(.unary(.not, operand), span: span(from: keyword.span))
  }

  mutating func parseComparison() throws -> Expression {
    let first = try parseBitwiseOr()
    var links: [Comparison] = []
    while let op = try acceptComparisonOperator() {
      links.append(Comparison(op: op, operand: try parseBitwiseOr()))
    }
    guard !links.isEmpty else { return first }
    return Expression(.compare(first, links), span: span(from: first.span))
  }

  mutating func acceptComparisonOperator() throws -> ComparisonOperator? {
    if current.kind == .op, let op = ComparisonOperator(rawValue: current.text) {
      advance()
      return op
    }
    if check("in") {
      advance()
      return .in
    }
    if check("not") && peek().is("in") {
      advance()
      advance()
      return .notIn
    }
    if check("is") {
      advance()
      return accept("not") != nil ? .isNot : .is
    }
    return nil
  }

  /// Binary operator levels, loosest first; all are left-associative.
  static let binaryLevels: [[BinaryOperator]] = [
    [.bitwiseOr], [.bitwiseXor], [.bitwiseAnd], [.leftShift, .rightShift], [.add, .subtract],
    [.multiply, .divide, .floorDivide, .remainder, .matrixMultiply],
  ]

  mutating func parseBitwiseOr() throws -> Expression { try parseBinary(level: 0) }

  mutating func parseBinary(level: Int) throws -> Expression {
    guard level < Parser.binaryLevels.count else { return try parseFactor() }
    var left = try parseBinary(level: level + 1)
    var links = 0
    while current.kind == .op, let op = BinaryOperator(rawValue: current.text),
      Parser.binaryLevels[level].contains(op)
    {
      try lengthen(&links)
      advance()
      let right = try parseBinary(level: level + 1)
      left = Expression(.binary(op, left, right), span: span(from: left.span))
    }
    return left
  }

  /// `-x`, `+x`, `~x`; binds looser than `**` on its right: `-2 ** 2` is `-(2 ** 2)`.
  mutating func parseFactor() throws -> Expression {
    try enterNesting()
    defer { nesting -= 1 }
    let unary: [String: UnaryOperator] = ["-": .negate, "+": .plus, "~": .invert]
    guard current.kind == .op, let op = unary[current.text] else { return try parsePower() }
    let token = advance()
    let operand = try parseFactor()
    return Expression(.unary(op, operand), span: span(from: token.span))
  }

  /// `a ** b`, right-associative, with a unary operand on the right: `2 ** -1`.
  mutating func parsePower() throws -> Expression {
    let base = try parsePrimary()
    guard accept("**") != nil else { return base }
    let exponent = try parseFactor()
    return Expression(.binary(.power, base, exponent), span: span(from: base.span))
  }

  /// An atom followed by `.name`, `(arguments)` and `[index]` trailers.
  mutating func parsePrimary() throws -> Expression {
    var expression = try parseAtom()
    var links = 0
    while true {
      if check(".") || check("(") || check("[") { try lengthen(&links) }
      if accept(".") != nil {
        let name = try expectName()
        expression = Expression(
          .attribute(expression, name: name.text), span: span(from: expression.span))
      } else if accept("(") != nil {
        let arguments = try parseArguments()
        expression = Expression(
          .call(expression, arguments: arguments), span: span(from: expression.span))
      } else if let bracket = accept("[") {
        let index = try parseSubscriptIndex(bracket: bracket)
        expression = Expression(
          .subscript(expression, index: index), span: span(from: expression.span))
      } else {
        return expression
      }
    }
  }
}
