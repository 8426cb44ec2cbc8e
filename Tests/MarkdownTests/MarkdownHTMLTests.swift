import Foundation
import Testing

@testable import Markdown

/// Expected HTML worked out by hand from the CommonMark spec and GitHub's table extension.
@Suite struct MarkdownHTMLTests {
  func html(_ markdown: String) -> String { MarkdownHTML.render(markdown) }

  @Test func blocks() {
    #expect(
      html("# One\n## Two ##\n###### Six") == """
        <h1 id="one">One</h1>
        <h2 id="two">Two</h2>
        <h6 id="six">Six</h6>

        """)
    #expect(html("#no heading") == "<p>#no heading</p>\n")
    #expect(
      html("Title\n=====\nSub\n---") == "<h1 id=\"title\">Title</h1>\n<h2 id=\"sub\">Sub</h2>\n")
    #expect(html("one\ntwo\n\nthree") == "<p>one\ntwo</p>\n<p>three</p>\n")
    #expect(html("***\n- - -\n___") == "<hr />\n<hr />\n<hr />\n")
    #expect(
      html("```python\nx = 1 < 2\n```")
        == "<pre><code class=\"language-python\">x = 1 &lt; 2\n</code></pre>\n")
    #expect(html("~~~\nunclosed") == "<pre><code>unclosed\n</code></pre>\n")
    #expect(
      html("    code\n      more\n\npara")
        == "<pre><code>code\n  more\n</code></pre>\n<p>para</p>\n")
    #expect(html("```\na\tb\n```") == "<pre><code>a\tb\n</code></pre>\n", "tabs in code stay")
    #expect(html("\tcode") == "<pre><code>code\n</code></pre>\n", "a leading tab indents")
    #expect(html("a\r\nb\rc") == "<p>a\nb\nc</p>\n")
    #expect(
      html("> quoted\nlazy\n> > nested") == """
        <blockquote>
        <p>quoted
        lazy</p>
        <blockquote>
        <p>nested</p>
        </blockquote>
        </blockquote>

        """)
  }

  @Test func lists() {
    #expect(
      html("- a\n- b\n  - c\n- d") == """
        <ul>
        <li>a</li>
        <li>b
        <ul>
        <li>c</li>
        </ul></li>
        <li>d</li>
        </ul>

        """)
    #expect(html("1. one\n2. two") == "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n")
    #expect(html("3) three\n4) four") == "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n")
    #expect(
      html("- a\n\n- b") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n", "loose")
    #expect(
      html("* x\n+ y") == "<ul>\n<li>x</li>\n</ul>\n<ul>\n<li>y</li>\n</ul>\n",
      "a new marker, a new list")
    #expect(html("text\n- item") == "<p>text</p>\n<ul>\n<li>item</li>\n</ul>\n")
    #expect(html("text\n2. not a list") == "<p>text\n2. not a list</p>\n")
  }

  @Test func tables() {
    #expect(
      html("| a | b | c |\n|:--|:-:|--:|\n| 1 | `x\\|y` | 3 \\| 4 |\n| short |") == """
        <table>
        <thead>
        <tr>
        <th style="text-align: left">a</th>
        <th style="text-align: center">b</th>
        <th style="text-align: right">c</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td style="text-align: left">1</td>
        <td style="text-align: center"><code>x|y</code></td>
        <td style="text-align: right">3 | 4</td>
        </tr>
        <tr>
        <td style="text-align: left">short</td>
        <td style="text-align: center"></td>
        <td style="text-align: right"></td>
        </tr>
        </tbody>
        </table>

        """)
    #expect(
      html("a | b\n--- | ---")
        == "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n</table>\n")
    #expect(html("a | b\n--- | --- | ---") == "<p>a | b\n--- | --- | ---</p>\n", "cells must match")
    #expect(
      html("| `a|b` |\n|-|-|").contains("<th>`a</th>\n<th>b`</th>"),
      "a pipe in code splits, as on GitHub")
    #expect(
      html("prose\n| a |\n| - |").hasPrefix("<p>prose</p>\n<table>"), "a table ends a paragraph")
    let wide =
      "|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200)
    #expect(!html(wide).contains("<table>"), "at most \(BlockParser.maximumColumns) columns")
    let tall =
      "|" + String(repeating: "a|", count: 100) + "\n|" + String(repeating: "-|", count: 100) + "\n"
      + String(repeating: "x\n", count: 200)
    #expect(
      html(tall).components(separatedBy: "<tr>").count - 1 == 1 + BlockParser.maximumFilledCells
        / 99,
      "short rows fill at most \(BlockParser.maximumFilledCells) cells")
  }

  @Test func inlines() {
    #expect(
      html("*em* **strong** _em_ __strong__ ***both***") == """
        <p><em>em</em> <strong>strong</strong> <em>em</em> <strong>strong</strong> <em><strong>both</strong></em></p>

        """)
    #expect(html("snake_case_name and 2*3*4") == "<p>snake_case_name and 2<em>3</em>4</p>\n")
    #expect(html("* not em *") == "<ul>\n<li>not em *</li>\n</ul>\n")
    #expect(html("a * b * c") == "<p>a * b * c</p>\n")
    #expect(
      html("`a < b` and `` x ` y ``") == "<p><code>a &lt; b</code> and <code>x ` y</code></p>\n")
    #expect(html("`unclosed") == "<p>`unclosed</p>\n")
    #expect(
      html("[link](https://pytorch.org \"PyTorch\") and ![digit](img/7.png)") == """
        <p><a href="https://pytorch.org" title="PyTorch">link</a> and <img src="img/7.png" alt="digit" /></p>

        """)
    #expect(
      html("[*em* inside](#max-pooling)")
        == "<p><a href=\"#max-pooling\"><em>em</em> inside</a></p>\n")
    #expect(html("[a [b](x)](y)") == "<p>[a <a href=\"x\">b</a>](y)</p>\n", "no links in links")
    #expect(html("[not a link] (x)") == "<p>[not a link] (x)</p>\n")
    #expect(
      html("<https://example.org/a?b=c>")
        == "<p><a href=\"https://example.org/a?b=c\">https://example.org/a?b=c</a></p>\n")
    #expect(html("\\*not em\\* \\\\") == "<p>*not em* \\</p>\n")
    #expect(html("&copy; &#65; &#x42; &bogus; & x") == "<p>© A B &amp;bogus; &amp; x</p>\n")
    #expect(html("hard  \nbreak\\\nagain") == "<p>hard<br />\nbreak<br />\nagain</p>\n")
    #expect(
      html("![a *b* ![c](y) [d](z)](x)") == "<p><img src=\"x\" alt=\"a b c d\" /></p>\n",
      "alt is plain text")
    #expect(html("[a](x \"T&amp;C\")") == "<p><a href=\"x\" title=\"T&amp;C\">a</a></p>\n")
    #expect(
      html("[a](x &quot;T&quot;)") == "<p>[a](x &quot;T&quot;)</p>\n",
      "a reference is not a delimiter")
    #expect(
      html("[a](caf&eacute;.png)") == "<p><a href=\"caf&amp;eacute;.png\">a</a></p>\n",
      "unknown entity kept")
  }

  @Test func rawHTMLIsShownAsText() {
    #expect(html("<script>alert(1)</script>") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
    #expect(
      html("<div onclick=\"x()\">hi</div>")
        == "<p>&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;</p>\n")
    #expect(
      html("a <b>bold</b> <!-- c -->") == "<p>a &lt;b&gt;bold&lt;/b&gt; &lt;!-- c --&gt;</p>\n")
    #expect(
      html("```\n</code></pre><script>\n```")
        == "<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;\n</code></pre>\n")
    #expect(
      html("```\"><script>\nx\n```").hasPrefix(
        "<pre><code class=\"language-&quot;&gt;&lt;script&gt;\">"))
  }

  @Test(arguments: [
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "java\u{0}script:x", "data:text/html,<script>", "vbscript:msgbox", "file:///etc/passwd",
    "jav&#x09;ascript:alert(1)",
  ])
  func dangerousURLsAreDropped(_ url: String) {
    let link = html("[click](<\(url)>)")
    #expect(!link.contains("href"), "\(link)")
    #expect(link.contains("click"))
    let image = html("![a cat](<\(url)>)")
    #expect(!image.contains("<img"), "\(image)")
    #expect(image.contains("a cat"))
    #expect(!html("<\(url)>").contains("href"))
  }

  @Test func safeURLsArePercentEncoded() {
    #expect(html("[a](<x y.png>)") == "<p><a href=\"x%20y.png\">a</a></p>\n")
    #expect(
      html("[a](mailto:me@example.org)") == "<p><a href=\"mailto:me@example.org\">a</a></p>\n")
    #expect(
      html("[a](https://x.org/\"onmouseover=\"y)").contains(
        "href=\"https://x.org/%22onmouseover=%22y\""))
    #expect(html("[é](/café)") == "<p><a href=\"/caf%C3%A9\">é</a></p>\n")
  }

  @Test func headingsGetGitHubIds() {
    let source = "# Max pooling\n## Max pooling\n## `conv2d`, in *action*!\n# Max pooling"
    #expect(
      MarkdownHTML.headings(source).map(\.id) == [
        "max-pooling", "max-pooling-1", "conv2d-in-action", "max-pooling-2",
      ])
    #expect(MarkdownHTML.headings(source).map(\.text)[2] == "conv2d, in action!")
    #expect(html("## A & B").contains("<h2 id=\"a--b\">A &amp; B</h2>"))
  }

  /// Inputs that make naive parsers recurse without bound or go quadratic: each must finish and
  /// stay escaped (not timed: the test suite never asserts on wall time).
  @Test(arguments: [
    ("brackets", String(repeating: "[", count: 100_000)),
    (
      "closing brackets",
      String(repeating: "[a](", count: 30_000) + String(repeating: ")", count: 30_000)
    ),
    ("stars", String(repeating: "*a", count: 100_000)),
    (
      "underscores", String(repeating: "_a ", count: 50_000) + String(repeating: "_", count: 50_000)
    ),
    ("images", String(repeating: "![", count: 50_000) + String(repeating: "](x)", count: 50_000)),
    ("backticks", (1...2000).map { String(repeating: "`", count: $0) }.joined(separator: " ")),
    ("quotes", String(repeating: ">", count: 50_000) + " deep"),
    (
      "nested lists",
      (0..<5000).map { String(repeating: " ", count: 2 * $0) + "- x" }.joined(separator: "\n")
    ),
    ("list markers", String(repeating: "- ", count: 50_000) + "x"),
    (
      "wide table",
      "|" + String(repeating: "a|", count: 10_000) + "\n|" + String(repeating: "-|", count: 10_000)
    ),
    ("tags", String(repeating: "<b>", count: 50_000)),
    ("entities", String(repeating: "&#x", count: 50_000)),
    ("parentheses", "[a](" + String(repeating: "(", count: 50_000)),
  ])
  func pathologicalInputsFinishEscaped(_ name: String, _ source: String) {
    let output = html(source)
    #expect(!output.isEmpty, "\(name)")
    #expect(!output.contains("<b>"), "\(name)")
    #expect(!output.contains("<script"), "\(name)")
  }

  /// The lessons' own prose: every `## ` heading becomes an `<h2>`, nothing becomes a script.
  @Test(arguments: ["08.md", "09.md"])
  func theLessonsProse(_ name: String) throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let text = try String(
      contentsOf: root.appendingPathComponent("lessons").appendingPathComponent(name),
      encoding: .utf8)
    let output = html(text)
    let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.count
    #expect(output.components(separatedBy: "<h2 id=").count - 1 == headings)
    #expect(!output.contains("<script"))
    #expect(output.contains("<pre><code class=\"language-python\">"))
  }
}
