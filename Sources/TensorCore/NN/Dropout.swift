/// Dropout (`F.dropout`, `F.dropout2d`): random zeroing with rescaling, drawn from a given generator.

extension Functional {
  /// Zeroes each element with probability `p` and scales the rest by `1 / (1 - p)`, as
  /// `torch.nn.functional.dropout`, so the expected value is unchanged.
  ///
  /// Shapes: any -> the same. When `training` is false, or `p == 0`, returns `input` itself.
  /// `p == 1` zeroes everything. The mask comes from `generator`, so a seeded generator repeats it.
  /// The result's grad_fn is `MulBackward0` (input times the scaled mask).
  public static func dropout(
    _ input: Tensor, p: Double = 0.5, training: Bool = true, generator: Generator
  ) throws -> Tensor {
    try checkDropoutProbability(p)
    if !training || p == 0 || input.count == 0 { return input }
    return try applyDropoutMask(input, p: p, groups: input.count, generator: generator)
  }

  /// Zeroes whole channels with probability `p` and scales the rest by `1 / (1 - p)`, as
  /// `torch.nn.functional.dropout2d`.
  ///
  /// Shapes: `(N, C, H, W)` (one draw per image and channel) or 3-D `(N, C, L)` (one draw per
  /// `(n, c)` row, as current PyTorch reads a 3-D input) -> the same.
  /// The result's grad_fn is `MulBackward0`.
  public static func dropout2d(
    _ input: Tensor, p: Double = 0.5, training: Bool = true, generator: Generator
  ) throws -> Tensor {
    try checkDropoutProbability(p)
    guard input.rank == 3 || input.rank == 4 else {
      throw TensorError.invalidArgument(.dropout2dRank(shape: input.shape))
    }
    if !training || p == 0 || input.count == 0 { return input }
    return try applyDropoutMask(
      input, p: p, groups: input.shape[0] * input.shape[1], generator: generator)
  }

  /// Throws PyTorch's `ValueError` unless the dropout probability `p` lies in `[0, 1]` (what
  /// `F.dropout` and `nn.Dropout` check).
  public static func checkDropoutProbability(_ p: Double) throws {
    guard p >= 0 && p <= 1 else {
      throw TensorError.invalidArgument(.dropoutProbability(p))
    }
  }

  /// `out = input * mask`, where the mask is 0 or `1 / (1 - p)` per run of `count / groups`
  /// consecutive elements (one draw per element for `dropout`, per channel for `dropout2d`).
  static func applyDropoutMask(_ input: Tensor, p: Double, groups: Int, generator: Generator) throws
    -> Tensor
  {
    try requireFloat(input, "bernoulli_")
    let scale = p == 1 ? 0 : Float(1 / (1 - p))
    let keep = (0..<groups).map { _ in Double(generator.nextUniform()) >= p }
    let run = input.count / groups
    var mask = [Float](repeating: 0, count: input.count)
    for g in 0..<groups where keep[g] {
      for i in g * run..<(g + 1) * run { mask[i] = scale }
    }
    let x = input.floats
    var output = x
    for i in 0..<output.count { output[i] *= mask[i] }
    return Tensor.result(shape: input.shape, floats: output, name: "MulBackward0", inputs: [input])
    {
      dy in
      var dx = dy
      for i in 0..<dx.count { dx[i] *= mask[i] }
      return [dx]
    }
  }

}
