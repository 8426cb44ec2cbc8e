/// The frame every rendered page shares: its head, with the one inline style sheet, and its end.

enum HTMLDocument {
  /// From `<!DOCTYPE html>` to the opening `<body>`, for a page called `title`.
  static func head(title: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="generator" content="cnn-lesson">
    <title>\(HTMLText.escape(title))</title>
    <style>
    \(styleSheet)</style>
    </head>
    <body>

    """
  }

  /// The end of a page.
  static let tail = "</body>\n</html>\n"

  /// The page's style: a readable column, light or dark as the reader's system prefers
  /// (`prefers-color-scheme`), code and output that scroll sideways instead of widening the page
  /// (it reads at 360 px), figures scaled to the column on their white ground, as matplotlib
  /// draws them.
  static let styleSheet = """
    :root {
      --text: #1f2328; --muted: #59636e; --ground: #ffffff; --panel: #f6f8fa;
      --border: #d1d9e0; --link: #0969da; --passed: #1a7f37; --failed: #cf222e;
      --skipped: #9a6700; --kw: #cf222e; --str: #0a3069; --com: #59636e; --num: #0550ae;
      --def: #6639ba; --bi: #953800; --dec: #8250df;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --text: #e6edf3; --muted: #9198a1; --ground: #0d1117; --panel: #161b22;
        --border: #3d444d; --link: #4493f8; --passed: #3fb950; --failed: #f85149;
        --skipped: #d29922; --kw: #ff7b72; --str: #a5d6ff; --com: #9198a1; --num: #79c0ff;
        --def: #d2a8ff; --bi: #ffa657; --dec: #d2a8ff;
      }
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body {
      margin: 0; padding: 0 16px; background: var(--ground); color: var(--text);
      font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif;
    }
    main { max-width: 880px; margin: 0 auto; padding-bottom: 32px; }
    a { color: var(--link); }
    h1, h2, h3, h4 { line-height: 1.25; margin: 1.4em 0 0.5em; }
    h1 { font-size: 1.9em; } h2 { font-size: 1.45em; border-bottom: 1px solid var(--border); }
    code, pre { font: 13.5px/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    :not(pre) > code { background: var(--panel); padding: 0.1em 0.3em; border-radius: 4px; }
    pre { background: var(--panel); padding: 10px 12px; overflow-x: auto; border-radius: 6px;
      margin: 0.6em 0; }
    blockquote { margin: 0.8em 0; padding: 0 1em; color: var(--muted);
      border-left: 4px solid var(--border); }
    table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
    th, td { border: 1px solid var(--border); padding: 4px 10px; }
    th { background: var(--panel); }
    img { max-width: 100%; }
    hr { border: 0; border-top: 1px solid var(--border); }
    .pager { max-width: 880px; margin: 0 auto; display: flex; justify-content: space-between;
      gap: 12px; padding: 12px 0; font-size: 0.95em; flex-wrap: wrap; }
    .status { margin: 16px 0; padding: 10px 14px; border-radius: 6px;
      border: 1px solid var(--border); border-left: 6px solid var(--passed); background: var(--panel); }
    .status.failed { border-left-color: var(--failed); }
    .status.skipped { border-left-color: var(--skipped); }
    .status p { margin: 0.2em 0; }
    .status ul { margin: 0.4em 0; padding-left: 1.2em; }
    .cell { margin: 14px 0; padding: 8px 0 4px 12px; border-left: 4px solid var(--border); }
    .cell.passed { border-left-color: var(--passed); }
    .cell.failed { border-left-color: var(--failed); }
    .cell.skipped { border-left-color: var(--skipped); }
    .cell-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline;
      font-size: 0.85em; color: var(--muted); }
    .cell-number { font-family: ui-monospace, "DejaVu Sans Mono", monospace; text-decoration: none;
      color: var(--muted); }
    .cell.passed .verdict { color: var(--passed); font-weight: 600; }
    .cell.failed .verdict { color: var(--failed); font-weight: 600; }
    .cell.skipped .verdict { color: var(--skipped); font-weight: 600; }
    .cell pre.code { border: 1px solid var(--border); }
    pre.output { background: transparent; border-left: 2px solid var(--border); border-radius: 0; }
    pre.output.scrolled { max-height: calc(25 * 1.45em); overflow-y: auto; }
    pre.error-output, pre.explanation { color: var(--failed); background: transparent;
      border-left: 2px solid var(--failed); border-radius: 0; }
    p.explanation { color: var(--skipped); font-size: 0.9em; }
    details.expected summary { cursor: pointer; color: var(--muted); font-size: 0.9em; }
    figure.plot { margin: 8px 0; max-width: 100%; overflow: hidden; }
    figure.plot svg { display: block; max-width: 100%; height: auto; border-radius: 4px; }
    figure.plot figcaption { font-size: 0.8em; color: var(--muted); }
    .kw { color: var(--kw); } .str { color: var(--str); } .com { color: var(--com); font-style: italic; }
    .num { color: var(--num); } .def { color: var(--def); } .bi { color: var(--bi); }
    .dec { color: var(--dec); }
    .lessons { list-style: none; padding: 0; }
    .lessons li { margin: 10px 0; padding: 8px 12px; border: 1px solid var(--border);
      border-left: 6px solid var(--passed); border-radius: 6px; }
    .lessons li.failed { border-left-color: var(--failed); }
    .lessons li.skipped { border-left-color: var(--skipped); }
    .lessons .meta { display: block; font-size: 0.85em; color: var(--muted); }

    """
}
