/// String literals: `'...'`, `"..."`, `'''...'''`, prefixes `r`, `b`, `u`, `f`, escapes.
extension Lexer {
  mutating func readString(prefix: String, line startLine: Int, column startColumn: Int) throws {
    let flags = prefix.lowercased()
    let start = span(line: startLine, column: startColumn, length: prefix.count + 1)
    guard let quote = peek() else { return }
    let isTriple = peek(1) == quote && peek(2) == quote
    let startIndex = index - prefix.count
    for _ in 0..<(isTriple ? 3 : 1) { advance() }
    let body = try readStringBody(quote: quote, isTriple: isTriple, start: start)
    for _ in 0..<(isTriple ? 3 : 1) { advance() }
    let text = String(characters[startIndex..<index])
    let isRaw = flags.contains("r")
    let contents: StringLiteral.Contents
    if flags.contains("f") {
      var scanner = FStringScanner(body: body, isRaw: isRaw, file: file)
      contents = .formatted(try scanner.readPieces(inSpec: false))
    } else {
      contents = .text(try decodeEscapes(body, isRaw: isRaw, file: file))
    }
    var token = Token(kind: .string, text: text, span: start)
    token.span = span(line: startLine, column: startColumn, length: text.count)
    token.literal = StringLiteral(contents: contents, isBytes: flags.contains("b"))
    tokens.append(token)
  }

  /// The characters up to the closing quote, which is left unread. A backslash keeps the next
  /// character in the body, so an escaped quote does not close the string.
  mutating func readStringBody(quote: Character, isTriple: Bool, start: SourceSpan) throws
    -> [SourceCharacter]
  {
    var body: [SourceCharacter] = []
    while true {
      guard let character = peek(), isTriple || !isNewline(character) else {
        let kind = isTriple ? "triple-quoted string literal" : "string literal"
        let closing = String(repeating: quote, count: isTriple ? 3 : 1)
        throw Diagnostic(
          "unterminated \(kind) (detected at line \(isTriple ? line : start.line))", at: start,
          notes: ["the string needs a closing \(closing)"])
      }
      if character == quote && (!isTriple || (peek(1) == quote && peek(2) == quote)) {
        return body
      }
      body.append(SourceCharacter(character: character, line: line, column: column))
      advance()
      if character == "\\", let escaped = peek() {
        body.append(SourceCharacter(character: escaped, line: line, column: column))
        advance()
      }
    }
  }
}

/// Decodes backslash escapes (unless `isRaw`) and turns `\r\n` into `\n`.
func decodeEscapes(_ body: [Lexer.SourceCharacter], isRaw: Bool, file: SourceFile) throws -> String
{
  var result = ""
  var index = 0
  while index < body.count {
    let character = body[index].character
    index += 1
    if character == "\\", !isRaw, index < body.count {
      result += try decodeEscape(body, at: &index, file: file)
    } else {
      result.append(character == "\r\n" ? "\n" : character)
    }
  }
  return result
}

/// Escapes that stand for a fixed text (a backslash before a line end joins the lines).
private let simpleEscapes: [Character: String] = [
  "\n": "", "\r\n": "", "\\": "\\", "'": "'", "\"": "\"", "a": "\u{07}", "b": "\u{08}",
  "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
]

/// Decodes the escape whose letter is at `index` (just after the backslash), moving past it.
/// Unknown escapes keep their backslash, as in Python.
private func decodeEscape(_ body: [Lexer.SourceCharacter], at index: inout Int, file: SourceFile)
  throws -> String
{
  let backslash = body[index - 1]
  let position = SourceSpan(file: file, line: backslash.line, column: backslash.column)
  let escaped = body[index].character
  index += 1
  if let text = simpleEscapes[escaped] { return text }
  if let digit = escaped.hexDigitValue, digit < 8 {
    var value = digit
    var count = 1
    while count < 3, index < body.count, let next = body[index].character.hexDigitValue, next < 8 {
      value = value * 8 + next
      index += 1
      count += 1
    }
    return Unicode.Scalar(UInt32(value)).map { String($0) } ?? "?"
  }
  if let width = ["x": 2, "u": 4, "U": 8][escaped] {
    let digits = body[index..<min(body.count, index + width)].map(\.character)
    guard digits.count == width, digits.allSatisfy(\.isHexDigit),
      let value = UInt32(String(digits), radix: 16), let scalar = Unicode.Scalar(value)
    else {
      throw Diagnostic(
        "(unicode error) truncated or invalid \\\(escaped) escape", at: position,
        notes: ["\\\(escaped) takes exactly \(width) hexadecimal digits"])
    }
    index += width
    return String(scalar)
  }
  if escaped == "N" {
    throw Diagnostic(
      "\\N{...} escapes are not supported in lessons", at: position,
      notes: ["write the character itself, or use \\u with its code point"])
  }
  return "\\" + String(escaped)
}

