import Testing

@testable import LessonRunner

@Test func textRendererShowsEveryLessonThenTheTotal() {
  let (lesson, outcomes, _) = runSample()
  let report = LessonReport(lesson: lesson, outcomes: outcomes)
  let malformed = MalformedLesson(
    path: "b.md", diagnostic: Diagnostic("output block has no code cell before it", at: nil))
  let run = RunReport(lessons: [report, report], malformed: [malformed])
  let text = TextRenderer().render(run)
  #expect(text.hasPrefix("error: output block has no code cell before it\n--- lessons/s.md:2"))
  #expect(text.components(separatedBy: "lessons/s.md: 2 passed, 3 failed\n").count == 3)
  #expect(
    text.hasSuffix(
      "\nERROR b.md: output block has no code cell before it\n4 passed, 6 failed, 1 error\n"))
  #expect(
    TextRenderer().render(RunReport(lessons: [report])).hasSuffix(
      "s.md: 2 passed, 3 failed\nFAILED lessons/s.md:12:1: expected 1.9 (±0.05), got 1.6667\n"
        + "FAILED lessons/s.md:23:1: expected the cell to fail, but it ran without error\n"
        + "FAILED lessons/s.md:27:1: name 'x' is not defined\n"))
  #expect(TextRenderer(style: TerminalStyle(color: true)).render(run).contains("\u{1B}[1;31m"))
}

@Test func explanationsPutTheCallersAdviceAfterWhatIsMissing() {
  let requirement = Requirement.dataset(name: "MNIST", searched: ["/data"])
  #expect(Explanations().reason(requirement) == "the MNIST dataset is not on this machine")
  let cli = Explanations { _ in "use --data DIR" }
  #expect(
    cli.reason(.unavailable(requirement))
      == "the MNIST dataset is not on this machine (use --data DIR)")
  #expect(cli.reason(.marked) == nil)
}

@Test func theSummaryHasALinePerFileARecapOfEveryFailureAndTheTotal() {
  let (lesson, outcomes, _) = runSample()
  let report = LessonReport(lesson: lesson, outcomes: outcomes)
  let malformed = MalformedLesson(
    path: "b.md",
    diagnostic: Diagnostic(
      "output block has no code cell before it\nsecond line",
      at: SourceSpan(file: SourceFile(path: "b.md", text: "```output\n"), line: 1, column: 1)))
  let run = RunReport(lessons: [report], malformed: [malformed])
  let summary = SummaryRenderer()
  #expect(summary.fileLine(report) == "lessons/s.md: 2 passed, 3 failed (0.0 s)\n")
  #expect(summary.fileLine(malformed) == "b.md: 0 passed, 0 failed, 1 error\n")
  let recap = run.recap()
  #expect(recap.map(\.kind) == [.failed, .failed, .failed, .error])
  #expect(
    recap.map(\.location) == [
      "lessons/s.md:12:1", "lessons/s.md:23:1", "lessons/s.md:27:1", "b.md:1:1",
    ])
  #expect(recap[3].message == "output block has no code cell before it", "one line")
  #expect(
    summary.render(run)
      == "lessons/s.md: 2 passed, 3 failed (0.0 s)\nb.md: 0 passed, 0 failed, 1 error\n"
      + "FAILED lessons/s.md:12:1: expected 1.9 (±0.05), got 1.6667\n"
      + "FAILED lessons/s.md:23:1: expected the cell to fail, but it ran without error\n"
      + "FAILED lessons/s.md:27:1: name 'x' is not defined\n"
      + "ERROR b.md:1:1: output block has no code cell before it\n"
      + "2 passed, 3 failed, 1 error\n")
  #expect(
    summary.recap(RunReport(lessons: [LessonReport(lesson: lesson, outcomes: [outcomes[0]])])).plain
      .isEmpty)
}
