import Testing

@testable import LessonRunner

@Test func outputIsIndentedWithoutIndentingEmptyLines() {
  #expect(Indenter.indented("a\n\nb\n") == "    a\n\n    b\n")
  #expect(Indenter.indented("") == "")
  #expect(Indenter.indented("x", prefix: "  - ") == "  - x")
}

@Test func chunksAreIndentedAsTheyStream() {
  var indenter = Indenter()
  let streamed = ["a", "b\n", "", "\nc"].map { indenter.indent($0) }.joined()
  #expect(streamed == "    ab\n\n    c")
  #expect(!indenter.atLineStart)
  #expect(indenter.endLine() == "\n")
  #expect(indenter.endLine() == "")
}

@Test func styledTextKeepsItsRolesAndThePrefixIsPlain() {
  var text = StyledText("error:", .failure)
  text.append(" two\nlines", .emphasis)
  var indenter = Indenter()
  let indented = indenter.indent(text)
  #expect(indented.plain == "    error: two\n    lines")
  #expect(TerminalStyle(color: true).render(indented).hasPrefix("    \u{1B}[1;31merror:"))
  #expect(indented.runs.filter { $0.text == "    " }.allSatisfy { $0.role == nil })
}
