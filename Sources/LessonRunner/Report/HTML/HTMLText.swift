/// Text made safe for an HTML page: the one escaping every part of a rendered page goes through
/// (Markdown's `HTMLEscaping.text`, which the prose uses too).

import Markdown

enum HTMLText {
  /// `text` for an HTML text node or a quoted attribute value: `& < > " '` as character
  /// references, and control characters other than tab, line feed and carriage return (which
  /// HTML forbids) as U+FFFD, so nothing a lesson prints can become markup.
  static func escape(_ text: String) -> String {
    HTMLEscaping.text(text)
  }
}
