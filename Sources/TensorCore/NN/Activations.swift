/// Elementwise activations (`F.relu`).

extension Functional {
  /// The rectified linear unit, as `torch.nn.functional.relu`: `out = max(input, 0)`, elementwise.
  ///
  /// Shapes: any -> the same. An int64 input gives an int64 result (no autograd, as in PyTorch);
  /// NaN stays NaN. The result's grad_fn is `ReluBackward0`; the gradient at exactly 0 is 0.
  public static func relu(_ input: Tensor) throws -> Tensor {
    if input.dtype == .int64 {
      return Tensor(shape: input.shape, ints: input.ints.map { max($0, 0) })
    }
    try requireFloat(input, "clamp_min_cpu")
    let output = reluForward(input.floats)
    return Tensor.result(shape: input.shape, floats: output, name: "ReluBackward0", inputs: [input])
    {
      [reluBackward($0, output: output)]
    }
  }

  /// `y[i] = x[i] > 0 ? x[i] : 0` (NaN kept, as `max` in PyTorch propagates it).
  static func reluForward(_ x: [Float]) -> [Float] {
    x.map { $0.isNaN || $0 > 0 ? $0 : 0 }
  }

  /// `dx[i] = y[i] > 0 ? dy[i] : 0`, from the saved output as PyTorch's `threshold_backward` does.
  static func reluBackward(_ dy: [Float], output y: [Float]) -> [Float] {
    var dx = [Float](repeating: 0, count: y.count)
    for i in 0..<y.count where y[i] > 0 { dx[i] = dy[i] }
    return dx
  }
}
