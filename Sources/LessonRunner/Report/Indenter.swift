/// The one way output is indented under a cell or a check, whole or as it streams.

/// Indents text by a prefix (4 spaces): each line that holds text gets the prefix; empty lines stay
/// empty. Text may arrive in chunks (a cell's output as it is printed): the indenter remembers
/// whether the next character starts a line.
public struct Indenter: Sendable {
  /// What goes before each line.
  public let prefix: String
  /// Whether the next character written starts a line.
  public private(set) var atLineStart = true

  public init(prefix: String = "    ") {
    self.prefix = prefix
  }

  /// `text` indented, continuing from the previous chunk.
  public mutating func indent(_ text: String) -> String {
    indent(StyledText(text)).plain
  }

  /// `text` indented with each run keeping its role (the prefix itself is plain).
  public mutating func indent(_ text: StyledText) -> StyledText {
    var result = StyledText()
    for run in text.runs {
      var piece = ""
      for character in run.text {
        if atLineStart && character != "\n" {
          result.append(piece, run.role)
          result.append(prefix)
          piece = ""
        }
        piece.append(character)
        atLineStart = character == "\n"
      }
      result.append(piece, run.role)
    }
    return result
  }

  /// A newline when the text so far does not end a line (so what follows starts on its own).
  public mutating func endLine() -> String {
    guard !atLineStart else { return "" }
    atLineStart = true
    return "\n"
  }

  /// `text` indented as a whole.
  public static func indented(_ text: String, prefix: String = "    ") -> String {
    var indenter = Indenter(prefix: prefix)
    return indenter.indent(text)
  }

  /// `text` indented as a whole, its last line ended (a block under a heading or verdict line).
  public static func indentedLines(_ text: StyledText, prefix: String = "    ") -> StyledText {
    var indenter = Indenter(prefix: prefix)
    var result = indenter.indent(text)
    result.append(indenter.endLine())
    return result
  }
}
