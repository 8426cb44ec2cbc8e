/// A lesson file cut into what a page shows in order: prose, and the code cells.

/// The parts of a lesson file in file order, for a page: runs of prose lines (Markdown, other
/// fenced blocks included) and code cells. Expected blocks are not parts: the page shows what a
/// cell did and its verdict where the cell is.
public struct LessonLayout {
  enum Part: Equatable {
    /// Lines `lines` (1-based, inclusive) of the file, as Markdown.
    case prose(ClosedRange<Int>)
    /// The code cell with this index.
    case cell(Int)
  }

  let parts: [Part]

  init(_ lesson: Lesson) {
    let file = lesson.file
    // The lesson parsed, so its fences do; should they not, the whole file is prose.
    let blocks = (try? MarkdownFences.blocks(in: file)) ?? []
    var parts: [Part] = []
    var nextLine = 1
    var cellIndex = 0
    func addProse(upTo last: Int) {
      if last >= nextLine { parts.append(.prose(nextLine...last)) }
    }
    for block in blocks {
      guard let word = block.infoWords.first else { continue }
      let isCell = LessonParser.cellWords.contains(word)
      guard isCell || !ExpectationKinds.kinds(for: word).isEmpty else { continue }
      addProse(upTo: block.opening.line - 1)
      if isCell {
        parts.append(.cell(cellIndex))
        cellIndex += 1
      }
      nextLine = block.closingLine + 1
    }
    addProse(upTo: file.lines.count)
    self.parts = parts
  }

  /// The lesson's title: the text of its first `# ` heading, if it has one.
  public static func title(of file: SourceFile) -> String? {
    file.lines.lazy.compactMap { line -> String? in
      guard line.hasPrefix("# ") else { return nil }
      let title = line.dropFirst(2).trimmingSpaces()
      return title.isEmpty ? nil : title
    }.first
  }
}
