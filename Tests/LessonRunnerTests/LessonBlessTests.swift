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
  let result = LessonBless.bless(LessonRun(lesson: lesson, executor: executor).run())
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
  #expect(LessonBless.bless(report).rewrittenBlocks == 0)
}
