/// The sizes, packed weights and per-thread loops the convolution kernels share.

/// Positions of the output plane packed and multiplied per block (a B block of K x 256 floats).
let convColumnBlock = 256
/// The row stride of a column-matrix block of `n` positions read in place by the micro-kernel:
/// `n` rounded up to whole NR-column panels, and an odd number of panels, so the rows of a panel
/// (one cache line each) spread over all L1 sets instead of a power-of-two few.
func columnBlockStride(_ n: Int) -> Int {
  let panels = (n + gemmNR - 1) / gemmNR
  return (panels % 2 == 0 ? panels + 1 : panels) * gemmNR
}

/// Convolutions below this many multiply-adds run on the calling thread.
private let convParallelThreshold = 1 << 20

/// One `conv2d` call's sizes, flattened for the kernels.
///
/// Legend: N, C, H, W input; HW = H*W; Hp, Wp = H, W with the padding; OC, OCG = OC/G, CG = C/G;
/// KK = KH*KW taps; K = CG*KK rows of the column matrix; P = OH*OW output positions; G = groups.
struct ConvPlan {
  let batch: Int, channels: Int, height: Int, width: Int
  let outChannels: Int, outPerGroup: Int, inPerGroup: Int
  let rows: Int, positions: Int, groups: Int
  /// Padding above and left of the input, and the padded plane's width and size.
  let padTop: Int, padLeft: Int, paddedWidth: Int, paddedPlaneSize: Int
  let tables: ConvTables

  init(_ geometry: Conv2dGeometry) {
    let (window, layout) = (geometry.window, geometry.layout)
    (batch, channels, height, width) = (layout.batch, layout.channels, layout.height, layout.width)
    (outChannels, outPerGroup, inPerGroup) = (
      geometry.outChannels, geometry.outChannelsPerGroup, geometry.inChannelsPerGroup
    )
    (rows, positions, groups) = (geometry.columnRows, window.outputCount, geometry.groups)
    (padTop, padLeft) = (window.rows.padBegin, window.cols.padBegin)
    paddedWidth = width + padLeft + window.cols.padEnd
    paddedPlaneSize = (height + padTop + window.rows.padEnd) * paddedWidth
    tables = ConvTables(window, paddedWidth: paddedWidth)
  }

  var planeSize: Int { height * width }
  /// False when the planes can be read in place (no padding).
  var isPadded: Bool { paddedPlaneSize != planeSize }
  /// Floats of scratch one padded group takes (0 without padding).
  var paddedGroupCount: Int { isPadded ? inPerGroup * paddedPlaneSize : 0 }

  /// 2 when there are several images and enough work to pay for a second thread, else 1.
  var workerCount: Int {
    batch >= 2 && batch * outChannels * positions * rows >= convParallelThreshold ? 2 : 1
  }

  /// Runs `body` over `workerCount` contiguous ranges of images, concurrently; the first range
  /// starts at image 0.
  func forEachImageRange(_ body: (Range<Int>) -> Void) {
    let workers = workerCount
    let chunk = (batch + workers - 1) / workers
    runConcurrently(workers) { worker in
      let range = worker * chunk..<min(batch, (worker + 1) * chunk)
      if !range.isEmpty { body(range) }
    }
  }

  /// The group `group` of image `image` of `x (N, C, H, W)`, copied into `scratch`
  /// (`paddedGroupCount` floats) with its zero padding when there is padding.
  func source(
    _ x: UnsafePointer<Float>, image: Int, group: Int, scratch: UnsafeMutablePointer<Float>
  ) -> ConvSource {
    let planes = x + (image * channels + group * inPerGroup) * planeSize
    guard isPadded else {
      return ConvSource(planes: planes, planeSize: planeSize, tables: tables)
    }
    scratch.update(repeating: 0, count: paddedGroupCount)
    for ch in 0..<inPerGroup {
      for y in 0..<height {
        (scratch + ch * paddedPlaneSize + (y + padTop) * paddedWidth + padLeft).update(
          from: planes + ch * planeSize + y * width, count: width)
      }
    }
    return ConvSource(planes: scratch, planeSize: paddedPlaneSize, tables: tables)
  }

