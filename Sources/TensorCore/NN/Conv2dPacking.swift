/// The convolution's side of the GEMM: im2col and col2im a block of positions at a time.
///
/// The column matrix `col (K, P)` of one group of one image is formed a block of positions at a
/// time. With the group's planes zero-padded to `Hp x Wp` (or used in place when there is no
/// padding), `col[ch*KK + tap, oy*OW + ox] = planes[ch*Hp*Wp + tapStart[tap] + oy*sh*Wp + ox*sw]`,
/// where `tapStart[ky*KW + kx] = ky*dh*Wp + kx*dw`: every read is in bounds, and the positions of
/// one output row are a run in the input (contiguous at stride 1), copied without an index table.
/// K = CG*KK rows (KK = KH*KW taps), P = OH*OW positions.

/// One group of one image as the kernels read it.
struct ConvSource {
  /// Element (0, 0) of the group's first (padded) plane.
  let planes: UnsafePointer<Float>
  /// `Hp * Wp`.
  let planeSize: Int
  let tables: ConvTables

  /// Calls `body(run, start, count)` for each row of `col` and each stretch of `positions` within
  /// one output row: `run` is the first input element of the stretch (relative to `base`, which is
  /// `planes` or a pointer laid out like it), `start` the stretch's first position minus
  /// `positions.lowerBound`.
  @inline(__always)
  private func forEachRun(
    rows: Int, positions range: Range<Int>,
    _ body: (_ row: Int, _ input: Int, _ start: Int, _ count: Int) -> Void
  ) {
    let (ow, rowStep, colStep) = (tables.outWidth, tables.rowStep, tables.colStep)
    // The first position's output row and column, found once; the rows below only step.
    let (oy0, ox0) = range.lowerBound.quotientAndRemainder(dividingBy: ow)
    var (ch, tap) = (0, 0)
    for row in 0..<rows {
      let base = ch * planeSize + tables.tapStarts[tap]
      var (position, oy, ox) = (range.lowerBound, oy0, ox0)
      while position < range.upperBound {
        let count = min(ow - ox, range.upperBound - position)
        body(row, base + oy * rowStep + ox * colStep, position - range.lowerBound, count)
        (position, oy, ox) = (position + count, oy + 1, 0)
      }
      tap += 1
      if tap == tables.taps { (ch, tap) = (ch + 1, 0) }
    }
  }

  /// The number of output rows `positions` spans when it is whole output rows read at stride 1
  /// (every run a full output row, so the runs need no bookkeeping), else nil.
  @inline(__always)
  private func wholeRows(_ range: Range<Int>) -> Int? {
    let ow = tables.outWidth
    guard tables.colStep == 1, ow > 0, range.lowerBound % ow == 0, range.count % ow == 0 else {
      return nil
    }
    return range.count / ow
  }

  /// Calls `body(row, input)` for each row of `col`, `input` being the first input element of
  /// output row `firstRow` in that row (relative to `planes`); output row `firstRow + r` starts
  /// `r * rowStep` further on.
  @inline(__always)
  private func forEachRow(rows: Int, firstRow: Int, _ body: (_ row: Int, _ input: Int) -> Void) {
    let offset = firstRow * tables.rowStep
    var (ch, tap) = (0, 0)
    for row in 0..<rows {
      body(row, ch * planeSize + tables.tapStarts[tap] + offset)
      tap += 1
      if tap == tables.taps { (ch, tap) = (ch + 1, 0) }
    }
  }

  /// Writes `col[0..<rows, positions]` row-major into `dst`, rows `ld` apart. The columns from
  /// `positions.count` to `ld` are left as they are: the micro-kernel reads them but never stores
  /// what they produce (callers zero the scratch once, so they hold finite values).
  func im2col(
    rows: Int, positions range: Range<Int>, into dst: UnsafeMutablePointer<Float>, ld: Int
  ) {
    let (planes, colStep) = (planes, tables.colStep)
    if let outRows = wholeRows(range) {
      forEachRow(rows: rows, firstRow: range.lowerBound / tables.outWidth) { row, input in
        let (ow, rowStep) = (tables.outWidth, tables.rowStep)
        let (src, out) = (planes + input, dst + row * ld)
        for r in 0..<outRows { copyRun(src + r * rowStep, out + r * ow, ow) }
      }
      return
    }
    forEachRun(rows: rows, positions: range) { row, input, start, count in
      let (src, out) = (planes + input, dst + row * ld + start)
      if colStep == 1 {
        copyRun(src, out, count)
      } else {
        for i in 0..<count { out[i] = src[i * colStep] }
      }
    }
  }

