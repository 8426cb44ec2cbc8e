import Testing

@testable import LessonRunner

/// Runs `markdown` as the lesson at `path` with the real interpreter.
private func runLesson(_ markdown: String, path: String = "lessons/p.md") throws -> LessonReport {
  let lesson = try LessonParser.parse(SourceFile(path: path, text: markdown))
  let executor = InterpreterExecutor(environment: LessonEnvironment())
  return LessonRun(lesson: lesson, executor: executor).run()
}

/// How many times `needle` occurs in `text`.
private func count(_ needle: String, in text: String) -> Int {
  text.components(separatedBy: needle).count - 1
}

private let lessonWithEverything = """
  # Pages <script>alert(1)</script>

  Prose with `code` and <b onclick="x()">raw html</b>.

  ```python
  print(1 + 1)
  ```
  ```output
  2
  ```

  ```python
  print("<img src=x onerror=alert(1)>")
  print(3)
  ```
  ```output
  <img src=x onerror=alert(1)>
  4
  ```

  ```python
  1 / 0
  ```
  ```error
  ZeroDivisionError: division by zero
  ```

  ```python
  import matplotlib.pyplot as plt
  import torch
  plt.imshow(torch.zeros(4, 5), cmap='gray')
  plt.title('</title><script>')
  ```

  ```python skip
  import os
  ```

  ```python
  undefined_name
  ```

  """

@Test func aPageShowsEachCellWithWhatItDidAndItsVerdict() throws {
  let report = try runLesson(lessonWithEverything)
  let html = HTMLPageRenderer().page(report)
  #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
  #expect(html.hasSuffix("</body>\n</html>\n"))
  #expect(html.contains("<title>Pages &lt;script&gt;alert(1)&lt;/script&gt;</title>"))
  #expect(count("<section class=\"cell ", in: html) == 6)
  #expect(html.contains("<section class=\"cell passed\" id=\"cell-1\">"))
  #expect(html.contains("<section class=\"cell failed\" id=\"cell-2\">"))
  #expect(html.contains("<section class=\"cell passed\" id=\"cell-3\">"), "the expected error")
  #expect(html.contains("<section class=\"cell ran\" id=\"cell-4\">"))
  #expect(html.contains("<section class=\"cell not-run\" id=\"cell-5\">"))
  #expect(html.contains("<section class=\"cell failed\" id=\"cell-6\">"))
  // Outputs, the expected error, the failure's located explanation and its expected block.
  #expect(html.contains("<pre class=\"output\">2\n</pre>"))
  #expect(html.contains("<pre class=\"output\">&lt;img src=x onerror=alert(1)&gt;\n3\n</pre>"))
  #expect(html.contains("ZeroDivisionError: division by zero"))
  #expect(html.contains("lessons/p.md:18:1: error:"))
  #expect(html.contains("<details class=\"expected\"><summary>expected (```output at line 16)"))
  #expect(html.contains("NameError: name &#39;undefined_name&#39; is not defined"))
  // The status line counts the checks and links to each failure.
  #expect(html.contains("<strong>2 passed, 2 failed</strong>"))
  #expect(html.contains("<li><a href=\"#cell-2\">cell 2</a>: "))
  #expect(html.contains("<li><a href=\"#cell-6\">cell 6</a>: "))
  // The figure is inline SVG with its summary as caption; its title is escaped inside it.
  #expect(count("<svg xmlns=", in: html) == 1)
  #expect(html.contains("<figcaption>figure 1: imshow 4x5, gray"))
  #expect(html.contains("&lt;/title&gt;&lt;script&gt;"))
  // Highlighted code.
  #expect(html.contains("<span class=\"bi\">print</span>(<span class=\"num\">1</span>"))
}

@Test func nothingALessonHoldsOrPrintsBecomesMarkup() throws {
  let report = try runLesson(lessonWithEverything)
  let html = HTMLPageRenderer().page(report)
  let lowered = html.lowercased()
  #expect(!lowered.contains("<script"))
  #expect(!lowered.contains("<img"))
  #expect(!lowered.contains("<b "))
  #expect(lowered.contains("onerror="), "as text")
  #expect(!lowered.contains(/<[a-z][^>]*\son[a-z]+=/), "but never in a tag")
  // What a lesson prints may hold control characters; HTML has no place for them.
  let control = try runLesson(
    """
    ```python
    print("a\\x00b\\x1bc\\x7f")
    ```
    """)
  let page = HTMLPageRenderer().page(control)
  #expect(page.contains("a\u{FFFD}b\u{FFFD}c\u{FFFD}"))
  #expect(!page.unicodeScalars.contains { $0.value == 0 || $0.value == 0x1B })
}

@Test func aPageSaysWhyCellsWereSkipped() throws {
  let report = try runLesson(
    """
    ```python
    from torchvision import datasets
    train = datasets.MNIST('/nonexistent', train=True, download=False)
    ```
    ```output
    ...
    ```
    ```python
    print(1)
    ```
    """)
  let html = HTMLPageRenderer(explanations: Explanations { _ in "use --data DIR" }).page(report)
  #expect(html.contains("<section class=\"status skipped\""))
  #expect(
    html.contains("Skipped from cell 1: the MNIST dataset is not on this machine (use --data DIR)"))
  #expect(html.contains("<section class=\"cell skipped\" id=\"cell-2\">"))
  #expect(
    html.contains("<p class=\"explanation\">Not run: the MNIST dataset is not on this machine"))
}

