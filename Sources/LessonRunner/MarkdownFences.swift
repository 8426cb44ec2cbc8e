/// Finding fenced code blocks in Markdown, following CommonMark's rules for fences.

/// A fenced block of a Markdown file: its info string and its content lines with their positions.
struct FencedBlock: Sendable {
  /// The info string split on spaces and tabs and lowercased, as info words are case-insensitive
  /// (```` ```Output exact ```` gives `["output", "exact"]`).
  let infoWords: [String]
  /// The opening fence, spanning the fence characters and the info string.
  let opening: SourceSpan
  /// The fence characters (```` ``` ````, `~~~~`...), so a rewrite can reuse them.
  let fence: String
  /// The spaces before the opening fence (0...3); removed from content lines, like CommonMark.
  let indent: Int
  /// The content lines, indentation removed.
  let content: [ExpectedText.Line]
  /// The 1-based line of the closing fence.
  let closingLine: Int
}

/// Scans a Markdown file for fenced code blocks.
enum MarkdownFences {
  /// The fenced blocks of `file`, in order.
  ///
  /// A fence is 3 or more backticks or tildes, indented by at most 3 spaces; a backtick fence's info
  /// string may not contain backticks. The block ends at a line of at least as many of the same
  /// character, indented by at most 3 spaces, followed only by spaces. A fence that is never closed is
  /// an error (CommonMark would run it to the end of the file, silently swallowing the rest).
  static func blocks(in file: SourceFile) throws(Diagnostic) -> [FencedBlock] {
    var blocks: [FencedBlock] = []
    var index = 0
    while index < file.lines.count {
      guard let open = openingFence(file.lines[index]) else {
        index += 1
        continue
      }
      let lineNumber = index + 1
      guard
        let close = (index + 1..<file.lines.count).first(where: {
          isClosingFence(file.lines[$0], for: open)
        })
      else {
        let width = open.fence.count + (open.info.isEmpty ? 0 : 1 + open.info.count)
        throw Diagnostic(
          "code fence opened here is never closed",
          at: SourceSpan(file: file, line: lineNumber, column: open.indent + 1, length: width),
          notes: ["close the block with a line holding just \(open.fence)"])
      }
      let content = (index + 1..<close).map { position in
        stripIndent(file.lines[position], upTo: open.indent, number: position + 1)
      }
      blocks.append(
        FencedBlock(
          infoWords: words(open.info),
          opening: SourceSpan(
            file: file, line: lineNumber, column: open.indent + 1,
            length: open.fence.count + open.info.count),
          fence: open.fence, indent: open.indent, content: content, closingLine: close + 1))
      index = close + 1
    }
    return blocks
  }

  /// The parts of an opening fence line, or nil when the line is not one.
  static func openingFence(_ line: String) -> (indent: Int, fence: String, info: String)? {
    let indent = line.prefix(while: { $0 == " " }).count
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
    let fence = rest.prefix(while: { $0 == marker })
    guard fence.count >= 3 else { return nil }
    let info = rest.dropFirst(fence.count).trimmingSpaces()
    if marker == "`" && info.contains("`") { return nil }
    return (indent, String(fence), info)
  }

  /// True when `line` closes a block opened by `open`.
  static func isClosingFence(_ line: String, for open: (indent: Int, fence: String, info: String))
    -> Bool
  {
    let indent = line.prefix(while: { $0 == " " }).count
    guard indent <= 3, let marker = open.fence.first else { return false }
    let rest = line.dropFirst(indent)
    let run = rest.prefix(while: { $0 == marker }).count
    return run >= open.fence.count && rest.dropFirst(run).trimmingSpaces().isEmpty
  }

  /// `line` without up to `count` leading spaces.
  private static func stripIndent(_ line: String, upTo count: Int, number: Int)
    -> ExpectedText.Line
  {
    let removed = min(count, line.prefix(while: { $0 == " " }).count)
    return ExpectedText.Line(
      text: String(line.dropFirst(removed)), number: number, columnOffset: removed)
  }

  private static func words(_ info: String) -> [String] {
    info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
    guard let end = lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(self[start...end])
  }

  /// The text without trailing spaces and tabs.
  func trimmingTrailingSpaces() -> String {
    guard let end = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    return String(self[...end])
  }
}
