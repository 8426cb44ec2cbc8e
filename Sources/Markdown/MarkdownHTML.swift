/// Markdown prose to HTML for the rendered lesson pages.

/// Markdown prose turned into HTML: CommonMark's blocks and inlines and GitHub's tables.
///
/// Safe for any input. Raw HTML is never passed through: it shows as text. Links and images keep
/// only http, https, mailto and relative URLs (anything else shows as its text). Nesting of block
/// quotes and lists is bounded, and every step is linear in the input, so no text can make it
/// recurse without bound or take long.
public enum MarkdownHTML {
  /// The HTML for `source`, a Markdown fragment. Headings get GitHub-style ids (`## Max
  /// pooling` is `id="max-pooling"`; a repeated one `-1`, `-2`, ...). Never fails: what it does
  /// not understand is shown as escaped text.
  public static func render(_ source: String) -> String {
    var slugs = SlugCounter()
    return render(BlockParser.parse(lines(of: source)), tight: false, slugs: &slugs)
  }

  /// The headings of `source`, in order, with the ids `render` gives them.
  public static func headings(_ source: String) -> [(level: Int, text: String, id: String)] {
    var slugs = SlugCounter()
    var found: [(level: Int, text: String, id: String)] = []
    func visit(_ blocks: [Block]) {
      for block in blocks {
        switch block {
        case .heading(let level, let text):
          let plain = plainText(InlineParser.render(text))
          found.append((level, plain, slugs.slug(for: plain)))
        case .quote(let inner): visit(inner)
        case .list(_, _, _, let items): items.forEach(visit)
        default: continue
        }
      }
    }
    visit(BlockParser.parse(lines(of: source)))
    return found
  }

  /// The lines of `source`, split at LF, CRLF or CR, tabs in the indentation as spaces. Works on
  /// bytes: a line of ten thousand spaces costs ten thousand byte compares, not grapheme breaks.
  static func lines(of source: String) -> [Line] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(source.utf8.count)
    var previous: UInt8 = 0
    // The column while in a line's leading whitespace, nil after it.
    var column: Int? = 0
    for byte in source.utf8 {
      switch byte {
      case UInt8(ascii: "\t") where column != nil:
        // A tab in the indentation goes to the next tab stop (of 4); elsewhere it stays.
        let spaces = 4 - (column ?? 0) % 4
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces))
        column = column.map { $0 + spaces }
      case UInt8(ascii: " ") where column != nil:
        bytes.append(byte)
        column = column.map { $0 + 1 }
      case UInt8(ascii: "\r"):
        bytes.append(UInt8(ascii: "\n"))
        column = 0
      case UInt8(ascii: "\n"):
        if previous != UInt8(ascii: "\r") { bytes.append(byte) }
        column = 0
      default:
        bytes.append(byte)
        column = nil
      }
      previous = byte
    }
    let text = String(decoding: bytes, as: UTF8.self)
    return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { Line(text[$0.startIndex..<$0.endIndex]) }
  }

  static func render(_ blocks: [Block], tight: Bool, slugs: inout SlugCounter) -> String {
    var html = ""
    for block in blocks {
      switch block {
      case .heading(let level, let text):
        let inner = InlineParser.render(text)
        let id = slugs.slug(for: plainText(inner))
        html += "<h\(level) id=\"\(HTMLEscaping.text(id))\">\(inner)</h\(level)>\n"
      case .paragraph(let text):
        let inner = InlineParser.render(text)
        html += tight ? inner + "\n" : "<p>\(inner)</p>\n"
      case .code(let info, let text):
        let language = info.isEmpty ? "" : " class=\"language-\(HTMLEscaping.text(info))\""
        html += "<pre><code\(language)>\(HTMLEscaping.text(text))</code></pre>\n"
      case .quote(let inner):
        html += "<blockquote>\n" + render(inner, tight: false, slugs: &slugs) + "</blockquote>\n"
      case .list(let ordered, let start, let isTight, let items):
        let tag = ordered ? "ol" : "ul"
        html += ordered && start != 1 ? "<ol start=\"\(start)\">\n" : "<\(tag)>\n"
        for item in items {
          var inner = render(item, tight: isTight, slugs: &slugs)
          if isTight && inner.hasSuffix("\n") { inner.removeLast() }
          // As CommonMark's reference renderer: a loose item's blocks start on a line of their own.
          let opening = !isTight && !item.isEmpty ? "<li>\n" : "<li>"
          html += opening + inner + "</li>\n"
        }
        html += "</\(tag)>\n"
      case .rule:
        html += "<hr />\n"
      case .table(let header, let alignments, let rows):
        html += "<table>\n<thead>\n<tr>\n"
        for (cell, alignment) in zip(header, alignments) {
          html += "<th\(style(alignment))>\(InlineParser.render(cell))</th>\n"
        }
        html += "</tr>\n</thead>\n"
        if !rows.isEmpty {
          html += "<tbody>\n"
          for row in rows {
            html += "<tr>\n"
            for (cell, alignment) in zip(row, alignments) {
              html += "<td\(style(alignment))>\(InlineParser.render(cell))</td>\n"
            }
            html += "</tr>\n"
          }
          html += "</tbody>\n"
        }
        html += "</table>\n"
      }
    }
    return html
  }

  private static func style(_ alignment: Block.Alignment) -> String {
    switch alignment {
    case .none: ""
    case .left: " style=\"text-align: left\""
    case .center: " style=\"text-align: center\""
    case .right: " style=\"text-align: right\""
    }
  }

  /// The text of rendered inline HTML: tags removed (every `<` of the source is escaped, so each
  /// `<` here starts one of ours), references decoded.
  static func plainText(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    for (reference, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&"),
    ] {
      text = text.replacing(reference, with: character)
    }
    return text
  }
}

/// GitHub's heading ids: lowercase, letters, digits, `-` and `_` kept, spaces as `-`, the rest
/// dropped; a repeated id gets `-1`, `-2`, ...
struct SlugCounter {
  private var seen: [String: Int] = [:]

  mutating func slug(for text: String) -> String {
    var slug = ""
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || character == "-" || character == "_" {
        slug.append(character)
      } else if character == " " {
        slug.append("-")
      }
    }
    if let count = seen[slug] {
      seen[slug] = count + 1
      var candidate = "\(slug)-\(count + 1)"
      while seen[candidate] != nil {
        seen[slug, default: 0] += 1
        candidate = "\(slug)-\(seen[slug, default: 0])"
      }
      seen[candidate] = 0
      return candidate
    }
    seen[slug] = 0
    return slug
  }
}