  /// Adds the interior of padded planes (`inPerGroup` of them) onto unpadded ones: the padded
  /// input gradient folded by `foldColumns`, cropped back to the input.
  func addCropped(_ padded: UnsafePointer<Float>, to dx: UnsafeMutablePointer<Float>) {
    for ch in 0..<inPerGroup {
      for y in 0..<height {
        let (src, dst) = (
          padded + ch * paddedPlaneSize + (y + padTop) * paddedWidth + padLeft,
          dx + ch * planeSize + y * width
        )
        for x in 0..<width { dst[x] += src[x] }
      }
    }
  }

  /// Each group's weight `W_g (OCG, K)` packed as the A operand: as is for the forward pass, or
  /// transposed, `W_g^T (K, OCG)`, for the input gradient.
  func packWeights(_ w: [Float], transposed: Bool) -> PackedWeights {
    let (m, kc) = transposed ? (rows, outPerGroup) : (outPerGroup, rows)
    let packed = PackedWeights(groups: groups, groupCount: packedCount(m, kc: kc, panel: gemmMR))
    w.withUnsafeBufferPointer { w in
      for g in 0..<groups {
        packA(
          w.baseAddress.unsafelyUnwrapped + g * outPerGroup * rows, lda: rows,
          transposed: transposed, rows: m, kc: kc, alpha: 1, into: packed.pointer(group: g))
      }
    }
    return packed
  }
}

/// Packed weights, one block per group, in 64-byte-aligned memory freed with the object.
final class PackedWeights: @unchecked Sendable {
  private let storage: UnsafeMutableRawPointer
  private let groupCount: Int

  init(groups: Int, groupCount: Int) {
    self.groupCount = groupCount
    storage = UnsafeMutableRawPointer.allocate(
      byteCount: max(1, groups * groupCount) * MemoryLayout<Float>.stride, alignment: 64)
  }

  deinit { storage.deallocate() }

  /// The packed block of group `g`.
  func pointer(group g: Int) -> UnsafeMutablePointer<Float> {
    storage.assumingMemoryBound(to: Float.self) + g * groupCount
  }
}

/// Where the backward pass reads and writes: dOut, and dx / per-thread dW when they are needed.
struct ConvGradientPointers {
  let dy: UnsafePointer<Float>
  /// The input gradient `(N, C, H, W)`, zeroed; nil when not needed.
  let dx: UnsafeMutablePointer<Float>?
  /// One zeroed weight-gradient block per worker; nil when not needed.
  let dw: UnsafeMutablePointer<Float>?
  /// `W_g^T` packed per group; non-nil when `dx` is.
  let weightsTransposed: PackedWeights?
}

/// One thread's scratch for the backward pass.
struct ConvBackwardScratch {
  /// dOut of one position block packed as a B operand (`dx`), or the rows of several images side
  /// by side (`dW`).
  let dy: UnsafeMutablePointer<Float>
  /// A block of the column matrix: `K x 256` at most.
  let col: UnsafeMutablePointer<Float>
  /// One padded group of the input and of its gradient (empty without padding).
  let paddedX: UnsafeMutablePointer<Float>
  let paddedDx: UnsafeMutablePointer<Float>
}

extension ConvPlan {
  /// Images whose positions are multiplied together for the weight gradient: small planes are
  /// put side by side (up to 256 positions) so the dot products run long before being summed.
  var imagesPerWeightBlock: Int { max(1, convColumnBlock / positions) }

  /// The backward pass over `images` on one thread: `dW (worker's block) += dOut_g x col^T` and
  /// `dx += col2im(W_g^T x dOut_g)`, a block of positions (or of images) at a time.
  func backward(
    images: Range<Int>, x: UnsafePointer<Float>, _ grads: ConvGradientPointers, worker: Int,
    wCount: Int
  ) {
    let (ocg, k, p) = (outPerGroup, rows, positions)
    let block = min(p, convColumnBlock)
    let counts = (
      dy: max(
        packedCount(block, kc: ocg, panel: gemmNR), ocg * columnBlockStride(convColumnBlock)),
      col: k * columnBlockStride(convColumnBlock), padded: paddedGroupCount
    )
    withAlignedScratch(count: counts.dy + counts.col + 2 * counts.padded) { base in
      let scratch = ConvBackwardScratch(
        dy: base, col: base + counts.dy, paddedX: base + counts.dy + counts.col,
        paddedDx: base + counts.dy + counts.col + counts.padded)
      let chunk = imagesPerWeightBlock
      for first in stride(from: images.lowerBound, to: images.upperBound, by: chunk) {
        let chunkImages = first..<min(images.upperBound, first + chunk)
        for g in 0..<groups {
          if let dw = grads.dw {
            weightGradient(
              images: chunkImages, group: g, x: x, dy: grads.dy, scratch,
              into: dw + worker * wCount + g * ocg * k)
          }
          guard let dx = grads.dx, let weights = grads.weightsTransposed else { continue }
          for image in chunkImages {
            inputGradient(
              image: image, group: g, x: x, dy: grads.dy, weights: weights, scratch, into: dx)
          }
        }
      }
    }
  }

