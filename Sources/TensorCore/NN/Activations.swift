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

  /// `y[i] = x[i] > 0 ? x[i] : 0` (NaN kept, as `max` in PyTorch propagates it), eight lanes at a
  /// time: `x <= 0` is false for NaN, so NaN passes through the blend.
  static func reluForward(_ x: [Float]) -> [Float] {
    [Float](unsafeUninitializedCapacity: x.count) { y, initialized in
      x.withUnsafeBufferPointer { x in
        guard let src = x.baseAddress, let dst = y.baseAddress else { return }
        var i = 0
        while i + 8 <= x.count {
          var v = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<Float>.self)
          v.replace(with: 0, where: v .<= 0)
          UnsafeMutableRawPointer(dst + i).storeBytes(of: v, as: SIMD8<Float>.self)
          i += 8
        }
        for j in i..<x.count { dst[j] = src[j] <= 0 ? 0 : src[j] }
      }
      initialized = x.count
    }
  }

  /// `dx[i] = y[i] > 0 ? dy[i] : 0`, from the saved output as PyTorch's `threshold_backward` does;
  /// eight lanes at a time.
  static func reluBackward(_ dy: [Float], output y: [Float]) -> [Float] {
    [Float](unsafeUninitializedCapacity: y.count) { dx, initialized in
      dy.withUnsafeBufferPointer { dy in
        y.withUnsafeBufferPointer { y in
          guard let g = dy.baseAddress, let out = y.baseAddress, let dst = dx.baseAddress else {
            return
          }
          var i = 0
          while i + 8 <= y.count {
            var v = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
            let kept = UnsafeRawPointer(out + i).loadUnaligned(as: SIMD8<Float>.self) .> 0
            v.replace(with: 0, where: .!kept)
            UnsafeMutableRawPointer(dst + i).storeBytes(of: v, as: SIMD8<Float>.self)
            i += 8
          }
          for j in i..<y.count { dst[j] = out[j] > 0 ? g[j] : 0 }
        }
      }
      initialized = y.count
    }
  }
}
