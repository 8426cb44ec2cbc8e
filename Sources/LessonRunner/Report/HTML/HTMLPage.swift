/// One lesson run as a self-contained web page: prose, code cells with what they did, and verdicts.

import Figures
import Markdown

/// A link to another page of a rendered site.
public struct PageLink: Sendable, Equatable {
  /// What the link says (a lesson's title).
  public let title: String
  /// Where it goes, relative to the page (`09.html`).
  public let href: String

  public init(title: String, href: String) {
    self.title = title
    self.href = href
  }
}

/// The links around a page of a site: the lessons before and after it, and the index.
public struct PageNavigation: Sendable, Equatable {
  public var previous: PageLink?
  public var next: PageLink?
  public var index: PageLink?

  public init(previous: PageLink? = nil, next: PageLink? = nil, index: PageLink? = nil) {
    self.previous = previous
    self.next = next
    self.index = index
  }
}

/// Renders one `LessonReport` as an HTML page that needs nothing else: the style sheet is inline,
/// figures are inline SVG (images inside them PNG data URIs), and there is no script.
///
/// The page has a status line (the summary, with links to the failed cells), the lesson's prose
/// rendered from Markdown, and each code cell where the lesson has it: the code, highlighted; its
/// output and figures in the order it produced them; and its verdict: passed, failed with the
/// located explanation (and the expected block), skipped with why. Everything the lesson holds or
/// printed is escaped (`HTMLText`, `MarkdownHTML`), so nothing in it can become markup.
public struct HTMLPageRenderer: Sendable {
  /// How skips are explained.
  public let explanations: Explanations
  /// How checks that could not run count.
  public let policy: SkipPolicy

  public init(explanations: Explanations = Explanations(), policy: SkipPolicy = .lenient) {
    self.explanations = explanations
    self.policy = policy
  }

  /// The page for `report`, with `navigation`'s links at its top and bottom.
  public func page(_ report: LessonReport, navigation: PageNavigation = PageNavigation()) -> String
  {
    let file = report.lesson.file
    let title = LessonLayout.title(of: file) ?? file.path
    var html = HTMLDocument.head(title: title)
    html += navigationBar(navigation)
    html += "<main>\n"
    html += status(report)
    let outcomes = Dictionary(report.outcomes.map { ($0.cell.index, $0) }) { first, _ in first }
    for part in LessonLayout(report.lesson).parts {
      switch part {
      case .prose(let lines):
        let text = lines.compactMap { file.line($0) }.joined(separator: "\n")
        guard text.contains(where: { !$0.isWhitespace }) else { continue }
        html += "<div class=\"prose\">\n" + MarkdownHTML.render(text) + "</div>\n"
      case .cell(let index):
        guard let cell = report.lesson.cells.first(where: { $0.index == index }) else { continue }
        html += self.cell(cell, outcome: outcomes[index], file: file)
      }
    }
    html += "</main>\n"
    html += navigationBar(navigation)
    html += HTMLDocument.tail
    return html
  }

  // MARK: - Parts of the page

  /// The status line: the tally, the time, the file, and a link to each failed cell.
  func status(_ report: LessonReport) -> String {
    let tally = report.tally(policy)
    let state = tally.failed > 0 ? "failed" : (tally.skipped > 0 ? "skipped" : "passed")
    var html = "<section class=\"status \(state)\" id=\"summary\">\n<p>"
    html += "<strong>\(HTMLText.escape(tally.summaryLine))</strong>"
    html += " · ran in \(HTMLText.escape(Self.words(report.duration)))"
    html += " · <code>\(HTMLText.escape(report.lesson.file.path))</code></p>\n"
    let failed = report.outcomes.filter { $0.failure != nil }
    if !failed.isEmpty {
      html += "<ul class=\"failures\">\n"
      for outcome in failed {
        html +=
          "<li><a href=\"#cell-\(outcome.cell.index + 1)\">cell \(outcome.cell.index + 1)</a>: "
        html += HTMLText.escape(outcome.failure?.message ?? "") + "</li>\n"
      }
      html += "</ul>\n"
    }
    if let error = report.firstUnavailable?.error, let requirement = error.missingRequirement {
      html +=
        "<p class=\"note\">Skipped from cell \(report.firstUnavailable.map { $0.cell.index + 1 } ?? 0): "
      html += HTMLText.escape(explanations.reason(requirement)) + "</p>\n"
    }
    return html + "</section>\n"
  }

  /// One code cell: its head (number, verdict, place, time), the code, what it produced, and the
  /// explanation of a failure or a skip. A cell the run never reached shows only its code.
  func cell(_ cell: LessonCell, outcome: CellOutcome?, file: SourceFile) -> String {
    let number = cell.index + 1
    let verdict = outcome?.verdict ?? .skipped(.notRun)
    var html = "<section class=\"cell \(Self.cssClass(verdict))\" id=\"cell-\(number)\">\n"
    html +=
      "<div class=\"cell-head\"><a class=\"cell-number\" href=\"#cell-\(number)\">[\(number)]</a>"
    html +=
      " <span class=\"verdict\">\(HTMLText.escape(Self.badge(verdict, checked: cell.expectation != nil)))</span>"
    html += " <span class=\"where\">\(HTMLText.escape("\(file.path):\(cell.fence.line)"))</span>"
    if let outcome, outcome.duration > .milliseconds(100) {
      html += " <span class=\"time\">\(HTMLText.escape(Self.words(outcome.duration)))</span>"
    }
    html += "</div>\n"
    html +=
      "<pre class=\"code\"><code class=\"language-python\">"
      + PythonHighlighter.html(cell.code) + "</code></pre>\n"
    if let outcome { html += outputs(outcome) }
    html += explanation(verdict, cell: cell, outcome: outcome)
    return html + "</section>\n"
  }

