/// Python's built-in exception classes, as lesson code raises and (later) catches them.
///
/// The tensor core, the layers and the datasets report errors as their own typed cases; the
/// interpreter turns each into one of these, with PyTorch's wording, at the expression that raised
/// it. `isSubclass(of:)` follows Python's hierarchy, so `except RuntimeError` also catches a
/// `NotImplementedError`, as in Python.
public enum ExceptionType: String, Sendable, CaseIterable {
  case baseException = "BaseException"
  case keyboardInterrupt = "KeyboardInterrupt"
  case systemExit = "SystemExit"
  case exception = "Exception"
  case arithmeticError = "ArithmeticError"
  case overflowError = "OverflowError"
  case zeroDivisionError = "ZeroDivisionError"
  case assertionError = "AssertionError"
  case attributeError = "AttributeError"
  case importError = "ImportError"
  case moduleNotFoundError = "ModuleNotFoundError"
  case lookupError = "LookupError"
  case indexError = "IndexError"
  case keyError = "KeyError"
  case memoryError = "MemoryError"
  case nameError = "NameError"
  case unboundLocalError = "UnboundLocalError"
  case osError = "OSError"
  case fileNotFoundError = "FileNotFoundError"
  case timeoutError = "TimeoutError"
  case runtimeError = "RuntimeError"
  case notImplementedError = "NotImplementedError"
  case recursionError = "RecursionError"
  case stopIteration = "StopIteration"
  case syntaxError = "SyntaxError"
  case typeError = "TypeError"
  case valueError = "ValueError"

  /// The class's name, as Python prints it (`RuntimeError`).
  public var name: String { rawValue }

  /// The direct base class (nil for `BaseException`).
  public var base: ExceptionType? {
    switch self {
    case .baseException: nil
    case .keyboardInterrupt, .systemExit, .exception: .baseException
    case .overflowError, .zeroDivisionError: .arithmeticError
    case .moduleNotFoundError: .importError
    case .indexError, .keyError: .lookupError
    case .unboundLocalError: .nameError
    case .fileNotFoundError, .timeoutError: .osError
    case .notImplementedError, .recursionError: .runtimeError
    default: .exception
    }
  }

  /// True when this class is `other` or derives from it.
  public func isSubclass(of other: ExceptionType) -> Bool {
    var current: ExceptionType? = self
    while let type = current {
      if type == other { return true }
      current = type.base
    }
    return false
  }

  /// The class named `name` (`"ValueError"`), if Python has it.
  public init?(name: String) {
    self.init(rawValue: name)
  }
}

/// An exception raised while lesson code runs: its Python class, its message (PyTorch's wording
/// where PyTorch raises it) and notes that say in plain words why, or what to do.
///
/// The interpreter turns it into a located `Diagnostic` at the expression that raised it, keeping
/// it as the diagnostic's `exception`.
public struct PythonException: Error, Sendable, CustomStringConvertible {
  /// The Python class (`TypeError`).
  public var type: ExceptionType
  /// The message after the class name.
  public var message: String
  /// Explanations and hints, one per line.
  public var notes: [String]
  /// Set when the exception means "cannot run here": something the code needs (a dataset) is not
  /// on this machine. Runners report such cells as skipped, not failed.
  public var requirement: Requirement?
  /// Set for the cell's time limit: no `except` catches it.
  public var endsTheCell = false
  /// For an exception instance the lesson raised (`raise ValueError('bad', 2)`), its key in the
  /// interpreter's table of raised instances, so `except ... as e` gets that very instance.
  public var instance: Int?
  /// For `SystemExit` (`sys.exit(2)`, argparse's errors): the exit status the script asked for,
  /// and what it wrote to stderr on the way out (argparse's usage and error).
  public var exitStatus: Int32?
  public var exitText: String?

  public init(
    _ type: ExceptionType, _ message: String, notes: [String] = [], requirement: Requirement? = nil
  ) {
    self.type = type
    self.message = message
    self.notes = notes
    self.requirement = requirement
  }

  /// `TypeError: message`, or just the class name when there is no message (`AssertionError`).
  public var description: String { message.isEmpty ? type.name : "\(type.name): \(message)" }

  public static func type(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.typeError, message, notes: notes)
  }

  public static func value(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.valueError, message, notes: notes)
  }

  public static func attribute(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.attributeError, message, notes: notes)
  }

  public static func index(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.indexError, message, notes: notes)
  }

  public static func key(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.keyError, message, notes: notes)
  }

  public static func runtime(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.runtimeError, message, notes: notes)
  }

  public static func overflow(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.overflowError, message, notes: notes)
  }

  /// An int result outside the 64 bits lesson ints have, where Python would make a bigger int.
  public static var integerOverflow: PythonException {
    PythonException(
      .overflowError, "integer result too large for a lesson (64-bit) int",
      notes: ["lesson ints are 64-bit (-2**63 to 2**63 - 1); Python would make a bigger int here"])
  }

  public static func zeroDivision(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.zeroDivisionError, message, notes: notes)
  }

  /// A feature of Python or PyTorch outside the lesson subset.
  public static func unsupported(_ message: String, notes: [String] = []) -> PythonException {
    PythonException(.notImplementedError, message, notes: notes)
  }
}
