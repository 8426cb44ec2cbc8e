/// An error from Python's formatting builtins (`format`, `str.format`, f-strings, `round`), with the
/// Python exception it stands for and Python's message.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The Python exception class the error maps to.
  public enum Kind: String, Sendable {
    case valueError = "ValueError"
    case indexError = "IndexError"
    case keyError = "KeyError"
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
