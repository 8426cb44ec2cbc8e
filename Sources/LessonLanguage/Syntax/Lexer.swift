/// Turns lesson source into tokens the way Python's tokenizer does: NEWLINE at the end of each
/// logical line, INDENT/DEDENT from indentation, no line ends inside brackets or after a
/// backslash, comments and blank lines dropped.
struct Lexer {
  /// A character of the input with its position in the user's file.
  struct SourceCharacter {
    var character: Character
    var line: Int
    var column: Int
  }

  let file: SourceFile
  let characters: [Character]
  var index = 0
  var line: Int
  var column: Int
  var tokens: [Token] = []
  /// Open brackets with where they were opened, innermost last.
  var brackets: [(character: Character, span: SourceSpan)] = []
  /// Indentation widths of the enclosing blocks: tabs to multiples of 8, and tabs as 1 column
  /// (when the two disagree the indentation depends on the tab size, Python's `TabError`).
  var indents: [(width: Int, alternateWidth: Int)] = [(0, 0)]
  var atLineStart = true
  /// True when lexing an f-string field: no NEWLINE, INDENT or DEDENT at all.
  let isExpressionOnly: Bool

  /// A lexer over `source`, whose first character is at `line`:`column` of `file`.
  init(
    _ source: [Character], file: SourceFile, line: Int, column: Int = 1,
    isExpressionOnly: Bool = false
  ) {
    self.characters = source
    self.file = file
    self.line = line
    self.column = column
    self.isExpressionOnly = isExpressionOnly
    self.atLineStart = !isExpressionOnly
  }

  /// All the tokens of the input, ending with NEWLINE (if the last line has tokens), the DEDENTs
  /// that close open blocks, and `end`.
  static func tokenize(_ source: String, file: SourceFile, firstLine: Int) throws -> [Token] {
    var lexer = Lexer(Array(source), file: file, line: firstLine)
    return try lexer.run()
  }

  mutating func run() throws -> [Token] {
    while true {
      if atLineStart && brackets.isEmpty {
        atLineStart = false
        try readIndentation()
      }
      skipWhitespace()
      guard let character = peek() else { break }
      if character == "#" {
        while let next = peek(), !isNewline(next) { advance() }
      } else if isNewline(character) {
        try readLineEnd()
      } else if character == "\\" {
        try readContinuation()
      } else {
        try readToken(character)
      }
    }
    return try finish()
  }

  // MARK: - Characters

  func peek(_ offset: Int = 0) -> Character? {
    index + offset < characters.count ? characters[index + offset] : nil
  }

  func isNewline(_ character: Character) -> Bool { character == "\n" || character == "\r\n" }

