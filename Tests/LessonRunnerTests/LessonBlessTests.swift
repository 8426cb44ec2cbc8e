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
  let outcomes = LessonRun(lesson: lesson, executor: executor).run()
  let result = LessonBless.bless(lesson, outcomes: outcomes)
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
  let rerun = LessonRun(lesson: blessed, executor: executor).run()
  #expect(LessonReport(lesson: blessed, outcomes: rerun).summaryLine == "3 passed, 1 failed")
}

@Test func blessLeavesBlocksWhoseOutputWouldCloseTheFence() throws {
  let lesson = try LessonParser.parse(
    SourceFile(path: "l.md", text: "```python\na()\n```\n```output\nx\n```\n"))
  let outcomes = LessonRun(lesson: lesson, executor: FakeExecutor(["a()": (["```\n"], nil)])).run()
  #expect(LessonBless.bless(lesson, outcomes: outcomes).rewrittenBlocks == 0)
}
