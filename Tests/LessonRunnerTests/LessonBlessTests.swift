import Testing

@testable import LessonRunner

@Test func blessRewritesOnlyFailedOutputBlocksBottomUp() throws {
  let text = """
    ```python
    a()
    ```
    ```output
    old
    stale
    ```
    ```python
    b()
    ```
    ```output
    {int}
    ```
    ```python
    c()
    ```
    ```error
    nope
    ```
    ```python
    d()
    ```
      ```output
      1
      ```
    """
  let lesson = try LessonParser.parse(SourceFile(path: "l.md", text: text))
  let executor = FakeExecutor([
    "a()": (["new\n"], nil),
    "b()": (["7\n"], nil),
    "c()": ([], "boom"),
    "d()": (["x  \n\ny\n"], nil),
  ])
  let result = try #require(
    LessonBless.bless(LessonRun(lesson: lesson, executor: executor).run(), original: text))
  #expect(result.rewrittenBlocks == 2)
  #expect(
    result.text == """
      ```python
      a()
      ```
      ```output
      new
      ```
      ```python
      b()
      ```
      ```output
      {int}
      ```
      ```python
      c()
      ```
      ```error
      nope
      ```
      ```python
      d()
      ```
        ```output
        x

        y
        ```
      """)
  let blessed = try LessonParser.parse(SourceFile(path: "l.md", text: result.text))
  #expect(LessonRun(lesson: blessed, executor: executor).run().summaryLine == "3 passed, 1 failed")
}

@Test func blessLeavesBlocksWhoseOutputWouldCloseTheFence() throws {
  let lesson = try LessonParser.parse(
    SourceFile(path: "l.md", text: "```python\na()\n```\n```output\nx\n```\n"))
  let report = LessonRun(lesson: lesson, executor: FakeExecutor(["a()": (["```\n"], nil)])).run()
  #expect(
    LessonBless.bless(report, original: "```python\na()\n```\n```output\nx\n```\n")?
      .rewrittenBlocks == 0)
}

@Test(arguments: ["\r\n", "\n", "\r"])
func blessKeepsEveryLineEndingAndAddsNoFinalNewline(ending: String) throws {
  // The prose line ends differently from the rest, and the file has no final newline.
  let text = ["# Title  \n", "```python", "a()", "```", "```output", "old", "```"]
    .joined(separator: ending)
  let lesson = try LessonParser.parse(SourceFile(path: "l.md", text: text))
  let report = LessonRun(lesson: lesson, executor: FakeExecutor(["a()": (["x\ny\n"], nil)])).run()
  let result = try #require(LessonBless.bless(report, original: text))
  let expected = ["# Title  \n", "```python", "a()", "```", "```output", "x", "y", "```"]
    .joined(separator: ending)
  #expect(Array(result.text.utf8) == Array(expected.utf8))
}

@Test func blessRefusesAFileThatChangedDuringTheRun() throws {
  let text = "```python\na()\n```\n```output\nold\n```\n"
  let lesson = try LessonParser.parse(SourceFile(path: "l.md", text: text))
  let report = LessonRun(lesson: lesson, executor: FakeExecutor(["a()": (["new\n"], nil)])).run()
  #expect(LessonBless.bless(report, original: "edited\n" + text) == nil)
  #expect(LessonBless.bless(report, original: text)?.rewrittenBlocks == 1)
}
