/// ```` ```figure ````: what the cell's figures show, by meaning (Figures' `FigureExpectation`).

import Figures

/// The figures the cell showed (`plt.show()`, or the end of a cell that drew), checked by
/// meaning: one claim a line (`imshow 28x28 gray`, `2x3 panels, each imshow 24x24`, `line,
/// 9 points, decreasing`, `title: Loss`; the form is documented on `FigureExpectation` and in
/// docs/lessons.md). A cell that shows several figures has one section per figure, separated by
/// a line `---`. A mismatch is located at the claim's line in the block.
///
/// A figure block may sit beside the cell's `output` or `error` block: the parser then makes it
/// the figure half of that block's expectation (`paired`), which is checked first and is what
/// bless rewrites. Bless never rewrites a figure block.
public struct FigureBlockExpectation: ExpectationKind {
  public static let word = "figure"
  public static let option: String? = nil

  /// One figure's claims and the block lines they were read from.
  struct Section: Sendable {
    let expectation: FigureExpectation
    let lines: ExpectedText
  }

  let sections: [Section]
  let fence: SourceSpan
  /// The cell's `output` or `error` block, checked with this one.
  let paired: (any ExpectationKind)?

  public init(compiling text: ExpectedText, fence: SourceSpan) throws(Diagnostic) {
    var sections: [Section] = []
    var pending: [ExpectedText.Line] = []
    func close() throws(Diagnostic) {
      let lines = ExpectedText(file: text.file, lines: pending)
      do {
        sections.append(
          Section(expectation: try FigureExpectation(parsing: lines.string), lines: lines))
      } catch {
        throw Diagnostic(
          error.message, at: lines.span(line: error.line - 1, column: error.column - 1),
          notes: error.note.map { [$0] } ?? [])
      }
      pending = []
    }
    for line in text.lines {
      if line.text.trimmingSpaces() == "---" {
        try close()
      } else {
        pending.append(line)
      }
    }
    try close()
    guard sections.contains(where: { !$0.expectation.claims.isEmpty }) else {
      throw Diagnostic(
        "figure block is empty", at: fence,
        notes: ["say what the figure shows, e.g. 'imshow 28x28 gray' or 'title: Loss'"])
    }
    self.sections = sections
    self.fence = fence
    self.paired = nil
  }

  private init(_ other: FigureBlockExpectation, paired: any ExpectationKind) {
    self.sections = other.sections
    self.fence = other.fence
    self.paired = paired
  }

  /// This block checked together with the cell's `output` or `error` block.
  public func paired(with other: any ExpectationKind) -> FigureBlockExpectation {
    FigureBlockExpectation(self, paired: other)
  }

  public func check(_ result: CellResult) -> Verdict {
    if let paired {
      let verdict = paired.check(result)
      guard case .passed = verdict else { return verdict }
    } else if let error = result.error {
      return .failed(.unexpectedError(error))
    }
    let figures = result.outputs.figures
    guard figures.count == sections.count else {
      return .failed(
        .mismatch(
          Mismatch(
            span: fence,
            message:
              "expected \(Self.count(sections.count)), but the cell showed "
              + (figures.isEmpty ? "none" : "\(figures.count)"),
            notes: ["a cell shows a figure at plt.show(), or at its end when it drew one"]
              + figures.map { "the cell showed \($0.summary)" })))
    }
    for (section, figure) in zip(sections, figures) {
      guard let mismatch = section.expectation.check(figure).first else { continue }
      return .failed(
        .mismatch(
          Mismatch(
            span: section.lines.span(line: mismatch.line - 1, column: 0),
            message: mismatch.message,
            notes: [
              "the figure shows: "
                + figure.meaningDescription.split(separator: "\n").joined(separator: "; ")
            ])))
    }
    return .passed
  }

  /// What the paired block's bless writes when that block's own check failed; a figure block is
  /// never rewritten, and a passing output block keeps its `...` and placeholders.
  public func blessed(_ result: CellResult) -> [BlessedLine]? {
    guard let paired, paired.check(result).failure != nil else { return nil }
    return paired.blessed(result)
  }

  private static func count(_ figures: Int) -> String {
    figures == 1 ? "1 figure" : "\(figures) figures"
  }
}
