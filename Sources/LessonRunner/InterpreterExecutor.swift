/// The lesson interpreter behind the runner's `CellExecutor` protocol: the only place the runner
/// (and the command line) touch `Interpreter`, so changes to how it is built stay here.

/// One interpreter per lesson (or exercise run), so cells share state like notebook cells.
public final class InterpreterExecutor: CellExecutor {
  let interpreter: Interpreter

  /// An interpreter for `environment`; one-line warnings (deprecations) go to `warning`.
  public init(environment: LessonEnvironment, warning: @escaping (String) -> Void = { _ in }) {
    self.interpreter = Interpreter(environment: environment, output: { _ in }, warning: warning)
  }

  /// Called after each batch a data loader delivers, for a progress line (nil: none).
  public var progress: ((LoaderProgress) -> Void)? {
    get { interpreter.progress }
    set { interpreter.progress = newValue }
  }

  public func run(
    code: String, file: SourceFile, firstLine: Int, output: @escaping (CellOutput) -> Void
  ) -> Diagnostic? {
    run(code, file: file, firstLine: firstLine, displayLastExpression: true, output: output)
  }

  public func runFile(_ file: SourceFile, output: @escaping (CellOutput) -> Void) -> Diagnostic? {
    run(
      file.lines.joined(separator: "\n"), file: file, firstLine: 1, displayLastExpression: false,
      output: output)
  }

  public func traceModel(_ expression: String, inputShape: [Int]) -> ModelTrace? {
    interpreter.traceForward(modelExpression: expression, inputShape: inputShape).map {
      ModelTrace(shapeLines: $0.shapeLines, findings: $0.findings)
    }
  }

  private func run(
    _ code: String, file: SourceFile, firstLine: Int, displayLastExpression: Bool,
    output: @escaping (CellOutput) -> Void
  ) -> Diagnostic? {
    let (previous, previousFigures) = (interpreter.output, interpreter.figureOutput)
    interpreter.output = { output(.text($0)) }
    interpreter.figureOutput = { output(.figure($0)) }
    defer { (interpreter.output, interpreter.figureOutput) = (previous, previousFigures) }
    do {
      try interpreter.run(
        code, file: file, firstLine: firstLine, displayLastExpression: displayLastExpression)
      return nil
    } catch {
      return error
    }
  }
}
