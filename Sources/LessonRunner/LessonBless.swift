/// "Bless": rewriting expected-output blocks with what the cells actually printed.

/// Rewrites a lesson's failing expected blocks with what the cells did.
///
/// Only blocks whose check failed with a mismatch are rewritten, each with the text its kind gives
/// (`ExpectationKind.blessed`: the output of a cell that ran without error; never an
/// ```` ```error ```` block): passing blocks keep their `...`, bands and placeholders.
/// Blocks are rewritten bottom-up so the line numbers of the blocks above stay valid. Each new line
/// gets the fence's indentation; trailing spaces and the final newline are dropped. A block whose
/// new text holds a line that would close its fence is left alone.
///
/// Every line outside the rewritten blocks keeps its bytes and its own line ending; new lines end
/// the way the block's opening fence does (`\r\n` stays `\r\n`), and a file without a final newline
/// gets none.
public enum LessonBless {
  /// The rewritten file and how many blocks changed.
  public struct Result: Sendable {
    /// The new text of the lesson file, line endings kept.
    public let text: String
    /// How many expected-output blocks were rewritten.
    public let rewrittenBlocks: Int
  }

  /// The lesson's text with its failing blocks replaced by what their kinds write.
  ///
  /// `original` is the file's text as it is now; nil when the file no longer holds the lines the
  /// lesson ran (it was edited during the run), so nothing is rewritten over the edit.
  public static func bless(_ report: LessonReport, original: String) -> Result? {
    var (lines, endings) = splitKeepingEndings(original)
    guard lines == report.lesson.file.lines else { return nil }
    var count = 0
    let candidates = report.outcomes.compactMap { outcome -> (Expectation, String)? in
      guard case .failed(.mismatch) = outcome.verdict, let expectation = outcome.cell.expectation,
        let text = expectation.kind.blessed(
          CellResult(outputs: outcome.outputs, error: outcome.error))
      else { return nil }
      return (expectation, text)
    }
    for (expectation, output) in candidates.sorted(by: { $0.0.fence.line > $1.0.fence.line }) {
      guard let replacement = newContent(expectation, output: output, lines: lines) else {
        continue
      }
      let range = expectation.fence.line..<(expectation.closingLine - 1)
      // New lines end as the block's opening fence does.
      let fenceEnding =
        endings.indices.contains(range.lowerBound - 1) ? endings[range.lowerBound - 1] : ""
      let newLineEnding = fenceEnding.isEmpty ? "\n" : fenceEnding
      lines.replaceSubrange(range, with: replacement)
      endings.replaceSubrange(
        range, with: Array(repeating: newLineEnding, count: replacement.count))
      count += 1
    }
    let text = zip(lines, endings).map { $0 + $1 }.joined()
    return Result(text: text, rewrittenBlocks: count)
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

  /// The block's new lines, or nil when one of them would close the fence.
  private static func newContent(_ expectation: Expectation, output: String, lines: [String])
    -> [String]?
  {
    let fenceLine = expectation.fence.line - 1
    guard lines.indices.contains(fenceLine), expectation.closingLine - 1 <= lines.count,
      let open = MarkdownFences.openingFence(lines[fenceLine])
    else { return nil }
    let indent = String(repeating: " ", count: open.indent)
    var text = output.hasSuffix("\n") ? String(output.dropLast()) : output
    if text.hasSuffix("\r") { text.removeLast() }
    guard !text.isEmpty else { return [] }
    let newLines = SourceFile(path: "", text: text).lines.map { line in
      let trimmed = line.trimmingTrailingSpaces()
      return trimmed.isEmpty ? "" : indent + trimmed
    }
    if newLines.contains(where: { MarkdownFences.isClosingFence($0, for: open) }) { return nil }
    return newLines
  }
}
