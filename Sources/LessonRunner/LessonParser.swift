/// Turning a Markdown file into a `Lesson`: code cells paired with their expected-output blocks.

import Foundation

/// Parses lessons. See `docs/lessons.md` for the format.
///
/// - ```` ```python ```` (or `py`) is a code cell; ```` ```python skip ```` is shown but never run.
/// - ```` ```output ````, ```` ```output exact ```` and ```` ```error ```` check the nearest code
///   cell before them; prose and other blocks may sit between.
/// - Any other info string (`bash`, `text`, none) is prose.
public enum LessonParser {
  /// The lesson in `file`.
  ///
  /// Throws a located `Diagnostic` for an unclosed fence, an unknown option in an info string, an
  /// expected-output block with no code cell before it, a second expected-output block for one
  /// cell, or a malformed placeholder (`{int >= x}`) in an expected block.
  public static func parse(_ file: SourceFile) throws(Diagnostic) -> Lesson {
    var cells: [LessonCell] = []
    for block in try MarkdownFences.blocks(in: file) {
      guard let word = block.infoWords.first else { continue }
      let options = Array(block.infoWords.dropFirst())
      switch word {
      case "python", "py":
        try checkOptions(options, allowed: ["skip"], block: block)
        let code = block.content.map(\.text).joined(separator: "\n")
        cells.append(
          LessonCell(
            index: cells.count, code: code, fence: block.opening, firstLine: block.opening.line + 1,
            isSkipped: options == ["skip"]))
      case "output", "error":
        let kind = try expectationKind(word: word, options: options, block: block)
        try attach(kind: kind, block: block, to: &cells)
      default:
        continue
      }
    }
    return Lesson(file: file, cells: cells)
  }

  /// Pairs an expected-output block with the last code cell.
  private static func attach(
    kind: Expectation.Kind, block: FencedBlock, to cells: inout [LessonCell]
  ) throws(Diagnostic) {
    guard let last = cells.indices.last else {
      throw Diagnostic(
        "\(block.infoWords[0]) block has no code cell before it", at: block.opening,
        notes: ["put it after the ```python block whose \(block.infoWords[0]) it shows"])
    }
    if let previous = cells[last].expectation {
      throw Diagnostic(
        "second expected-output block for the cell at line \(cells[last].fence.line)",
        at: block.opening,
        notes: [
          "the cell is already checked by the block at line \(previous.fence.line)",
          "a cell has at most one output or error block: split the code into two cells",
        ])
    }
    let text = ExpectedText(file: block.opening.file, lines: block.content)
    if kind != .exactOutput {
      _ = try OutputPattern(compiling: text, forError: kind == .error)
    }
    cells[last].expectation = Expectation(
      kind: kind, text: text, fence: block.opening, closingLine: block.closingLine)
  }

  private static func expectationKind(word: String, options: [String], block: FencedBlock)
    throws(Diagnostic) -> Expectation.Kind
  {
    if word == "error" {
      try checkOptions(options, allowed: [], block: block)
      return .error
    }
    try checkOptions(options, allowed: ["exact"], block: block)
    return options.isEmpty ? .output : .exactOutput
  }

  /// Rejects options other than one of `allowed`, so a typo (`python skp`) does not go unnoticed.
  private static func checkOptions(_ options: [String], allowed: [String], block: FencedBlock)
    throws(Diagnostic)
  {
    guard
      let bad = options.first(where: { !allowed.contains($0) })
        ?? (options.count > 1 ? options.last : nil)
    else { return }
    let kind = block.infoWords[0]
    let line = block.opening.file.line(block.opening.line) ?? ""
    let column =
      (line.range(of: " " + bad).map { line.distance(from: line.startIndex, to: $0.lowerBound) + 2 })
      ?? block.opening.column
    var notes: [String]
    if let guess = allowed.first(where: { editDistance($0, bad) <= 2 }), guess != bad {
      notes = ["did you mean '\(guess)'?"]
    } else if allowed.isEmpty {
      notes = ["```\(kind) takes no options"]
    } else {
      notes = ["```\(kind) takes at most one option: \(allowed.joined(separator: ", "))"]
    }
    throw Diagnostic(
      "unknown option '\(bad)' for a \(kind) block",
      at: SourceSpan(
        file: block.opening.file, line: block.opening.line, column: column, length: bad.count),
      notes: notes)
  }
}
