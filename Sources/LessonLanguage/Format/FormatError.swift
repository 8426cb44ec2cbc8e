/// An error from Python's formatting builtins (`format`, `str.format`, f-strings, `round`), with the
/// Python exception it stands for and Python's message.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The Python exception class the error maps to.
  public enum Kind: String, Sendable {
    /// A bad spec or template.
    case valueError = "ValueError"
    /// A positional field past the arguments given.
    case indexError = "IndexError"
    /// A keyword field with no such argument.
    case keyError = "KeyError"
    /// A number too large for the conversion asked.
    case overflowError = "OverflowError"
  }

  /// Which Python exception this is.
  public var kind: Kind
  /// Python's message, e.g. `Unknown format code 'd' for object of type 'float'`.
  public var message: String

  /// An error of `kind` with Python's `message`.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// A `ValueError` with Python's `message`.
  public static func value(_ message: String) -> FormatError {
    FormatError(.valueError, message)
  }

  /// `ValueError: message`, as Python's traceback ends.
  public var description: String { "\(kind.rawValue): \(message)" }
}

extension PythonException {
  /// The Python exception a formatting error stands for.
  init(_ error: FormatError) {
    let type: ExceptionType =
      switch error.kind {
      case .valueError: .valueError
      case .indexError: .indexError
      case .keyError: .keyError
      case .overflowError: .overflowError
      }
    self.init(type, error.message)
  }
}
