/// Python's exception handling over the exception model: `try` / `except` / `else` /
/// `finally`, `raise`, exception classes and instances as values.

/// An exception instance (`ValueError('bad')`, or the `e` of `except ValueError as e`): its
/// class, its arguments, and the message `str(e)` gives.
final class ExceptionObject: HostObject {
  let type: ExceptionType
  let args: [Value]
  let message: String

  init(_ type: ExceptionType, args: [Value], message: String) {
    self.type = type
    self.args = args
    self.message = message
  }

  var typeName: String { type.name }
  /// `print(e)` shows the message, as Python's `str(e)`.
  var text: String { message }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    name == "args" ? .tuple(args) : nil
  }

  /// The exception as lesson code sees it once caught.
  convenience init(caught diagnostic: Diagnostic) {
    let exception = diagnostic.exception
    let message = exception?.message ?? diagnostic.message
    self.init(
      exception?.type ?? .exception, args: message.isEmpty ? [] : [.string(message)],
      message: message)
  }
}

extension ExceptionType {
  /// The class a builtin value names (`ValueError`), if it is an exception class.
  init?(builtin value: Value) {
    guard case .builtin(let builtin) = value, builtin.receiver == nil,
      builtin.name.hasPrefix("builtins.")
    else { return nil }
    self.init(name: String(builtin.name.dropFirst("builtins.".count)))
  }
}

extension PythonException {
  /// Whether `except` may catch it. Ctrl-C, the cell's time limit and a missing dataset end the
  /// cell whatever it catches, so that a bare `except:` in a loop can neither outlive the limit
  /// nor hide why the lesson cannot run here.
  var isCatchable: Bool {
    requirement == nil && type != .keyboardInterrupt && !endsTheCell
  }
}

extension Interpreter {
  /// Runs a `try` statement (see `Statement.Kind.try`).
  func executeTry(
    body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement],
    in scope: Scope
  ) throws {
    var pending: Error?
    do {
      var raised = false
      do {
        try execute(body, in: scope)
      } catch let error as Diagnostic where error.exception?.isCatchable ?? true {
        raised = true
        guard let handler = try handler(for: error, in: handlers, scope: scope) else { throw error }
        try run(handler, for: error, in: scope)
      }
      if !raised { try execute(orElse, in: scope) }
    } catch {
      pending = error
    }
    // `finally` runs whatever happened; an error (or return) in it replaces the pending one.
    try execute(finally, in: scope)
    if let pending { throw pending }
  }

  /// The first clause that catches `error`, its classes evaluated in order as Python does.
  private func handler(for error: Diagnostic, in handlers: [ExceptHandler], scope: Scope) throws
    -> ExceptHandler?
  {
    let type = error.exception?.type ?? .exception
    for handler in handlers {
      guard let expression = handler.type else { return handler }
      let value = try evaluate(expression, in: scope)
      let classes: [Value]
      if case .tuple(let items) = value { classes = items } else { classes = [value] }
      for item in classes {
        guard let caught = ExceptionType(builtin: item) else {
          throw Diagnostic(
            PythonException.type(
              "catching classes that do not inherit from BaseException is not allowed"),
            at: expression.span)
        }
        if type.isSubclass(of: caught) { return handler }
      }
    }
    return nil
  }

  /// Runs an `except` clause: the exception bound to its name (unbound again after it, as
  /// Python does), and available to a bare `raise`.
  private func run(_ handler: ExceptHandler, for error: Diagnostic, in scope: Scope) throws {
    let instance = error.exception?.instance.flatMap { raisedInstances[$0] }
    if let name = handler.name {
      try assign(.object(instance ?? ExceptionObject(caught: error)), toName: name, in: scope)
    }
    handledErrors.append(error)
    defer {
      handledErrors.removeLast()
      if let name = handler.name { scope.variables[name] = nil }
    }
    try execute(handler.body, in: scope)
  }

  /// `raise`, `raise ValueError`, `raise ValueError('bad')`: the error to throw.
  func raised(_ expression: Expression?, at span: SourceSpan, in scope: Scope) throws -> Diagnostic
  {
    guard let expression else {
      if let current = handledErrors.last { return current }
      return Diagnostic(PythonException.runtime("No active exception to reraise"), at: span)
    }
    let value = try evaluate(expression, in: scope)
    if case .object(let object as ExceptionObject) = value {
      var exception = PythonException(object.type, object.message)
      // The instance is kept for the `except` that catches it; a new raise replaces the table
      // (one raised instance is alive at a time per handler depth).
      exception.instance = handledErrors.count
      raisedInstances[handledErrors.count] = object
      return Diagnostic(exception, at: span)
    }
    if let type = ExceptionType(builtin: value) {
      return Diagnostic(PythonException(type, ""), at: span)
    }
    return Diagnostic(
      PythonException.type("exceptions must derive from BaseException"), at: expression.span)
  }

  /// A `while` loop: the condition checked before each pass, `break` and `continue` as in `for`,
  /// the `else:` block when the condition turns false. The watchdog sees every statement, so a
  /// loop that never ends stops at the cell's time limit.
  func executeWhile(
    condition: Expression, body: [Statement], orElse: [Statement], in scope: Scope
  ) throws {
    while true {
      let test = try evaluate(condition, in: scope)
      guard try at(condition.span, { try truthy(test) }) else { break }
      guard try runLoopBody(body, in: scope) else { return }
    }
    try execute(orElse, in: scope)
  }
}

extension BuiltinTable {
  /// Python's exception classes: calling one makes an instance (`ValueError('bad')`).
  static var exceptionClasses: [BuiltinFunction] {
    ExceptionType.allCases.map { type in
      .function("builtins." + type.name, .variadic("args")) { interpreter, args in
        let message: String
        switch args.count {
        case 0: message = ""
        // str(KeyError('k')) is "'k'": a key error shows its key as repr.
        case 1: message = type == .keyError ? interpreter.repr(args[0]) : interpreter.str(args[0])
        default: message = interpreter.repr(.tuple(args))
        }
        return .object(ExceptionObject(type, args: args, message: message))
      }
    }
  }
}
