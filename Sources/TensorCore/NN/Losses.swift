/// Losses: classification (`F.nll_loss`, `F.cross_entropy`) and regression (`F.mse_loss`).

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

// MARK: - Regression

extension Functional {
  /// The mean squared error, as `torch.nn.functional.mse_loss`: `(input - target)^2` element-wise,
  /// then averaged (`.mean`), summed (`.sum`) or kept (`.none`).
  ///
  /// Shapes: `input` and `target` broadcast together (PyTorch warns when they differ) -> a 0-d
  /// loss, or the broadcast shape with `.none`. The result's grad_fn is `MseLossBackward0`;
  /// gradients reach both tensors (`d/d input = 2 (input - target)`, its negative for the target).
  public static func mseLoss(_ input: Tensor, target: Tensor, reduction: Reduction = .mean) throws
    -> Tensor
  {
    try requireFloat(input, "mse_loss")
    try requireFloat(target, "mse_loss")
    let shape = try broadcastShapes(input.shape, target.shape)
    let a = input.shape == shape ? input : try input.expand(shape)
    let b = target.shape == shape ? target : try target.expand(shape)
    let difference = zip(a.floats, b.floats).map { $0 - $1 }
    let squares = difference.map { $0 * $0 }
    let count = Float(squares.count)
    let (outputShape, values): ([Int], [Float])
    switch reduction {
    case .none: (outputShape, values) = (shape, squares)
    case .sum: (outputShape, values) = ([], [squares.reduce(0, +)])
    case .mean: (outputShape, values) = ([], [squares.reduce(0, +) / count])
    }
    return Tensor.result(
      shape: outputShape, floats: values, name: "MseLossBackward0", inputs: [a, b]
    ) { dy in
      var da = difference
      for i in da.indices {
        let upstream =
          switch reduction {
          case .none: dy[i]
          case .sum: dy[0]
          case .mean: dy[0] / count
          }
        da[i] = 2 * difference[i] * upstream
      }
      return [da, da.map { -$0 }]
    }
  }
}
