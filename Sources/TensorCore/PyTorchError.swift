/// An error of the layers below the lesson language (tensor core, layers, optimizers, datasets),
/// reported as PyTorch reports it: `message` in PyTorch's words, `notes` that explain it in plain
/// words, and `category`, the Python exception class PyTorch raises. The lesson language turns
/// any of them into a Python exception through these three, without knowing the concrete type.
public protocol PyTorchError: Error, CustomStringConvertible, Sendable {
  /// The message after the exception class, e.g. `size mismatch, m1: [64 x 320], m2: [100 x 10]`.
  var message: String { get }
  /// Explanations and hints, one per line.
  var notes: [String] { get }
  /// The Python exception class PyTorch raises.
  var category: TensorError.Category { get }
}

extension TensorError: PyTorchError {}
