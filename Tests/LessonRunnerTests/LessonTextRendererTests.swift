import Testing

@testable import LessonRunner

private func plain(_ text: StyledText) -> String { TerminalStyle(color: false).render(text) }

@Test func reportShowsEachCellWithItsVerdict() {
  let (lesson, outcomes, _) = runSample()
  let text = plain(LessonTextRenderer.render(LessonReport(lesson: lesson, outcomes: outcomes)))
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
  #expect(
    text.contains(
      """
      --- lessons/s.md:14 (cell 3)
          partial
          lessons/s.md:15:1: error: float division by zero
          fails()
          ^
          note: a note
      ok

      """), "an expected error is shown as the learner sees it")
  #expect(text.contains("FAILED\nlessons/s.md:23:1: error: expected the cell to fail"))
  #expect(text.contains("FAILED\nlessons/s.md:27:1: error: name 'x' is not defined"))
  #expect(text.contains("--- lessons/s.md:29 (cell 6)\nskipped\n"))
  #expect(text.hasSuffix("lessons/s.md: 2 passed, 3 failed\n"))
  #expect(!text.contains("\u{1B}["))
}

@Test func colourOnlyWhenAsked() {
  let (lesson, outcomes, _) = runSample()
  let text = TerminalStyle(color: true).render(
    LessonTextRenderer.render(LessonReport(lesson: lesson, outcomes: outcomes)))
  #expect(text.contains("\u{1B}[1;32mok\u{1B}[0m"))
  #expect(text.contains("\u{1B}[1;31mFAILED\u{1B}[0m"))
}

@Test func theLiveViewAndTheFinishedReportAgree() throws {
  let lesson = try LessonParser.parse(SourceFile(path: "lessons/s.md", text: sampleLesson))
  let executor = FakeExecutor([
    "ok()": (["1.66", "67\n"], nil), "wrong()": (["1.6", "667"], nil),
    "fails()": (["partial"], "float division by zero"),
  ])
  var live = LessonTextRenderer(lesson: lesson)
  var streamed = StyledText()
  let report = LessonRun(lesson: lesson, executor: executor).run { event in
    streamed.append(live.render(event))
  }
  let finished = LessonTextRenderer.render(report)
  #expect(plain(finished) == plain(streamed) + "lessons/s.md: \(report.summaryLine)\n")
  #expect(plain(streamed).contains("--- lessons/s.md:8 (cell 2)\n    1.6667\nFAILED\n"))
}

@Test func oneCellRendersAsInTheWholeReport() {
  let (lesson, outcomes, _) = runSample()
  let cell = plain(LessonTextRenderer.render(outcomes[1], in: lesson))
  #expect(cell.hasPrefix("--- lessons/s.md:8 (cell 2)\n    1.6667\nFAILED\nlessons/s.md:12:1:"))
  #expect(cell.hasSuffix("\n"))
}
