import Foundation
import Testing

@testable import CNNLessonCLI

/// A lesson with prose, a passing check, a failing one, and a figure.
private let pageLesson = """
  # A rendered lesson

  Some prose before the first cell.

  ```python
  import torch
  print(torch.ones(2, 2).sum())
  ```
  ```output
  tensor(4.)
  ```

  A check that fails:

  ```python
  print(1 + 1)
  ```
  ```output
  3
  ```

  ```python
  import matplotlib.pyplot as plt
  fig, axes = plt.subplots(1, 2)
  axes[0].imshow(torch.arange(16.).reshape(4, 4), cmap='viridis')
  axes[1].plot([3, 2, 1])
  ```
  ```figure
  1x2 panels
  ```

  """

/// Writes `files` (path: text) into a new temporary folder.
private func folder(with files: [String: String]) throws -> URL {
  let root = try makeTemporaryDirectory()
  for (path, text) in files {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }
  return root
}

@Test func renderWritesAPagePerLessonAndAnIndexForAFolder() throws {
  let root = try folder(with: [
    "lessons/01.md": pageLesson, "lessons/02.md": "# Two\n```python\nprint(2)\n```\n",
  ])
  defer { try? FileManager.default.removeItem(at: root) }
  let run = runTool(["render", "lessons", "-o", "out/site"], workingDirectory: root.path)
  #expect(run.code == .checkFailed, "one check fails, and the pages are still written")
  #expect(run.stdout.contains("lessons/01.md:19:1: error: "))
  #expect(
    run.stdout.contains(
      "wrote out/site/01.html\nwrote out/site/02.html\nwrote out/site/index.html\n"))
  #expect(run.stdout.hasSuffix("2 passed, 1 failed\n"))
  let page = try String(
    contentsOf: root.appendingPathComponent("out/site/01.html"), encoding: .utf8)
  #expect(page.contains("<a rel=\"next\" href=\"02.html\">Two →</a>"))
  #expect(page.contains("<section class=\"cell failed\" id=\"cell-2\">"))
  let index = try String(
    contentsOf: root.appendingPathComponent("out/site/index.html"), encoding: .utf8)
  #expect(index.contains("<a href=\"01.html\">A rendered lesson</a>"))
}

@Test func renderWithoutOperandsRendersTheLessonsFolderIntoSite() throws {
  let root = try folder(with: ["lessons/a.md": "```python\nprint(1)\n```\n```output\n1\n```\n"])
  defer { try? FileManager.default.removeItem(at: root) }
  let run = runTool(["render"], workingDirectory: root.path)
  #expect(run.code == .success, "\(run.stderr)")
  #expect(run.stdout.hasPrefix("lessons/a.md: 1 passed, 0 failed ("))
  #expect(run.stdout.hasSuffix(" s)\nwrote site/a.html\n1 passed, 0 failed\n"))
  #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("site/a.html").path))
}

