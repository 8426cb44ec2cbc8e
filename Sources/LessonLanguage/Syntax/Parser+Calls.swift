/// Call arguments, subscripts with slices, and parameter lists.
extension Parser {
  /// The arguments after `(`, through `)`.
  mutating func parseArguments() throws -> [Argument] {
    let open = previous
    var arguments: [Argument] = []
    var keywords: Set<String> = []
    while !check(")") {
      let argument = try parseArgument()
      try checkOrder(of: argument, after: arguments, keywords: &keywords)
      if case .positional(let value) = argument.kind, check("for") {
        let clauses = try parseComprehensionClauses()
        let generator = Expression(.generator(value, clauses), span: span(from: value.span))
        guard arguments.isEmpty, check(")") else {
          throw Diagnostic("Generator expression must be parenthesized", at: generator.span)
        }
        arguments.append(Argument(.positional(generator), span: generator.span))
        break
      }
      arguments.append(argument)
      if accept(",") == nil { break }
    }
    try expectClosing(")", open: open)
    return arguments
  }

  mutating func parseArgument() throws -> Argument {
    let start = current.span
    if accept("*") != nil {
      let value = try parseExpression()
      return Argument(.unpacked(value), span: span(from: start))
    }
    if accept("**") != nil {
      let value = try parseExpression()
      return Argument(.unpackedKeywords(value), span: span(from: start))
    }
    if current.isIdentifier && peek().is("=") {
      let name = advance()
      advance()
      let value = try parseExpression()
      return Argument(.keyword(name.text, value), span: span(from: start))
    }
    let value = try parseNamedExpression()
    if check("=") {
      throw Diagnostic(
        "expression cannot contain assignment, perhaps you meant \"==\"?", at: span(from: start))
    }
    return Argument(.positional(value), span: value.span)
  }

  /// Python's rules on argument order: positional, `*args`, then `name=` and `**kwargs`.
  func checkOrder(of argument: Argument, after previous: [Argument], keywords: inout Set<String>)
    throws
  {
    let hasKeywordUnpacking = previous.contains {
      if case .unpackedKeywords = $0.kind { return true } else { return false }
    }
    let hasKeyword = previous.contains {
      if case .keyword = $0.kind { return true } else { return false }
    }
    switch argument.kind {
    case .positional where hasKeywordUnpacking:
      throw Diagnostic("positional argument follows keyword argument unpacking", at: argument.span)
    case .positional where hasKeyword:
      throw Diagnostic("positional argument follows keyword argument", at: argument.span)
    case .unpacked where hasKeywordUnpacking:
      throw Diagnostic(
        "iterable argument unpacking follows keyword argument unpacking", at: argument.span)
    case .keyword(let name, _):
      guard keywords.insert(name).inserted else {
        throw Diagnostic("keyword argument repeated: \(name)", at: argument.span)
      }
    default:
      return
    }
  }

  /// The index after `[`, through `]`: one item, or a `.tuple` of items; items may be slices.
  mutating func parseSubscriptIndex(bracket: Token) throws -> Expression {
    let start = current.span
    let first = try parseSliceItem()
    guard check(",") else {
      try expectClosing("]", open: bracket)
      return first
    }
    var items = [first]
    while accept(",") != nil && !check("]") {
      items.append(try parseSliceItem())
    }
    let tuple = Expression(.tuple(items), span: span(from: start))
    try expectClosing("]", open: bracket)
    return tuple
  }

  /// `expr`, `*expr`, or a slice `lower:upper:step` with any part missing.
  mutating func parseSliceItem() throws -> Expression {
    let start = current.span
    let ends = [":", ",", "]"]
    var lower: Expression?
    if !check(":") {
      if check("*") { return try parseStarExpression() }
      lower = try parseNamedExpression()
      if !check(":") {
        guard let lower else { throw invalidSyntax() }
        return lower
      }
    }
    advance()
    let upper = ends.contains(where: check) ? nil : try parseExpression()
    var step: Expression?
    if accept(":") != nil && ![",", "]"].contains(where: check) {
      step = try parseExpression()
    }
    return Expression(.slice(lower: lower, upper: upper, step: step), span: span(from: start))
  }

  /// Parameters of a `def` (up to `)`) or a `lambda` (up to `:`), leaving `closing` unread.
  mutating func parseParameters(closing: String, allowsAnnotations: Bool) throws -> Parameters {
    var parameters = Parameters()
    var isKeywordOnly = false
    var names: Set<String> = []
    while !check(closing) {
      if parameters.keywordVariadic != nil {
        throw Diagnostic("arguments cannot follow var-keyword argument", at: current.span)
      }
      if let star = accept("*") {
        guard !isKeywordOnly else {
          throw Diagnostic("* argument may appear only once", at: star.span)
        }
        isKeywordOnly = true
        parameters.variadic = try parseVariadicParameter(
          star: star, closing: closing, allowsAnnotations, names: &names)
      } else if accept("**") != nil {
        parameters.keywordVariadic = try parseParameter(
          allowsAnnotations, allowsDefault: false, names: &names)
      } else if check("/") {
        throw Diagnostic(
          "positional-only parameters ('/') are not supported in lessons", at: current.span,
          notes: ["remove the '/'; the parameters can then also be passed by keyword"])
      } else {
        let parameter = try parseParameter(allowsAnnotations, allowsDefault: true, names: &names)
        if isKeywordOnly {
          parameters.keywordOnly.append(parameter)
        } else {
          if parameter.defaultValue == nil, parameters.positional.last?.defaultValue != nil {
            throw Diagnostic(
              "parameter without a default follows parameter with a default", at: parameter.span)
          }
          parameters.positional.append(parameter)
        }
      }
      if accept(",") == nil { break }
    }
    return parameters
  }

  /// After `*`: `*args`, or nil for a bare `*` (which must be followed by a parameter).
  mutating func parseVariadicParameter(
    star: Token, closing: String, _ allowsAnnotations: Bool, names: inout Set<String>
  ) throws -> Parameter? {
    guard check(",") || check(closing) else {
      return try parseParameter(allowsAnnotations, allowsDefault: false, names: &names)
    }
    if check(closing) || peek().is(closing) {
      throw Diagnostic("named arguments must follow bare *", at: star.span)
    }
    return nil
  }

  mutating func parseParameter(
    _ allowsAnnotations: Bool, allowsDefault: Bool, names: inout Set<String>
  ) throws -> Parameter {
    let name = try expectName()
    guard names.insert(name.text).inserted else {
      throw Diagnostic("duplicate argument '\(name.text)' in function definition", at: name.span)
    }
    let annotation = allowsAnnotations && accept(":") != nil ? try parseExpression() : nil
    var defaultValue: Expression?
    if let equals = accept("=") {
      guard allowsDefault else {
        throw Diagnostic(
          "var-positional and var-keyword parameters cannot have default values", at: equals.span)
      }
      defaultValue = try parseExpression()
    }
    return Parameter(
      name: name.text, annotation: annotation, defaultValue: defaultValue, span: name.span)
  }
}
