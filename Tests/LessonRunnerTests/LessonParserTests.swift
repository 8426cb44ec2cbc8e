import Foundation
import Testing

@testable import LessonRunner

private func parse(_ text: String) throws(Diagnostic) -> Lesson {
  try LessonParser.parse(SourceFile(path: "lessons/x.md", text: text))
}

/// The diagnostic that parsing `text` throws.
private func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation)
  -> Diagnostic?
{
  do {
    _ = try parse(text)
    Issue.record("expected a parse error", sourceLocation: sourceLocation)
    return nil
  } catch {
    return error
  }
}

@Test func cellsPairWithTheNearestOutputBlock() throws {
  let lesson = try parse(
    """
    # Title
    ```python
    x = 1
    print(x)
    ```
    Some prose between.
    ```output
    1
    ```
    ~~~~py skip
    slow()
    ~~~~
    ```bash
    ls
    ```
    ```python
    y
    ```
    ```error
    name 'y' is not defined
    ```
    ```python
    print(2)
    ```
    ```output exact
    2
    ```
    """)
  #expect(lesson.cells.count == 4)
  let first = lesson.cells[0]
  #expect(first.code == "x = 1\nprint(x)")
  #expect(first.fence.line == 2)
  #expect(first.firstLine == 3)
  #expect(first.expectation?.kind is OutputExpectation)
  #expect(first.expectation?.info == "output")
  #expect(first.expectation?.text.lines.map(\.number) == [8])
  #expect(first.expectation?.closingLine == 9)
  #expect(lesson.cells[1].isSkipped)
  #expect(lesson.cells[1].code == "slow()")
  #expect(lesson.cells[2].expectation?.kind is ErrorExpectation)
  #expect(lesson.cells[3].expectation?.kind is ExactOutputExpectation)
  #expect(lesson.cells[3].expectation?.info == "output exact")
  #expect(lesson.checkCount == 3)
}

@Test func fencesFollowCommonMark() throws {
  let lesson = try parse(
    """
       ```python
       a = 1
         b = 2
       ```
        ```python
    not a fence: indented 4 spaces
    ```python
    ``` not a closing fence
    c = 3
    ````
    """)
  #expect(lesson.cells.count == 2)
  #expect(lesson.cells[0].code == "a = 1\n  b = 2")
  #expect(lesson.cells[1].code == "``` not a closing fence\nc = 3")
}

@Test func expectedLinesKeepTheirColumnsInTheFile() throws {
  let lesson = try parse("```python\nf()\n```\n  ```output\n  1.9\n  ```\n")
  let line = try #require(lesson.cells[0].expectation?.text.lines.first)
  #expect(line.text == "1.9")
  #expect(line.columnOffset == 2)
}

@Test func outputWithoutACellIsALocatedError() throws {
  let error = try #require(parseError("Intro\n\n```output\n1\n```\n"))
  #expect(error.span?.line == 3)
  #expect(error.span?.column == 1)
  #expect(error.message == "output block has no code cell before it")
  #expect(error.description.hasPrefix("lessons/x.md:3:1: error: output block has no code cell"))
  #expect(error.notes.first?.contains("put it after") == true)
}

@Test func secondOutputBlockIsALocatedError() throws {
  let error = try #require(
    parseError("```python\nf()\n```\n```output\n1\n```\n```error\nboom\n```\n"))
  #expect(error.span?.line == 7)
  #expect(error.message.contains("second expected-output block for the cell at line 1"))
}

@Test func unclosedFenceIsALocatedError() throws {
  let error = try #require(parseError("text\n```python\nprint(1)\n"))
  #expect(error.span?.line == 2)
  #expect(error.message == "code fence opened here is never closed")
  #expect(error.notes == ["close the block with a line holding just ```"])
}

