/// Turning a Markdown file into a `Lesson`: code cells paired with their expected-output blocks.

import Foundation

/// Parses lessons. See `docs/lessons.md` for the format.
///
/// - ```` ```python ```` (or `py`, `python3`) is a code cell; ```` ```python skip ```` is shown but never run.
/// - An expected block (a kind in `ExpectationKinds`: ```` ```output ````, ```` ```output exact ````,
///   ```` ```error ````) checks the nearest code cell before it; prose and other blocks may sit
///   between. Its kind compiles it here, once.
/// - Info words are case-insensitive (```` ```Python ````, ```` ```PY ````).
/// - An info word close to one of these by edit distance (```` ```ouput ````, ```` ```pyhton ````)
///   is an error, so a typo never turns a check into prose that passes silently.
/// - Any other info string (`bash`, `text`, `json`, none) is prose.
public enum LessonParser {
  /// The info words of a code cell (`python3` too, as GitHub highlights it).
  public static let cellWords = ["python", "py", "python3"]

  /// The lesson in `file`.
  ///
  /// Throws a located `Diagnostic` for an unclosed fence, an info word that is a typo of a known
  /// one, an unknown option in an info string, an expected-output block with no code cell before
  /// it, a second expected-output block for one cell, or a malformed placeholder (`{int >= x}`)
  /// in an expected block.
  public static func parse(_ file: SourceFile) throws(Diagnostic) -> Lesson {
    var cells: [LessonCell] = []
    for block in try MarkdownFences.blocks(in: file) {
      guard let word = block.infoWords.first else { continue }
      let options = Array(block.infoWords.dropFirst())
      if cellWords.contains(word) {
        try checkOptions(options, allowed: ["skip"], block: block)
        let code = block.content.map(\.text).joined(separator: "\n")
        cells.append(
          LessonCell(
            index: cells.count, code: code, fence: block.opening, firstLine: block.opening.line + 1,
            isSkipped: options == ["skip"]))
        continue
      }
      let kinds = ExpectationKinds.kinds(for: word)
      guard !kinds.isEmpty else {
        try checkNotATypo(word, block: block)
        continue
      }
      let kind = try expectationKind(kinds, options: options, block: block)
      try attach(kind: kind, block: block, to: &cells)
    }
    return Lesson(file: file, cells: cells)
  }

  /// Pairs an expected block with the last code cell, compiled by its kind.
  private static func attach(
    kind: any ExpectationKind.Type, block: FencedBlock, to cells: inout [LessonCell]
  ) throws(Diagnostic) {
    guard let last = cells.indices.last else {
      throw Diagnostic(
        "\(block.infoWords[0]) block has no code cell before it", at: block.opening,
        notes: ["put it after the ```python block whose \(block.infoWords[0]) it shows"])
    }
    let text = ExpectedText(file: block.opening.file, lines: block.content)
    if let previous = cells[last].expectation,
      let paired = try pairFigures(kind: kind, text: text, block: block, with: previous)
    {
      cells[last].expectation = paired
      return
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
    cells[last].expectation = Expectation(
      kind: try kind.init(compiling: text, fence: block.opening), text: text, fence: block.opening,
      closingLine: block.closingLine)
  }

  /// A `figure` block and an `output` or `error` block of one cell, in either order, as one
  /// expectation: the figure block checks beside the other block, which keeps its place for
  /// bless. Nil when the two blocks are not such a pair.
  private static func pairFigures(
    kind: any ExpectationKind.Type, text: ExpectedText, block: FencedBlock,
    with previous: Expectation
  ) throws(Diagnostic) -> Expectation? {
    let previousFigures = previous.kind as? FigureBlockExpectation
    if kind is FigureBlockExpectation.Type, previousFigures == nil {
      let figures = try FigureBlockExpectation(compiling: text, fence: block.opening)
      return Expectation(
        kind: figures.paired(with: previous.kind), text: previous.text, fence: previous.fence,
        closingLine: previous.closingLine)
    }
    if !(kind is FigureBlockExpectation.Type), let previousFigures, previousFigures.paired == nil {
      let other = try kind.init(compiling: text, fence: block.opening)
      return Expectation(
        kind: previousFigures.paired(with: other), text: text, fence: block.opening,
        closingLine: block.closingLine)
    }
    return nil
  }

  /// The kind among `kinds` (which share the block's word) that its option selects.
  private static func expectationKind(
    _ kinds: [any ExpectationKind.Type], options: [String], block: FencedBlock
  ) throws(Diagnostic) -> any ExpectationKind.Type {
    try checkOptions(options, allowed: kinds.compactMap { $0.option }, block: block)
    guard let kind = kinds.first(where: { $0.option == options.first }) else {
      throw Diagnostic(
        "a \(block.infoWords[0]) block needs an option", at: block.opening,
        notes: ["write one of: " + kinds.compactMap { $0.option }.joined(separator: ", ")])
    }
    return kind
  }

  /// Rejects an info word close to a known one (`ouput`, `pyhton`): the block would otherwise be
  /// prose, and its check would pass silently. Words close to none (`bash`, `json`) are prose.
  private static func checkNotATypo(_ word: String, block: FencedBlock) throws(Diagnostic) {
    guard let guess = closestMatch(to: word, in: cellWords + ExpectationKinds.words) else {
      return
    }
    let line = block.opening.file.line(block.opening.line) ?? ""
    let afterFence = line.dropFirst(block.indent + block.fence.count)
    let spaces = afterFence.prefix { $0 == " " || $0 == "\t" }.count
    throw Diagnostic(
      "unknown kind of block '\(word)': it would be shown as prose, never run or checked",
      at: SourceSpan(
        file: block.opening.file, line: block.opening.line,
        column: block.indent + block.fence.count + spaces + 1, length: word.count),
      notes: [
        "did you mean '\(guess)'?",
        "a block only to be shown can say ```text",
      ])
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
      (line.range(of: " " + bad, options: .caseInsensitive).map {
        line.distance(from: line.startIndex, to: $0.lowerBound) + 2
      })
      ?? block.opening.column
    var notes: [String]
    if let guess = closestMatch(to: bad, in: allowed) {
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
