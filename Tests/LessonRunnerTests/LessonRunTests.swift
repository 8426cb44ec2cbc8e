import Testing

@testable import LessonRunner

/// Replays canned results: each cell's code is looked up in `script`; unknown code prints nothing.
final class FakeExecutor: CellExecutor {
  var script: [String: (output: [String], error: String?)]
  private(set) var calls: [(code: String, firstLine: Int)] = []

  init(_ script: [String: (output: [String], error: String?)]) {
    self.script = script
  }

  func run(
    code: String, file: SourceFile, firstLine: Int, output: @escaping (CellOutput) -> Void
  ) -> Diagnostic? {
    calls.append((code, firstLine))
    let entry = script[code] ?? ([], nil)
    for text in entry.output { output(.text(text)) }
    return entry.error.map {
      Diagnostic($0, at: SourceSpan(file: file, line: firstLine, column: 1), notes: ["a note"])
    }
  }

  func runFile(_ file: SourceFile, output: @escaping (CellOutput) -> Void) -> Diagnostic? {
    run(code: file.lines.joined(separator: "\n"), file: file, firstLine: 1, output: output)
  }
}

let sampleLesson = """
  # Sample
  ```python
  ok()
  ```
  ```output
  1.7
  ```
  ```python
  wrong()
  ```
  ```output
  1.9
  ```
  ```python
  fails()
  ```
  ```error
  division by zero
  ```
  ```python
  succeeds()
  ```
  ```error
  boom
  ```
  ```python
  crashes()
  ```
  ```python skip
  never()
  ```
  ```python
  quiet()
  ```
  """

func runSample() -> (Lesson, [CellOutcome], FakeExecutor) {
  let executor = FakeExecutor([
    "ok()": (["1.66", "67\n"], nil),
    "wrong()": (["1.6667\n"], nil),
    "fails()": (["partial\n"], "float division by zero"),
    "crashes()": ([], "name 'x' is not defined"),
  ])
  do {
    let lesson = try LessonParser.parse(SourceFile(path: "lessons/s.md", text: sampleLesson))
    return (lesson, LessonRun(lesson: lesson, executor: executor).run().outcomes, executor)
  } catch {
    Issue.record("sample lesson does not parse: \(error)")
    return (Lesson(file: SourceFile(path: "", text: ""), cells: []), [], executor)
  }
}

@Test func cellsRunInOrderWithTheirFirstLines() {
  let (_, outcomes, executor) = runSample()
  #expect(
    executor.calls.map(\.code) == [
      "ok()", "wrong()", "fails()", "succeeds()", "crashes()", "quiet()",
    ])
  #expect(executor.calls.map(\.firstLine) == [3, 9, 15, 21, 27, 33])
  #expect(outcomes.count == 7)
  #expect(outcomes[0].output == "1.6667\n")
  #expect(outcomes[0].outputs == [.text("1.6667\n")], "consecutive text is one output")
}

@Test func eachExpectationIsOneCheck() throws {
  let (lesson, outcomes, _) = runSample()
  #expect(outcomes[0].verdict.isPassed)
  let mismatch = try #require(outcomes[1].failure)
  guard case .mismatch(let found) = mismatch else {
    Issue.record("expected a mismatch")
    return
  }
  #expect(found.span?.line == 12)
  #expect(outcomes[2].verdict.isPassed)
  guard case .missingError(let missing) = outcomes[3].failure else {
    Issue.record("expected a missing error")
    return
  }
  #expect(missing.span?.line == 23)
  guard case .unexpectedError(let error) = outcomes[4].failure else {
    Issue.record("expected an unexpected error")
    return
  }
  #expect(error.message == "name 'x' is not defined")
  #expect(outcomes[5].verdict.skipReason == .marked)
  #expect(!outcomes[6].isCheck)
  let report = LessonReport(lesson: lesson, outcomes: outcomes)
  #expect(report.passed == 2)
  #expect(report.failed == 3)
  #expect(report.skipped == 1)
  #expect(report.summaryLine == "2 passed, 3 failed")
}