@Test func unknownOptionSuggestsTheRightOne() throws {
  let error = try #require(parseError("```python skp\nf()\n```\n"))
  #expect(error.span?.line == 1)
  #expect(error.span?.column == 11)
  #expect(error.notes == ["did you mean 'skip'?"])
}

@Test func malformedRepeatIsRejectedAtParseTime() throws {
  let error = try #require(parseError("```python\nf()\n```\n```output\n{repeat many}\nx\n```\n"))
  #expect(error.span?.line == 5)
  #expect(error.message.contains("cannot read the count"))
  let dangling = try #require(parseError("```python\nf()\n```\n```output\nx\n{repeat 3}\n```\n"))
  #expect(dangling.span?.line == 6)
}

@Test func optionsOfExpectedBlocksComeFromTheirKinds() throws {
  let exact = try #require(parseError("```python\nf()\n```\n```output exatc\n1\n```\n"))
  #expect(exact.message == "unknown option 'exatc' for a output block")
  #expect(exact.notes == ["did you mean 'exact'?"])
  let error = try #require(parseError("```python\nf()\n```\n```error exact\nboom\n```\n"))
  #expect(error.notes == ["```error takes no options"])
}

@Test func otherInfoStringsAreProse() throws {
  let lesson = try parse(
    "```\nplain\n```\n```text\n1\n```\n```python\nf()\n```\n"
      + "```bash\nls\n```\n```json\n{}\n```\n```none\nx\n```\n```sh\nls\n```\n")
  #expect(lesson.cells.count == 1)
  #expect(lesson.cells[0].expectation == nil)
}

@Test(arguments: [
  ("ouput", "output"), ("outptu", "output"), ("eror", "error"), ("figur", "figure"),
  ("pyhton", "python"), ("Ouput", "output"), ("pythn", "python"),
])
func anInfoWordCloseToAKnownOneIsALocatedError(typo: String, meant: String) throws {
  let error = try #require(parseError("```python\nf()\n```\n\n  ```\(typo)\n1\n  ```\n"))
  #expect(error.span?.line == 5)
  #expect(error.span?.column == 6, "at the word, after the indent and the fence")
  #expect(error.span?.length == typo.count)
  #expect(error.message.hasPrefix("unknown kind of block '\(typo.lowercased())'"))
  #expect(error.notes.first == "did you mean '\(meant)'?")
  #expect(error.description.contains("  ```\(typo)\n     ^"))
}

@Test func infoWordsAreCaseInsensitive() throws {
  let lesson = try parse(
    "```Python\nf()\n```\n```Output\n1\n```\n~~~PY SKIP\ng()\n~~~\n```PY\nh()\n```\n"
      + "```ERROR\nboom\n```\n```python3\nk()\n```\n")
  #expect(lesson.cells.count == 4, "python3 is a code cell too")
  #expect(lesson.cells[0].expectation?.kind is OutputExpectation)
  #expect(lesson.cells[1].isSkipped)
  #expect(lesson.cells[2].expectation?.kind is ErrorExpectation)
  let option = try #require(parseError("```Python SKP\nf()\n```\n"))
  #expect(option.span?.column == 11, "an option is found in the line whatever its case")
}

@Test func aLessonWithoutChecksSaysSoAboutTheWholeFile() throws {
  let unchecked = try parse(
    "# Notes\n```python\nf()\n```\n```python skip\ng()\n```\n```output\n1\n```\n")
  let problem = try #require(unchecked.noChecksProblem)
  #expect(problem.span == nil)
  #expect(
    problem.description.hasPrefix(
      "lessons/x.md: error: the lesson has no checks: no expected block"))
  #expect(try parse("```python\nf()\n```\n```output\n1\n```\n").noChecksProblem == nil)
}

@Test func theFormatDocumentIsItselfAValidLessonWithoutCells() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let path = root.appendingPathComponent("docs/lessons.md").path
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let lesson = try LessonParser.parse(SourceFile(path: "docs/lessons.md", text: text))
  #expect(lesson.cells.isEmpty)
}
