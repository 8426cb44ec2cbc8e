/// The files users write and the places in them that errors point at.

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
