/// A direct (naive) 2-D convolution, the oracle the tests hold the im2col + GEMM kernel to.

/// `conv2d` computed straight from its definition, one output element at a time, with the same
/// argument checks; no autograd. Tests compare `Functional.conv2d` against it on awkward shapes.
func naiveConv2d(
  _ input: Tensor, weight: Tensor, bias: Tensor? = nil, stride: Size2D = Size2D(1),
  padding: Conv2dPadding = .explicit(Size2D(0)), dilation: Size2D = Size2D(1), groups: Int = 1
) throws -> Tensor {
  let geometry = try Conv2dGeometry(
    input: input.shape, weight: weight.shape, bias: bias?.shape, stride: stride, padding: padding,
    dilation: dilation, groups: groups)
  try Functional.checkConvDTypes(input, weight, bias)
  // N, C, H*W = input; OC, OCG, CG, KK = KH*KW = weight; P = OH*OW.
  let (n, c, hw) = (
    geometry.layout.batch, geometry.layout.channels, geometry.layout.height * geometry.layout.width
  )
  let (oc, ocg, cg) = (
    geometry.outChannels, geometry.outChannelsPerGroup, geometry.inChannelsPerGroup
  )
  let (kk, p) = (geometry.window.kernelCount, geometry.window.outputCount)
  let offsets = geometry.window.gatherOffsets()
  let (x, w, b) = (input.floats, weight.floats, bias?.floats)
  var out = [Float](repeating: 0, count: n * oc * p)
  for image in 0..<n {
    for o in 0..<oc {
      let group = o / ocg
      for pos in 0..<p {
        var total = b?[o] ?? 0
        for ci in 0..<cg {
          let plane = (image * c + group * cg + ci) * hw
          for tap in 0..<kk where offsets[tap * p + pos] >= 0 {
            total += w[(o * cg + ci) * kk + tap] * x[plane + offsets[tap * p + pos]]
          }
        }
        out[(image * oc + o) * p + pos] = total
      }
    }
  }
  return Tensor(shape: geometry.outputShape, floats: out)
}

/// The gradients of `conv2d` computed straight from the definition (the adjoint of
/// `naiveConv2d`, one product at a time): the oracle for the packed backward kernels.
///
/// `dy` is d(loss)/d(output), shaped like the output; returns d(loss)/d(input), d(loss)/d(weight)
/// and d(loss)/d(bias), flat.
func naiveConv2dGradients(
  _ input: Tensor, weight: Tensor, gradOutput dy: [Float], stride: Size2D = Size2D(1),
  padding: Conv2dPadding = .explicit(Size2D(0)), dilation: Size2D = Size2D(1), groups: Int = 1
) throws -> (input: [Float], weight: [Float], bias: [Float]) {
  let geometry = try Conv2dGeometry(
    input: input.shape, weight: weight.shape, bias: nil, stride: stride, padding: padding,
    dilation: dilation, groups: groups)
  // Same legend as naiveConv2d.
  let (n, c, hw) = (
    geometry.layout.batch, geometry.layout.channels, geometry.layout.height * geometry.layout.width
  )
  let (oc, ocg, cg) = (
    geometry.outChannels, geometry.outChannelsPerGroup, geometry.inChannelsPerGroup
  )
  let (kk, p) = (geometry.window.kernelCount, geometry.window.outputCount)
  let offsets = geometry.window.gatherOffsets()
  let (x, w) = (input.floats, weight.floats)
  var (dx, dw) = ([Float](repeating: 0, count: x.count), [Float](repeating: 0, count: w.count))
  var db = [Float](repeating: 0, count: oc)
  for image in 0..<n {
    for o in 0..<oc {
      for pos in 0..<p {
        let g = dy[(image * oc + o) * p + pos]
        db[o] += g
        for ci in 0..<cg {
          let plane = (image * c + o / ocg * cg + ci) * hw
          for tap in 0..<kk where offsets[tap * p + pos] >= 0 {
            let (xi, wi) = (plane + offsets[tap * p + pos], (o * cg + ci) * kk + tap)
            dx[xi] += w[wi] * g
            dw[wi] += x[xi] * g
          }
        }
      }
    }
  }
  return (dx, dw, db)
}
