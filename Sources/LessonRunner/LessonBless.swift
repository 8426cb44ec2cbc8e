/// "Bless": rewriting expected-output blocks with what the cells actually printed.

/// Rewrites a lesson's failing expected blocks with what the cells did.
///
/// Only blocks whose check failed with a mismatch are rewritten, each with the text its kind gives
/// (`ExpectationKind.blessed`: the output of a cell that ran without error; never an
/// ```` ```error ```` block): passing blocks keep their `...`, bands and placeholders.
/// Blocks are rewritten bottom-up so the line numbers of the blocks above stay valid. Each new line
/// gets the fence's indentation; trailing spaces and the final newline are dropped. A block whose
/// new text holds a line that would close its fence is left alone.
public enum LessonBless {
  /// The rewritten file and how many blocks changed.
  public struct Result: Sendable {
    /// The new text of the lesson file (lines joined with `\n`).
    public let text: String
    /// How many expected-output blocks were rewritten.
    public let rewrittenBlocks: Int
  }

  /// The lesson's text with its failing blocks replaced by what their kinds write.
  public static func bless(_ report: LessonReport) -> Result {
    var lines = report.lesson.file.lines
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
      lines.replaceSubrange(
        expectation.fence.line..<(expectation.closingLine - 1), with: replacement)
      count += 1
    }
    return Result(text: lines.joined(separator: "\n"), rewrittenBlocks: count)
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
