import Figures
import Testing

@testable import LessonRunner

/// Runs `markdown` as the lesson `f.md` with the real interpreter.
private func runLesson(_ markdown: String, sourceLocation: SourceLocation = #_sourceLocation)
  throws -> LessonReport
{
  let lesson = try LessonParser.parse(SourceFile(path: "f.md", text: markdown))
  let executor = InterpreterExecutor(environment: LessonEnvironment())
  return LessonRun(lesson: lesson, executor: executor).run()
}

private let drawing = """
  # Figures
  ```python
  import matplotlib.pyplot as plt
  import torch
  fig, axes = plt.subplots(2, 3)
  for i, ax in enumerate(axes.flat):
      ax.imshow(torch.zeros(24, 24), cmap='gray')
      ax.set_title(f'map {i}')
  print('six maps')
  ```

  """

@Test func aFigureBlockChecksTheCellsFigureByMeaning() throws {
  let report = try runLesson(
    drawing + """
      ```figure
      2x3 panels, each imshow 24x24 gray
      panel 2: title: map 1
      ```
      """)
  let outcome = try #require(report.outcomes.first)
  #expect(outcome.failure == nil, "\(outcome.failure?.diagnostic.description ?? "")")
  #expect(outcome.isCheck)
  #expect(outcome.output == "six maps\n", "figures are not text")
  #expect(outcome.outputs.figures.map(\.summary) == ["[figure 1: 2x3 panels]"])
}

@Test func aMismatchIsLocatedAtTheClaimsLine() throws {
  let report = try runLesson(
    drawing + """
      ```figure
      2x3 panels
        panel 4: title: Loss
      ```
      """)
  let failure = try #require(report.outcomes.first?.failure)
  let span = try #require(failure.diagnostic.span)
  #expect(failure.message == "panel 4: expected title: Loss, found title: map 3")
  #expect(span.file.path == "f.md" && span.line == 13)
  #expect(failure.diagnostic.notes.first?.hasPrefix("the figure shows: 2x3 panels") == true)
}

@Test func aCellThatShowsNoFigureFailsAtTheFence() throws {
  let report = try runLesson(
    """
    ```python
    print(1)
    ```
    ```figure
    imshow 28x28
    ```
    """)
  let failure = try #require(report.outcomes.first?.failure)
  #expect(failure.message == "expected 1 figure, but the cell showed none")
  #expect(failure.diagnostic.span?.line == 4)
}

@Test func severalFiguresHaveOneSectionEach() throws {
  let source = """
    ```python
    import matplotlib.pyplot as plt
    plt.plot([3, 2, 1])
    plt.show()
    plt.bar(['a', 'b'], [1, 2])
    ```
    ```figure
    line, 3 points, decreasing
    ---
    bar, 2 bars
    ```
    """
  #expect(try runLesson(source).outcomes.first?.failure == nil)
  let wrongCount = try runLesson(source.replacingOccurrences(of: "---\nbar, 2 bars\n", with: ""))
  #expect(
    wrongCount.outcomes.first?.failure?.message == "expected 1 figure, but the cell showed 2")
}

@Test func aFigureBlockPairsWithTheCellsOutputBlock() throws {
  let outputFirst = try runLesson(
    drawing + """
      ```output
      six maps
      ```
      ```figure
      2x3 panels
      ```
      """)
  #expect(outputFirst.outcomes.first?.failure == nil)
  let figureFirst = try runLesson(
    drawing + """
      ```figure
      2x2 panels
      ```
      ```output
      six maps
      ```
      """)
  let failure = try #require(figureFirst.outcomes.first?.failure)
  #expect(failure.message == "expected 2x2 panels, found 2x3 panels")
  #expect(failure.diagnostic.span?.line == 12)
  let expectation = try #require(figureFirst.lesson.cells.first?.expectation)
  #expect(expectation.info == "output", "bless keeps rewriting the output block")
  let wrongOutput = try runLesson(
    drawing + """
      ```output
      five maps
      ```
      ```figure
      2x3 panels
      ```
      """)
  #expect(wrongOutput.outcomes.first?.failure?.diagnostic.span?.line == 12)
}

@Test func blessRewritesOnlyAFailingOutputBlockBesideAFigureBlock() throws {
  let passingOutput = try runLesson(
    drawing + """
      ```output
      six ...
      ```
      ```figure
      2x2 panels
      ```
      """)
  #expect(passingOutput.outcomes.first?.failure != nil)
  #expect(
    LessonBless.bless(
      passingOutput, original: passingOutput.lesson.file.lines.joined(separator: "\n"))?
      .rewrittenBlocks == 0)
  let failingOutput = try runLesson(
    drawing + """
      ```output
      five maps
      ```
      ```figure
      2x3 panels
      ```
      """)
  let blessed = try #require(
    LessonBless.bless(
      failingOutput, original: failingOutput.lesson.file.lines.joined(separator: "\n")))
  #expect(blessed.rewrittenBlocks == 1)
  #expect(blessed.text.contains("```output\nsix maps\n```\n```figure\n2x3 panels\n```"))
}

@Test func aMalformedFigureBlockIsALocatedParseError() {
  let source = """
    ```python
    x = 1
    ```
    ```figure
    imshow 28x28
      sparkles
    ```
    """
  #expect {
    _ = try LessonParser.parse(SourceFile(path: "f.md", text: source))
  } throws: { error in
    guard let diagnostic = error as? Diagnostic, let span = diagnostic.span else { return false }
    return span.line == 6 && span.column == 3
  }
  #expect(throws: Diagnostic.self) {
    try LessonParser.parse(
      SourceFile(path: "f.md", text: "```python\nx = 1\n```\n```figure\n```\n"))
  }
  #expect(throws: Diagnostic.self) {
    try LessonParser.parse(
      SourceFile(
        path: "f.md",
        text: "```python\nx = 1\n```\n```figure\nempty\n```\n```figure\nempty\n```\n"))
  }
}

@Test func theFigureKindIsInTheTable() throws {
  #expect(ExpectationKinds.kinds(for: "figure").count == 1)
  let printed = CellResult(outputs: [.text("a"), .figure(try Figure()), .text("b")], error: nil)
  #expect(printed.text == "ab")
  #expect(printed.outputs.figures.count == 1)
}
