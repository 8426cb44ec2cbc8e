/// Text made safe for an HTML page: the one escaping every part of a rendered page goes through.

enum HTMLText {
  /// `text` for an HTML text node or a quoted attribute value: `& < > " '` as character
  /// references, and control characters other than tab, line feed and carriage return (which
  /// HTML forbids) as U+FFFD, so nothing a lesson prints can become markup.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      default:
        let value = scalar.value
        let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
        let isNonCharacter = (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
        result.unicodeScalars.append(isControl || isNonCharacter ? "\u{FFFD}" : scalar)
      }
    }
    return result
  }
}
