/// An error raised by a tensor operation: a shape that does not fit, an index out of range, an
/// argument PyTorch would reject. The message follows PyTorch's wording where a lesson checks it;
/// `notes` explain the cause in plain words (the lesson runner prints them as `note:` lines).
public struct TensorError: Error, Equatable, CustomStringConvertible, Sendable {
  /// The main message, e.g. `size mismatch, m1: [64 x 320], m2: [100 x 10]`.
  public var message: String
  /// Explanations and hints, one per line.
  public var notes: [String]

  public init(_ message: String, notes: [String] = []) {
    self.message = message
    self.notes = notes
  }

  public var description: String { message }
}
