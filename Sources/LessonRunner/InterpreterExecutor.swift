/// The lesson interpreter behind the runner's `CellExecutor` protocol: one interpreter per lesson,
/// so cells share state like notebook cells, and a cell's last bare expression is displayed.
public final class InterpreterExecutor: CellExecutor {
  public let interpreter: Interpreter

  public init(interpreter: Interpreter) {
    self.interpreter = interpreter
  }

  public func run(
    code: String, file: SourceFile, firstLine: Int, output: @escaping (String) -> Void
  )
    -> Diagnostic?
  {
    let previous = interpreter.output
    interpreter.output = output
    defer { interpreter.output = previous }
    do {
      try interpreter.run(code, file: file, firstLine: firstLine, displayLastExpression: true)
      return nil
    } catch {
      return error
    }
  }
}
