/// Softmax and log-softmax along one dimension (`F.softmax`, `F.log_softmax`).

/// A tensor seen as `(outer, size, inner)` around the dimension an op reduces over.
struct DimSplit {
  let outer: Int
  let size: Int
  let inner: Int

  /// Wraps `dim` with PyTorch's range error and splits `shape` around it (a scalar is `(1, 1, 1)`).
  init(_ shape: [Int], dim: Int) throws {
    let axis = try normalizeDim(dim, rank: shape.count)
    if shape.isEmpty {
      (outer, size, inner) = (1, 1, 1)
      return
    }
    outer = elementCount(Array(shape[..<axis]))
    size = shape[axis]
    inner = elementCount(Array(shape[(axis + 1)...]))
  }
}

extension Functional {
  /// Softmax along `dim`, as `torch.nn.functional.softmax`:
  /// `out[..., i, ...] = exp(x_i - max_j x_j) / sum_j exp(x_j - max_j x_j)` (max-subtracted, so
  /// large inputs do not overflow).
  ///
  /// Shapes: any -> the same; each slice along `dim` sums to 1. `dim` may be negative.
  /// The result's grad_fn is `SoftmaxBackward0`.
  public static func softmax(_ input: Tensor, dim: Int) throws -> Tensor {
    let split = try DimSplit(input.shape, dim: dim)
    try requireFloat(
      input, split.inner == 1 ? "softmax_lastdim_kernel_impl" : "softmax_kernel_impl")
    let output = softmaxForward(input.floats, split, takeLog: false)
    return Tensor.result(
      shape: input.shape, floats: output, name: "SoftmaxBackward0", inputs: [input]
    ) {
      [softmaxBackward($0, output: output, split, takeLog: false)]
    }
  }

  /// Log-softmax along `dim`, as `torch.nn.functional.log_softmax`:
  /// `out[..., i, ...] = x_i - max_j x_j - log(sum_j exp(x_j - max_j x_j))`, computed without
  /// forming the softmax, so it stays finite where softmax underflows to 0.
  ///
  /// Shapes: any -> the same. The result's grad_fn is `LogSoftmaxBackward0`.
  public static func logSoftmax(_ input: Tensor, dim: Int) throws -> Tensor {
    let split = try DimSplit(input.shape, dim: dim)
    try requireFloat(
      input, split.inner == 1 ? "log_softmax_lastdim_kernel_impl" : "log_softmax_kernel_impl")
    let output = softmaxForward(input.floats, split, takeLog: true)
    return Tensor.result(
      shape: input.shape, floats: output, name: "LogSoftmaxBackward0", inputs: [input]
    ) {
      [softmaxBackward($0, output: output, split, takeLog: true)]
    }
  }

  /// Softmax (or log-softmax) of every slice `x[o, :, i]` of an `(outer, size, inner)` buffer.
  static func softmaxForward(_ x: [Float], _ split: DimSplit, takeLog: Bool) -> [Float] {
    // Element (o, j, i) sits at (o * size + j) * inner + i.
    let (outer, size, inner) = (split.outer, split.size, split.inner)
    var y = [Float](repeating: 0, count: x.count)
    x.withUnsafeBufferPointer { x in
      y.withUnsafeMutableBufferPointer { y in
        for o in 0..<outer {
          for i in 0..<inner {
            let base = o * size * inner + i
            var largest = -Float.infinity
            for j in 0..<size { largest = max(largest, x[base + j * inner]) }
            var total: Float = 0
            for j in 0..<size { total += exp(x[base + j * inner] - largest) }
            let logTotal = log(total)
            for j in 0..<size {
              let shifted = x[base + j * inner] - largest
              y[base + j * inner] = takeLog ? shifted - logTotal : exp(shifted) / total
            }
          }
        }
      }
    }
    return y
  }

  /// Gradients from the saved output y: softmax `dx = y * (dy - sum_j dy_j * y_j)`; log-softmax
  /// `dx = dy - exp(y) * sum_j dy_j`.
  static func softmaxBackward(_ dy: [Float], output y: [Float], _ split: DimSplit, takeLog: Bool)
    -> [Float]
  {
    let (outer, size, inner) = (split.outer, split.size, split.inner)
    var dx = [Float](repeating: 0, count: y.count)
    dy.withUnsafeBufferPointer { dy in
      y.withUnsafeBufferPointer { y in
        dx.withUnsafeMutableBufferPointer { dx in
          for o in 0..<outer {
            for i in 0..<inner {
              let base = o * size * inner + i
              var total: Float = 0
              for j in 0..<size {
                total += takeLog ? dy[base + j * inner] : dy[base + j * inner] * y[base + j * inner]
              }
              for j in 0..<size {
                let k = base + j * inner
                dx[k] = takeLog ? dy[k] - exp(y[k]) * total : y[k] * (dy[k] - total)
              }
            }
          }
        }
      }
    }
    return dx
  }
}
