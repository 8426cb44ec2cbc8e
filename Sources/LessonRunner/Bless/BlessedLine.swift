/// What bless makes of an expected block: each line kept as the author wrote it, or written anew.

/// One line of an expected block after bless.
public enum BlessedLine: Sendable, Equatable {
  /// Line `index` (0-based) of the block as the author wrote it, kept byte for byte.
  case kept(Int)
  /// A new line, without the fence's indentation.
  case written(String)
}

extension [BlessedLine] {
  /// True when every line is kept in order: bless would change nothing.
  func keepsEverything(count: Int) -> Bool {
    self == (0..<count).map { BlessedLine.kept($0) }
  }
}
