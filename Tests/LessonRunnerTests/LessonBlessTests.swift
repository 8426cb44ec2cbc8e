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

/// Blesses one cell's block against `printed` and returns the new block text (between the
/// fences) and the report judged against the new file.
private func blessBlock(_ block: String, printed: String, info: String = "output") throws
  -> (block: String, recheck: String)
{
  let text = "```python\na()\n```\n\n```\(info)\n\(block)\n```\n"
  let lesson = try LessonParser.parse(SourceFile(path: "l.md", text: text))
  let report = LessonRun(lesson: lesson, executor: FakeExecutor(["a()": ([printed], nil)])).run()
  let result = try #require(LessonBless.bless(report, original: text))
  let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
  let body = lines.dropFirst(5).dropLast(2).joined(separator: "\n")
  let recheck = try #require(LessonBless.recheck(report, text: result.text))
  return (body, recheck.summaryLine)
}

@Test func blessKeepsAGridAGridWithItsAlignment() throws {
  // Right-aligned 3-D grid: the new values take the author's columns, the blank lines stay.
  let grid = " 12  16   9\n 24  28  15\n\n120 160  19\n240 280 150"
  let printed = " 12  16   9\n 24  28  15\n\n120 160   9\n240 280 150\n"
  #expect(try blessBlock(grid, printed: printed) == (printed.dropLast() + "", "1 passed, 0 failed"))
  // A grid checked against a printed tensor stays a grid, in the author's precision.
  let result = try blessBlock(
    "1.7 1.7\n1.0 1.2", printed: "tensor([[1.6667, 1.7000],\n        [0.9999, 0.5000]])\n")
  #expect(result == ("1.7 1.7\n1.0 0.5", "1 passed, 0 failed"))
  // A value that grows keeps the columns lined up on the right.
  #expect(
    try blessBlock(" 6 8\n 3 4", printed: "tensor([[ 6., 8.],\n [13., 4.]])\n").block
      == " 6 8\n13 4")
}

@Test func blessMovesABandsCentreAndKeepsItsWidth() throws {
  let result = try blessBlock(
    "mean 0 +- 0.05\nloss 2.1 +- 0.1\nacc 98.0 +- 0.5%",
    printed: "mean -0.007\nloss 2.3051\nacc 97.2%\n")
  #expect(result.block == "mean 0 +- 0.05\nloss 2.3 +- 0.1\nacc 97.2 +- 0.5%")
  #expect(result.recheck == "1 passed, 0 failed")
  // A centre that would round out of the band is written as printed.
  #expect(try blessBlock("x 2 +- 0.1", printed: "x 2.61\n").block == "x 2.61 +- 0.1")
}

@Test func blessKeepsPlaceholdersEllipsesAndPassingLines() throws {
  let block = "Epoch 1 loss {float}\n...\nacc {int >= 98}\nlr 0.010"
  let printed = "Epoch 1 loss 0.25\nEpoch 2 loss 0.1\nacc 97\nlr 0.02\n"
  let result = try blessBlock(block, printed: printed)
  #expect(result.block == "Epoch 1 loss {float}\n...\nacc {int >= 98}\nlr 0.020")
  #expect(result.recheck == "0 passed, 1 failed", "the placeholder still fails, as written")
}

@Test func blessKeepsAPrintedTensorPrinted() throws {
  // Printed as PyTorch prints it: written as printed, so its padding follows the new values.
  let pasted = try blessBlock(
    "tensor([[12., 16.],\n        [24., 28.]])",
    printed: "tensor([[ 2., 16.],\n        [24., 28.]])\n")
  #expect(pasted == ("tensor([[ 2., 16.],\n        [24., 28.]])", "1 passed, 0 failed"))
  // Rounded by the author: the new values keep the author's two decimals.
  let rounded = try blessBlock(
    "tensor([0.12, 0.50], grad_fn=<SliceBackward0>)",
    printed: "tensor([0.1235, 0.7500], grad_fn=<SliceBackward0>)\n")
  #expect(rounded.block == "tensor([0.12, 0.75], grad_fn=<SliceBackward0>)")
  #expect(rounded.recheck == "1 passed, 0 failed")
}

@Test func blessRecountsARepeatAndWritesNewLinesAsPrinted() throws {
  let result = try blessBlock(
    "start\n{repeat 3}\nstep {int}\nend", printed: "start\nstep 1\nstep 2\nend\nextra line\n")
  #expect(result == ("start\n{repeat 2}\nstep {int}\nend\nextra line", "1 passed, 0 failed"))
}

@Test func blessOfAnExactBlockKeepsTheLinesThatMatch() throws {
  let result = try blessBlock("a\nb\nc", printed: "a\nB\nc\nd\n", info: "output exact")
  #expect(result == ("a\nB\nc\nd", "1 passed, 0 failed"))
}

@Test func blessOfAHugeBlockWritesTheOutputWhole() throws {
  // More states than the alignment takes: the block is written as printed, quickly.
  let block = (0..<600).map { "line \($0)" }.joined(separator: "\n")
  let printed = (0..<600).map { "row \($0)\n" }.joined()
  let result = try blessBlock(block, printed: printed)
  #expect(result.block == String(printed.dropLast()))
  #expect(result.recheck == "1 passed, 0 failed")
}

@Test func unifiedDiffOfBlessedLines() {
  let old = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
  var new = old
  new[1] = "B"
  new.insert("x", at: 9)
  #expect(
    LineDiff.unified(old, new, path: "l.md", context: 1) == """
      --- a/l.md
      +++ b/l.md
      @@ -1,3 +1,3 @@
       a
      -b
      +B
       c
      @@ -9,2 +9,3 @@
       i
      +x
       j

      """)
  #expect(LineDiff.unified(old, old, path: "l.md").isEmpty)
  #expect(
    LineDiff.edits(["a", "b", "c"], ["c", "a"]).count(where: {
      if case .same = $0 { true } else { false }
    }) == 1)
}

@Test func blessOfAHostileBlockEnds() throws {
  // Nearly as many states as the alignment takes, each line full of `...`: bounded work, and a
  // block that then checks.
  let block = (0..<200).map { _ in "... x ... x ... {int} ..." }.joined(separator: "\n...\n")
  let printed = (0..<600).map { "x \($0) x y \($0)\n" }.joined()
  let result = try blessBlock(block, printed: printed)
  #expect(!result.block.isEmpty)
}
