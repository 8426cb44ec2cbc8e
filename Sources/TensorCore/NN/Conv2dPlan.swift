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

extension ConvPlan {
  /// The backward pass over `images` on one thread: `dW (worker's block) += dOut_g x col^T` and
  /// `dx += col2im(W_g^T x dOut_g)`, a block of positions at a time.
  func backward(
    images: Range<Int>, x: UnsafePointer<Float>, _ grads: ConvGradientPointers, worker: Int,
    wCount: Int
  ) {
    let (ocg, k, p) = (outPerGroup, rows, positions)
    let block = min(p, convColumnBlock)
    let ld = columnBlockStride(block)
    let counts = (
      dyB: packedCount(block, kc: ocg, panel: gemmNR), col: k * ld, padded: paddedGroupCount
    )
    withAlignedScratch(count: counts.dyB + counts.col + 2 * counts.padded) { scratch in
      let (packedDy, col) = (scratch, scratch + counts.dyB)
      col.update(repeating: 0, count: counts.col)
      let (paddedX, paddedDx) = (col + counts.col, col + counts.col + counts.padded)
      for image in images {
        for g in 0..<groups {
          let src = source(x, image: image, group: g, scratch: paddedX)
          let dyG = grads.dy + (image * outChannels + g * ocg) * p
          if let dw = grads.dw {
            for p0 in stride(from: 0, to: p, by: convColumnBlock) {
              let depth = min(convColumnBlock, p - p0)
              src.im2col(rows: k, positions: p0..<p0 + depth, into: col, ld: ld)
              gemmDotProducts(
                m: ocg, n: k, k: depth, a: dyG + p0, lda: p, b: col, ldb: ld,
                c: dw + worker * wCount + g * ocg * k, ldc: k)
            }
          }
          guard let dx = grads.dx, let weights = grads.weightsTransposed else { continue }
          let planes = dx + (image * channels + g * inPerGroup) * planeSize
          let target = isPadded ? paddedDx : planes
          if isPadded { paddedDx.update(repeating: 0, count: counts.padded) }
          for j0 in stride(from: 0, to: p, by: convColumnBlock) {
            let width = min(convColumnBlock, p - j0)
            packB(dyG + j0, ldb: p, transposed: false, kc: ocg, cols: width, into: packedDy)
            gemmMacroKernel(
              m: k, n: width, kc: ocg, packedA: weights.pointer(group: g), packedB: packedDy,
              c: col, ldc: width, accumulate: false)
            src.col2im(col, rows: k, positions: j0..<j0 + width, ld: width, into: target)
          }
          if isPadded { addCropped(paddedDx, to: planes) }
        }
      }
    }
  }
}
