import Testing

@testable import LessonLanguage

@Suite struct LexerTests {
  /// The tokens of `source` as `kind:text` words: `NEWLINE`, `INDENT`, `DEDENT`, `END` for the
  /// layout tokens.
  func words(_ source: String) throws -> String {
    let file = ParserTestSupport.file(source)
    return try Lexer.tokenize(source, file: file, firstLine: 1).map { token in
      switch token.kind {
      case .newline: return "NEWLINE"
      case .indent: return "INDENT"
      case .dedent: return "DEDENT"
      case .end: return "END"
      case .int(let value): return "int:\(value)"
      case .float(let value): return "float:\(value)"
      case .string: return "str:\(token.text)"
      default: return token.text
      }
    }.joined(separator: " ")
  }

  @Test func indentationBecomesIndentAndDedentTokens() throws {
    let source = "if a:\n    b\n\n    # note\n    if c:\n        d\ne"
    #expect(
      try words(source)
        == "if a : NEWLINE INDENT b NEWLINE if c : NEWLINE INDENT d NEWLINE DEDENT DEDENT e NEWLINE END"
    )
  }

  @Test func openBlocksAreClosedAtTheEnd() throws {
    #expect(
      try words("def f():\n  return 1\n")
        == "def f ( ) : NEWLINE INDENT return int:1 NEWLINE DEDENT END")
  }

  @Test func bracketsAndBackslashesJoinLines() throws {
    #expect(
      try words("x = (1,\n  2)\ny = 3 + \\\n 4")
        == "x = ( int:1 , int:2 ) NEWLINE y = int:3 + int:4 NEWLINE END")
  }

  @Test func operatorsMatchLongestFirst() throws {
    #expect(
      try words("a **= b // c -> d ... != @= <<")
        == "a **= b // c -> d ... != @= << NEWLINE END")
  }

  @Test func numbers() throws {
    #expect(
      try words("1_000 0x1F 1. .5 1e-3 2E+2")
        == "int:1000 int:31 float:1.0 float:0.5 float:0.001 float:200.0 NEWLINE END")
  }

  @Test func stringPrefixesAreNotNames() throws {
    #expect(
      try words("r'a' rb'b' f\"c\" fr'd' br x")
        == "str:r'a' str:rb'b' str:f\"c\" str:fr'd' br x NEWLINE END")
  }

  @Test func crlfLineEndsAreNewlines() throws {
    #expect(try words("a\r\nb\r\n") == "a NEWLINE b NEWLINE END")
  }

  @Test func tokenSpansUseFirstLineAndCharacterColumns() throws {
    let source = "é = 'ü' + xy"
    let file = ParserTestSupport.file(source, firstLine: 7)
    let tokens = try Lexer.tokenize(source, file: file, firstLine: 7)
    let spans = tokens.prefix(5).map { "\($0.span.line):\($0.span.column)+\($0.span.length)" }
    #expect(spans == ["7:1+1", "7:3+1", "7:5+3", "7:9+1", "7:11+2"])
  }
}