/// Splits the body of an f-string into literal text and raw replacement fields.
struct FStringScanner {
  let body: [Lexer.SourceCharacter]
  let isRaw: Bool
  let file: SourceFile
  var index = 0
  /// How many fields enclose the current one (`{x:{w}}` nests once; Python allows no more).
  var depth = 0

  init(body: [Lexer.SourceCharacter], isRaw: Bool, file: SourceFile) {
    self.body = body
    self.isRaw = isRaw
    self.file = file
  }

  func character(_ offset: Int = 0) -> Character? {
    index + offset < body.count ? body[index + offset].character : nil
  }

  func span(of position: Lexer.SourceCharacter, length: Int = 1) -> SourceSpan {
    SourceSpan(file: file, line: position.line, column: position.column, length: length)
  }

  /// Literal text and fields up to the end of the body, or (in a format spec) up to the `}` that
  /// closes the field, which is left unread.
  mutating func readPieces(inSpec: Bool) throws -> [RawFStringPiece] {
    var pieces: [RawFStringPiece] = []
    var literal: [Lexer.SourceCharacter] = []
    func flush() throws {
      if !literal.isEmpty {
        pieces.append(.literal(try decodeEscapes(literal, isRaw: isRaw, file: file)))
      }
      literal = []
    }
    while let current = character() {
      if current == "{" && !inSpec && character(1) == "{"
        || current == "}" && character(1) == "}" && !inSpec
      {
        literal.append(body[index])
        index += 2
      } else if current == "{" {
        try flush()
        pieces.append(.field(try readField()))
      } else if current == "}" {
        if inSpec { break }
        throw Diagnostic(
          "f-string: single '}' is not allowed", at: span(of: body[index]),
          notes: ["write '}}' for a literal brace"])
      } else {
        literal.append(body[index])
        index += 1
        if current == "\\" && !isRaw && index < body.count {
          literal.append(body[index])
          index += 1
        }
      }
    }
    try flush()
    return pieces
  }

  /// Reads `{expression=!c:spec}` from its `{`.
  mutating func readField() throws -> RawFStringField {
    let open = body[index]
    guard depth < 2 else {
      throw Diagnostic("f-string: expressions nested too deeply", at: span(of: open))
    }
    depth += 1
    defer { depth -= 1 }
    index += 1
    let expressionStart = index
    try skipExpression(open: open)
    let expression = body[expressionStart..<index].map(\.character)
    guard expression.contains(where: { !$0.isWhitespace }) else {
      throw Diagnostic("f-string: empty expression not allowed", at: span(of: open))
    }
    let debugText = readDebugText(expression)
    let conversion = try readConversion()
    var spec: [RawFStringPiece]?
    if character() == ":" {
      index += 1
      spec = try readPieces(inSpec: true)
    }
    guard character() == "}" else {
      throw Diagnostic("f-string: expecting '}'", at: span(of: open))
    }
    let close = body[index]
    index += 1
    let length = close.line == open.line ? close.column - open.column + 1 : 1
    let first = body[expressionStart]
    return RawFStringField(
      expression: expression, expressionLine: first.line, expressionColumn: first.column,
      debugText: debugText, conversion: conversion, formatSpec: spec,
      span: span(of: open, length: length))
  }

  /// After `{x=`: the text `x=` and the spaces after `=`, which a self-documenting field prints.
  mutating func readDebugText(_ expression: [Character]) -> String? {
    guard character() == "=" else { return nil }
    var text = String(expression) + "="
    index += 1
    while let next = character(), next.isWhitespace {
      text.append(next)
      index += 1
    }
    return text
  }

  /// `!r`, `!s` or `!a`, if present.
  mutating func readConversion() throws -> Character? {
    guard character() == "!" else { return nil }
    index += 1
    guard let letter = character(), "sra".contains(letter) else {
      throw Diagnostic(
        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        at: span(of: body[min(index, body.count - 1)]))
    }
    index += 1
    return letter
  }

  /// Moves to the `}`, `!`, `:` or `=` that ends the expression of a field.
  mutating func skipExpression(open: Lexer.SourceCharacter) throws {
    var depth = 0
    while let current = character() {
      if current == "'" || current == "\"" {
        index += 1
        while let next = character(), next != current { index += 1 }
      } else if "([{".contains(current) {
        depth += 1
      } else if ")]}".contains(current) && depth > 0 {
        depth -= 1
      } else if depth == 0 && (current == "}" || current == ":") {
        return
      } else if "=!<>".contains(current) && character(1) == "=" {
        index += 1
      } else if depth == 0 && (current == "!" || current == "=") {
        return
      }
      index += 1
    }
    throw Diagnostic("f-string: expecting '}'", at: span(of: open))
  }
}
