/// Several lesson runs as a small site: one page per lesson, linked in order, and an index page.

/// A page of a rendered site: the file name to write it under and its HTML.
public struct RenderedPage: Sendable, Equatable {
  /// The page's file name inside the site's folder (`08.html`, `index.html`).
  public let name: String
  /// The whole document.
  public let html: String
}

/// Renders a run's lessons as a site: each lesson's page (named after its file: `08.md` gives
/// `08.html`) with links to the lesson before and after it and to the index, and, when there is
/// more than one lesson or a malformed file, `index.html`, which lists every lesson with its
/// verdict (and every malformed file with its error).
public struct HTMLSiteRenderer: Sendable {
  /// How each page is drawn.
  public let pageRenderer: HTMLPageRenderer

  public init(pageRenderer: HTMLPageRenderer = HTMLPageRenderer()) {
    self.pageRenderer = pageRenderer
  }

  /// The name of the page for the lesson file at `path`: its last component, `.md` replaced.
  public static func pageName(for path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    return (stem.isEmpty || stem == "index" ? "lesson-" + stem : stem) + ".html"
  }

  /// The pages for `report`, lessons in order, then the index when there is one.
  public func pages(for report: RunReport) -> [RenderedPage] {
    let lessons = report.lessons
    let hasIndex = lessons.count > 1 || !report.malformed.isEmpty
    let links = lessons.map { lesson in
      PageLink(
        title: LessonLayout.title(of: lesson.lesson.file) ?? lesson.lesson.file.path,
        href: Self.pageName(for: lesson.lesson.file.path))
    }
    var pages: [RenderedPage] = []
    for (position, lesson) in lessons.enumerated() {
      let navigation = PageNavigation(
        previous: position > 0 ? links[position - 1] : nil,
        next: position + 1 < links.count ? links[position + 1] : nil,
        index: hasIndex ? PageLink(title: "All lessons", href: "index.html") : nil)
      pages.append(
        RenderedPage(
          name: links[position].href, html: pageRenderer.page(lesson, navigation: navigation)))
    }
    if hasIndex {
      pages.append(RenderedPage(name: "index.html", html: index(report, links: links)))
    }
    return pages
  }

  /// The index page: a list of the lessons, each with its title, file and verdict.
  func index(_ report: RunReport, links: [PageLink]) -> String {
    let policy = pageRenderer.policy
    var html = HTMLDocument.head(title: "Lessons")
    html += "<main>\n<h1>Lessons</h1>\n"
    html += "<p class=\"status-line\">\(HTMLText.escape(report.tally(policy).summaryLine))</p>\n"
    html += "<ul class=\"lessons\">\n"
    for (lesson, link) in zip(report.lessons, links) {
      let tally = lesson.tally(policy)
      let state = tally.failed > 0 ? "failed" : (tally.skipped > 0 ? "skipped" : "passed")
      html += "<li class=\"\(state)\"><a href=\"\(HTMLText.escape(link.href))\">"
      html += HTMLText.escape(link.title) + "</a>"
      html += "<span class=\"meta\"><code>\(HTMLText.escape(lesson.lesson.file.path))</code> · "
      html += HTMLText.escape(tally.summaryLine) + "</span></li>\n"
    }
    for malformed in report.malformed {
      html += "<li class=\"failed\"><code>\(HTMLText.escape(malformed.path))</code>"
      html +=
        "<pre class=\"explanation\">"
        + HTMLText.escape(HTMLPageRenderer.plain(malformed.diagnostic.styled)) + "</pre></li>\n"
    }
    html += "</ul>\n</main>\n" + HTMLDocument.tail
    return html
  }
}
