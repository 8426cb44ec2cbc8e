import Testing

@testable import LessonRunner

@Test func reportShowsEachCellWithItsVerdict() {
  let (lesson, outcomes, _) = runSample()
  let text = LessonReport(lesson: lesson, outcomes: outcomes).rendered()
  #expect(text.contains("--- lessons/s.md:2 (cell 1)\n    1.6667\nok\n"))
  #expect(
    text.contains(
      """
      --- lessons/s.md:8 (cell 2)
          1.6667
      FAILED
      lessons/s.md:12:1: error: expected 1.9 (±0.05), got 1.6667
      1.9
      ^~~
      """))
  #expect(text.contains("FAILED\nlessons/s.md:23:1: error: expected the cell to fail"))
  #expect(text.contains("FAILED\nlessons/s.md:27:1: error: name 'x' is not defined"))
  #expect(text.contains("--- lessons/s.md:29 (cell 6)\nskipped"))
  #expect(text.hasSuffix("lessons/s.md: 2 passed, 3 failed\n"))
  #expect(!text.contains("\u{1B}["))
}

@Test func colourOnlyWhenAsked() {
  let (lesson, outcomes, _) = runSample()
  let text = LessonReport(lesson: lesson, outcomes: outcomes).rendered(color: true)
  #expect(text.contains("\u{1B}[1;32mok\u{1B}[0m"))
  #expect(text.contains("\u{1B}[1;31mFAILED\u{1B}[0m"))
}

@Test func summaryLineForTotals() {
  #expect(LessonReport.summaryLine(passed: 10, failed: 0) == "10 passed, 0 failed")
}

@Test func outputIsIndentedWithoutATrailingEmptyLine() {
  #expect(LessonReport.indented("a\n\nb\n") == ["    a", "", "    b"])
  #expect(LessonReport.indented("") == [])
}
