/// Inline Markdown (code spans, emphasis, links, images, autolinks, escapes, entities, breaks)
/// to HTML, in time linear in the text (CommonMark's delimiter algorithm, with its bottoms).

/// Renders the inline content of one block.
///
/// The text becomes a list of pieces of finished HTML and of delimiter runs (`*`, `_`) and
/// brackets still to be resolved. A `]` looks at the nearest bracket only; emphasis is matched on
/// a doubly linked list of delimiters, each closer searching down to the lowest place an opener
/// of its kind could still be (`openersBottom`), so no input makes the work quadratic.
struct InlineParser {
  /// A piece of output: finished HTML, or a delimiter run whose text depends on how much of it
  /// emphasis uses.
  private struct Piece {
    var html: String
    /// For a delimiter run: the character, and how many of it are left as text.
    var delimiter: Character?
    var remaining = 0
    /// Tags emphasis puts after an opener's text and before a closer's.
    var openTags: [String] = []
    var closeTags: [String] = []
    /// An image's alt text replaces what follows up to this piece.
    var skipTo: Int?
    /// For an image: the pieces of its description, whose plain text is its alt text, written
    /// after `html` and before `afterAlt`. Computed only for images that are output (an image
    /// in an image adds its text to the outer one's), so nesting costs no more than the text.
    var alt: Range<Int>?
    var afterAlt = ""
  }

  private struct Delimiter {
    let piece: Int
    let character: Character
    let originalCount: Int
    let canOpen: Bool
    let canClose: Bool
    var previous: Int?
    var next: Int?
  }

  private struct Bracket {
    let piece: Int
    let isImage: Bool
    /// The last delimiter before it, the bottom for the emphasis inside the link.
    let delimiterBelow: Int?
    let sequence: Int
  }

  private let characters: [Character]
  private var pieces: [Piece] = []
  private var delimiters: [Delimiter] = []
  private var lastDelimiter: Int?
  private var brackets: [Bracket] = []
  /// `[` brackets pushed before this one can no longer start a link (a link was made).
  private var inactiveBelow = 0
  private var bracketCount = 0
  /// Where the next backtick run of each length starts, for code spans in linear time.
  private var backtickRuns: [Int: [Int]] = [:]
  private var backtickCursor: [Int: Int] = [:]

  /// The HTML for `text`.
  static func render(_ text: String) -> String {
    var parser = InlineParser(characters: Array(text))
    return parser.run()
  }

  private init(characters: [Character]) {
    self.characters = characters
  }

