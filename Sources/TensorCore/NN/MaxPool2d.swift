/// 2-D max pooling (`F.max_pool2d`), with the argmax indices PyTorch returns on request.

extension Functional {
  /// 2-D max pooling over NCHW images, as `torch.nn.functional.max_pool2d`:
  ///
  ///     out[n, c, oy, ox] = max over ky, kx of input[n, c, oy*sh - ph + ky*dh, ox*sw - pw + kx*dw]
  ///
  /// where the padding counts as -inf (it is never the maximum); NaN propagates.
  ///
  /// Shapes: `input (N, C, H, W)` or `(C, H, W)` -> `(N, C, OH, OW)` or `(C, OH, OW)`, with
  /// `OH = floor((H + 2*ph - dh*(KH - 1) - 1) / sh) + 1` (ceil instead of floor with `ceilMode`, as
  /// long as the last window starts inside the input or the top padding); likewise `OW`.
  /// `stride` defaults to `kernelSize`. Padding may be at most half the effective kernel size.
  /// The result's grad_fn is `MaxPool2DWithIndicesBackward0`.
  public static func maxPool2d(
    _ input: Tensor, kernelSize: Size2D, stride: Size2D? = nil, padding: Size2D = Size2D(0),
    dilation: Size2D = Size2D(1), ceilMode: Bool = false
  ) throws -> Tensor {
    try maxPool2dWithIndices(
      input, kernelSize: kernelSize, stride: stride, padding: padding, dilation: dilation,
      ceilMode: ceilMode
    ).output
  }

  /// `maxPool2d` that also returns where each maximum came from (`return_indices=True`): an int64
  /// tensor shaped like the output holding the flat index `iy * W + ix` within the input plane.
  /// Ties go to the first window position in row-major order.
  public static func maxPool2dWithIndices(
    _ input: Tensor, kernelSize: Size2D, stride: Size2D? = nil, padding: Size2D = Size2D(0),
    dilation: Size2D = Size2D(1), ceilMode: Bool = false
  ) throws -> (output: Tensor, indices: Tensor) {
    let layout = try Window2D.poolingLayout(input.shape)
    let window = try Window2D.pooling(
      layout, kernel: kernelSize, stride: stride ?? kernelSize, padding: padding,
      dilation: dilation, ceilMode: ceilMode)
    try requireFloat(input, "max_pool2d")
    let planes = layout.batch * layout.channels
    let planeSize = layout.height * layout.width
    let (values, indices) = maxPool2dForward(
      window, planes: planes, planeSize: planeSize, input: input.floats)
    let shape = layout.outputShape(
      channels: layout.channels, height: window.rows.outputSize, width: window.cols.outputSize)
    let output = Tensor.result(
      shape: shape, floats: values, name: "MaxPool2DWithIndicesBackward0", inputs: [input]
    ) { gradOutput in
      [maxPool2dBackward(gradOutput, indices: indices, planes: planes, planeSize: planeSize)]
    }
    return (output, Tensor(shape: shape, ints: indices))
  }

  /// The maximum of every window of every plane, and its flat index in the plane.
  static func maxPool2dForward(
    _ window: Window2D, planes: Int, planeSize: Int, input x: [Float]
  ) -> (values: [Float], indices: [Int64]) {
    // planes = N*C; planeSize = H*W; P = OH*OW positions; KK = KH*KW taps per window.
    let (p, kk) = (window.outputCount, window.kernelCount)
    let offsets = window.gatherOffsets()
    var values = [Float](repeating: -.infinity, count: planes * p)
    // -1 until a window's first in-bounds tap; every window has one (padding <= half the kernel).
    var indices = [Int64](repeating: -1, count: planes * p)
    x.withUnsafeBufferPointer { x in
      offsets.withUnsafeBufferPointer { offsets in
        values.withUnsafeMutableBufferPointer { values in
          indices.withUnsafeMutableBufferPointer { indices in
            for plane in 0..<planes {
              let (inBase, outBase) = (plane * planeSize, plane * p)
              for tap in 0..<kk {
                for pos in 0..<p {
                  let offset = offsets[tap * p + pos]
                  if offset < 0 { continue }
                  let v = x[inBase + offset]
                  let o = outBase + pos
                  // Same rule as PyTorch: take v if it is larger or NaN, so NaN propagates.
                  if indices[o] < 0 || v > values[o] || v.isNaN {
                    values[o] = v
                    indices[o] = Int64(offset)
                  }
                }
              }
            }
          }
        }
      }
    }
    return (values, indices)
  }

  /// Routes each output gradient to the input element that was the maximum (`+=`, since windows
  /// can overlap).
  static func maxPool2dBackward(
    _ dy: [Float], indices: [Int64], planes: Int, planeSize: Int
  ) -> [Float] {
    // dy and indices: (planes, P); dx: (planes, H*W).
    let p = planes == 0 ? 0 : dy.count / planes
    var dx = [Float](repeating: 0, count: planes * planeSize)
    dy.withUnsafeBufferPointer { dy in
      indices.withUnsafeBufferPointer { indices in
        dx.withUnsafeMutableBufferPointer { dx in
          for plane in 0..<planes {
            for pos in 0..<p where indices[plane * p + pos] >= 0 {
              dx[plane * planeSize + Int(indices[plane * p + pos])] += dy[plane * p + pos]
            }
          }
        }
      }
    }
    return dx
  }
}
