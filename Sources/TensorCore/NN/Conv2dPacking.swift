/// The convolution's side of the packed GEMM: im2col fused into panel packing, the transposed
/// packing the weight gradient needs, and col2im for the input gradient.
///
/// The column matrix `col (K, P)` of one group of one image is never formed whole. With the group's
/// planes zero-padded to `Hp x Wp` (or used in place when there is no padding),
/// `col[ch*KK + tap, pos] = planes[ch*Hp*Wp + tapStart[tap] + positionStart[pos]]`, where
/// `tapStart[ky*KW + kx] = ky*dh*Wp + kx*dw` and `positionStart[oy*OW + ox] = oy*sh*Wp + ox*sw`:
/// every read is in bounds, so packing needs no branch per element. K = CG*KK rows (KK = KH*KW
/// taps), P = OH*OW positions. Panels use `GemmKernel.swift`'s layouts.

/// One group of one image as the kernels read it.
struct ConvSource {
  /// Element (0, 0) of the group's first (padded) plane.
  let planes: UnsafePointer<Float>
  /// `Hp * Wp`.
  let planeSize: Int
  let tables: ConvTables

  /// The first element read by column-matrix row `row` (channel and tap).
  @inline(__always)
  func rowBase(_ row: Int) -> UnsafePointer<Float> {
    let (ch, tap) = row.quotientAndRemainder(dividingBy: tables.taps)
    return planes + ch * planeSize + tables.tapStarts[tap]
  }

  /// Packs `col[0..<rows, positions]` as the B operand (k = rows, n = positions) of the forward
  /// GEMM `out = W x col`: NR-position panels, zero past the last position.
  func packColumns(rows: Int, positions range: Range<Int>, into dst: UnsafeMutablePointer<Float>) {
    var out = dst
    for j0 in stride(from: range.lowerBound, to: range.upperBound, by: gemmNR) {
      let live = min(gemmNR, range.upperBound - j0)
      let starts = tables.positionStarts + j0
      // 16 positions in one output row at stride 1 read 16 consecutive elements.
      let contiguous = live == gemmNR && starts[gemmNR - 1] - starts[0] == gemmNR - 1
      for row in 0..<rows {
        let base = rowBase(row)
        let panelRow = out + row * gemmNR
        if contiguous {
          let v = UnsafeRawPointer(base + starts[0]).loadUnaligned(as: FloatVector.self)
          UnsafeMutableRawPointer(panelRow).storeBytes(of: v, as: FloatVector.self)
        } else {
          for j in 0..<live { panelRow[j] = base[starts[j]] }
          for j in live..<gemmNR { panelRow[j] = 0 }
        }
      }
      out += gemmNR * rows
    }
  }

  /// Packs `col^T[positions, 0..<rows]` as the B operand (k = positions, n = rows) of the weight
  /// gradient `dW += dOut x col^T`: NR-row panels, zero past the last row.
  func packColumnsTransposed(
    rows: Int, positions range: Range<Int>, into dst: UnsafeMutablePointer<Float>
  ) {
    let kc = range.count
    let starts = tables.positionStarts + range.lowerBound
    var out = dst
    for r0 in stride(from: 0, to: rows, by: gemmNR) {
      for j in 0..<gemmNR {
        guard r0 + j < rows else {
          for p in 0..<kc { out[p * gemmNR + j] = 0 }
          continue
        }
        let base = rowBase(r0 + j)
        for p in 0..<kc { out[p * gemmNR + j] = base[starts[p]] }
      }
      out += gemmNR * kc
    }
  }

  /// Folds a block of a column matrix, `block (rows, positions.count)` row-major, back onto planes
  /// laid out like `planes` starting at `dx`: every entry is added (`+=`) to the element it was read
  /// from. The adjoint of `packColumns`.
  func foldColumns(
    _ block: UnsafePointer<Float>, rows: Int, positions range: Range<Int>,
    into dx: UnsafeMutablePointer<Float>
  ) {
    let width = range.count
    let starts = tables.positionStarts + range.lowerBound
    for row in 0..<rows {
      let (ch, tap) = row.quotientAndRemainder(dividingBy: tables.taps)
      let base = dx + ch * planeSize + tables.tapStarts[tap]
      let values = block + row * width
      for p in 0..<width { base[starts[p]] += values[p] }
    }
  }
}

/// The index tables of `ConvSource`, in memory that lives as long as the object.
final class ConvTables: @unchecked Sendable {
  let taps: Int
  /// `tapStarts[ky*KW + kx] = ky*dh*Wp + kx*dw`.
  let tapStarts: UnsafeMutablePointer<Int>
  /// `positionStarts[oy*OW + ox] = oy*sh*Wp + ox*sw`.
  let positionStarts: UnsafeMutablePointer<Int>

  /// The tables of `window` over planes `paddedWidth` wide.
  init(_ window: Window2D, paddedWidth: Int) {
    let (rows, cols) = (window.rows, window.cols)
    taps = window.kernelCount
    tapStarts = .allocate(capacity: max(1, taps))
    positionStarts = .allocate(capacity: max(1, window.outputCount))
    for ky in 0..<rows.kernel {
      for kx in 0..<cols.kernel {
        tapStarts[ky * cols.kernel + kx] = ky * rows.dilation * paddedWidth + kx * cols.dilation
      }
    }
    for oy in 0..<rows.outputSize {
      for ox in 0..<cols.outputSize {
        positionStarts[oy * cols.outputSize + ox] =
          oy * rows.stride * paddedWidth + ox * cols.stride
      }
    }
  }

  deinit {
    tapStarts.deallocate()
    positionStarts.deallocate()
  }
}

/// `out[ch] = sum over n, i of values[(n*channels + ch)*planeSize + i]` (a bias gradient).
func sumPlanes(_ values: [Float], batch: Int, channels: Int, planeSize: Int) -> [Float] {
  var sums = [Float](repeating: 0, count: channels)
  values.withUnsafeBufferPointer { v in
    for n in 0..<batch {
      for ch in 0..<channels {
        let base = (n * channels + ch) * planeSize
        // Four partial sums let the loop vectorise without reassociating one long chain.
        var (s0, s1, s2, s3): (Float, Float, Float, Float) = (0, 0, 0, 0)
        var i = 0
        while i + 4 <= planeSize {
          s0 += v[base + i]
          s1 += v[base + i + 1]
          s2 += v[base + i + 2]
          s3 += v[base + i + 3]
          i += 4
        }
        while i < planeSize {
          s0 += v[base + i]
          i += 1
        }
        sums[ch] += (s0 + s1) + (s2 + s3)
      }
    }
  }
  return sums
}
