/// The one way the runner executes code: an interpreter plugged in behind a protocol.

/// Runs the code of lesson cells, keeping state between calls like a notebook kernel.
public protocol CellExecutor: AnyObject {
  /// Runs one cell. `firstLine` is the 1-based line in `file` of the code's first line (so the
  /// interpreter's errors point into the .md). Output is streamed through `output` as it is printed.
  /// Returns the error that stopped the cell, or nil.
  func run(code: String, file: SourceFile, firstLine: Int, output: @escaping (String) -> Void)
    -> Diagnostic?
}
