/// The Python exception class PyTorch raises for each `TensorError` case: `IndexError` for indices
/// and dimensions out of range (PyTorch's `TORCH_CHECK_INDEX`), `ValueError` where PyTorch or Python
/// checks a value (slice steps, dropout probabilities, loss batch sizes), `RuntimeError` otherwise.

extension TensorError {
  /// The Python exception class of this error.
  public var category: Category {
    switch self {
    case .dimensionOutOfRange, .indexOutOfBounds: .index
    case .invalidIndex(let problem): problem.category
    case .reduction(.emptyDim): .index
    case .invalidArgument(.dropoutProbability): .value
    case .loss(.targetOutOfBounds): .index
    case .loss(.batchSizeMismatch): .value
    case .normalization(.singleValuePerChannel), .normalization(.inputRank): .value
    case .memory: .memory
    case .broadcastMismatch, .matmul, .linear, .invalidShape, .allocationTooLarge,
      .unsupportedDType,
      .unsupportedOperation, .reduction, .invalidArgument, .autograd, .convolution, .pooling, .loss,
      .normalization:
      .runtime
    }
  }
}

extension TensorError.IndexProblem {
  /// PyTorch's `IndexError` for subscripts that do not fit, Python's `ValueError` for slice steps,
  /// and `RuntimeError` for an assigned value of the wrong shape.
  var category: TensorError.Category {
    switch self {
    case .tooManyIndices, .multipleEllipses, .indexDType, .maskShape, .indicesDoNotBroadcast: .index
    case .zeroStep, .negativeStep: .value
    case .valueDoesNotBroadcast: .runtime
    }
  }
}
