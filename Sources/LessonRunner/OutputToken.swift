/// Splitting output lines into tokens: words, numbers, punctuation, and on the expected side bands,
/// placeholders and `...`.

/// One token of a line of output.
struct OutputToken: Sendable {
  /// What the token is.
  enum Kind: Sendable {
    /// Letters, digits and `_`, starting with a letter or `_`.
    case word(String)
    /// One punctuation character (or `...` on the actual side).
    case punct(String)
    /// A number, compared with the tolerance its expected printing implies.
    case number(PrintedNumber)
    /// `98 +- 1` or `98 ± 1`: any number in [97, 99] (expected side only).
    case band(PrintedNumber, radius: Double)
    /// `{int}`, `{float <= 0.2}`... (expected side only).
    case placeholder(Placeholder)
    /// `...` inside a line, or `{text}`: any text within the line (expected side only).
    case elide
  }

  let kind: Kind
  /// 0-based index of the line in its text.
  let line: Int
  /// 0-based character column in the line.
  let column: Int
  /// The token as written.
  let text: String

  var number: PrintedNumber? {
    if case .number(let number) = kind { return number }
    return nil
  }

  var isElide: Bool {
    if case .elide = kind { return true }
    return false
  }
}

/// Tokenises one line. Whitespace only separates tokens; its amount never matters.
struct OutputLexer {
  private let chars: [Character]
  private let line: Int
  /// True for expected text, where `...`, `{...}` placeholders and `+-` bands have meaning.
  private let isExpected: Bool
  private var position = 0
  private var tokens: [OutputToken] = []

  private init(_ text: String, line: Int, isExpected: Bool) {
    self.chars = Array(text)
    self.line = line
    self.isExpected = isExpected
  }

  /// The tokens of `text`, line `line` of its text.
  static func tokens(_ text: String, line: Int, isExpected: Bool) throws(PatternError)
    -> [OutputToken]
  {
    var lexer = OutputLexer(text, line: line, isExpected: isExpected)
    try lexer.run()
    return lexer.tokens
  }

  private mutating func run() throws(PatternError) {
    while position < chars.count {
      let start = position
      let char = chars[position]
      if char == " " || char == "\t" {
        position += 1
      } else if isExpected, char == "{",
        let (placeholder, length) = try Placeholder.parse(chars, at: start)
      {
        position += length
        emit(placeholder.kind == .text ? .elide : .placeholder(placeholder), from: start)
      } else if hasPrefix("...") {
        position += 3
        emit(isExpected ? .elide : .punct("..."), from: start)
      } else if startsNumber() {
        lexNumber()
      } else if char.isLetter || char == "_" {
        lexWord()
      } else {
        position += 1
        emit(.punct(String(char)), from: start)
      }
    }
  }

  private mutating func emit(_ kind: OutputToken.Kind, from start: Int) {
    let text = String(chars[start..<position])
    tokens.append(OutputToken(kind: kind, line: line, column: start, text: text))
  }

  private func char(at index: Int) -> Character? {
    index >= 0 && index < chars.count ? chars[index] : nil
  }

  private func hasPrefix(_ text: String, at index: Int? = nil) -> Bool {
    let start = index ?? position
    return text.enumerated().allSatisfy { char(at: start + $0.offset) == $0.element }
  }

  private func isDigit(_ index: Int) -> Bool {
    char(at: index)?.isASCII == true && char(at: index)?.isNumber == true
  }

  /// A digit, `.5`, `-3`, `-.5` or `-inf`, not glued to a word before it (`x-1` is `x`, `-`, `1`).
  private func startsNumber() -> Bool {
    var index = position
    if char(at: index) == "-" {
      if let before = char(at: index - 1),
        before.isLetter || before.isNumber || "_)]".contains(before)
      {
        return false
      }
      if hasPrefix("inf", at: index + 1), !isWordChar(index + 4) { return true }
      index += 1
    }
    if isDigit(index) { return true }
    let before = char(at: index - 1)
    return char(at: index) == "." && isDigit(index + 1) && !(before?.isNumber ?? false)
  }

  private func isWordChar(_ index: Int) -> Bool {
    guard let char = char(at: index) else { return false }
    return char.isLetter || char.isNumber || char == "_"
  }

  private mutating func lexNumber() {
    let start = position
    if char(at: position) == "-" { position += 1 }
    if hasPrefix("inf") {
      position += 3
    } else {
      while isDigit(position) { position += 1 }
      if char(at: position) == "." {
        position += 1
        while isDigit(position) { position += 1 }
      }
      skipExponent()
    }
    let text = String(chars[start..<position])
    guard let number = PrintedNumber(text) else { return emit(.punct(text), from: start) }
    if isExpected, let band = lexBand() {
      tokens.append(
        OutputToken(kind: .band(number, radius: band.radius), line: line, column: start, text: text)
      )
      if let percent = band.percent {
        tokens.append(OutputToken(kind: .punct("%"), line: line, column: percent, text: "%"))
      }
      return
    }
    emit(.number(number), from: start)
  }

  private mutating func skipExponent() {
    guard let e = char(at: position), e == "e" || e == "E" else { return }
    var index = position + 1
    if let sign = char(at: index), sign == "+" || sign == "-" { index += 1 }
    guard isDigit(index) else { return }
    while isDigit(index) { index += 1 }
    position = index
  }

  /// After a number: `+- r`, `± r` or `% +- r`; consumes it and returns the radius.
  private mutating func lexBand() -> (radius: Double, percent: Int?)? {
    var index = position
    func skipSpaces() { while char(at: index) == " " || char(at: index) == "\t" { index += 1 } }
    skipSpaces()
    var percent: Int?
    if char(at: index) == "%" {
      percent = index
      index += 1
      skipSpaces()
    }
    if hasPrefix("+-", at: index) {
      index += 2
    } else if char(at: index) == "±" {
      index += 1
    } else {
      return nil
    }
    skipSpaces()
    let radiusStart = index
    while isDigit(index) || char(at: index) == "." || char(at: index) == "e" { index += 1 }
    guard let radius = Double(String(chars[radiusStart..<index])), radius >= 0 else { return nil }
    position = index
    return (radius, percent)
  }

  private mutating func lexWord() {
    let start = position
    while isWordChar(position) { position += 1 }
    let word = String(chars[start..<position])
    if word == "nan" || word == "inf", let number = PrintedNumber(word) {
      return emit(.number(number), from: start)
    }
    emit(.word(word), from: start)
  }
}