  mutating func advance() {
    guard index < characters.count else { return }
    if isNewline(characters[index]) {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  mutating func skipWhitespace() {
    while let character = peek(),
      character == " " || character == "\t" || character == "\u{0C}"
        || character == "\r"
    {
      advance()
    }
  }

  func span(line: Int, column: Int, length: Int = 1) -> SourceSpan {
    SourceSpan(file: file, line: line, column: column, length: length)
  }

  /// The span of the next character (or of the end of input).
  var here: SourceSpan { span(line: line, column: column) }

  mutating func emit(_ kind: Token.Kind, _ text: String, line: Int, column: Int) {
    let length = text.count
    tokens.append(
      Token(kind: kind, text: text, span: span(line: line, column: column, length: length)))
  }

  /// True when the current logical line already produced a token.
  var lineHasTokens: Bool {
    guard let last = tokens.last else { return false }
    return last.kind != .newline && last.kind != .indent && last.kind != .dedent
  }

  // MARK: - Lines and indentation

  mutating func readLineEnd() throws {
    let (startLine, startColumn) = (line, column)
    advance()
    if brackets.isEmpty && !isExpressionOnly {
      if lineHasTokens { emit(.newline, "", line: startLine, column: startColumn) }
      atLineStart = true
    }
  }

  mutating func readContinuation() throws {
    let start = here
    advance()
    guard let next = peek() else {
      throw Diagnostic(
        "unexpected EOF while parsing", at: start,
        notes: ["a backslash at the end of a line continues the statement on the next line"])
    }
    guard isNewline(next) else {
      throw Diagnostic("unexpected character after line continuation character", at: start)
    }
    advance()
  }

  /// Measures the indentation of a new line and emits INDENT or DEDENTs; blank and comment-only
  /// lines are left alone.
  mutating func readIndentation() throws {
    var width = 0
    var alternateWidth = 0
    while let character = peek() {
      if character == " " {
        width += 1
        alternateWidth += 1
      } else if character == "\t" {
        width = (width / 8 + 1) * 8
        alternateWidth += 1
      } else if character == "\u{0C}" {
        (width, alternateWidth) = (0, 0)
      } else {
        break
      }
      advance()
    }
    guard let next = peek(), next != "#", !isNewline(next), next != "\\" else { return }
    try applyIndentation(width: width, alternateWidth: alternateWidth)
  }

  mutating func applyIndentation(width: Int, alternateWidth: Int) throws {
    let position = span(line: line, column: column)
    let tabError = Diagnostic(
      "inconsistent use of tabs and spaces in indentation", at: position,
      notes: ["indent with spaces only (4 per level is the convention)"])
    guard let top = indents.last else { return }
    if width == top.width {
      if alternateWidth != top.alternateWidth { throw tabError }
    } else if width > top.width {
      if alternateWidth <= top.alternateWidth { throw tabError }
      guard indents.count < 100 else {
        throw Diagnostic("too many levels of indentation", at: position)
      }
      indents.append((width, alternateWidth))
      tokens.append(Token(kind: .indent, text: "", span: position))
    } else {
      while let last = indents.last, width < last.width {
        indents.removeLast()
        tokens.append(Token(kind: .dedent, text: "", span: position))
      }
      guard let last = indents.last, width == last.width else {
        throw Diagnostic(
          "unindent does not match any outer indentation level", at: position,
          notes: ["this line must line up with one of the enclosing blocks"])
      }
      if alternateWidth != last.alternateWidth { throw tabError }
    }
  }

  mutating func finish() throws -> [Token] {
    if let open = brackets.last {
      throw Diagnostic(
        "'\(open.character)' was never closed", at: open.span,
        notes: ["every '\(open.character)' needs a matching '\(closing(open.character))'"])
    }
    if !isExpressionOnly {
      if lineHasTokens { emit(.newline, "", line: line, column: column) }
      let position = here
      for _ in indents.dropFirst() {
        tokens.append(Token(kind: .dedent, text: "", span: position))
      }
    }
    tokens.append(Token(kind: .end, text: "", span: here))
    return tokens
  }

  // MARK: - Tokens

  mutating func readToken(_ character: Character) throws {
    if character == "_" || character.isLetter {
      try readNameOrString()
    } else if character.isASCII && character.isNumber {
      try readNumber()
    } else if character == ".", let next = peek(1), next.isASCII, next.isNumber {
      try readNumber()
    } else if character == "'" || character == "\"" {
      try readString(prefix: "", line: line, column: column)
    } else {
      try readOperator(character)
    }
  }

  mutating func readNameOrString() throws {
    let (startLine, startColumn, start) = (line, column, index)
    while let next = peek(), next == "_" || next.isLetter || next.isNumber { advance() }
    let text = String(characters[start..<index])
    if let quote = peek(), quote == "'" || quote == "\"",
      ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(text.lowercased())
    {
      try readString(prefix: text, line: startLine, column: startColumn)
    } else {
      emit(.name, text, line: startLine, column: startColumn)
    }
  }

  mutating func readOperator(_ character: Character) throws {
    let (startLine, startColumn) = (line, column)
    guard let spelling = pythonOperators.first(where: { matches($0) }) else {
      let scalar = character.unicodeScalars.first.map {
        String($0.value, radix: 16, uppercase: true)
      }
      if character.isASCII {
        throw Diagnostic("invalid syntax", at: here)
      }
      let code = String(repeating: "0", count: max(0, 4 - (scalar ?? "").count)) + (scalar ?? "")
      throw Diagnostic(
        "invalid character '\(character)' (U+\(code))", at: here,
        notes: ["lesson code may only use ASCII operators; check for pasted typographic characters"]
      )
    }
    for _ in spelling { advance() }
    try trackBrackets(spelling, line: startLine, column: startColumn)
    emit(.op, spelling, line: startLine, column: startColumn)
  }

  func matches(_ spelling: String) -> Bool {
    for (offset, character) in spelling.enumerated() where peek(offset) != character {
      return false
    }
    return true
  }

  func closing(_ open: Character) -> Character {
    open == "(" ? ")" : open == "[" ? "]" : "}"
  }

  mutating func trackBrackets(_ spelling: String, line: Int, column: Int) throws {
    let position = span(line: line, column: column)
    guard let character = spelling.first, spelling.count == 1 else { return }
    if "([{".contains(character) {
      brackets.append((character, position))
    } else if ")]}".contains(character) {
      guard let open = brackets.popLast() else {
        throw Diagnostic("unmatched '\(character)'", at: position)
      }
      if closing(open.character) != character {
        let onLine = open.span.line == line ? "" : " on line \(open.span.line)"
        throw Diagnostic(
          "closing parenthesis '\(character)' does not match opening parenthesis "
            + "'\(open.character)'\(onLine)", at: position)
      }
    }
  }
}