  private mutating func run() -> String {
    indexBacktickRuns()
    var index = 0
    var plain = ""
    func flush(_ parser: inout InlineParser) {
      if !plain.isEmpty {
        parser.pieces.append(Piece(html: HTMLEscaping.text(plain)))
        plain = ""
      }
    }
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\\":
        if index + 1 < characters.count, characters[index + 1] == "\n" {
          flush(&self)
          pieces.append(Piece(html: "<br />\n"))
          index += 2
        } else if index + 1 < characters.count, isASCIIPunctuation(characters[index + 1]) {
          plain.append(characters[index + 1])
          index += 2
        } else {
          plain.append("\\")
          index += 1
        }
      case "`":
        let run = runLength(at: index, of: "`")
        if let end = closingBacktickRun(after: index + run, length: run) {
          flush(&self)
          pieces.append(
            Piece(html: "<code>" + HTMLEscaping.text(codeSpan(index + run, end)) + "</code>"))
          index = end + run
        } else {
          plain += String(repeating: "`", count: run)
          index += run
        }
      case "*", "_":
        flush(&self)
        let run = runLength(at: index, of: character)
        addDelimiter(character, at: index, count: run)
        index += run
      case "!" where index + 1 < characters.count && characters[index + 1] == "[":
        flush(&self)
        pushBracket(isImage: true)
        index += 2
      case "[":
        flush(&self)
        pushBracket(isImage: false)
        index += 1
      case "]":
        flush(&self)
        index = closeBracket(at: index)
      case "<":
        if let (url, end) = autolink(at: index), let safe = HTMLEscaping.url(url) {
          flush(&self)
          pieces.append(Piece(html: "<a href=\"\(safe)\">" + HTMLEscaping.text(url) + "</a>"))
          index = end
        } else {
          plain.append("<")
          index += 1
        }
      case "&":
        if let (decoded, end) = entity(at: index) {
          plain += decoded
          index = end
        } else {
          plain.append("&")
          index += 1
        }
      case "\n":
        // Two or more spaces before a line break make a hard break.
        var trailing = 0
        while plain.hasSuffix(" ") {
          plain.removeLast()
          trailing += 1
        }
        flush(&self)
        pieces.append(Piece(html: trailing >= 2 ? "<br />\n" : "\n"))
        index += 1
      default:
        plain.append(character)
        index += 1
      }
    }
    flush(&self)
    processEmphasis(above: nil)
    return output()
  }

  // MARK: - Code spans

  private mutating func indexBacktickRuns() {
    var index = 0
    while index < characters.count {
      if characters[index] == "`" {
        let run = runLength(at: index, of: "`")
        backtickRuns[run, default: []].append(index)
        index += run
      } else {
        index += 1
      }
    }
  }

  /// The start of the first run of exactly `length` backticks at or after `position`.
  private mutating func closingBacktickRun(after position: Int, length: Int) -> Int? {
    guard let runs = backtickRuns[length] else { return nil }
    var cursor = backtickCursor[length] ?? 0
    while cursor < runs.count && runs[cursor] < position { cursor += 1 }
    backtickCursor[length] = cursor
    return cursor < runs.count ? runs[cursor] : nil
  }

  /// A code span's content: line endings as spaces, one space stripped from each end when both
  /// ends have one and it is not all spaces.
  private func codeSpan(_ start: Int, _ end: Int) -> String {
    var text = String(characters[start..<end].map { $0 == "\n" ? " " : $0 })
    if text.count >= 2, text.hasPrefix(" "), text.hasSuffix(" "),
      text.contains(where: { $0 != " " })
    {
      text = String(text.dropFirst().dropLast())
    }
    return text
  }

  // MARK: - Emphasis

  private mutating func addDelimiter(_ character: Character, at index: Int, count: Int) {
    let before: Character = index > 0 ? characters[index - 1] : "\n"
    let after: Character = index + count < characters.count ? characters[index + count] : "\n"
    let leftFlanking =
      !after.isWhitespace
      && (!isPunctuation(after) || before.isWhitespace || isPunctuation(before))
    let rightFlanking =
      !before.isWhitespace
      && (!isPunctuation(before) || after.isWhitespace || isPunctuation(after))
    let canOpen: Bool
    let canClose: Bool
    if character == "*" {
      canOpen = leftFlanking
      canClose = rightFlanking
    } else {
      canOpen = leftFlanking && (!rightFlanking || isPunctuation(before))
      canClose = rightFlanking && (!leftFlanking || isPunctuation(after))
    }
    pieces.append(Piece(html: "", delimiter: character, remaining: count))
    delimiters.append(
      Delimiter(
        piece: pieces.count - 1, character: character, originalCount: count, canOpen: canOpen,
        canClose: canClose, previous: lastDelimiter, next: nil))
    if let lastDelimiter { delimiters[lastDelimiter].next = delimiters.count - 1 }
    lastDelimiter = delimiters.count - 1
  }

  private mutating func unlink(_ index: Int) {
    let delimiter = delimiters[index]
    if let previous = delimiter.previous { delimiters[previous].next = delimiter.next }
    if let next = delimiter.next {
      delimiters[next].previous = delimiter.previous
    } else {
      lastDelimiter = delimiter.previous
    }
    delimiters[index].previous = nil
    delimiters[index].next = nil
  }

  /// CommonMark's "process emphasis" over the delimiters above `bottom` (nil: all of them).
  private mutating func processEmphasis(above bottom: Int?) {
    // The first delimiter above the bottom.
    var current: Int? = bottom.map { delimiters[$0].next } ?? firstDelimiter()
    // Per (character, closer can open, closer's length mod 3): the lowest delimiter an opener
    // could be above, once a search has failed there.
    var openersBottom: [String: Int?] = [:]
    while let closerIndex = current {
      let closer = delimiters[closerIndex]
      guard closer.canClose else {
        current = closer.next
        continue
      }
      let key = "\(closer.character)\(closer.canOpen)\(closer.originalCount % 3)"
      let limit: Int?? = openersBottom[key]
      var candidate = closer.previous
      var found: Int?
      while let openerIndex = candidate, openerIndex != bottom {
        if let limit, let limitIndex = limit, openerIndex <= limitIndex { break }
        let opener = delimiters[openerIndex]
        let sumIsMultipleOf3 =
          (opener.canClose || closer.canOpen)
          && (opener.originalCount + closer.originalCount) % 3 == 0
          && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
        if opener.character == closer.character && opener.canOpen && !sumIsMultipleOf3 {
          found = openerIndex
          break
        }
        candidate = opener.previous
      }
      guard let openerIndex = found else {
        openersBottom[key] = .some(closer.previous)
        if !closer.canOpen { unlink(closerIndex) }
        current = closer.next
        continue
      }
      let openerPiece = delimiters[openerIndex].piece
      let closerPiece = closer.piece
      let used = pieces[openerPiece].remaining >= 2 && pieces[closerPiece].remaining >= 2 ? 2 : 1
      let tag = used == 2 ? "strong" : "em"
      pieces[openerPiece].remaining -= used
      pieces[closerPiece].remaining -= used
      pieces[openerPiece].openTags.insert("<\(tag)>", at: 0)
      pieces[closerPiece].closeTags.append("</\(tag)>")
      // Delimiters between the two can no longer match.
      var between = delimiters[openerIndex].next
      while let index = between, index != closerIndex {
        between = delimiters[index].next
        unlink(index)
      }
      if pieces[openerPiece].remaining == 0 { unlink(openerIndex) }
      if pieces[closerPiece].remaining == 0 {
        let next = delimiters[closerIndex].next
        unlink(closerIndex)
        current = next
      }
    }
  }

  private func firstDelimiter() -> Int? {
    var index = lastDelimiter
    while let current = index, let previous = delimiters[current].previous { index = previous }
    return index
  }

  // MARK: - Links and images

  private mutating func pushBracket(isImage: Bool) {
    pieces.append(Piece(html: isImage ? "![" : "["))
    bracketCount += 1
    brackets.append(
      Bracket(
        piece: pieces.count - 1, isImage: isImage,
        delimiterBelow: lastDelimiter, sequence: bracketCount))
  }

  /// Handles `]` at `index`: a link or image when the nearest bracket can open one and an inline
  /// destination follows; else a literal `]`. Returns where to go on.
  private mutating func closeBracket(at index: Int) -> Int {
    guard let bracket = brackets.popLast() else {
      pieces.append(Piece(html: "]"))
      return index + 1
    }
    let active = bracket.isImage || bracket.sequence > inactiveBelow
    guard active, let (destination, title, end) = inlineDestination(after: index) else {
      pieces.append(Piece(html: "]"))
      return index + 1
    }
    processEmphasis(above: bracket.delimiterBelow)
    // What is left inside the brackets cannot match anything outside them.
    while let last = lastDelimiter, last != bracket.delimiterBelow { unlink(last) }
    let titleAttribute = title.map { " title=\"\(HTMLEscaping.text($0))\"" } ?? ""
    if bracket.isImage {
      pieces[bracket.piece].alt = (bracket.piece + 1)..<pieces.count
      pieces[bracket.piece].skipTo = pieces.count
      if let source = HTMLEscaping.url(destination) {
        pieces[bracket.piece].html = "<img src=\"\(source)\" alt=\""
        pieces[bracket.piece].afterAlt = "\"\(titleAttribute) />"
      } else {
        // An unsafe image shows its alt text.
        pieces[bracket.piece].html = ""
      }
      return end
    }
    // Links cannot contain links: the brackets before this one no longer open any.
    inactiveBelow = max(inactiveBelow, bracket.sequence)
    if let href = HTMLEscaping.url(destination) {
      pieces[bracket.piece].html = "<a href=\"\(href)\"\(titleAttribute)>"
      pieces.append(Piece(html: "</a>"))
    } else {
      // An unsafe link shows its text, unlinked.
      pieces[bracket.piece].html = ""
    }
    return end
  }

  /// `(destination "title")` right after the `]` at `index`: the destination, the title, and
  /// the position after `)`; nil when none is there.
  private func inlineDestination(after index: Int) -> (String, String?, Int)? {
    var position = index + 1
    guard position < characters.count, characters[position] == "(" else { return nil }
    position += 1
    skipSpaces(&position)
    var destination = ""
    if position < characters.count, characters[position] == "<" {
      position += 1
      while position < characters.count, characters[position] != ">" {
        if characters[position] == "\n" || characters[position] == "<" { return nil }
        appendCharacter(at: &position, to: &destination)
      }
      guard position < characters.count else { return nil }
      position += 1
    } else {
      var depth = 0
      while position < characters.count {
        let character = characters[position]
        if character.isWhitespace || character.asciiValue.map({ $0 < 0x20 }) == true { break }
        if character == "(" {
          depth += 1
          guard depth <= 32 else { return nil }
        }
        if character == ")" {
          if depth == 0 { break }
          depth -= 1
        }
        appendCharacter(at: &position, to: &destination)
      }
      guard depth == 0 else { return nil }
    }
    let beforeTitle = position
    skipSpaces(&position)
    var title: String?
    if position < characters.count, position > beforeTitle,
      let close = ([("\"", "\""), ("'", "'"), ("(", ")")] as [(Character, Character)])
        .first(where: { $0.0 == characters[position] })?.1
    {
      var text = ""
      position += 1
      while position < characters.count, characters[position] != close {
        appendCharacter(at: &position, to: &text)
      }
      guard position < characters.count else { return nil }
      position += 1
      title = text
      skipSpaces(&position)
    }
    guard position < characters.count, characters[position] == ")" else { return nil }
    return (destination, title, position + 1)
  }

  /// The character at `position` of a destination or title, as it means: an entity decoded, a
  /// backslash-escaped punctuation character without its backslash; `position` moves past it.
  private func appendCharacter(at position: inout Int, to text: inout String) {
    if characters[position] == "&", let (decoded, end) = entity(at: position) {
      text += decoded
      position = end
      return
    }
    if characters[position] == "\\", position + 1 < characters.count,
      isASCIIPunctuation(characters[position + 1])
    {
      position += 1
    }
    text.append(characters[position])
    position += 1
  }

  private func skipSpaces(_ position: inout Int) {
    while position < characters.count,
      characters[position] == " " || characters[position] == "\n"
        || characters[position] == "\t"
    {
      position += 1
    }
  }

  /// An image's alt text: the plain text of its description's pieces (tags dropped, text of
  /// links and nested images kept, line breaks as spaces), escaped for the attribute.
  private func altText(_ range: Range<Int>) -> String {
    var html = ""
    for piece in pieces[range] {
      if let delimiter = piece.delimiter {
        html += String(repeating: delimiter, count: piece.remaining)
      } else if piece.alt == nil {
        html += piece.html
      }
    }
    return HTMLEscaping.text(MarkdownHTML.plainText(html).replacingNewlines())
  }

  /// `<scheme:...>` at `index`: the URL and the position after `>`.
  private func autolink(at index: Int) -> (String, Int)? {
    var position = index + 1
    var scheme = 0
    while position < characters.count, scheme <= 32,
      characters[position].isASCII
        && (characters[position].isLetter
          || (scheme > 0
            && (characters[position].isNumber
              || "+.-".contains(characters[position]))))
    {
      position += 1
      scheme += 1
    }
    guard scheme >= 2, scheme <= 32, position < characters.count, characters[position] == ":"
    else { return nil }
    var length = 0
    while position < characters.count, characters[position] != ">" {
      let character = characters[position]
      if character == "<" || character.isWhitespace { return nil }
      position += 1
      length += 1
      if length > 2048 { return nil }
    }
    guard position < characters.count else { return nil }
    return (String(characters[(index + 1)..<position]), position + 1)
  }

  /// `&name;`, `&#123;` or `&#x1F;` at `index`: the character and the position after `;`.
  private func entity(at index: Int) -> (String, Int)? {
    var position = index + 1
    while position < characters.count, position - index <= 32,
      characters[position].isASCII
        && (characters[position].isLetter || characters[position].isNumber
          || characters[position] == "#")
    {
      position += 1
    }
    guard position < characters.count, characters[position] == ";", position > index + 1 else {
      return nil
    }
    let name = String(characters[(index + 1)..<position])
    guard let decoded = HTMLEscaping.entity(Substring(name)) else { return nil }
    return (decoded, position + 1)
  }

  // MARK: - Output

  private func output() -> String {
    var html = ""
    var index = 0
    while index < pieces.count {
      let piece = pieces[index]
      if let delimiter = piece.delimiter {
        html += piece.closeTags.joined()
        // An opener's unused characters stand before its tags, a closer's after them.
        let literal = String(repeating: delimiter, count: piece.remaining)
        html += piece.openTags.isEmpty ? literal : literal + piece.openTags.joined()
      } else if let alt = piece.alt {
        html += piece.html + altText(alt) + piece.afterAlt
      } else {
        html += piece.html
      }
      if let skip = piece.skipTo, skip > index {
        index = skip
      } else {
        index += 1
      }
    }
    return html
  }

  private func runLength(at index: Int, of character: Character) -> Int {
    var end = index
    while end < characters.count && characters[end] == character { end += 1 }
    return end - index
  }
}

/// ASCII punctuation, which a backslash escapes.
func isASCIIPunctuation(_ character: Character) -> Bool {
  guard let value = character.asciiValue else { return false }
  return (33...47).contains(value) || (58...64).contains(value) || (91...96).contains(value)
    || (123...126).contains(value)
}

/// Punctuation for the flanking rules: ASCII punctuation and Unicode's P and S categories.
func isPunctuation(_ character: Character) -> Bool {
  if isASCIIPunctuation(character) { return true }
  return character.isPunctuation || character.isSymbol
}

extension String {
  fileprivate func replacingNewlines() -> String {
    String(map { $0 == "\n" ? " " : $0 })
  }
}
