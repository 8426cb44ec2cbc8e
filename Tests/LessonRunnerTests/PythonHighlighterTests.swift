import Testing

@testable import LessonRunner

@Test func highlightingColoursEachKindOfToken() {
  let html = PythonHighlighter.html(
    """
    @torch.no_grad()
    def forward(self, x):  # the pass
        return F.relu(x.sum() + 1.5e-3) if len(x) else "done"
    """)
  #expect(
    html == """
      <span class="dec">@torch.no_grad</span>()
      <span class="kw">def</span> <span class="def">forward</span>(<span class="bi">self</span>, x):  \
      <span class="com"># the pass</span>
          <span class="kw">return</span> F.relu(x.sum() + <span class="num">1.5e-3</span>) \
      <span class="kw">if</span> <span class="bi">len</span>(x) <span class="kw">else</span> \
      <span class="str">&quot;done&quot;</span>
      """)
}

@Test func stringsOfEveryFormStayWhole() {
  #expect(
    PythonHighlighter.html("f'{a}' + r'\\'' + b\"x\"")
      == "<span class=\"str\">f&#39;{a}&#39;</span> + <span class=\"str\">r&#39;\\&#39;&#39;</span>"
      + " + <span class=\"str\">b&quot;x&quot;</span>")
  #expect(
    PythonHighlighter.html("'''a\n# not a comment\n'''")
      == "<span class=\"str\">&#39;&#39;&#39;a\n# not a comment\n&#39;&#39;&#39;</span>")
  #expect(PythonHighlighter.html("x2 = 0x1F") == "x2 = <span class=\"num\">0x1F</span>")
}

@Test func anyTextIsHighlightedAndEscapedWithoutFailing() {
  #expect(
    PythonHighlighter.html("'unclosed\nprint(1)")
      == "<span class=\"str\">&#39;unclosed</span>\n<span class=\"bi\">print</span>(<span class=\"num\">1</span>)"
  )
  #expect(
    PythonHighlighter.html("\"\"\"never closed")
      == "<span class=\"str\">&quot;&quot;&quot;never closed</span>")
  #expect(PythonHighlighter.html("</pre><script>") == "&lt;/pre&gt;&lt;script&gt;")
  #expect(PythonHighlighter.html("'\\") == "<span class=\"str\">&#39;\\</span>")
  #expect(PythonHighlighter.html("a\u{0}b") == "a\u{FFFD}b")
  let long = String(repeating: "'", count: 100_001)
  #expect(PythonHighlighter.html(long).hasPrefix("<span class=\"str\">"))
}