@Test func proseBetweenCellsKeepsItsPlaceAndExpectedBlocksAreNotRepeated() throws {
  let report = try runLesson(
    """
    # Title
    before
    ```python
    print(5)
    ```
    middle
    ```output
    5
    ```
    ```text
    a text block is prose
    ```
    after
    """)
  let layout = LessonLayout(report.lesson)
  #expect(layout.parts == [.prose(1...2), .cell(0), .prose(6...6), .prose(10...13)])
  let html = HTMLPageRenderer().page(report)
  #expect(count("5\n", in: html) == 1, "the output is shown once, as the cell printed it")
  let before = try #require(html.range(of: "before"))
  let cell = try #require(html.range(of: "id=\"cell-1\""))
  let after = try #require(html.range(of: "after"))
  #expect(before.upperBound < cell.lowerBound && cell.upperBound < after.lowerBound)
  #expect(html.contains("a text block is prose"))
  #expect(LessonLayout.title(of: report.lesson.file) == "Title")
}

@Test func aSiteLinksItsLessonsInOrderAndListsThemOnAnIndex() throws {
  let first = try runLesson("# One\n```python\nprint(1)\n```\n```output\n1\n```\n", path: "l/01.md")
  let second = try runLesson(
    "# Two\n```python\nprint(2)\n```\n```output\n3\n```\n", path: "l/02.md")
  let malformed = MalformedLesson(
    path: "l/03.md", diagnostic: Diagnostic("code fence opened here is never closed", at: nil))
  let pages = HTMLSiteRenderer().pages(
    for: RunReport(lessons: [first, second], malformed: [malformed]))
  #expect(pages.map(\.name) == ["01.html", "02.html", "index.html"])
  #expect(pages[0].html.contains("<a rel=\"next\" href=\"02.html\">Two →</a>"))
  #expect(!pages[0].html.contains("rel=\"prev\""))
  #expect(pages[1].html.contains("<a rel=\"prev\" href=\"01.html\">← One</a>"))
  #expect(pages[1].html.contains("<a rel=\"index\" href=\"index.html\">All lessons</a>"))
  let index = pages[2].html
  #expect(index.contains("<li class=\"passed\"><a href=\"01.html\">One</a>"))
  #expect(index.contains("<li class=\"failed\"><a href=\"02.html\">Two</a>"))
  #expect(index.contains("1 passed, 1 failed"))
  #expect(index.contains("<code>l/03.md</code>"))
  #expect(index.contains("code fence opened here is never closed"))
  // One lesson alone is one page, without links.
  let single = HTMLSiteRenderer().pages(for: RunReport(lessons: [first]))
  #expect(single.map(\.name) == ["01.html"])
  #expect(!single[0].html.contains("<nav"))
}

@Test func pageNamesComeFromTheLessonsFileNames() {
  #expect(HTMLSiteRenderer.pageName(for: "lessons/08.md") == "08.html")
  #expect(HTMLSiteRenderer.pageName(for: "a.md") == "a.html")
  #expect(HTMLSiteRenderer.pageName(for: "x/index.md") == "lesson-index.html", "not the index")
  #expect(HTMLSiteRenderer.pageName(for: "x/.md") == "lesson-.html")
}

@Test func durationsReadAsPeopleSayThem() {
  #expect(HTMLPageRenderer.words(.milliseconds(340)) == "0.3 s")
  #expect(HTMLPageRenderer.words(.seconds(12.4)) == "12 s")
  #expect(HTMLPageRenderer.words(.seconds(125)) == "2 min 5 s")
}

@Test func proseIsRenderedAsMarkdown() throws {
  let report = try runLesson(
    """
    # Pooling, *in action*

    A **max pool** keeps the largest value; see [the docs](https://pytorch.org/docs).

    | layer | output |
    |:------|-------:|
    | conv1 | 10x24x24 |

    > Note: `padding='same'` keeps the size.

    ```python
    print(1)
    ```
    """)
  let html = HTMLPageRenderer().page(report)
  #expect(html.contains("<h1 id=\"pooling-in-action\">Pooling, <em>in action</em></h1>"))
  #expect(html.contains("A <strong>max pool</strong> keeps"))
  #expect(html.contains("<a href=\"https://pytorch.org/docs\">the docs</a>"))
  #expect(html.contains("<td style=\"text-align: right\">10x24x24</td>"))
  #expect(
    html.contains("<blockquote>\n<p>Note: <code>padding=&#39;same&#39;</code> keeps the size.</p>"))
}

@Test func longOutputScrollsInABoxAndIsAllThere() throws {
  let report = try runLesson(
    """
    ```python
    for i in range(\(HTMLPageRenderer.longOutputLines + 5)):
        print('line', i)
    print('short')
    ```
    ```python
    print('short')
    ```
    """)
  let html = HTMLPageRenderer().page(report)
  #expect(count("<pre class=\"output scrolled\" tabindex=\"0\">", in: html) == 1)
  #expect(html.contains("<pre class=\"output\">short\n</pre>"))
  #expect(html.contains("line \(HTMLPageRenderer.longOutputLines + 4)\nshort\n"))
}
