/// 2-D convolution (`F.conv2d`): im2col + GEMM forward, col2im + GEMM backward.

extension Functional {
  /// 2-D cross-correlation over NCHW images, as `torch.nn.functional.conv2d`:
  ///
  ///     out[n, oc, oy, ox] = bias[oc] + sum over c in oc's group, ky, kx of
  ///         weight[oc, c, ky, kx] * input[n, g*CG + c, oy*sh - ph + ky*dh, ox*sw - pw + kx*dw]
  ///
  /// with zeros outside the input (the padding).
  ///
  /// Shapes: `input (N, C, H, W)` or unbatched `(C, H, W)`; `weight (OC, C / groups, KH, KW)`;
  /// `bias (OC)` -> `(N, OC, OH, OW)` (or `(OC, OH, OW)`), where
  /// `OH = floor((H + 2*ph - dh*(KH - 1) - 1) / sh) + 1` and likewise `OW`.
  /// Groups split the input and output channels into `groups` independent convolutions.
  ///
  /// Throws PyTorch's errors for wrong ranks, channel counts, bias sizes, kernels larger than the
  /// padded input, non-positive strides, and `padding: .same` with a stride.
  /// The result's grad_fn is `ConvolutionBackward0`.
  public static func conv2d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Size2D = Size2D(1),
    padding: Conv2dPadding = .explicit(Size2D(0)), dilation: Size2D = Size2D(1), groups: Int = 1
  ) throws -> Tensor {
    let geometry = try Conv2dGeometry(
      input: input.shape, weight: weight.shape, bias: bias?.shape, stride: stride,
      padding: padding, dilation: dilation, groups: groups)
    try checkConvDTypes(input, weight, bias)
    let (x, w, b) = (input.floats, weight.floats, bias?.floats)
    let output = conv2dForward(geometry, input: x, weight: w, bias: b)
    let needs = (
      input: input.requiresGrad, weight: weight.requiresGrad, bias: bias?.requiresGrad ?? false
    )
    return Tensor.result(
      shape: geometry.outputShape, floats: output, name: "ConvolutionBackward0",
      inputs: [input, weight] + (bias.map { [$0] } ?? [])
    ) { gradOutput in
      let grads = conv2dBackward(
        geometry, gradOutput: gradOutput, input: x, weight: w, needs: needs)
      return [grads.input, grads.weight, grads.bias]
    }
  }

  /// im2col + GEMM: for each image and group, `out_g (OCG, OH*OW) = W_g (OCG, CG*KH*KW) x col`.
  static func conv2dForward(
    _ geometry: Conv2dGeometry, input x: [Float], weight w: [Float], bias b: [Float]?
  ) -> [Float] {
    // N, C, HW = H*W input; OC, OCG = OC / G, CG = C / G; K = CG*KH*KW im2col rows; P = OH*OW.
    let (n, c, hw) = (geometry.layout.batch, geometry.layout.channels, geometry.planeSize)
    let (oc, ocg, cg) = (
      geometry.outChannels, geometry.outChannelsPerGroup, geometry.inChannelsPerGroup
    )
    let (k, p) = (geometry.columnRows, geometry.window.outputCount)
    let offsets = geometry.window.gatherOffsets()
    var out = [Float](repeating: 0, count: n * oc * p)
    var col = [Float](repeating: 0, count: k * p)
    for image in 0..<n {
      for g in 0..<geometry.groups {
        im2col(
          x, at: (image * c + g * cg) * hw, channels: cg, planeSize: hw, offsets: offsets,
          into: &col)
        arrayGemm(
          transA: false, transB: false, m: ocg, n: p, k: k, a: w, aStart: g * ocg * k, lda: k,
          b: col,
          ldb: p, beta: 0, c: &out, cStart: (image * oc + g * ocg) * p, ldc: p)
      }
      guard let b else { continue }
      for channel in 0..<oc {
        let row = (image * oc + channel) * p
        for i in 0..<p { out[row + i] += b[channel] }
      }
    }
    return out
  }

  /// Gradients of `conv2dForward`, each nil unless `needs` asks for it:
  /// `dW_g += dOut_g x col^T`, `dcol = W_g^T x dOut_g` folded back by col2im, `db = sum dOut`.
  static func conv2dBackward(
    _ geometry: Conv2dGeometry, gradOutput dy: [Float], input x: [Float], weight w: [Float],
    needs: (input: Bool, weight: Bool, bias: Bool)
  ) -> (input: [Float]?, weight: [Float]?, bias: [Float]?) {
    // Same legend as conv2dForward.
    let (n, c, hw) = (geometry.layout.batch, geometry.layout.channels, geometry.planeSize)
    let (oc, ocg, cg) = (
      geometry.outChannels, geometry.outChannelsPerGroup, geometry.inChannelsPerGroup
    )
    let (k, p) = (geometry.columnRows, geometry.window.outputCount)
    let offsets = geometry.window.gatherOffsets()
    var dx = [Float](repeating: 0, count: needs.input ? x.count : 0)
    var dw = [Float](repeating: 0, count: needs.weight ? w.count : 0)
    var col = [Float](repeating: 0, count: needs.input || needs.weight ? k * p : 0)
    for image in 0..<n where needs.input || needs.weight {
      for g in 0..<geometry.groups {
        let (plane, dyAt) = ((image * c + g * cg) * hw, (image * oc + g * ocg) * p)
        if needs.weight {
          im2col(x, at: plane, channels: cg, planeSize: hw, offsets: offsets, into: &col)
          arrayGemm(
            transA: false, transB: true, m: ocg, n: k, k: p, a: dy, aStart: dyAt, lda: p, b: col,
            ldb: p, beta: 1, c: &dw, cStart: g * ocg * k, ldc: k)
        }
        if needs.input {
          arrayGemm(
            transA: true, transB: false, m: k, n: p, k: ocg, a: w, aStart: g * ocg * k, lda: k,
            b: dy,
            bStart: dyAt, ldb: p, beta: 0, c: &col, ldc: p)
          col2im(col, channels: cg, planeSize: hw, offsets: offsets, into: &dx, at: plane)
        }
      }
    }
    let db = needs.bias ? sumPlanes(dy, batch: n, channels: oc, planeSize: p) : nil
    return (needs.input ? dx : nil, needs.weight ? dw : nil, db)
  }
}