  /// Output of more lines than this scrolls in a box of about that height.
  static let longOutputLines = 25

  /// What the cell printed and drew, in order: runs of text as one block each, figures as
  /// inline SVG with their one-line summary as the caption; then the error it raised.
  func outputs(_ outcome: CellOutcome) -> String {
    var html = ""
    var text = ""
    func flushText() {
      guard !text.isEmpty else { return }
      // Long output (a training log) scrolls in a box, as Jupyter's scrolled output does; all
      // of it is on the page. It can take the keyboard's focus, to scroll without a mouse.
      let isLong = text.utf8.lazy.filter { $0 == UInt8(ascii: "\n") }.count > Self.longOutputLines
      html +=
        (isLong ? "<pre class=\"output scrolled\" tabindex=\"0\">" : "<pre class=\"output\">")
        + HTMLText.escape(text) + "</pre>\n"
      text = ""
    }
    for output in outcome.outputs {
      switch output {
      case .text(let chunk):
        text += chunk
      case .figure(let figure):
        flushText()
        let summary = figure.summary.trimmingCharacters(in: "[]")
        html += "<figure class=\"plot\" aria-label=\"\(HTMLText.escape(summary))\">\n"
        html += figure.svg()
        html += "<figcaption>\(HTMLText.escape(summary))</figcaption>\n</figure>\n"
      }
    }
    flushText()
    // The cell's error, as the learner would see it; a missing dataset is said in the verdict.
    if let error = outcome.error, error.missingRequirement == nil, outcome.failure == nil {
      html +=
        "<pre class=\"error-output\">" + HTMLText.escape(Self.plain(error.styled))
        + "</pre>\n"
    }
    return html
  }

  /// Why a cell failed (the located diagnostic, and the expected block it was checked against)
  /// or was not run; nothing for a cell that passed or ran.
  func explanation(_ verdict: Verdict, cell: LessonCell, outcome: CellOutcome?) -> String {
    switch verdict {
    case .ran, .passed:
      return ""
    case .skipped(let reason):
      guard let why = explanations.reason(reason) else { return "" }
      return "<p class=\"explanation\">Not run: \(HTMLText.escape(why))</p>\n"
    case .failed(let failure):
      var html =
        "<pre class=\"explanation\">" + HTMLText.escape(Self.plain(failure.diagnostic.styled))
        + "</pre>\n"
      if case .mismatch = failure, let expectation = cell.expectation {
        html +=
          "<details class=\"expected\"><summary>expected (```"
          + HTMLText.escape(expectation.info) + " at line \(expectation.fence.line))</summary>"
          + "<pre>" + HTMLText.escape(expectation.text.string) + "</pre></details>\n"
      }
      return html
    }
  }

  /// The links to the previous lesson, the index and the next lesson; nothing when there are none.
  func navigationBar(_ navigation: PageNavigation) -> String {
    let links: [(PageLink?, String, String)] = [
      (navigation.previous, "prev", "← "), (navigation.index, "index", ""),
      (navigation.next, "next", ""),
    ]
    guard links.contains(where: { $0.0 != nil }) else { return "" }
    var html = "<nav class=\"pager\">"
    for (link, relation, prefix) in links {
      guard let link else {
        html += "<span></span>"
        continue
      }
      let suffix = relation == "next" ? " →" : ""
      html +=
        "<a rel=\"\(relation)\" href=\"\(HTMLText.escape(link.href))\">"
        + HTMLText.escape(prefix + link.title + suffix) + "</a>"
    }
    return html + "</nav>\n"
  }

  // MARK: - Words

  /// The CSS class of a verdict: `passed`, `failed`, `skipped`, `ran`.
  static func cssClass(_ verdict: Verdict) -> String {
    switch verdict {
    case .ran: "ran"
    case .passed: "passed"
    case .failed: "failed"
    case .skipped(.unavailable): "skipped"
    case .skipped: "not-run"
    }
  }

  /// The badge of a cell: `✓ passed`, `✗ failed`, `skipped`, `not run`; `ran` for an unchecked cell.
  static func badge(_ verdict: Verdict, checked: Bool) -> String {
    switch verdict {
    case .ran: "ran"
    case .passed: checked ? "✓ passed" : "ran"
    case .failed: "✗ failed"
    case .skipped: verdict.word
    }
  }

  /// `0.3 s`, `12 s`, `2 min 5 s`.
  static func words(_ duration: Duration) -> String {
    let seconds =
      Double(duration.components.seconds)
      + Double(duration.components.attoseconds) * 1e-18
    if seconds < 10 { return formatNumber((seconds * 10).rounded() / 10) + " s" }
    let whole = Int(seconds.rounded())
    if whole < 60 { return "\(whole) s" }
    return "\(whole / 60) min \(whole % 60) s"
  }

  /// Styled text without its styles.
  static func plain(_ text: StyledText) -> String {
    TerminalStyle(color: false).render(text)
  }
}

extension String {
  /// The string without the given characters at either end.
  fileprivate func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    let trimmed = drop { characters.contains($0) }
    return String(trimmed.reversed().drop { characters.contains($0) }.reversed())
  }
}
