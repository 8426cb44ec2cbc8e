/// String atoms: adjacent literals joined, f-string fields parsed into expressions.
extension Parser {
  /// One or more adjacent string tokens: a `.string`, or a `.formattedString` if any is an f-string.
  mutating func parseStrings() throws -> Expression {
    let start = current.span
    var parts: [FStringPart] = []
    var isFormatted = false
    while current.kind == .string, let literal = current.literal {
      let token = advance()
      if literal.isBytes {
        throw Diagnostic(
          "bytes literals are not supported in lessons", at: token.span,
          notes: ["use an ordinary string: remove the 'b' prefix"])
      }
      switch literal.contents {
      case .text(let text):
        parts.append(.literal(text))
      case .formatted(let pieces):
        isFormatted = true
        parts += try formattedParts(pieces)
      }
    }
    let span = span(from: start)
    guard isFormatted else {
      let text = parts.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
      return Expression(.string(text), span: span)
    }
    return Expression(.formattedString(merged(parts)), span: span)
  }

  /// Parses the fields of an f-string; `{x=}` becomes the literal `x=` and a field with `!r`.
  func formattedParts(_ pieces: [RawFStringPiece]) throws -> [FStringPart] {
    var parts: [FStringPart] = []
    for piece in pieces {
      switch piece {
      case .literal(let text):
        parts.append(.literal(text))
      case .field(let field):
        if let debugText = field.debugText { parts.append(.literal(debugText)) }
        let expression = try parseField(field)
        let spec = try field.formatSpec.map { try merged(formattedParts($0)) }
        let conversion =
          field.debugText != nil && field.conversion == nil && spec == nil ? "r" : field.conversion
        let value = FormattedValue(
          expression: expression, conversion: conversion, formatSpec: spec, span: field.span)
        parts.append(.value(value))
      }
    }
    return parts
  }

  /// The expression of one field, lexed and parsed at its place in the file.
  func parseField(_ field: RawFStringField) throws -> Expression {
    var lexer = Lexer(
      field.expression, file: file, line: field.expressionLine, column: field.expressionColumn,
      isExpressionOnly: true)
    var parser = Parser(tokens: try lexer.run(), file: file)
    (parser.functionDepth, parser.loopDepth, parser.nesting) = (functionDepth, loopDepth, nesting)
    let expression = try parser.parseStarExpressions()
    guard parser.current.kind == .end else {
      throw Diagnostic("f-string: invalid syntax", at: parser.current.span)
    }
    return expression
  }

  /// Joins adjacent literal parts and drops empty ones.
  func merged(_ parts: [FStringPart]) -> [FStringPart] {
    var result: [FStringPart] = []
    for part in parts {
      if case .literal(let text) = part {
        if text.isEmpty { continue }
        if case .literal(let previous) = result.last {
          result[result.count - 1] = .literal(previous + text)
          continue
        }
      }
      result.append(part)
    }
    return result
  }
}
