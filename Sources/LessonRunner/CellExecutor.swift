/// The one way the runner executes code: an interpreter plugged in behind a protocol.

/// Runs the code of lesson cells, keeping state between calls like a notebook kernel.
public protocol CellExecutor: AnyObject {
  /// Runs one cell; its last bare expression is displayed, as a notebook shows it. `firstLine` is
  /// the 1-based line in `file` of the code's first line (so the interpreter's errors point into
  /// the .md). Outputs are streamed through `output` as they are produced. Returns the error that
  /// stopped the cell, or nil.
  func run(code: String, file: SourceFile, firstLine: Int, output: @escaping (CellOutput) -> Void)
    -> Diagnostic?

  /// Runs a whole file as a script (`python FILE.py`: nothing is displayed but what it prints).
  func runFile(_ file: SourceFile, output: @escaping (CellOutput) -> Void) -> Diagnostic?

  /// The model built by `expression` (`Net()`), traced layer by layer on a random input of
  /// `inputShape`, for an exercise's diagnosis; nil when the executor cannot trace.
  func traceModel(_ expression: String, inputShape: [Int]) -> ModelTrace?
}

extension CellExecutor {
  /// No trace: an executor that knows no models.
  public func traceModel(_ expression: String, inputShape: [Int]) -> ModelTrace? { nil }
}

/// A learner's model followed through one forward pass.
public struct ModelTrace: Sendable, Equatable {
  /// The shape after each layer, one line per layer.
  public let shapeLines: [String]
  /// What probably went wrong, from the shapes and values.
  public let findings: [String]

  public init(shapeLines: [String], findings: [String]) {
    self.shapeLines = shapeLines
    self.findings = findings
  }
}
