import Testing

@testable import LessonRunner

@Test func junitHasOneSuitePerLessonAndOneCasePerCheck() {
  let (lesson, outcomes, _) = runSample()
  let xml = JUnitRenderer().render(
    RunReport(lessons: [LessonReport(lesson: lesson, outcomes: outcomes)]))
  #expect(
    xml.hasPrefix(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cnn-lesson\" tests=\"5\" failures=\"3\" errors=\"0\">"
    ))
  #expect(xml.contains("<testsuite name=\"lessons/s.md\" tests=\"5\" failures=\"3\""))
  #expect(xml.components(separatedBy: "<testcase ").count == 6)
  #expect(xml.contains("<testcase name=\"s.md:5\" classname=\"lessons/s.md\""))
  #expect(xml.contains("<testcase name=\"s.md:26\""))
  #expect(xml.contains("<failure message=\"expected 1.9 (±0.05), got 1.6667\" type=\"mismatch\">"))
  #expect(xml.contains("type=\"unexpected error\""))
  #expect(xml.contains("type=\"missing error\""))
  #expect(xml.hasSuffix("</testsuites>\n"))
}

@Test func junitEscapesMarkupQuotesAndControlCharacters() {
  #expect(
    JUnitRenderer.escape("a < b && c > \"d\" 'e'")
      == "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &apos;e&apos;")
  #expect(JUnitRenderer.escape("line\nnext\ttab") == "line&#10;next&#9;tab")
  #expect(JUnitRenderer.escape("line\nnext", attribute: false) == "line\nnext")
  #expect(JUnitRenderer.escape("bell\u{07} esc\u{1B}[0m") == "bell\u{FFFD} esc\u{FFFD}[0m")
  #expect(
    JUnitRenderer.escape("grad_fn=<AddBackward0>", attribute: false)
      == "grad_fn=&lt;AddBackward0&gt;")
}

/// A clock that moves 1.5 s each time it is read.
final class SteppingClock: @unchecked Sendable {
  private var elapsed = Duration.zero

  var clock: LessonClock {
    LessonClock { [self] in
      elapsed += .milliseconds(1500)
      return elapsed
    }
  }
}

@Test func testcasesCarryEachChecksTimeFromTheLessonsClock() throws {
  let lesson = try LessonParser.parse(
    SourceFile(path: "t.md", text: "```python\nok()\n```\n```output\n1\n```\n"))
  let run = LessonRun(
    lesson: lesson, executor: FakeExecutor(["ok()": (["1\n"], nil)]), clock: SteppingClock().clock)
  let report = run.run()
  #expect(report.outcomes[0].duration == .milliseconds(1500))
  #expect(report.duration == .milliseconds(1500))
  let xml = JUnitRenderer().render(RunReport(lessons: [report]))
  #expect(xml.contains("<testcase name=\"t.md:4\" classname=\"t.md\" time=\"1.500\"/>"))
}

@Test func testcasesAreNamedByTheNearestHeadingAndFilesInErrorAreErrors() throws {
  let lesson = try LessonParser.parse(
    SourceFile(
      path: "lessons/08.md",
      text: "# Lecture\n```python\nok()\n```\n```output\n1\n```\n## Pooling in action\n"
        + "```python\nok()\n```\n```output\n1\n```\n"))
  let report = LessonRun(lesson: lesson, executor: FakeExecutor(["ok()": (["1\n"], nil)])).run()
  let file = SourceFile(path: "lessons/x.md", text: "# X\n```output\n1\n```\n")
  let malformed = MalformedLesson(
    path: "lessons/x.md",
    diagnostic: Diagnostic(
      "output block has no code cell before it",
      at: SourceSpan(file: file, line: 2, column: 1, length: 9)))
  let xml = JUnitRenderer().render(RunReport(lessons: [report], malformed: [malformed]))
  #expect(xml.contains("<testsuites name=\"cnn-lesson\" tests=\"3\" failures=\"0\" errors=\"1\">"))
  #expect(
    xml.contains("<testcase name=\"08.md:5\" classname=\"lessons/08.md\""), "no heading above")
  #expect(xml.contains("<testcase name=\"08.md:12 Pooling in action\" classname=\"lessons/08.md\""))
  #expect(
    xml.contains(
      "<testsuite name=\"lessons/x.md\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
        + "    <testcase name=\"x.md:2\" classname=\"lessons/x.md\" time=\"0.000\">\n"
        + "      <error message=\"output block has no code cell before it\" type=\"lesson file\">"
        + "lessons/x.md:2:1: error: output block has no code cell before it\n```output\n^~~~~~~~~</error>"
    ))
}
