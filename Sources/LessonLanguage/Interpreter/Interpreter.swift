import Figures

/// Runs lesson programs: a tree-walking interpreter over the syntax tree, with one scope of
/// globals shared by all the cells of a lesson (like a notebook kernel).
///
/// Output goes through `output` as it is printed; warnings (PyTorch's deprecation notes for the
/// 0.3-era idioms a lecture uses) go through `warning`, each shown once per run.
public final class Interpreter {
  /// The generator behind `torch.rand*`, initialisation, dropout and shuffling (`torch.manual_seed`).
  public let generator: Generator
  /// Where `print` writes.
  public var output: (String) -> Void
  /// Where one-line warnings go (not part of the checked output).
  public var warning: (String) -> Void
  /// The machine as lesson code sees it: folders, datasets, downloads, seed, clock.
  public var environment: LessonEnvironment
  /// The functions, classes and constants lesson code can reach by name.
  public let builtins: BuiltinRegistry
  /// Where a figure goes when it is shown: `plt.show()`, and the end of a cell that drew
  /// without showing (as Jupyter's inline backend shows it). Never text: the checked output
  /// stays what `print` wrote.
  public var figureOutput: (Figure) -> Void = { _ in }
  /// pyplot's open figures and the current one (see `PyplotState`).
  var pyplot = PyplotState()
  /// Called after each batch a data loader delivers (nil: no progress reporting).
  public var progress: ((LoaderProgress) -> Void)?
  var loaderPasses: [ObjectIdentifier: Int] = [:]
  var lastLoss: Double?
  let globals = Scope(parent: nil)
  private var warned: Set<String> = []
  /// The errors being handled by the `except` clauses running now, innermost last (what a bare
  /// `raise` raises again).
  var handledErrors: [Diagnostic] = []
  /// The exception instances lesson code raised, by the handler depth they were raised at, for
  /// the `except` that catches them.
  var raisedInstances: [Int: ExceptionObject] = [:]
  /// Lesson function calls in progress, innermost last (for `super()` and the recursion limit).
  var frames: [(function: Function, scope: Scope)] = []
  /// The span of the innermost call being evaluated (where Swift-side calls into lesson code report).
  var currentSpan: SourceSpan?
  /// The last image batch flattened into rows (see `Interpreter+Explanations.swift`).
  var lastFlatten: FlattenRecord?
  /// Stops runaway recursion before the Swift stack overflows (set up by each `run`).
  var stackGuard = StackGuard()
  /// Ends a run past its time limit or on Ctrl-C (set up by each `run`).
  var watchdog = Watchdog()
  /// The budget the lesson's values are counted against, made once from
  /// `environment.memoryLimit` (nil: none, or the one already in force around `run`).
  public let memoryBudget: MemoryBudget?
  /// The most lesson function calls in progress at once. Python allows 1000, but a lesson call
  /// takes about 40 KiB of Swift stack in a debug build, so 100 calls fit the main thread's 8 MiB
  /// with room to spare; `stackGuard` covers smaller stacks and deeply nested expressions.
  static let maximumCallDepth = 100

  public init(
    environment: LessonEnvironment, builtins: BuiltinRegistry = .standard,
    output: @escaping (String) -> Void = { print($0, terminator: "") },
    warning: @escaping (String) -> Void = { _ in }
  ) {
    self.environment = environment
    self.memoryBudget = environment.memoryLimit.map { MemoryBudget(limit: $0) }
    self.builtins = builtins
    self.generator = Generator(seed: environment.seed)
    self.output = output
    self.warning = warning
    // Scripts and lesson cells run as the main module (`if __name__ == '__main__':`).
    globals.variables["__name__"] = .string("__main__")
  }

  /// An interpreter for tests and tools: the current folder, no datasets beyond a lesson's `root`,
  /// no downloads.
  public convenience init(
    seed: UInt64 = 0, output: @escaping (String) -> Void = { print($0, terminator: "") },
    warning: @escaping (String) -> Void = { _ in }
  ) {
    self.init(environment: LessonEnvironment(seed: seed), output: output, warning: warning)
  }

  /// Parses and runs one cell or script. With `displayLastExpression`, a final bare expression
  /// that is not None is printed as its repr, as a notebook cell shows it.
  public func run(
    _ source: String, file: SourceFile, firstLine: Int = 1, displayLastExpression: Bool = false
  ) throws(Diagnostic) {
    let statements: [Statement]
    do {
      statements = try Parser.parse(source, file: file, firstLine: firstLine)
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch {
      throw Diagnostic("\(error)", at: nil)
    }
    stackGuard = StackGuard()
    // A notebook cell displays its last expression; a script does not.
    watchdog = Watchdog(
      environment: environment, unit: displayLastExpression ? "the cell" : "the script")
    // Figures drawn and not shown are shown at the end of the cell, even one that failed.
    defer { showFigures() }
    do {
      try MemoryBudget.$current.withValue(memoryBudget ?? MemoryBudget.current) {
        try runStatements(statements, displayLastExpression: displayLastExpression)
      }
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch {
      throw Diagnostic("\(error)", at: nil)
    }
  }

  /// Runs parsed statements in the globals (see `run`).
  private func runStatements(_ statements: [Statement], displayLastExpression: Bool) throws {
    var body = statements
    var last: (statement: Statement, expression: Expression)?
    if displayLastExpression, let statement = statements.last,
      case .expression(let expression) = statement.kind
    {
      last = (statement, expression)
      body.removeLast()
    }
    _ = try execute(body, in: globals)
    if let last {
      // The watchdog sees the displayed expression too, as it sees every statement.
      try at(last.statement.span) { try watchdog.check() }
      let value = try evaluate(last.expression, in: globals)
      if case .none = value {} else { output(repr(value) + "\n") }
    }
  }

  /// Emits a warning once per interpreter (the key is the message).
  func warnOnce(_ message: String, at span: SourceSpan) {
    guard warned.insert(message).inserted else { return }
    warning("\(span): warning: \(message)")
  }

  /// Wraps an error thrown while evaluating the node at `span` into a located `Diagnostic`.
  func located(_ error: Error, at span: SourceSpan) -> Error {
    switch error {
    case let diagnostic as Diagnostic: diagnostic
    case is ControlFlowSignal: error
    default: Diagnostic(PythonException(raisedBy: error), at: span)
    }
  }

  /// Runs `body`, locating any error it throws at `span`.
  func at<R>(_ span: SourceSpan, _ body: () throws -> R) throws -> R {
    do {
      return try body()
    } catch {
      throw located(error, at: span)
    }
  }
}

/// A scope of variables: a function call's locals, or the globals (whose parent is nil).
final class Scope {
  var variables: [String: Value] = [:]
  let parent: Scope?
  /// Names declared `global` in this function scope.
  var globalNames: Set<String> = []

  init(parent: Scope?) { self.parent = parent }

  func lookup(_ name: String) -> Value? {
    if let value = variables[name] { return value }
    return parent?.lookup(name)
  }

  /// The outermost scope (the module globals).
  var root: Scope { parent?.root ?? self }
}

/// `break`, `continue` and `return` travel as thrown signals out of nested blocks.
indirect enum ControlFlowSignal: Error {
  case breakLoop
  case continueLoop
  case returnValue(Value)
}
