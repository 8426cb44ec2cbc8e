/// 2-D average pooling (`F.avg_pool2d`), with PyTorch's divisor rules.

extension Functional {
  /// 2-D average pooling over NCHW images, as `torch.nn.functional.avg_pool2d`:
  ///
  ///     out[n, c, oy, ox] = (sum over the window of input[n, c, iy, ix]) / divisor
  ///
  /// with zeros in the padding. The divisor is `divisorOverride` if given; else, with
  /// `countIncludePad`, the window's size clipped to the input plus its padding (a `ceilMode` window
  /// hanging past the padding counts only what lies inside it); without, the number of input
  /// elements the window covers.
  ///
  /// Shapes: `input (N, C, H, W)` or `(C, H, W)` -> `(N, C, OH, OW)` or `(C, OH, OW)`, with
  /// `OH = floor((H + 2*ph - KH) / sh) + 1` (ceil with `ceilMode`, as for `maxPool2d`).
  /// `stride` defaults to `kernelSize`. The result's grad_fn is `AvgPool2DBackward0`.
  public static func avgPool2d(
    _ input: Tensor, kernelSize: Size2D, stride: Size2D? = nil, padding: Size2D = Size2D(0),
    ceilMode: Bool = false, countIncludePad: Bool = true, divisorOverride: Int? = nil
  ) throws -> Tensor {
    let layout = try Window2D.poolingLayout(input.shape)
    let window = try Window2D.pooling(
      layout, kernel: kernelSize, stride: stride ?? kernelSize, padding: padding,
      dilation: Size2D(1), ceilMode: ceilMode, what: "avg_pool2d")
    if divisorOverride == 0 {
      throw TensorError.pooling(.zeroDivisor)
    }
    try requireFloat(input, "avg_pool2d")
    // The kernels read through the gather table, one offset per tap of every window.
    _ = try checkedElementCount(
      [kernelSize.height, kernelSize.width, window.rows.outputSize, window.cols.outputSize])
    let divisors = avgPoolDivisors(
      window, countIncludePad: countIncludePad, override: divisorOverride)
    let planes = layout.batch * layout.channels
    let planeSize = layout.height * layout.width
    let values = avgPool2dForward(
      window, divisors: divisors, planes: planes, planeSize: planeSize, input: input.floats)
    let shape = layout.outputShape(
      channels: layout.channels, height: window.rows.outputSize, width: window.cols.outputSize)
    return Tensor.result(shape: shape, floats: values, name: "AvgPool2DBackward0", inputs: [input])
    {
      gradOutput in
      [
        avgPool2dBackward(
          window, divisors: divisors, planes: planes, planeSize: planeSize, gradOutput: gradOutput)
      ]
    }
  }

  /// The divisor of each output position `oy * OW + ox` (the same for every plane).
  static func avgPoolDivisors(_ window: Window2D, countIncludePad: Bool, override: Int?) -> [Float]
  {
    var divisors = [Float](repeating: 1, count: window.outputCount)
    for oy in 0..<window.rows.outputSize {
      for ox in 0..<window.cols.outputSize {
        let count =
          override
          ?? (countIncludePad
            ? window.rows.paddedExtent(window: oy) * window.cols.paddedExtent(window: ox)
            : window.rows.clippedExtent(window: oy) * window.cols.clippedExtent(window: ox))
        divisors[oy * window.cols.outputSize + ox] = Float(count)
      }
    }
    return divisors
  }

  /// The sum of every window of every plane, divided by the position's divisor.
  static func avgPool2dForward(
    _ window: Window2D, divisors: [Float], planes: Int, planeSize: Int, input x: [Float]
  ) -> [Float] {
    // planes = N*C; planeSize = H*W; P = OH*OW positions; KK = KH*KW taps per window.
    let (p, kk) = (window.outputCount, window.kernelCount)
    let offsets = window.gatherOffsets()
    var out = [Float](repeating: 0, count: planes * p)
    x.withUnsafeBufferPointer { x in
      offsets.withUnsafeBufferPointer { offsets in
        out.withUnsafeMutableBufferPointer { out in
          for plane in 0..<planes {
            let (inBase, outBase) = (plane * planeSize, plane * p)
            for tap in 0..<kk {
              for pos in 0..<p {
                let offset = offsets[tap * p + pos]
                if offset >= 0 { out[outBase + pos] += x[inBase + offset] }
              }
            }
            for pos in 0..<p { out[outBase + pos] /= divisors[pos] }
          }
        }
      }
    }
    return out
  }

  /// Spreads each output gradient, divided by its divisor, over the input elements of its window.
  static func avgPool2dBackward(
    _ window: Window2D, divisors: [Float], planes: Int, planeSize: Int, gradOutput dy: [Float]
  ) -> [Float] {
    // Same legend as avgPool2dForward; dx: (planes, H*W).
    let (p, kk) = (window.outputCount, window.kernelCount)
    let offsets = window.gatherOffsets()
    var dx = [Float](repeating: 0, count: planes * planeSize)
    dy.withUnsafeBufferPointer { dy in
      offsets.withUnsafeBufferPointer { offsets in
        dx.withUnsafeMutableBufferPointer { dx in
          for plane in 0..<planes {
            let (inBase, outBase) = (plane * planeSize, plane * p)
            for tap in 0..<kk {
              for pos in 0..<p {
                let offset = offsets[tap * p + pos]
                if offset >= 0 { dx[inBase + offset] += dy[outBase + pos] / divisors[pos] }
              }
            }
          }
        }
      }
    }
    return dx
  }
}
