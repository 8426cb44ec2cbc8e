/// Batch normalisation (`F.batch_norm`): each channel shifted to zero mean and scaled to unit
/// variance, then by a learned `weight` and `bias`.

extension Functional {
  /// Normalises `input` per channel (dimension 1), as `torch.nn.functional.batch_norm`:
  /// `y = (x - mean) / sqrt(var + eps) * weight + bias`.
  ///
  /// Shapes: `input (N, C, *)`, `runningMean`, `runningVar`, `weight`, `bias` `(C)` -> `(N, C, *)`.
  /// When `training` is true (or there are no running statistics) the batch's mean and biased
  /// variance are used, and the running statistics, when given, are updated in place (outside
  /// autograd) as `running = (1 - momentum) * running + momentum * batch`, with the unbiased
  /// variance, as PyTorch does. Otherwise the running statistics are used. Throws PyTorch's errors
  /// for statistics or parameters of the wrong size, a missing running mean in evaluation mode, and
  /// a batch with one value per channel while training. The result's grad_fn is
  /// `NativeBatchNormBackward0`.
  public static func batchNorm(
    _ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor? = nil,
    bias: Tensor? = nil, training: Bool = false, momentum: Double = 0.1, eps: Double = 1e-5
  ) throws -> Tensor {
    let layout = try checkBatchNorm(
      input, runningMean: runningMean, runningVar: runningVar, weight: weight, bias: bias,
      training: training)
    _ = try checkedAllocation(input.shape, dtype: .float32, what: "batch_norm")
    let statistics: (mean: [Float], invStd: [Float])
    if training {
      let batch = batchStatistics(input.floats, layout)
      statistics = (batch.mean, batch.variance.map { Float(1 / (Double($0) + eps).squareRoot()) })
      updateRunningStatistics(
        runningMean, runningVar, batch: batch, count: layout.count, momentum: momentum)
    } else if let runningMean, let runningVar {
      statistics = (
        runningMean.floats, runningVar.floats.map { Float(1 / (Double($0) + eps).squareRoot()) }
      )
    } else {
      throw TensorError.normalization(.missingRunningMean)
    }
    return batchNormResult(
      input, layout, statistics, weight: weight, bias: bias, batchStatistics: training)
  }

  /// The sizes of `(N, C, S)`: the batch, the channels and the elements per channel and image.
  struct BatchNormLayout {
    let batch: Int
    let channels: Int
    let planeSize: Int
    /// The values per channel, `N * S`.
    var count: Int { batch * planeSize }
  }

  /// Throws PyTorch's errors for `batch_norm`'s arguments and returns the input's layout.
  static func checkBatchNorm(
    _ input: Tensor, runningMean: Tensor?, runningVar: Tensor?, weight: Tensor?, bias: Tensor?,
    training: Bool
  ) throws -> BatchNormLayout {
    try requireFloat(input, "batch_norm")
    guard input.rank >= 2 else { throw TensorError.dimensionOutOfRange(dim: 1, rank: input.rank) }
    let channels = input.shape[1]
    let layout = BatchNormLayout(
      batch: input.shape[0], channels: channels,
      planeSize: elementCount(Array(input.shape.dropFirst(2))))
    if training && layout.count == 1 {
      throw TensorError.normalization(.singleValuePerChannel(shape: input.shape))
    }
    let named = [
      ("running_mean", runningMean), ("running_var", runningVar), ("weight", weight),
      ("bias", bias),
    ]
    for case (let name, let tensor?) in named {
      try requireFloat(tensor, "batch_norm")
      guard tensor.count == channels else {
        throw TensorError.normalization(
          .parameterSize(name: name, expected: channels, got: tensor.count))
      }
    }
    return layout
  }

