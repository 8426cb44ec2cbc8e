/// Fully connected layers (`F.linear`).

extension Functional {
  /// An affine map of the last dimension, as `torch.nn.functional.linear`:
  /// `out = input x weight^T + bias`.
  ///
  /// Shapes: `input (..., in)`, `weight (out, in)`, `bias (out)` -> `(..., out)`.
  /// On a feature-count mismatch throws the lecture-era PyTorch message
  /// `size mismatch, m1: [64 x 320], m2: [100 x 10]` (m1: the input as rows x in, m2: weight^T),
  /// with notes giving today's wording and the cause in plain words.
  /// The result's grad_fn is `AddmmBackward0` with a bias, `MmBackward0` without.
  public static func linear(_ input: Tensor, weight: Tensor, bias: Tensor?) throws -> Tensor {
    try checkLinearShapes(input, weight, bias)
    let (inFeatures, outFeatures) = (weight.shape[1], weight.shape[0])
    let rows = elementCount(Array(input.shape.dropLast()))
    let outputShape = Array(input.shape.dropLast()) + [outFeatures]
    _ = try checkedAllocation(outputShape, dtype: .float32, what: "linear")
    let (x, w, b) = (input.floats, weight.floats, bias?.floats)
    let output = linearForward(
      x, w, b, rows: rows, inFeatures: inFeatures, outFeatures: outFeatures)
    let needs = (input.requiresGrad, weight.requiresGrad, bias?.requiresGrad ?? false)
    return Tensor.result(
      shape: outputShape, floats: output, name: bias == nil ? "MmBackward0" : "AddmmBackward0",
      inputs: [input, weight] + (bias.map { [$0] } ?? [])
    ) { dy in
      let dx = needs.0 ? matmul(dy, w, m: rows, n: inFeatures, k: outFeatures) : nil
      let dw =
        needs.1
        ? matmul(dy, x, m: outFeatures, n: inFeatures, k: rows, transA: true) : nil
      let db = needs.2 ? sumPlanes(dy, batch: rows, channels: outFeatures, planeSize: 1) : nil
      return [dx, dw, db]
    }
  }

  /// `y (rows, out) = x (rows, in) x w^T + b`.
  static func linearForward(
    _ x: [Float], _ w: [Float], _ b: [Float]?, rows: Int, inFeatures: Int, outFeatures: Int
  ) -> [Float] {
    var y = matmul(x, w, m: rows, n: outFeatures, k: inFeatures, transB: true)
    guard let b else { return y }
    for r in 0..<rows {
      for o in 0..<outFeatures { y[r * outFeatures + o] += b[o] }
    }
    return y
  }

  /// Throws PyTorch's errors for the dtypes and shapes of `linear`.
  static func checkLinearShapes(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws {
    guard weight.rank == 2 else {
      throw TensorError.linear(.weightRank(weight: weight.shape))
    }
    guard input.rank >= 1 else {
      throw TensorError.linear(.scalarInput)
    }
    guard input.shape[input.rank - 1] == weight.shape[1] else {
      throw TensorError.linear(.shapeMismatch(input: input.shape, weight: weight.shape))
    }
    for other in [weight, bias].compactMap({ $0 }) where other.dtype != input.dtype {
      throw TensorError.linear(.dtypeMismatch(input: input.dtype, parameter: other.dtype))
    }
    try requireFloat(input, "addmm_impl_cpu_")
    if let bias, bias.shape != [weight.shape[0]] {
      throw TensorError.linear(
        .biasShape(outFeatures: weight.shape[0], bias: bias.shape, inputRank: input.rank))
    }
  }
}
