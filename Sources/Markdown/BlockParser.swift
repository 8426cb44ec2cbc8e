/// Markdown's blocks: headings, paragraphs, code, block quotes, lists, tables, rules.

/// A block of a Markdown document.
indirect enum Block: Equatable {
  case heading(level: Int, text: String)
  case paragraph(String)
  case code(info: String, text: String)
  case quote([Block])
  case list(ordered: Bool, start: Int, tight: Bool, items: [[Block]])
  case rule
  case table(header: [String], alignments: [Alignment], rows: [[String]])

  enum Alignment: Equatable {
    case none, left, center, right
  }
}

/// One line of a container's content: its leading spaces counted once, and the rest.
///
/// Containers strip columns from their lines (a list item its content indent, a block quote its
/// `>`); a line keeps only a count of its spaces, so stripping them costs nothing however deep
/// the nesting or wide the indent.
struct Line {
  /// The leading spaces (tabs are spaces already).
  let indent: Int
  /// The line after them: empty for a blank line, else starting with a character that is not a
  /// space.
  let content: Substring

  init(_ text: Substring) {
    let start = text.utf8.firstIndex { $0 != UInt8(ascii: " ") } ?? text.endIndex
    indent = text.utf8.distance(from: text.startIndex, to: start)
    content = text[start...]
  }

  init(indent: Int, content: Substring) {
    self.indent = indent
    self.content = content
  }

  var isBlank: Bool { content.isEmpty }

  /// The line without its first `columns` columns.
  func dropping(_ columns: Int) -> Line {
    columns <= indent
      ? Line(indent: indent - columns, content: content)
      : Line(content.dropFirst(columns - indent))
  }

  /// The line as text, its leading spaces included.
  var text: String { String(repeating: " ", count: indent) + content }
}

/// Splits lines into blocks, following CommonMark's rules for the blocks it knows (and GitHub's
/// for tables). Block quotes and lists nest by parsing their content again, at most
/// `maximumDepth` deep; deeper content is a paragraph of text. Tables have at most
/// `maximumColumns` columns (a wider one is a paragraph) and fill at most `maximumFilledCells`
/// missing cells, so short rows cannot make pages of empty cells.
enum BlockParser {
  static let maximumDepth = 32
  static let maximumColumns = 128
  static let maximumFilledCells = 10_000

  static func parse(_ lines: [Line], depth: Int = 0) -> [Block] {
    var blocks: [Block] = []
    var index = 0
    var paragraph: [Line] = []
    func endParagraph() {
      guard !paragraph.isEmpty else { return }
      let text = paragraph.map(\.content).joined(separator: "\n")
      blocks.append(.paragraph(text.trimmingTrailingSpaces()))
      paragraph = []
    }
    /// `lines` as one paragraph of text: what a container too deep holds.
    func flattened(_ lines: [Line]) -> [Block] {
      [.paragraph(lines.map(\.content).joined(separator: "\n").trimmingTrailingSpaces())]
    }
    while index < lines.count {
      let line = lines[index]
      let indent = line.indent
      let rest = line.content
      if line.isBlank {
        endParagraph()
        index += 1
        continue
      }
      // Indented code: four spaces, not inside a paragraph.
      if indent >= 4 && paragraph.isEmpty {
        var code: [String] = []
        while index < lines.count {
          let current = lines[index]
          guard current.isBlank || current.indent >= 4 else { break }
          code.append(current.isBlank ? "" : current.dropping(4).text)
          index += 1
        }
        while code.last?.isEmpty == true { code.removeLast() }
        blocks.append(.code(info: "", text: code.joined(separator: "\n") + "\n"))
        continue
      }
      guard indent <= 3 else {
        paragraph.append(line)
        index += 1
        continue
      }
      if let fence = openingFence(rest) {
        endParagraph()
        var code: [String] = []
        index += 1
        while index < lines.count {
          let current = lines[index]
          if isClosingFence(current, fence: fence.marker) { break }
          // Content loses up to the fence's own indentation.
          code.append(current.dropping(min(indent, current.indent)).text)
          index += 1
        }
        index += 1
        blocks.append(
          .code(info: fence.info, text: code.isEmpty ? "" : code.joined(separator: "\n") + "\n"))
        continue
      }
      if let level = atxLevel(rest) {
        endParagraph()
        blocks.append(.heading(level: level, text: atxText(rest, level: level)))
        index += 1
        continue
      }
      if !paragraph.isEmpty, let level = setextLevel(rest) {
        let text = paragraph.map(\.content).joined(separator: "\n")
        paragraph = []
        blocks.append(.heading(level: level, text: text.trimmingTrailingSpaces()))
        index += 1
        continue
      }
      if isThematicBreak(rest) {
        endParagraph()
        blocks.append(.rule)
        index += 1
        continue
      }
      if rest.first == ">" {
        endParagraph()
        var content: [Line] = []
        while index < lines.count {
          let current = lines[index]
          if current.indent <= 3, current.content.first == ">" {
            var stripped = current.content.dropFirst()
            if stripped.first == " " { stripped = stripped.dropFirst() }
            content.append(Line(stripped))
          } else if !content.isEmpty, !current.isBlank, !startsBlock(current),
            !(content.last?.isBlank ?? true)
          {
            // A lazy continuation line of the quote's paragraph.
            content.append(current)
          } else {
            break
          }
          index += 1
        }
        blocks.append(
          .quote(depth >= maximumDepth ? flattened(content) : parse(content, depth: depth + 1)))
        continue
      }
      if let marker = listMarker(rest),
        paragraph.isEmpty || (!marker.isEmptyItem && (!marker.ordered || marker.start == 1))
      {
        endParagraph()
        let (items, tight, next) = listItems(lines, from: index, marker: marker)
        let parsed = items.map {
          depth >= maximumDepth ? flattened($0) : parse($0, depth: depth + 1)
        }
        blocks.append(
          .list(ordered: marker.ordered, start: marker.start, tight: tight, items: parsed))
        index = next
        continue
      }
      // A table's header row may end a paragraph (as on GitHub).
      if index + 1 < lines.count, rest.contains("|"),
        let alignments = delimiterRow(lines[index + 1]),
        alignments.count <= maximumColumns, alignments.count == cells(rest).count
      {
        endParagraph()
        var rows: [[String]] = []
        var filledCells = 0
        index += 2
        while index < lines.count, !lines[index].isBlank, !startsBlock(lines[index]) {
          var row = Array(cells(lines[index].content).prefix(alignments.count))
          // Short rows are filled with empty cells, up to a bound (then the table ends).
          filledCells += alignments.count - row.count
          guard filledCells <= maximumFilledCells else { break }
          while row.count < alignments.count { row.append("") }
          rows.append(row)
          index += 1
        }
        blocks.append(.table(header: cells(rest), alignments: alignments, rows: rows))
        continue
      }
      paragraph.append(line)
      index += 1
    }
    endParagraph()
    return blocks
  }