@Test func renderRefusesWhatItCannotMakeAPageOf() throws {
  let root = try folder(with: [
    "a/x.md": "# a\n", "b/x.md": "# b\n", "s.py": "print(1)\n", "empty/notes.txt": "",
    "bad.md": "```python\nprint(1)\n",
  ])
  defer { try? FileManager.default.removeItem(at: root) }
  let script = runTool(["render", "s.py"], workingDirectory: root.path)
  #expect(script.code == .usage)
  #expect(script.stderr.contains("render makes pages of Markdown lessons (.md), not s.py"))
  let missing = runTool(["render", "nope.md"], workingDirectory: root.path)
  #expect(missing.code == .fileNotFound)
  let clash = runTool(["render", "a/x.md", "b/x.md"], workingDirectory: root.path)
  #expect(clash.code == .usage)
  #expect(clash.stderr.contains("a/x.md and b/x.md would both be written to site/x.html"))
  let empty = runTool(["render", "empty"], workingDirectory: root.path)
  #expect(empty.code == .usage)
  #expect(empty.stderr.contains("no lessons (*.md) in empty"))
  let malformed = runTool(["render", "bad.md"], workingDirectory: root.path)
  #expect(malformed.code == .lessonError)
  #expect(malformed.stderr.contains("bad.md:1:1: error: code fence opened here is never closed"))
  // The output folder cannot be made inside a file: exit 73, nothing written.
  let blocked = runTool(["render", "a/x.md", "-o", "s.py/site"], workingDirectory: root.path)
  #expect(blocked.code == .cannotWrite)
  #expect(blocked.stderr.contains("cannot create s.py/site"))
  // A page that is a link to a device is not written through.
  try FileManager.default.createDirectory(
    at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
  try FileManager.default.createSymbolicLink(
    atPath: root.appendingPathComponent("out/x.html").path, withDestinationPath: "/dev/null")
  let device = runTool(["render", "a/x.md", "-o", "out"], workingDirectory: root.path)
  #expect(device.code == .cannotWrite, "\(device.stderr)")
  #expect(device.stderr.contains("not a regular file"))
}

@Test func renderHelpTeachesTheCommand() {
  let help = runTool(["render", "--help"])
  #expect(help.code == .success)
  #expect(help.stdout.contains("USAGE: cnn-lesson render [OPTIONS] [FILE.md | DIR]... [-o DIR]"))
  #expect(help.stdout.contains("-o, --output DIR"))
  #expect(help.stdout.contains("--strict"))
  #expect(runTool(["help"]).stdout.contains("cnn-lesson render [FILE|DIR]"))
  let misplaced = runTool(["run", "x.md", "-o", "site"])
  #expect(misplaced.code == .usage)
  #expect(misplaced.stderr.contains("--output only applies to 'render'"))
}

// MARK: - In a real browser

@Test(
  .enabled(
    if: HeadlessChromium.installed != nil,
    "Chromium is not installed (apt-get install chromium); the rendered page is not loaded in a browser"
  ))
func aRenderedPageLoadsInChromiumWithItsCellsVerdictsAndFigures() throws {
  let chromium = try #require(HeadlessChromium.installed)
  let root = try folder(with: ["lesson.md": pageLesson])
  defer { try? FileManager.default.removeItem(at: root) }
  let run = runTool(["render", "lesson.md", "-o", "site"], workingDirectory: root.path)
  #expect(run.code == .checkFailed)
  let page = root.appendingPathComponent("site/lesson.html")

  // The DOM Chromium built: the cells with their verdicts, the failure, the figure's SVG.
  let dom = try chromium.dumpDOM(page)
  #expect(dom.contains("<title>A rendered lesson</title>"))
  #expect(dom.components(separatedBy: "<section class=\"cell ").count - 1 == 3)
  #expect(dom.contains("<section class=\"cell passed\" id=\"cell-1\">"))
  #expect(dom.contains("<section class=\"cell failed\" id=\"cell-2\">"))
  #expect(dom.contains("<section class=\"cell passed\" id=\"cell-3\">"))
  #expect(dom.contains("<strong>2 passed, 1 failed</strong>"))
  #expect(dom.contains("<figure class=\"plot\""))
  #expect(dom.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
  #expect(dom.contains("<polyline"), "the line plot")
  #expect(dom.contains("data:image/png;base64,"), "the image, as a PNG inside the SVG")

  // At a phone's 360 px, nothing makes the page wider than the screen. Headless windows are at
  // least 500 px wide, so the test's own probe page holds the page in a 360 px frame and writes
  // the frame's scroll width and window width into its DOM (the page itself has no script).
  let probe = root.appendingPathComponent("site/probe.html")
  try """
  <!DOCTYPE html><html><body><iframe src="lesson.html" width="360" height="900" onload="\
  document.body.setAttribute('data-width', this.contentDocument.documentElement.scrollWidth \
  + ' ' + this.contentWindow.innerWidth)"></iframe></body></html>
  """.write(to: probe, atomically: true, encoding: .utf8)
  let narrow = try chromium.dumpDOM(probe)
  let widths = try #require(narrow.firstMatch(of: /data-width="(\d+) (\d+)"/))
  let (content, window) = (Int(widths.1) ?? .max, Int(widths.2) ?? 0)
  #expect(window == 360)
  #expect(content <= window, "the page is \(content) px wide in a 360 px window")

  // Screenshots, light and dark: the status bar's green, the failed cell's red, the page's
  // ground in each scheme, and the figure's white.
  let light = try DecodedPNG(
    chromium.screenshot(
      page, to: root.appendingPathComponent("light.png"), width: 360, height: 1600))
  #expect(light.width == 360 && light.height == 1600)
  #expect(light.pixel(2, 2) == [255, 255, 255], "light ground")
  #expect(light.contains([0x1A, 0x7F, 0x37]), "passed green")
  #expect(light.contains([0xCF, 0x22, 0x2E]), "failed red")
  let dark = try DecodedPNG(
    chromium.screenshot(
      page, to: root.appendingPathComponent("dark.png"), width: 360, height: 1600, dark: true))
  #expect(dark.pixel(2, 2) == [0x0D, 0x11, 0x17], "dark ground")
  #expect(dark.contains([0x3F, 0xB9, 0x50]), "passed green, for dark")
  #expect(dark.contains([255, 255, 255], tolerance: 0), "the figure keeps its white ground")
}
