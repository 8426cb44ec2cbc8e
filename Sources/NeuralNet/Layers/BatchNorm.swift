/// `nn.BatchNorm1d` / `nn.BatchNorm2d`: per-channel normalisation with a learned scale and shift,
/// batch statistics while training and running statistics in eval mode.
///
/// input `(N, C)` or `(N, C, L)` (1d), `(N, C, H, W)` (2d) -> the same shape; weight and bias
/// `(C)` (with `affine`), buffers `running_mean`, `running_var` `(C)` and `num_batches_tracked`
/// (int64, 0-d) with `track_running_stats`.
public class BatchNorm: Module {
  public let numFeatures: Int
  public let eps: Double
  /// The weight of a new batch in the running statistics; nil for a cumulative average
  /// (`1 / num_batches_tracked`).
  public let momentum: Double?
  public let affine: Bool
  public let trackRunningStats: Bool

  /// The per-channel scale `(C)`, initialised to ones; nil without `affine`.
  public private(set) var weight: Tensor?
  /// The per-channel shift `(C)`, initialised to zeros; nil without `affine` or with `bias=False`.
  public private(set) var bias: Tensor?

  /// Ones for the weight, zeros for the bias and running mean, ones for the running variance,
  /// as PyTorch's `reset_parameters`. Throws PyTorch's error for a negative `numFeatures`.
  public init(
    numFeatures: Int, eps: Double = 1e-5, momentum: Double? = 0.1, affine: Bool = true,
    trackRunningStats: Bool = true, bias: Bool = true
  ) throws {
    try Tensor.checkSizes([numFeatures])
    self.numFeatures = numFeatures
    self.eps = eps
    self.momentum = momentum
    self.affine = affine
    self.trackRunningStats = trackRunningStats
    self.weight = affine ? try Tensor.ones([numFeatures]) : nil
    self.bias = affine && bias ? try Tensor.zeros([numFeatures]) : nil
    super.init()
    if let weight { try registerParameter("weight", weight) }
    if let bias = self.bias { try registerParameter("bias", bias) }
    if trackRunningStats {
      registerBuffer("running_mean", try Tensor.zeros([numFeatures]))
      registerBuffer("running_var", try Tensor.ones([numFeatures]))
      registerBuffer("num_batches_tracked", Tensor(Int64(0)))
    }
  }

  /// Throws PyTorch's `ValueError` when the input's rank does not suit the layer.
  open func checkInputRank(_ input: Tensor) throws {}

  public override func forward(_ input: Tensor) throws -> Tensor {
    try checkInputRank(input)
    let runningMean = buffer(named: "running_mean")
    let runningVar = buffer(named: "running_var")
    let useBatchStatistics = training || runningMean == nil || runningVar == nil
    var factor = momentum ?? 0
    if training, trackRunningStats, let tracked = buffer(named: "num_batches_tracked"),
      tracked.dtype == .int64, tracked.count == 1
    {
      tracked.updateInts { $0[0] = $0[0] &+ 1 }
      if momentum == nil { factor = 1 / Double(tracked.ints[0]) }
    }
    return try Functional.batchNorm(
      input, runningMean: training && !trackRunningStats ? nil : runningMean,
      runningVar: training && !trackRunningStats ? nil : runningVar, weight: weight, bias: bias,
      training: useBatchStatistics, momentum: factor, eps: eps)
  }

  public override func parameterWillChange(_ name: String, to tensor: Tensor?) throws {
    switch name {
    case "weight": weight = tensor
    case "bias": bias = tensor
    default: break
    }
  }

  public override var extraDescription: String {
    "\(numFeatures), eps=\(eps), momentum=\(momentum.map { "\($0)" } ?? "None"), "
      + "affine=\(pythonBool(affine)), bias=\(pythonBool(bias != nil)), "
      + "track_running_stats=\(pythonBool(trackRunningStats))"
  }
}

/// `nn.BatchNorm1d`: batch normalisation of `(N, C)` features or `(N, C, L)` sequences.
public final class BatchNorm1d: BatchNorm {
  public override func checkInputRank(_ input: Tensor) throws {
    guard input.rank == 2 || input.rank == 3 else {
      throw TensorError.normalization(.inputRank(expected: "2D or 3D", rank: input.rank))
    }
  }
}

/// `nn.BatchNorm2d`: batch normalisation of `(N, C, H, W)` images, per channel.
public final class BatchNorm2d: BatchNorm {
  public override func checkInputRank(_ input: Tensor) throws {
    guard input.rank == 4 else {
      throw TensorError.normalization(.inputRank(expected: "4D", rank: input.rank))
    }
  }
}

/// Python's text for a bool: `True`, `False`.
func pythonBool(_ value: Bool) -> String { value ? "True" : "False" }
