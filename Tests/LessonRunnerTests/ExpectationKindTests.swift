import Testing

@testable import LessonRunner

@Test func theKindsTableNamesEachInfoStringOnce() {
  let infos = ExpectationKinds.all.map { $0.word + ($0.option.map { " " + $0 } ?? "") }
  #expect(infos == ["output", "output exact", "error", "figure"])
  #expect(ExpectationKinds.words == ["output", "error", "figure"])
  #expect(ExpectationKinds.kinds(for: "output").count == 2)
  #expect(ExpectationKinds.kinds(for: "bash").isEmpty)
}

@Test func eachKindChecksAndBlessesWhatACellDid() throws {
  let text = ExpectedText("1.7", path: "k.md", firstLine: 5)
  let fence = SourceSpan(file: text.file, line: 4, column: 1)
  let printed = CellResult(outputs: [.text("1.6667\n")], error: nil)
  let raised = CellResult(outputs: [], error: Diagnostic("RuntimeError: 1.7 is wrong", at: nil))
  let output = try OutputExpectation(compiling: text, fence: fence)
  #expect(output.check(printed).failure == nil)
  #expect(output.check(raised).failure?.message == "RuntimeError: 1.7 is wrong")
  #expect(output.blessed(printed) == [.kept(0)], "a line that passes is kept as written")
  #expect(output.blessed(raised) == nil)
  let exact = try ExactOutputExpectation(compiling: text, fence: fence)
  #expect(exact.check(printed).failure?.message == "output differs at column 3")
  #expect(exact.blessed(printed) == [.written("1.6667")])
  let error = try ErrorExpectation(compiling: text, fence: fence)
  #expect(error.check(raised).failure == nil)
  #expect(error.check(printed).failure?.diagnostic.span?.line == 4)
  #expect(error.blessed(raised) == nil, "bless never rewrites an error block")
}

@Test func aBlockIsCompiledWhenItsLessonIsParsed() {
  let text = ExpectedText("{int >= abc}", path: "k.md", firstLine: 5)
  let fence = SourceSpan(file: text.file, line: 4, column: 1)
  #expect(throws: Diagnostic.self) { try OutputExpectation(compiling: text, fence: fence) }
  #expect(throws: Diagnostic.self) { try ErrorExpectation(compiling: text, fence: fence) }
  #expect(throws: Never.self) { try ExactOutputExpectation(compiling: text, fence: fence) }
}