  /// Folds `block (rows, positions.count)`, rows `ld` apart, back onto planes laid out like
  /// `planes` starting at `dx`: every entry is added (`+=`) to the element it was read from. The
  /// adjoint of `im2col`.
  func col2im(
    _ block: UnsafePointer<Float>, rows: Int, positions range: Range<Int>, ld: Int,
    into dx: UnsafeMutablePointer<Float>
  ) {
    let colStep = tables.colStep
    if let outRows = wholeRows(range) {
      forEachRow(rows: rows, firstRow: range.lowerBound / tables.outWidth) { row, input in
        let (ow, rowStep) = (tables.outWidth, tables.rowStep)
        let (dst, values) = (dx + input, block + row * ld)
        for r in 0..<outRows { addRun(values + r * ow, dst + r * rowStep, ow) }
      }
      return
    }
    forEachRun(rows: rows, positions: range) { row, input, start, count in
      let (dst, values) = (dx + input, block + row * ld + start)
      if colStep == 1 {
        addRun(values, dst, count)
      } else {
        for i in 0..<count { dst[i * colStep] += values[i] }
      }
    }
  }
}

/// `dst[0..<count] = src[0..<count]` in vector chunks (runs are short: a call to memcpy per run
/// would cost more than the copy).
@inline(__always)
private func copyRun(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ count: Int)
{
  var i = 0
  while i + 8 <= count {
    let v = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<Float>.self)
    UnsafeMutableRawPointer(dst + i).storeBytes(of: v, as: SIMD8<Float>.self)
    i += 8
  }
  while i < count {
    dst[i] = src[i]
    i += 1
  }
}

/// `dst[0..<count] += src[0..<count]` in vector chunks.
@inline(__always)
private func addRun(_ src: UnsafePointer<Float>, _ dst: UnsafeMutablePointer<Float>, _ count: Int) {
  var i = 0
  while i + 8 <= count {
    let v = UnsafeRawPointer(src + i).loadUnaligned(as: SIMD8<Float>.self)
    let sum = UnsafeRawPointer(dst + i).loadUnaligned(as: SIMD8<Float>.self) + v
    UnsafeMutableRawPointer(dst + i).storeBytes(of: sum, as: SIMD8<Float>.self)
    i += 8
  }
  while i < count {
    dst[i] += src[i]
    i += 1
  }
}

/// The geometry `ConvSource` walks, in memory that lives as long as the object.
final class ConvTables: @unchecked Sendable {
  let taps: Int
  /// `tapStarts[ky*KW + kx] = ky*dh*Wp + kx*dw`.
  let tapStarts: UnsafeMutablePointer<Int>
  /// OW; `sh * Wp` between output rows; `sw` between output columns.
  let outWidth: Int, rowStep: Int, colStep: Int

  /// The tables of `window` over planes `paddedWidth` wide.
  init(_ window: Window2D, paddedWidth: Int) {
    let (rows, cols) = (window.rows, window.cols)
    taps = window.kernelCount
    (outWidth, rowStep, colStep) = (cols.outputSize, rows.stride * paddedWidth, cols.stride)
    tapStarts = .allocate(capacity: max(1, taps))
    for ky in 0..<rows.kernel {
      for kx in 0..<cols.kernel {
        tapStarts[ky * cols.kernel + kx] = ky * rows.dilation * paddedWidth + kx * cols.dilation
      }
    }
  }

  deinit { tapStarts.deallocate() }
}

/// `out[ch] = sum over n, i of values[(n*channels + ch)*planeSize + i]` (a bias gradient).
func sumPlanes(_ values: [Float], batch: Int, channels: Int, planeSize: Int) -> [Float] {
  var sums = [Float](repeating: 0, count: channels)
  values.withUnsafeBufferPointer { v in
    guard let v = v.baseAddress else { return }
    for ch in 0..<channels {
      // Eight-lane partial sums over every image's plane, reduced once per channel.
      var (lanes, tail): (SIMD8<Float>, Float) = (SIMD8(), 0)
      for n in 0..<batch {
        let plane = v + (n * channels + ch) * planeSize
        var i = 0
        while i + 8 <= planeSize {
          lanes += UnsafeRawPointer(plane + i).loadUnaligned(as: SIMD8<Float>.self)
          i += 8
        }
        for j in i..<planeSize { tail += plane[j] }
      }
      let four = lanes.lowHalf + lanes.highHalf
      let two = four.lowHalf + four.highHalf
      sums[ch] = two[0] + two[1] + tail
    }
  }
  return sums
}