// MARK: - im2col / col2im

/// Unfolds `channels` planes starting at `x[base]` into the column matrix `col (channels*KK, P)`:
/// `col[(ch*KK + tap)*P + pos] = plane_ch[offsets[tap*P + pos]]`, or 0 where the offset is -1.
func im2col(
  _ x: [Float], at base: Int, channels: Int, planeSize: Int, offsets: [Int],
  into col: inout [Float]
) {
  // Row ch*KK + tap of col is block ch of the whole table (KK*P entries) applied to plane ch.
  let taps = offsets.count
  x.withUnsafeBufferPointer { x in
    offsets.withUnsafeBufferPointer { offsets in
      col.withUnsafeMutableBufferPointer { col in
        for ch in 0..<channels {
          let (plane, block) = (base + ch * planeSize, ch * taps)
          for i in 0..<taps {
            let offset = offsets[i]
            col[block + i] = offset >= 0 ? x[plane + offset] : 0
          }
        }
      }
    }
  }
}

/// Folds a column matrix back onto the planes starting at `dx[base]`, adding (`+=`) every entry to
/// the element it was read from; padding entries are dropped. The adjoint of `im2col`.
func col2im(
  _ col: [Float], channels: Int, planeSize: Int, offsets: [Int], into dx: inout [Float],
  at base: Int
) {
  let taps = offsets.count
  col.withUnsafeBufferPointer { col in
    offsets.withUnsafeBufferPointer { offsets in
      dx.withUnsafeMutableBufferPointer { dx in
        for ch in 0..<channels {
          let (plane, block) = (base + ch * planeSize, ch * taps)
          for i in 0..<taps {
            let offset = offsets[i]
            if offset >= 0 { dx[plane + offset] += col[block + i] }
          }
        }
      }
    }
  }
}

/// `out[ch] = sum over n, i of values[(n*channels + ch)*planeSize + i]` (a bias gradient).
func sumPlanes(_ values: [Float], batch: Int, channels: Int, planeSize: Int) -> [Float] {
  var sums = [Float](repeating: 0, count: channels)
  values.withUnsafeBufferPointer { v in
    for n in 0..<batch {
      for ch in 0..<channels {
        let base = (n * channels + ch) * planeSize
        var total: Float = 0
        for i in 0..<planeSize { total += v[base + i] }
        sums[ch] += total
      }
    }
  }
  return sums
}
