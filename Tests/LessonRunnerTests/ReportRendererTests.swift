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
  #expect(text.hasSuffix("\n4 passed, 6 failed\n"))
  #expect(
    TextRenderer().render(RunReport(lessons: [report])).hasSuffix("s.md: 2 passed, 3 failed\n"))
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
