/// The parsed form of a lesson: its code cells in order, each with the expectation that checks it.

/// A Markdown lesson whose ```` ```python ```` blocks run in order, sharing state like notebook cells.
public struct Lesson: Sendable {
  /// The `.md` file the lesson was parsed from (errors and mismatches quote it).
  public let file: SourceFile
  /// The code cells in file order, skipped ones included.
  public let cells: [LessonCell]

  public init(file: SourceFile, cells: [LessonCell]) {
    self.file = file
    self.cells = cells
  }

  /// The number of expectations (`output` and `error` blocks) of cells that run.
  public var checkCount: Int {
    cells.filter { !$0.isSkipped && $0.expectation != nil }.count
  }

  /// Why the lesson checks nothing (no expected block follows a cell that runs), or nil when it
  /// checks something: a warning under `run`, an error under `verify`, about the whole file.
  public var noChecksProblem: Diagnostic? {
    guard checkCount == 0 else { return nil }
    let kinds = ExpectationKinds.words.map { "```" + $0 }.joined(separator: ", ")
    return Diagnostic(
      "the lesson has no checks: no expected block (\(kinds)) follows a ```python cell that runs",
      inFile: file.path,
      notes: [
        "after a cell, add an ```output block with what it prints, so a change is noticed"
      ])
  }

  /// The text of the nearest `##`/`###` heading above line `line`, if any.
  public func heading(above line: Int) -> String? {
    stride(from: line - 1, through: 1, by: -1).lazy.compactMap { number -> String? in
      guard let text = self.file.line(number), text.hasPrefix("##") else { return nil }
      return text.drop { $0 == "#" }.trimmingSpaces()
    }.first
  }
}

/// One fenced code block of a lesson, and the expected-output block that follows it, if any.
public struct LessonCell: Sendable {
  /// Position among the lesson's code cells, 0-based.
  public let index: Int
  /// The code, without the fences, one line per source line.
  public let code: String
  /// The opening fence (```` ```python ````), where the report locates the cell.
  public let fence: SourceSpan
  /// The 1-based line in the `.md` file of the code's first line.
  public let firstLine: Int
  /// True for ```` ```python skip ````: shown to the reader, never run.
  public let isSkipped: Bool
  /// What the cell must print, or the error it must raise; nil when the cell is not checked.
  public internal(set) var expectation: Expectation?

  public init(
    index: Int, code: String, fence: SourceSpan, firstLine: Int, isSkipped: Bool,
    expectation: Expectation? = nil
  ) {
    self.index = index
    self.code = code
    self.fence = fence
    self.firstLine = firstLine
    self.isSkipped = isSkipped
    self.expectation = expectation
  }
}

/// An expected block after a code cell (```` ```output ````, ```` ```error ````...), compiled by
/// its kind when the lesson was parsed.
public struct Expectation: Sendable {
  /// The kind of block, compiled: it checks what the cell did and says what bless writes.
  public let kind: any ExpectationKind
  /// The block's text with the `.md` position of every line.
  public let text: ExpectedText
  /// The opening fence of the block.
  public let fence: SourceSpan
  /// The 1-based line of the closing fence (bless rewrites the lines strictly between the fences).
  public let closingLine: Int

  public init(kind: any ExpectationKind, text: ExpectedText, fence: SourceSpan, closingLine: Int) {
    self.kind = kind
    self.text = text
    self.fence = fence
    self.closingLine = closingLine
  }

  /// The info string that selects the kind: `output`, `output exact`, `error`.
  public var info: String {
    // A figure block beside an output or error block rides on that block's expectation.
    let kind = type(of: (kind as? FigureBlockExpectation)?.paired ?? kind)
    return kind.word + (kind.option.map { " " + $0 } ?? "")
  }
}

/// Expected text whose lines remember where they are in the `.md` file, so a mismatch can point at
/// the exact character of the expected value.
public struct ExpectedText: Sendable {
  /// One line of expected text.
  public struct Line: Sendable {
    /// The line's text, with the fence's indentation removed.
    public let text: String
    /// The 1-based line number in the file.
    public let number: Int
    /// How many characters were removed from the start of the file's line (fence indentation).
    public let columnOffset: Int

    public init(text: String, number: Int, columnOffset: Int = 0) {
      self.text = text
      self.number = number
      self.columnOffset = columnOffset
    }
  }

  /// The file the text comes from.
  public let file: SourceFile
  /// The lines, in order.
  public let lines: [Line]

  public init(file: SourceFile, lines: [Line]) {
    self.file = file
    self.lines = lines
  }

  /// Text written directly (tests, tools): its lines are lines `firstLine...` of a file `path` that
  /// holds just this text, starting at `firstLine`.
  public init(_ text: String, path: String = "<expected>", firstLine: Int = 1) {
    let padding = String(repeating: "\n", count: max(0, firstLine - 1))
    let file = SourceFile(path: path, text: padding + text)
    let count = SourceFile(path: path, text: text).lines.count
    self.file = file
    self.lines = (0..<count).map { offset in
      Line(text: file.line(firstLine + offset) ?? "", number: firstLine + offset)
    }
  }

  /// The lines joined with newlines.
  public var string: String { lines.map(\.text).joined(separator: "\n") }

  /// The span of `length` characters at 0-based `column` of line `index` (0-based) of this text.
  func span(line index: Int, column: Int, length: Int = 1) -> SourceSpan {
    guard lines.indices.contains(index) else {
      let last = lines.last
      return SourceSpan(file: file, line: last?.number ?? 1, column: 1, length: length)
    }
    let line = lines[index]
    return SourceSpan(
      file: file, line: line.number, column: line.columnOffset + column + 1, length: length)
  }
}
