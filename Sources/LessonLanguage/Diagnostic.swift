/// Locations in user files and the errors that point at them, rendered like a compiler's.

/// A file the user wrote (a lesson `.md` or a `.py` script), kept whole so errors can quote it.
public final class SourceFile: Sendable {
  /// The path as the user gave it (`lessons/08.md`).
  public let path: String
  /// The lines of the file, without their line terminators.
  public let lines: [String]

  public init(path: String, text: String) {
    self.path = path
    // "\r\n" is one Character in Swift, so split on each line terminator explicitly.
    self.lines = text.split(omittingEmptySubsequences: false) {
      $0 == "\n" || $0 == "\r\n" || $0 == "\r"
    }.map(String.init)
  }

  /// Line `number` (1-based), or nil past the end.
  public func line(_ number: Int) -> String? {
    number >= 1 && number <= lines.count ? lines[number - 1] : nil
  }
}

/// A place in a user file: 1-based line and column (in characters), and how many characters the
/// caret underlines.
public struct SourceSpan: Sendable, CustomStringConvertible {
  public let file: SourceFile
  public let line: Int
  public let column: Int
  public let length: Int

  public init(file: SourceFile, line: Int, column: Int, length: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
    self.length = max(1, length)
  }

  /// `lessons/08.md:42:5`
  public var description: String { "\(file.path):\(line):\(column)" }
}

/// A problem in user input: where it is, what is wrong, and notes that say why or what to do.
///
/// Rendered as
/// ```
/// lessons/08.md:42:5: error: size mismatch, m1: [64 x 320], m2: [100 x 10]
///     x = self.fc(x)
///         ^~~~~~~~~~
/// note: fc expects 100 input features, but the input has 320 = 20 x 4 x 4
/// ```
public struct Diagnostic: Error, CustomStringConvertible, Sendable {
  public var span: SourceSpan?
  public var message: String
  public var notes: [String]
  /// Set when the error means "cannot run here" rather than "wrong": something the code needs
  /// (a dataset) is not on this machine and could not be fetched. Runners skip instead of failing.
  public var missingRequirement: String?

  public init(_ message: String, at span: SourceSpan?, notes: [String] = []) {
    self.message = message
    self.span = span
    self.notes = notes
  }

  public var description: String { rendered(color: false) }

  /// The compiler-style text: location, message, quoted line with a caret, then the notes.
  public func rendered(color: Bool) -> String {
    let bold = color ? "\u{1B}[1m" : ""
    let red = color ? "\u{1B}[1;31m" : ""
    let green = color ? "\u{1B}[1;32m" : ""
    let reset = color ? "\u{1B}[0m" : ""
    var text = ""
    if let span { text += "\(bold)\(span): \(reset)" }
    text += "\(red)error:\(reset) \(bold)\(message)\(reset)"
    if let span, let line = span.file.line(span.line) {
      let caretColumn = min(max(span.column, 1), line.count + 1)
      let width = max(1, min(span.length, line.count - caretColumn + 1))
      let indent = String(line.prefix(caretColumn - 1).map { $0 == "\t" ? "\t" : " " })
      text += "\n\(line)\n\(indent)\(green)^\(String(repeating: "~", count: width - 1))\(reset)"
    }
    for note in notes {
      text += "\n\(bold)note:\(reset) \(note)"
    }
    return text
  }
}
