/// Classification losses (`F.nll_loss`, `F.cross_entropy`).

extension Functional {
  /// The negative log-likelihood loss, as `torch.nn.functional.nll_loss`:
  /// `loss_n = -input[n, target[n]]`, and 0 where `target[n] == ignoreIndex`;
  /// `.mean` divides the sum by the number of targets not ignored (NaN if there are none).
  ///
  /// Shapes: `input (N, C)` log-probabilities and `target (N)` int64 class indices in `0..<C`, or
  /// `input (C)` with a 0-d `target` -> a 0-d loss (`.mean`, `.sum`) or `(N)` (`.none`).
  /// The result's grad_fn is `NllLossBackward0`.
  public static func nllLoss(
    _ input: Tensor, target: Tensor, reduction: Reduction = .mean, ignoreIndex: Int = -100
  ) throws -> Tensor {
    let (rows, classes) = try checkNllShapes(input, target)
    let targets = target.ints.map { Int($0) }
    for t in targets where t != ignoreIndex && !(0..<classes).contains(t) {
      throw TensorError.loss(.targetOutOfBounds(target: t, classes: classes))
    }
    let x = input.floats
    let counted = targets.filter { $0 != ignoreIndex }.count
    var losses = [Float](repeating: 0, count: rows)
    for (n, t) in targets.enumerated() where t != ignoreIndex { losses[n] = -x[n * classes + t] }
    let (shape, values): ([Int], [Float])
    switch reduction {
    case .none: (shape, values) = (input.rank == 2 ? [rows] : [], losses)
    case .sum: (shape, values) = ([], [losses.reduce(0, +)])
    case .mean: (shape, values) = ([], [losses.reduce(0, +) / Float(counted)])
    }
    return Tensor.result(shape: shape, floats: values, name: "NllLossBackward0", inputs: [input]) {
      dy in
      // d loss_n / d input[n, target[n]] = -1, scaled by the reduction.
      var dx = [Float](repeating: 0, count: x.count)
      for (n, t) in targets.enumerated() where t != ignoreIndex {
        switch reduction {
        case .none: dx[n * classes + t] = -dy[n]
        case .sum: dx[n * classes + t] = -dy[0]
        case .mean: dx[n * classes + t] = -dy[0] / Float(counted)
        }
      }
      return [dx]
    }
  }

  /// The cross-entropy loss of unnormalised scores, as `torch.nn.functional.cross_entropy`:
  /// `nllLoss(logSoftmax(input, dim: class dimension), target)`, i.e.
  /// `loss_n = -x[n, t_n] + log(sum_c exp(x[n, c]))`.
  ///
  /// Shapes and arguments as `nllLoss`; the class dimension is 1 (0 for an unbatched `(C)` input).
  /// The result's grad_fn is `NllLossBackward0`, fed by a `LogSoftmaxBackward0`.
  public static func crossEntropy(
    _ input: Tensor, target: Tensor, reduction: Reduction = .mean, ignoreIndex: Int = -100
  ) throws -> Tensor {
    _ = try checkNllShapes(input, target)
    let logProbabilities = try logSoftmax(input, dim: input.rank == 1 ? 0 : 1)
    return try nllLoss(
      logProbabilities, target: target, reduction: reduction, ignoreIndex: ignoreIndex)
  }

  /// Checks ranks, batch sizes and dtypes of `nll_loss`; returns (N, C).
  static func checkNllShapes(_ input: Tensor, _ target: Tensor) throws -> (rows: Int, classes: Int)
  {
    guard input.rank == 1 || input.rank == 2 else {
      throw TensorError.loss(.inputRank(input: input.shape))
    }
    guard target.rank <= 1 else {
      throw TensorError.loss(.targetRank(target: target.shape))
    }
    // An unbatched (C) input takes a 0-d target; otherwise the first dimensions must agree.
    let inputRows = input.shape[0]
    let targetRows = target.rank == 1 ? target.shape[0] : 1
    guard (input.rank == 1 && target.rank == 0) || (input.rank == 2 && inputRows == targetRows)
    else {
      throw TensorError.loss(.batchSizeMismatch(input: inputRows, target: targetRows))
    }
    let rows = input.rank == 2 ? inputRows : 1
    guard target.dtype == .int64 else {
      throw TensorError.loss(.targetDType(target.dtype))
    }
    try requireFloat(input, "nll_loss_forward_out_frame")
    return (rows, input.shape[input.rank - 1])
  }
}
