/// Number literals: `10`, `1_000`, `0xff`, `0o17`, `0b101`, `1.`, `.5`, `1e-3`.
extension Lexer {
  mutating func readNumber() throws {
    let (startLine, startColumn, start) = (line, column, index)
    let isFloat: Bool
    if peek() == "0", let marker = peek(1), "xXoObB".contains(marker) {
      try readRadixInteger(marker: marker, line: startLine, column: startColumn, start: start)
      return
    }
    readDigits()
    var sawPoint = false
    if peek() == "." {
      sawPoint = true
      advance()
      readDigits()
    }
    let sawExponent = try readExponent()
    isFloat = sawPoint || sawExponent
    let text = String(characters[start..<index])
    let position = span(line: startLine, column: startColumn, length: text.count)
    try rejectNumberSuffix(text: text, at: position)
    try checkUnderscores(text, at: position)
    let digits = text.filter { $0 != "_" }
    if isFloat {
      guard let value = Double(normalizedFloat(digits)) else {
        throw Diagnostic("invalid decimal literal", at: position)
      }
      emit(.float(value), text, line: startLine, column: startColumn)
    } else {
      if digits.count > 1 && digits.first == "0" && digits.contains(where: { $0 != "0" }) {
        throw Diagnostic(
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
            + "octal integers", at: position)
      }
      emit(
        .int(try integer(digits, radix: 10, at: position)), text, line: startLine,
        column: startColumn)
    }
  }

  mutating func readDigits() {
    while let next = peek(), (next.isASCII && next.isNumber) || next == "_" { advance() }
  }

  /// Reads `e-3` after a mantissa; returns whether there was an exponent.
  mutating func readExponent() throws -> Bool {
    guard let marker = peek(), marker == "e" || marker == "E" else { return false }
    var offset = 1
    if let sign = peek(1), sign == "+" || sign == "-" { offset = 2 }
    guard let digit = peek(offset), digit.isASCII, digit.isNumber else {
      throw Diagnostic("invalid decimal literal", at: here)
    }
    for _ in 0..<offset { advance() }
    readDigits()
    return true
  }

  mutating func readRadixInteger(marker: Character, line: Int, column: Int, start: Int) throws {
    advance()
    advance()
    let radix = "xX".contains(marker) ? 16 : "oO".contains(marker) ? 8 : 2
    while let next = peek(), next.isHexDigit || next == "_" { advance() }
    let text = String(characters[start..<index])
    let position = span(line: line, column: column, length: text.count)
    let kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
    let body = text.dropFirst(2)
    try rejectNumberSuffix(text: text, at: position)
    guard !body.isEmpty, body.last != "_", !body.contains("__"),
      body.allSatisfy({ $0 == "_" || $0.hexDigitValue.map { $0 < radix } == true })
    else {
      throw Diagnostic("invalid \(kind) literal", at: position)
    }
    let digits = String(body.filter { $0 != "_" })
    emit(.int(try integer(digits, radix: radix, at: position)), text, line: line, column: column)
  }

  func integer(_ digits: String, radix: Int, at position: SourceSpan) throws -> Int {
    guard let value = Int(digits, radix: radix) else {
      throw Diagnostic(
        "integer literal is too large", at: position,
        notes: ["lesson integers are 64-bit: at most 9223372036854775807"])
    }
    return value
  }

  /// Rejects `1j` (complex numbers) and `1abc` (a number run into a name).
  mutating func rejectNumberSuffix(text: String, at position: SourceSpan) throws {
    guard let next = peek(), next == "_" || next.isLetter || next.isNumber else { return }
    if next == "j" || next == "J" {
      throw Diagnostic(
        "complex literals are not supported in lessons", at: position,
        notes: ["lessons compute with real numbers only"])
    }
    let kind = text.hasPrefix("0x") || text.hasPrefix("0X") ? "hexadecimal" : "decimal"
    throw Diagnostic("invalid \(kind) literal", at: position)
  }

  func checkUnderscores(_ text: String, at position: SourceSpan) throws {
    let characters = Array(text)
    for (offset, character) in characters.enumerated() where character == "_" {
      let before = offset > 0 ? characters[offset - 1] : " "
      let after = offset + 1 < characters.count ? characters[offset + 1] : " "
      guard before.isHexDigit, after.isHexDigit, before.isNumber, after.isNumber else {
        throw Diagnostic("invalid decimal literal", at: position)
      }
    }
  }

  /// Spells a Python float so Swift's `Double(_:)` accepts it: `1.` -> `1.0`, `.5` -> `0.5`.
  func normalizedFloat(_ digits: String) -> String {
    var text = digits.hasPrefix(".") ? "0" + digits : digits
    if let point = text.firstIndex(of: ".") {
      let after = text.index(after: point)
      if after == text.endIndex || !(text[after].isNumber) {
        text.insert("0", at: after)
      }
    }
    return text
  }
}
