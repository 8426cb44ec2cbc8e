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

  /// im2col + GEMM: for each image and group, `out_g (OCG, P) = W_g (OCG, K) x col (K, P)`, the
  /// column matrix packed straight from the input, a block of positions at a time.
  static func conv2dForward(
    _ geometry: Conv2dGeometry, input x: [Float], weight w: [Float], bias b: [Float]?
  ) -> [Float] {
    let plan = ConvPlan(geometry)
    // N, OC, OCG, K = CG*KH*KW, P = OH*OW (see ConvPlan).
    let (n, oc, ocg, k, p) = (
      plan.batch, plan.outChannels, plan.outPerGroup, plan.rows, plan.positions
    )
    guard n > 0 else { return [] }
    let packedWeights = plan.packWeights(w, transposed: false)
    let scratchCount = k * columnBlockStride(min(p, convColumnBlock))
    return [Float](unsafeUninitializedCapacity: n * oc * p) { out, initialized in
      let out = out.baseAddress.unsafelyUnwrapped
      x.withUnsafeBufferPointer { x in
        let x = x.baseAddress.unsafelyUnwrapped
        plan.forEachImageRange { images in
          withAlignedScratch(count: scratchCount + plan.paddedGroupCount) { col in
            col.update(repeating: 0, count: scratchCount)
            for image in images {
              for g in 0..<plan.groups {
                let src = plan.source(x, image: image, group: g, scratch: col + scratchCount)
                let dst = out + (image * oc + g * ocg) * p
                for j0 in stride(from: 0, to: p, by: convColumnBlock) {
                  let nb = min(convColumnBlock, p - j0)
                  let ld = columnBlockStride(nb)
                  src.im2col(rows: k, positions: j0..<j0 + nb, into: col, ld: ld)
                  gemmMacroKernel(
                    m: ocg, n: nb, kc: k, packedA: packedWeights.pointer(group: g), packedB: col,
                    ldb: ld, c: dst + j0, ldc: p, accumulate: false)
                }
              }
              if let b { addBias(b, to: out + image * oc * p, planeSize: p) }
            }
          }
        }
      }
      initialized = n * oc * p
    }
  }

  /// Gradients of `conv2dForward`, each nil unless `needs` asks for it:
  /// `dW_g += dOut_g x col^T`, `dcol = W_g^T x dOut_g` folded back by col2im, `db = sum dOut`.
  /// Images are split between two threads; each sums its own weight gradient, added at the end.
  static func conv2dBackward(
    _ geometry: Conv2dGeometry, gradOutput dy: [Float], input x: [Float], weight w: [Float],
    needs: (input: Bool, weight: Bool, bias: Bool)
  ) -> (input: [Float]?, weight: [Float]?, bias: [Float]?) {
    let plan = ConvPlan(geometry)
    let (n, oc, p) = (plan.batch, plan.outChannels, plan.positions)
    let db = needs.bias ? sumPlanes(dy, batch: n, channels: oc, planeSize: p) : nil
    guard n > 0 && (needs.input || needs.weight) else {
      return (needs.input ? x : nil, needs.weight ? [Float](repeating: 0, count: w.count) : nil, db)
    }
    var dx = [Float](repeating: 0, count: needs.input ? x.count : 0)
    let workers = plan.workerCount
    var partials = [Float](repeating: 0, count: needs.weight ? workers * w.count : 0)
    let packedTransposed = needs.input ? plan.packWeights(w, transposed: true) : nil
    x.withUnsafeBufferPointer { x in
      dy.withUnsafeBufferPointer { dy in
        dx.withUnsafeMutableBufferPointer { dx in
          partials.withUnsafeMutableBufferPointer { partials in
            let gradients = ConvGradientPointers(
              dy: dy.baseAddress.unsafelyUnwrapped, dx: dx.baseAddress,
              dw: partials.baseAddress, weightsTransposed: packedTransposed)
            plan.forEachImageRange { images in
              plan.backward(
                images: images, x: x.baseAddress.unsafelyUnwrapped, gradients,
                worker: images.lowerBound == 0 ? 0 : 1, wCount: w.count)
            }
          }
        }
      }
    }
    let dw = needs.weight ? sumPartials(partials, workers: workers, count: w.count) : nil
    return (needs.input ? dx : nil, dw, db)
  }
}

/// `out[ch * planeSize + i] += bias[ch]` for one image's output planes.
private func addBias(_ bias: [Float], to out: UnsafeMutablePointer<Float>, planeSize: Int) {
  for (ch, value) in bias.enumerated() {
    let plane = out + ch * planeSize
    for i in 0..<planeSize { plane[i] += value }
  }
}

/// The sum of `workers` consecutive arrays of `count` floats.
private func sumPartials(_ partials: [Float], workers: Int, count: Int) -> [Float] {
  var total = Array(partials[0..<count])
  for worker in 1..<max(workers, 1) {
    for i in 0..<count { total[i] += partials[worker * count + i] }
  }
  return total
}
