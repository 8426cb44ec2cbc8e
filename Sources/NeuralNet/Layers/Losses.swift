/// A loss module: called with `(input, target)` rather than one input.
public class LossModule: Module {
  public let reduction: Reduction

  public init(reduction: Reduction = .mean) {
    self.reduction = reduction
  }

  /// The loss of `input` against `target`.
  public func loss(_ input: Tensor, target: Tensor) throws -> Tensor {
    throw NeuralNetError.lossNotDefined(module: typeName)
  }

  /// A loss needs a target: calling it with one tensor is an error.
  public override func forward(_ input: Tensor) throws -> Tensor {
    throw NeuralNetError.lossNeedsTarget(module: typeName)
  }

  /// `criterion(output, target)`: the loss of `input` against `target`.
  public func callAsFunction(_ input: Tensor, _ target: Tensor) throws -> Tensor {
    try loss(input, target: target)
  }
}

/// `nn.NLLLoss()`: negative log-likelihood of log-probabilities `(N, C)` for int64 targets `(N)`.
public final class NLLLoss: LossModule {
  public override func loss(_ input: Tensor, target: Tensor) throws -> Tensor {
    try Functional.nllLoss(input, target: target, reduction: reduction)
  }
}

/// `nn.CrossEntropyLoss()`: `log_softmax` then `nll_loss`, on raw scores `(N, C)`.
public final class CrossEntropyLoss: LossModule {
  public override func loss(_ input: Tensor, target: Tensor) throws -> Tensor {
    try Functional.crossEntropy(input, target: target, reduction: reduction)
  }
}

/// `nn.MSELoss()`: the mean squared error of `input` against a `target` of the same shape.
public final class MSELoss: LossModule {
  public override func loss(_ input: Tensor, target: Tensor) throws -> Tensor {
    try Functional.mseLoss(input, target: target, reduction: reduction)
  }
}
