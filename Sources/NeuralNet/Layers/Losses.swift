/// A loss module: called with `(input, target)` rather than one input.
public class LossModule: Module {
  public let reduction: Reduction

  public init(reduction: Reduction = .mean) {
    self.reduction = reduction
  }

  /// The loss of `input` against `target`.
  public func loss(_ input: Tensor, target: Tensor) throws -> Tensor {
    throw TensorError("\(typeName) does not define a loss")
  }

  public override func forward(_ input: Tensor) throws -> Tensor {
    throw TensorError("\(typeName) takes an input and a target: criterion(output, target)")
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
