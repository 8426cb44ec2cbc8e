import Testing

@testable import LessonLanguage

@Suite struct FormatErrorTests {
  @Test func describesLikeATracebackLine() {
    #expect(FormatError.value("bad").description == "ValueError: bad")
    #expect(FormatError(.indexError, "x").description == "IndexError: x")
    #expect(FormatError(.keyError, "'a'").kind == .keyError)
  }
}