  /// `dW_g (OCG, K) += dOut_g x col^T` over `images` of one group: one image a block of positions
  /// at a time, or several small images side by side.
  private func weightGradient(
    images: Range<Int>, group g: Int, x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
    _ scratch: ConvBackwardScratch, into dw: UnsafeMutablePointer<Float>
  ) {
    let (ocg, k, p) = (outPerGroup, rows, positions)
    let dyAt = { (image: Int) in dy + (image * self.outChannels + g * ocg) * p }
    if images.count == 1 {
      let (src, dyG) = (
        source(x, image: images.lowerBound, group: g, scratch: scratch.paddedX),
        dyAt(images.lowerBound)
      )
      for p0 in stride(from: 0, to: p, by: convColumnBlock) {
        let depth = min(convColumnBlock, p - p0)
        let ld = columnBlockStride(depth)
        src.im2col(rows: k, positions: p0..<p0 + depth, into: scratch.col, ld: ld)
        gemmDotProducts(
          m: ocg, n: k, k: depth, a: dyG + p0, lda: p, b: scratch.col, ldb: ld, c: dw, ldc: k)
      }
      return
    }
    // Image j's positions are columns j*P ..< (j+1)*P of both the column block and dOut's rows,
    // which are `ld` apart (padded like the forward pass's blocks, off a power of two).
    let width = images.count * p
    let ld = columnBlockStride(width)
    for (j, image) in images.enumerated() {
      let src = source(x, image: image, group: g, scratch: scratch.paddedX)
      src.im2col(rows: k, positions: 0..<p, into: scratch.col + j * p, ld: ld)
      for o in 0..<ocg {
        (scratch.dy + o * ld + j * p).update(from: dyAt(image) + o * p, count: p)
      }
    }
    gemmDotProducts(
      m: ocg, n: k, k: width, a: scratch.dy, lda: ld, b: scratch.col, ldb: ld, c: dw, ldc: k)
  }

  /// `dx_g += col2im(W_g^T x dOut_g)` for one image and group, a block of positions at a time.
  private func inputGradient(
    image: Int, group g: Int, x: UnsafePointer<Float>, dy: UnsafePointer<Float>,
    weights: PackedWeights, _ scratch: ConvBackwardScratch, into dx: UnsafeMutablePointer<Float>
  ) {
    let (ocg, k, p) = (outPerGroup, rows, positions)
    let dyG = dy + (image * outChannels + g * ocg) * p
    // col2im only walks the geometry: the source's planes are not read.
    let layout = ConvSource(
      planes: x, planeSize: isPadded ? paddedPlaneSize : planeSize, tables: tables)
    let planes = dx + (image * channels + g * inPerGroup) * planeSize
    let target = isPadded ? scratch.paddedDx : planes
    if isPadded { scratch.paddedDx.update(repeating: 0, count: paddedGroupCount) }
    for j0 in stride(from: 0, to: p, by: convColumnBlock) {
      let width = min(convColumnBlock, p - j0)
      packB(dyG + j0, ldb: p, transposed: false, kc: ocg, cols: width, into: scratch.dy)
      gemmMacroKernel(
        m: k, n: width, kc: ocg, packedA: weights.pointer(group: g), packedB: scratch.dy,
        c: scratch.col, ldc: width, accumulate: false)
      layout.col2im(scratch.col, rows: k, positions: j0..<j0 + width, ld: width, into: target)
    }
    if isPadded { addCropped(scratch.paddedDx, to: planes) }
  }
}