  /// Each channel's mean and biased variance over the batch and the plane, in Double.
  static func batchStatistics(_ x: [Float], _ layout: BatchNormLayout) -> (
    mean: [Float], variance: [Float]
  ) {
    let (n, c, s) = (layout.batch, layout.channels, layout.planeSize)
    var mean = [Float](repeating: 0, count: c)
    var variance = [Float](repeating: 0, count: c)
    let count = Double(max(layout.count, 1))
    for ch in 0..<c {
      var sum = 0.0
      for b in 0..<n {
        let base = (b * c + ch) * s
        for i in base..<base + s { sum += Double(x[i]) }
      }
      let m = sum / count
      var squares = 0.0
      for b in 0..<n {
        let base = (b * c + ch) * s
        for i in base..<base + s { squares += (Double(x[i]) - m) * (Double(x[i]) - m) }
      }
      mean[ch] = Float(m)
      variance[ch] = Float(squares / count)
    }
    return (mean, variance)
  }

  /// `running = (1 - momentum) * running + momentum * batch`, the variance unbiased
  /// (`* count / (count - 1)`), written in place and not recorded.
  private static func updateRunningStatistics(
    _ runningMean: Tensor?, _ runningVar: Tensor?, batch: (mean: [Float], variance: [Float]),
    count: Int, momentum: Double
  ) {
    let unbias = count > 1 ? Double(count) / Double(count - 1) : 1
    runningMean?.updateFloats { values in
      for i in values.indices {
        values[i] = Float((1 - momentum) * Double(values[i]) + momentum * Double(batch.mean[i]))
      }
    }
    runningVar?.updateFloats { values in
      for i in values.indices {
        values[i] = Float(
          (1 - momentum) * Double(values[i]) + momentum * Double(batch.variance[i]) * unbias)
      }
    }
  }

  /// The normalised output and its backward node. With batch statistics the mean and variance
  /// depend on the input, so its gradient is
  /// `dx = invStd / m * (m * g - sum(g) - xhat * sum(g * xhat))`, `g = dy * weight`;
  /// with running statistics `dx = g * invStd`. In both, `dweight = sum(dy * xhat)`,
  /// `dbias = sum(dy)` per channel.
  private static func batchNormResult(
    _ input: Tensor, _ layout: BatchNormLayout, _ statistics: (mean: [Float], invStd: [Float]),
    weight: Tensor?, bias: Tensor?, batchStatistics: Bool
  ) -> Tensor {
    let (n, c, s) = (layout.batch, layout.channels, layout.planeSize)
    let x = input.floats
    let w = weight?.floats ?? [Float](repeating: 1, count: c)
    let b = bias?.floats ?? [Float](repeating: 0, count: c)
    var xhat = x
    var y = x
    for image in 0..<n {
      for ch in 0..<c {
        let base = (image * c + ch) * s
        for i in base..<base + s {
          xhat[i] = (x[i] - statistics.mean[ch]) * statistics.invStd[ch]
          y[i] = xhat[i] * w[ch] + b[ch]
        }
      }
    }
    let needs = (input.requiresGrad, weight?.requiresGrad ?? false, bias?.requiresGrad ?? false)
    let inputs = [input] + [weight, bias].compactMap { $0 }
    return Tensor.result(
      shape: input.shape, floats: y, name: "NativeBatchNormBackward0", inputs: inputs
    ) { dy in
      var dx = needs.0 ? [Float](repeating: 0, count: dy.count) : nil
      var dw = [Float](repeating: 0, count: c)
      var db = [Float](repeating: 0, count: c)
      let m = Float(layout.count)
      for ch in 0..<c {
        var sumDy: Float = 0
        var sumDyXhat: Float = 0
        for image in 0..<n {
          let base = (image * c + ch) * s
          for i in base..<base + s {
            sumDy += dy[i]
            sumDyXhat += dy[i] * xhat[i]
          }
        }
        dw[ch] = sumDyXhat
        db[ch] = sumDy
        guard dx != nil else { continue }
        let scale = w[ch] * statistics.invStd[ch]
        for image in 0..<n {
          let base = (image * c + ch) * s
          for i in base..<base + s {
            dx?[i] =
              batchStatistics
              ? scale / m * (m * dy[i] - sumDy - xhat[i] * sumDyXhat) : scale * dy[i]
          }
        }
      }
      var gradients: [[Float]?] = [dx]
      if weight != nil { gradients.append(needs.1 ? dw : nil) }
      if bias != nil { gradients.append(needs.2 ? db : nil) }
      return gradients
    }
  }
}
