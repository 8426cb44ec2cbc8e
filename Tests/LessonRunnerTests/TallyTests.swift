import Testing

@testable import LessonRunner

@Test func summaryLineForTotals() {
  #expect(Tally(passed: 10).summaryLine == "10 passed, 0 failed")
  #expect(Tally(passed: 1, failed: 2, skipped: 3).summaryLine == "1 passed, 2 failed, 3 skipped")
  #expect(Tally(malformed: 1).summaryLine == "0 passed, 0 failed, 1 error")
  #expect(
    Tally(passed: 2, skipped: 1, malformed: 2).summaryLine
      == "2 passed, 0 failed, 1 skipped, 2 errors")
  let total = Tally(passed: 1, failed: 1) + Tally(passed: 2, skipped: 1, malformed: 1)
  #expect(total == Tally(passed: 3, failed: 1, skipped: 1, malformed: 1))
  #expect(!total.succeeded)
  #expect(Tally(passed: 1, skipped: 1).succeeded)
  #expect(!Tally(malformed: 1).succeeded, "a file that is not a lesson does not succeed")
}

@Test func strictCountsWhatCouldNotRunAsFailed() throws {
  let lesson = try LessonParser.parse(
    SourceFile(
      path: "d.md", text: "```python\nload()\n```\n```python\nafter()\n```\n```output\nx\n```\n"))
  let report = LessonRun(lesson: lesson, executor: MissingDataExecutor()).run()
  #expect(report.tally() == Tally(skipped: 1), "the finding cell checks nothing")
  #expect(report.tally(.strict) == Tally(failed: 2), "under strict it is an error too")
  #expect(report.outcomes.map { $0.kind(.lenient) } == [nil, .skipped])
}

@Test func runReportsCountExercisesAndMalformedFiles() {
  let (lesson, outcomes, _) = runSample()
  let report = RunReport(
    lessons: [LessonReport(lesson: lesson, outcomes: outcomes)],
    malformed: [MalformedLesson(path: "x.md", diagnostic: Diagnostic("bad", at: nil))])
  #expect(report.tally() == Tally(passed: 2, failed: 3, malformed: 1))
}