  // MARK: - Lists

  struct ListMarker {
    let ordered: Bool
    let character: Character
    let start: Int
    /// Columns from the line's start to the item's content.
    let contentIndent: Int
    let isEmptyItem: Bool
  }

  /// The list marker that starts `rest` (already without its up-to-3-space indent), if any.
  static func listMarker(_ rest: Substring) -> ListMarker? {
    guard let first = rest.first else { return nil }
    var width: Int
    var ordered = false
    var character = first
    var start = 1
    if first == "-" || first == "+" || first == "*" {
      width = 1
    } else {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }.prefix(10)
      guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
      let after = rest.dropFirst(digits.count)
      guard let delimiter = after.first, delimiter == "." || delimiter == ")" else { return nil }
      ordered = true
      character = delimiter
      start = number
      width = digits.count + 1
    }
    let afterMarker = rest.dropFirst(width)
    if afterMarker.allSatisfy({ $0 == " " }) {
      return ListMarker(
        ordered: ordered, character: character, start: start, contentIndent: width + 1,
        isEmptyItem: true)
    }
    guard afterMarker.first == " " else { return nil }
    let spaces = afterMarker.prefix { $0 == " " }.prefix(5).count
    // Five or more spaces: the content is indented code, one space after the marker.
    let gap = spaces >= 5 ? 1 : spaces
    return ListMarker(
      ordered: ordered, character: character, start: start, contentIndent: width + gap,
      isEmptyItem: false)
  }

  /// The items of the list starting at `lines[start]` (each item's lines, without its marker and
  /// indent), whether it is tight, and the line after it.
  static func listItems(_ lines: [Line], from start: Int, marker first: ListMarker)
    -> (items: [[Line]], tight: Bool, next: Int)
  {
    var items: [[Line]] = []
    var index = start
    var tight = true
    var sawBlankBetweenItems = false
    while index < lines.count {
      let line = lines[index]
      guard line.indent <= 3, let marker = listMarker(line.content),
        marker.ordered == first.ordered, marker.character == first.character,
        !isThematicBreak(line.content)
      else { break }
      if sawBlankBetweenItems { tight = false }
      let contentIndent = line.indent + marker.contentIndent
      var item: [Line] = [line.dropping(contentIndent)]
      index += 1
      var trailingBlank = false
      while index < lines.count {
        let current = lines[index]
        if current.isBlank {
          item.append(current)
          trailingBlank = true
          index += 1
          continue
        }
        if current.indent >= contentIndent {
          item.append(current.dropping(contentIndent))
          trailingBlank = false
          index += 1
        } else if !trailingBlank, !startsBlock(current), !(item.last?.isBlank ?? true),
          current.indent > 3 || listMarker(current.content) == nil
        {
          // A lazy continuation of the item's paragraph.
          item.append(Line(indent: 0, content: current.content))
          index += 1
        } else {
          break
        }
      }
      // Blank lines at the item's end separate items (a loose list if another item follows).
      var blanks = 0
      while item.last?.isBlank == true {
        item.removeLast()
        blanks += 1
      }
      sawBlankBetweenItems = blanks > 0
      // A blank line between two blocks of one item makes the list loose.
      if item.contains(where: \.isBlank) { tight = false }
      items.append(item)
    }
    // Blank lines after the last item belong to the document.
    if sawBlankBetweenItems {
      while index > start, lines[index - 1].isBlank { index -= 1 }
    }
    return (items, tight, max(index, start + 1))
  }

  // MARK: - Line kinds

  /// Whether `line` starts a block that ends a paragraph (or a lazy continuation).
  static func startsBlock(_ line: Line) -> Bool {
    guard line.indent <= 3 else { return false }
    let rest = line.content
    if rest.first == ">" || atxLevel(rest) != nil || openingFence(rest) != nil
      || isThematicBreak(rest)
    {
      return true
    }
    if let marker = listMarker(rest), !marker.isEmptyItem, !marker.ordered || marker.start == 1 {
      return true
    }
    return false
  }

  static func openingFence(_ rest: Substring) -> (marker: String, info: String)? {
    guard let first = rest.first, first == "`" || first == "~" else { return nil }
    let run = rest.prefix { $0 == first }
    guard run.count >= 3 else { return nil }
    let info = rest.dropFirst(run.count).trimmingSpaces()
    if first == "`" && info.contains("`") { return nil }
    return (String(run), info.split(separator: " ").first.map(String.init) ?? "")
  }

  static func isClosingFence(_ line: Line, fence: String) -> Bool {
    guard line.indent <= 3, let character = fence.first else { return false }
    let rest = line.content
    let run = rest.prefix { $0 == character }.count
    return run >= fence.count && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
  }

  static func atxLevel(_ rest: Substring) -> Int? {
    let hashes = rest.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes) else { return nil }
    let after = rest.dropFirst(hashes)
    return after.isEmpty || after.first == " " || after.first == "\t" ? hashes : nil
  }

  /// A heading's text: without the opening `#`s and an optional closing run of `#`s.
  static func atxText(_ rest: Substring, level: Int) -> String {
    var text = rest.dropFirst(level).trimmingSpaces()
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let before = text.dropLast(closing)
      if before.isEmpty || before.hasSuffix(" ") || before.hasSuffix("\t") {
        text = String(before).trimmingSpaces()
      }
    }
    return text
  }

  static func setextLevel(_ rest: Substring) -> Int? {
    let trimmed = rest.trimmingSpaces()
    guard let first = trimmed.first, first == "=" || first == "-" else { return nil }
    return trimmed.allSatisfy({ $0 == first }) ? (first == "=" ? 1 : 2) : nil
  }

  static func isThematicBreak(_ rest: Substring) -> Bool {
    guard let first = rest.first, first == "-" || first == "*" || first == "_" else { return false }
    var count = 0
    for character in rest {
      if character == first {
        count += 1
      } else if character != " " && character != "\t" {
        return false
      }
    }
    return count >= 3
  }

  // MARK: - Tables

  /// The alignments of a table's delimiter row (`| :--- | :---: | ---: |`), or nil.
  static func delimiterRow(_ line: Line) -> [Block.Alignment]? {
    guard line.indent <= 3 else { return nil }
    let rest = line.content
    guard rest.contains("-") else { return nil }
    var alignments: [Block.Alignment] = []
    for cell in cells(rest) {
      let text = cell
      guard !text.isEmpty else { return nil }
      let left = text.hasPrefix(":")
      let right = text.hasSuffix(":")
      let dashes = text.drop { $0 == ":" }.reversed().drop { $0 == ":" }
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
    }
    return alignments.isEmpty ? nil : alignments
  }

  /// A table row's cells, as on GitHub: split on every `|` not escaped by `\` (code spans
  /// included), without a leading and a trailing pipe, trimmed; `\|` becomes `|`.
  static func cells(_ row: Substring) -> [String] {
    var text = Substring(row.trimmingSpaces())
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        if character != "|" { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmingSpaces())
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current.trimmingSpaces())
    return cells
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let start = firstIndex(where: { !isSpace($0) }),
      let end = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[start...end])
  }

  /// The text without trailing spaces and tabs.
  func trimmingTrailingSpaces() -> String {
    guard let end = lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    return String(self[...end])
  }
}