@Test func eventsStreamOutputAsItIsPrinted() throws {
  let lesson = try LessonParser.parse(SourceFile(path: "l.md", text: "```python\nok()\n```\n"))
  let executor = FakeExecutor(["ok()": (["a", "b"], nil)])
  var events: [String] = []
  _ = LessonRun(lesson: lesson, executor: executor).run { event in
    switch event {
    case .cellStarted(let cell): events.append("start \(cell.index)")
    case .output(_, .text(let text)): events.append("out \(text)")
    case .output(_, .figure(let figure)): events.append("figure \(figure.number)")
    case .cellFinished(let outcome): events.append("end \(outcome.output)")
    }
  }
  #expect(events == ["start 0", "out a", "out b", "end ab"])
}

extension Verdict {
  var isPassed: Bool {
    if case .passed = self { return true }
    return false
  }
}

/// An executor whose `load()` cell reports a missing dataset, as the interpreter does.
final class MissingDataExecutor: CellExecutor {
  func run(
    code: String, file: SourceFile, firstLine: Int, output: @escaping (CellOutput) -> Void
  ) -> Diagnostic? {
    // Comment lines (an exercise starter's `# cnn-lesson exercise` line) do not count.
    guard code.split(separator: "\n").filter({ !$0.hasPrefix("#") }) == ["load()"] else {
      output(.text("ran\n"))
      return nil
    }
    var error = Diagnostic(
      "RuntimeError: Dataset not found", at: SourceSpan(file: file, line: firstLine, column: 1))
    error.disposition = .unavailable(.dataset(name: "", searched: []))
    return error
  }

  func runFile(_ file: SourceFile, output: @escaping (CellOutput) -> Void) -> Diagnostic? {
    run(code: file.lines.joined(separator: "\n"), file: file, firstLine: 1, output: output)
  }
}

@Test func aMissingDatasetSkipsTheRestOfTheLessonInsteadOfFailing() throws {
  let text = """
    ```python
    before()
    ```
    ```output
    ran
    ```
    ```python
    load()
    ```
    ```output
    60000
    ```
    ```python
    train()
    ```
    ```output
    ran
    ```
    """
  let lesson = try LessonParser.parse(SourceFile(path: "d.md", text: text))
  let report = LessonRun(lesson: lesson, executor: MissingDataExecutor()).run()
  let outcomes = report.outcomes
  #expect(outcomes[0].verdict.isPassed)
  for outcome in outcomes.dropFirst() {
    #expect(outcome.verdict.missingRequirement == .dataset(name: "", searched: []))
  }
  #expect(outcomes[1].error != nil, "the cell that found out keeps its error for the report")
  #expect(report.firstUnavailable?.cell.index == 1)
  #expect(report.summaryLine == "1 passed, 0 failed, 2 skipped")
  #expect(report.tally(.strict).summaryLine == "1 passed, 2 failed")
  let advice = Explanations { _ in "use --data DIR" }
  let shown = TerminalStyle(color: false).render(
    LessonTextRenderer.render(report, explanations: advice))
  #expect(
    shown.contains(
      "skipped: the dataset is not on this machine (use --data DIR)\n  needed at d.md:8:1\n"))
  #expect(!shown.contains("error"), "a skip is one calm line, not a red error")
  #expect(
    TerminalStyle(color: false).render(LessonTextRenderer.render(report)).contains(
      "skipped: the dataset is not on this machine\n"), "no advice unless the caller gives it")
  let xml = JUnitRenderer(explanations: advice).render(RunReport(lessons: [report]))
  #expect(xml.contains("skipped=\"2\""))
  #expect(
    xml.contains("<skipped message=\"the dataset is not on this machine (use --data DIR)\"/>"))
  let strict = JUnitRenderer(explanations: advice, policy: .strict).render(
    RunReport(lessons: [report]))
  #expect(strict.contains("failures=\"2\" errors=\"0\" skipped=\"0\""))
  #expect(
    strict.contains(
      "<failure message=\"the dataset is not on this machine (use --data DIR)\" type=\"unavailable\">"
    ))
}
