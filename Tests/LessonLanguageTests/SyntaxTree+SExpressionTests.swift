import Testing

@testable import LessonLanguage

@Suite struct SyntaxTreeSExpressionTests {
  @Test func stringsAreQuotedWithEscapes() {
    #expect(ParserTestSupport.expression(#"'say "hi"\n\\ \t'"#) == #""say \"hi\"\n\\ \t""#)
  }

  @Test func parametersShowDefaultsStarsAndKeywordOnlyMarker() {
    #expect(
      ParserTestSupport.expression("lambda a, *args, k=1, **kw: 0")
        == "(lambda (a (* args) (= k 1) (** kw)) 0)")
    #expect(ParserTestSupport.expression("lambda *, k: k") == "(lambda (* k) k)")
  }

  @Test func programsPrintOneStatementPerLine() {
    #expect(ParserTestSupport.parsed("import torch\nx = 1\n") == "(import torch)\n(= x 1)")
  }

  @Test func fieldsInTripleQuotedFStringsKeepTheirLines() throws {
    let source = "s = f'''a\n  {value:>{width}}'''"
    let program = try Parser.parse(
      source, file: ParserTestSupport.file(source, firstLine: 3), firstLine: 3)
    guard case .assign(_, let string) = try #require(program.first).kind,
      case .formattedString(let parts) = string.kind,
      case .value(let field) = try #require(parts.last)
    else {
      Issue.record("unexpected tree")
      return
    }
    #expect(string.sExpression == "(f \"a\\n  \" (format value (spec \">\" (format width))))")
    #expect("\(field.expression.span)" == "lesson.md:4:4")
  }
}
