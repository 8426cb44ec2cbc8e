/// "Bless": rewriting the failing lines of expected blocks with what the cells did, in the form
/// the author wrote them.

/// Rewrites a lesson's failing expected blocks with what the cells did.
///
/// Only blocks whose check failed with a mismatch are rewritten, and in them only the lines that
/// fail, each in the author's form (`ExpectationKind.blessed`: a grid stays a grid, a printed
/// tensor stays printed, a band keeps its width; passing lines, `...`, `{repeat}` and
/// placeholders stay as written; an ```` ```error ```` block never changes). Blocks are
/// rewritten bottom-up so the line numbers of the blocks above stay valid. A block whose new
/// text holds a line that would close its fence is left alone.
///
/// Every kept line keeps its bytes and its own line ending; a written line gets the fence's
/// indentation and ends the way the block's opening fence does (`\r\n` stays `\r\n`), and a file
/// without a final newline gets none.
public enum LessonBless {
  /// The rewritten file and how many blocks changed.
  public struct Result: Sendable {
    /// The new text of the lesson file, line endings kept.
    public let text: String
    /// How many expected-output blocks were rewritten.
    public let rewrittenBlocks: Int
    /// The lines of the file before and after, for a diff.
    public let oldLines: [String]
    public let newLines: [String]

    /// A unified diff of what bless changed, under `path`.
    public func diff(path: String) -> String {
      // A final line ending leaves an empty last "line", which a diff does not show.
      let trim = { (lines: [String]) in lines.last == "" ? Array(lines.dropLast()) : lines }
      return LineDiff.unified(trim(oldLines), trim(newLines), path: path)
    }
  }

  /// The lesson's text with the failing lines of its failing blocks rewritten.
  ///
  /// `original` is the file's text as it is now; nil when the file no longer holds the lines the
  /// lesson ran (it was edited during the run), so nothing is rewritten over the edit.
  public static func bless(_ report: LessonReport, original: String) -> Result? {
    let (oldLines, oldEndings) = splitKeepingEndings(original)
    guard oldLines == report.lesson.file.lines else { return nil }
    var lines = oldLines
    var endings = oldEndings
    var count = 0
    let candidates = report.outcomes.compactMap { outcome -> (Expectation, [BlessedLine])? in
      guard case .failed(.mismatch) = outcome.verdict, let expectation = outcome.cell.expectation,
        let blessed = expectation.kind.blessed(
          CellResult(outputs: outcome.outputs, error: outcome.error)),
        !blessed.keepsEverything(count: expectation.text.lines.count)
      else { return nil }
      return (expectation, blessed)
    }
    for (expectation, blessed) in candidates.sorted(by: { $0.0.fence.line > $1.0.fence.line }) {
      guard
        let replacement = newContent(
          expectation, blessed, lines: oldLines, endings: oldEndings)
      else { continue }
      let range = expectation.fence.line..<(expectation.closingLine - 1)
      lines.replaceSubrange(range, with: replacement.map(\.text))
      endings.replaceSubrange(range, with: replacement.map(\.ending))
      count += 1
    }
    let text = zip(lines, endings).map { $0 + $1 }.joined()
    return Result(text: text, rewrittenBlocks: count, oldLines: oldLines, newLines: lines)
  }

  /// The report of `report`'s run judged against the blessed file `text`: the same outputs,
  /// checked by the new blocks (nothing runs again). Nil when `text` is not a lesson with the
  /// same cells.
  public static func recheck(_ report: LessonReport, text: String) -> LessonReport? {
    let file = SourceFile(path: report.lesson.file.path, text: text)
    guard let lesson = try? LessonParser.parse(file),
      lesson.cells.count == report.outcomes.count
    else { return nil }
    let outcomes = zip(lesson.cells, report.outcomes).map { cell, outcome in
      let verdict: Verdict
      switch outcome.verdict {
      case .skipped: verdict = outcome.verdict
      case .ran, .passed, .failed:
        verdict = LessonRun.verdict(
          cell, CellResult(outputs: outcome.outputs, error: outcome.error))
      }
      return CellOutcome(
        cell: cell, outputs: outcome.outputs, error: outcome.error, verdict: verdict,
        duration: outcome.duration)
    }
    return LessonReport(lesson: lesson, outcomes: outcomes)
  }

  /// The lines of `text` as `SourceFile` splits them, each with the terminator that ended it
  /// (`""` for a last line without one).
  static func splitKeepingEndings(_ text: String) -> (lines: [String], endings: [String]) {
    var lines: [String] = []
    var endings: [String] = []
    var current = ""
    for character in text {
      if character == "\n" || character == "\r\n" || character == "\r" {
        lines.append(current)
        endings.append(String(character))
        current = ""
      } else {
        current.append(character)
      }
    }
    lines.append(current)
    endings.append("")
    return (lines, endings)
  }

  /// The block's new lines with their endings, or nil when one of them would close the fence.
  private static func newContent(
    _ expectation: Expectation, _ blessed: [BlessedLine], lines: [String], endings: [String]
  ) -> [(text: String, ending: String)]? {
    let fenceLine = expectation.fence.line - 1
    guard lines.indices.contains(fenceLine), expectation.closingLine - 1 <= lines.count,
      let open = MarkdownFences.openingFence(lines[fenceLine])
    else { return nil }
    let indent = String(repeating: " ", count: open.indent)
    // New lines end as the block's opening fence does.
    let fenceEnding = endings[fenceLine]
    let newEnding = fenceEnding.isEmpty ? "\n" : fenceEnding
    var result: [(text: String, ending: String)] = []
    for line in blessed {
      switch line {
      case .kept(let index):
        guard expectation.text.lines.indices.contains(index) else { return nil }
        let fileLine = expectation.text.lines[index].number - 1
        guard lines.indices.contains(fileLine) else { return nil }
        result.append((lines[fileLine], endings[fileLine]))
      case .written(let text):
        let trimmed = text.trimmingTrailingSpaces()
        let line = trimmed.isEmpty ? "" : indent + trimmed
        if MarkdownFences.isClosingFence(line, for: open) { return nil }
        result.append((line, newEnding))
      }
    }
    return result
  }
}
