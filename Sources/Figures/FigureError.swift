/// An error from building a figure, with matplotlib's wording and Python exception class.
///
/// `message` is the text matplotlib (or NumPy) would give; `note` says what to do instead.
public struct FigureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The Python exception class the lesson language raises for this error.
  public enum Kind: String, Equatable, Sendable {
    case valueError = "ValueError"
    case typeError = "TypeError"
    case runtimeError = "RuntimeError"
  }

  /// The Python exception class.
  public var kind: Kind
  /// The error text, as matplotlib words it.
  public var message: String
  /// A hint saying what to do, or nil.
  public var note: String?

  /// Makes an error of `kind` with `message` and an optional `note`.
  public init(_ kind: Kind = .valueError, _ message: String, note: String? = nil) {
    self.kind = kind
    self.message = message
    self.note = note
  }

  /// `ValueError: message`.
  public var description: String { "\(kind.rawValue): \(message)" }
}

/// Python's spelling of a shape: `(3,)`, `(28, 28)`.
func pythonTuple(_ values: [Int]) -> String {
  values.count == 1
    ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
}
