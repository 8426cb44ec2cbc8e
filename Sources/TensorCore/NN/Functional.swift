/// The namespace for neural-network ops, like PyTorch's `torch.nn.functional`, and what they share:
/// the loss `Reduction` and the argument checks every op starts with.

/// Neural-network ops on tensors (`torch.nn.functional`): convolution, pooling, activations,
/// linear layers, softmax, losses and dropout. Every op checks its arguments with PyTorch's errors,
/// computes its result with a forward kernel, and records a backward kernel for autograd.
public enum Functional {}

/// How a loss combines the per-sample losses (`reduction=` in PyTorch).
public enum Reduction: Sendable {
  /// One loss per sample, shape `(N)`.
  case none
  /// The (weighted) mean over the samples that count; a 0-d tensor.
  case mean
  /// The sum over the samples; a 0-d tensor.
  case sum
}

extension Functional {
  /// Throws PyTorch's "not implemented" error unless `tensor` holds float32 elements.
  ///
  /// - Parameter kernel: PyTorch's kernel name in the message, e.g. `max_pool2d`.
  static func requireFloat(_ tensor: Tensor, _ kernel: String) throws {
    guard tensor.dtype == .float32 else {
      throw TensorError.unsupportedDType(kernel: kernel, dtype: tensor.dtype)
    }
  }
}
