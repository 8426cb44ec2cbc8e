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

/// Splits lines into blocks, following CommonMark's rules for the blocks it knows (and GitHub's
/// for tables). Block quotes and lists nest by parsing their content again, at most
/// `maximumDepth` deep; deeper content is a paragraph of text.
enum BlockParser {
  static let maximumDepth = 32

  static func parse(_ lines: [Substring], depth: Int = 0) -> [Block] {
    var blocks: [Block] = []
    var index = 0
    var paragraph: [Substring] = []
    func endParagraph() {
      guard !paragraph.isEmpty else { return }
      let text = paragraph.map { $0.drop { $0 == " " || $0 == "\t" } }.joined(separator: "\n")
      blocks.append(.paragraph(String(text).trimmingTrailingSpaces()))
      paragraph = []
    }
    while index < lines.count {
      let line = lines[index]
      let indent = line.prefix { $0 == " " }.count
      let rest = line.dropFirst(indent)
      if rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
        endParagraph()
        index += 1
        continue
      }
      // Indented code: four spaces, not inside a paragraph.
      if indent >= 4 && paragraph.isEmpty {
        var code: [Substring] = []
        while index < lines.count {
          let current = lines[index]
          let isBlank = current.allSatisfy { $0 == " " || $0 == "\t" }
          guard isBlank || current.prefix(while: { $0 == " " }).count >= 4 else { break }
          code.append(isBlank ? "" : current.dropFirst(4))
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
        var code: [Substring] = []
        index += 1
        while index < lines.count {
          let current = lines[index]
          if isClosingFence(current, fence: fence.marker) { break }
          // Content loses up to the fence's own indentation.
          var stripped = current
          var removed = 0
          while removed < indent, stripped.first == " " {
            stripped = stripped.dropFirst()
            removed += 1
          }
          code.append(stripped)
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
        let text = paragraph.map { $0.drop { $0 == " " } }.joined(separator: "\n")
        paragraph = []
        blocks.append(.heading(level: level, text: String(text).trimmingTrailingSpaces()))
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
        var content: [Substring] = []
        while index < lines.count {
          let current = lines[index]
          let currentIndent = current.prefix { $0 == " " }.count
          let body = current.dropFirst(currentIndent)
          if currentIndent <= 3, body.first == ">" {
            var stripped = body.dropFirst()
            if stripped.first == " " { stripped = stripped.dropFirst() }
            content.append(stripped)
          } else if !content.isEmpty, !isBlank(current), !startsBlock(current),
            !(content.last.map(isBlank) ?? true)
          {
            // A lazy continuation line of the quote's paragraph.
            content.append(current)
          } else {
            break
          }
          index += 1
        }
        blocks.append(
          .quote(depth >= maximumDepth ? [.paragraph(content.joined(separator: "\n"))] : parse(content, depth: depth + 1)))
        continue
      }
      if let marker = listMarker(rest),
        paragraph.isEmpty || (!marker.isEmptyItem && (!marker.ordered || marker.start == 1))
      {
        endParagraph()
        let (block, next) = parseList(lines, from: index, marker: marker, depth: depth)
        blocks.append(block)
        index = next
        continue
      }
      if paragraph.isEmpty, index + 1 < lines.count, rest.contains("|"),
        let alignments = delimiterRow(lines[index + 1]),
        alignments.count == cells(rest).count
      {
        var rows: [[String]] = []
        index += 2
        while index < lines.count, !isBlank(lines[index]), !startsBlock(lines[index]) {
          var row = cells(lines[index].drop { $0 == " " })
          row = Array(row.prefix(alignments.count))
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
  static func listMarker(_ rest: Substring, indent: Int = 0) -> ListMarker? {
    guard let first = rest.first else { return nil }
    var width: Int
    var ordered = false
    var character = first
    var start = 1
    if first == "-" || first == "+" || first == "*" {
      width = 1
    } else {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
      let after = rest.dropFirst(digits.count)
      guard let delimiter = after.first, delimiter == "." || delimiter == ")" else { return nil }
      ordered = true
      character = delimiter
      start = number
      width = digits.count + 1
    }
    let afterMarker = rest.dropFirst(width)
    if afterMarker.allSatisfy({ $0 == " " || $0 == "\t" }) {
      return ListMarker(
        ordered: ordered, character: character, start: start, contentIndent: width + 1,
        isEmptyItem: true)
    }
    guard afterMarker.first == " " || afterMarker.first == "\t" else { return nil }
    let spaces = afterMarker.prefix { $0 == " " }.count
    // Five or more spaces: the content is indented code, one space after the marker.
    let gap = spaces >= 5 ? 1 : max(spaces, 1)
    return ListMarker(
      ordered: ordered, character: character, start: start, contentIndent: width + gap,
      isEmptyItem: false)
  }

  /// The list starting at `lines[start]`: its items, each parsed again, and the next line.
  static func parseList(_ lines: [Substring], from start: Int, marker first: ListMarker, depth: Int)
    -> (Block, Int)
  {
    var items: [[Substring]] = []
    var index = start
    var tight = true
    var sawBlankBetweenItems = false
    while index < lines.count {
      let line = lines[index]
      let indent = line.prefix { $0 == " " }.count
      guard indent <= 3, let marker = listMarker(line.dropFirst(indent)),
        marker.ordered == first.ordered, marker.character == first.character,
        !isThematicBreak(line.dropFirst(indent))
      else { break }
      if sawBlankBetweenItems { tight = false }
      let contentIndent = indent + marker.contentIndent
      var item: [Substring] = [line.dropFirst(min(contentIndent, line.count))]
      index += 1
      var trailingBlank = false
      while index < lines.count {
        let current = lines[index]
        if isBlank(current) {
          item.append("")
          trailingBlank = true
          index += 1
          continue
        }
        let currentIndent = current.prefix { $0 == " " }.count
        if currentIndent >= contentIndent {
          item.append(current.dropFirst(contentIndent))
          trailingBlank = false
          index += 1
        } else if !trailingBlank, !startsBlock(current), !(item.last?.isEmpty ?? true),
          currentIndent > 3 || listMarker(current.dropFirst(currentIndent)) == nil
        {
          // A lazy continuation of the item's paragraph.
          item.append(current.drop { $0 == " " })
          index += 1
        } else {
          break
        }
      }
      // Blank lines at the item's end separate items (a loose list if another item follows).
      var blanks = 0
      while item.last?.isEmpty == true {
        item.removeLast()
        blanks += 1
      }
      sawBlankBetweenItems = blanks > 0
      // A blank line between two blocks of one item makes the list loose.
      if item.contains(where: { $0.isEmpty }) { tight = false }
      items.append(item)
    }
    // Blank lines after the last item belong to the document.
    if sawBlankBetweenItems {
      while index > start, isBlank(lines[index - 1]) { index -= 1 }
    }
    let parsed = items.map { item -> [Block] in
      depth >= maximumDepth ? [.paragraph(item.joined(separator: "\n"))] : parse(item, depth: depth + 1)
    }
    return (.list(ordered: first.ordered, start: first.start, tight: tight, items: parsed), max(index, start + 1))
  }

  // MARK: - Line kinds

  static func isBlank(_ line: Substring) -> Bool {
    line.allSatisfy { $0 == " " || $0 == "\t" }
  }

  /// Whether `line` starts a block that ends a paragraph (or a lazy continuation).
  static func startsBlock(_ line: Substring) -> Bool {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return false }
    let rest = line.dropFirst(indent)
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

  static func isClosingFence(_ line: Substring, fence: String) -> Bool {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3, let character = fence.first else { return false }
    let rest = line.dropFirst(indent)
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
  static func delimiterRow(_ line: Substring) -> [Block.Alignment]? {
    let indent = line.prefix { $0 == " " }.count
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
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

  /// A table row's cells: split on `|` not escaped by `\` nor inside a code span, without a
  /// leading and a trailing pipe, trimmed. `\|` stays as `\|`, which the inline parser reads
  /// as a literal pipe.
  static func cells(_ row: Substring) -> [String] {
    var text = Substring(row.trimmingSpaces())
    if text.hasPrefix("|") { text = text.dropFirst() }
    if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    var inCode = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
        continue
      }
      if character == "\\" {
        current.append(character)
        escaped = true
        continue
      }
      if character == "`" { inCode.toggle() }
      if character == "|" && !inCode {
        cells.append(current.trimmingSpaces())
        current = ""
        continue
      }
      current.append(character)
    }
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
