/// An error loading, downloading, indexing or batching a dataset, tagged with the Python exception a
/// PyTorch user would see (`RuntimeError: Dataset not found. You can use download=True to download
/// it`). `notes` say in plain words where the program looked and what to do.
public struct DatasetError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The Python exception class the lesson language raises for this error.
  public enum Kind: String, Sendable {
    case runtimeError = "RuntimeError"
    case indexError = "IndexError"
    case typeError = "TypeError"
    case valueError = "ValueError"
  }

  /// Which Python exception this is.
  public var kind: Kind
  /// The main message, PyTorch's wording where PyTorch has one.
  public var message: String
  /// True when the data is not on this machine and could not be downloaded (not a mistake in the
  /// lesson: a runner may skip what needs it).
  public var isUnavailable = false
  /// Explanations and hints, one per line.
  public var notes: [String]

  /// An error with PyTorch's `message`, raised as `kind` (RuntimeError unless said otherwise).
  public init(_ message: String, kind: Kind = .runtimeError, notes: [String] = []) {
    self.kind = kind
    self.message = message
    self.notes = notes
  }

  /// The message alone (the lesson layer adds the exception name and notes).
  public var description: String { message }
}
