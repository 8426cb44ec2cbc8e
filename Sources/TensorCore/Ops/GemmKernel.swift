/// The register-blocked core of `gemm`: operands packed into panels, a 5 x 16 SIMD micro-kernel,
/// and the loop over panels (the "macro-kernel") that writes C.
///
/// Packed layouts (MR = 5 rows, NR = 16 columns, kc = the depth of the block):
/// - A block (rows x kc) -> panels of MR rows: element (r, p) of panel q at `q*MR*kc + p*MR + r`.
/// - B block (kc x cols) -> panels of NR columns: element (p, j) of panel q at `q*NR*kc + p*NR + j`.
/// Rows and columns past the matrix edge are packed as zeros, so the micro-kernel always computes
/// a full MR x NR tile and only the store is clipped.

/// Rows of C per micro-tile (5 divides the lecture's 10 and 20 channels and 25 and 250 taps).
let gemmMR = 5
/// Columns of C per micro-tile: one `SIMD16<Float>`.
let gemmNR = 16

typealias FloatVector = SIMD16<Float>

/// `acc + a * b`, fused into one instruction where the build targets FMA (see Package.swift).
@inline(__always)
func multiplyAdd(_ acc: FloatVector, _ a: Float, _ b: FloatVector) -> FloatVector {
  #if TENSORCORE_FMA
    return acc.addingProduct(a, b)
  #else
    return acc + a * b
  #endif
}

/// One micro-tile `C[0..<rows, 0..<cols] (+)= Apanel (MR x kc) * Bpanel (kc x NR)`.
///
/// `a` points at a packed A panel; `b` at row 0 of a B panel whose rows of NR floats are `ldb`
/// apart (NR when packed); `c` at the tile's top-left element, row stride `ldc`. With
/// `accumulate` the tile is added to C, otherwise it overwrites C.
@inline(__always)
func gemmMicroKernel(
  kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>, ldb: Int,
  c: UnsafeMutablePointer<Float>, ldc: Int, rows: Int, cols: Int, accumulate: Bool
) {
  var (c0, c1, c2, c3, c4) = (
    FloatVector(), FloatVector(), FloatVector(), FloatVector(), FloatVector()
  )
  var (pa, pb) = (a, UnsafeRawPointer(b))
  for _ in 0..<kc {
    let bv = pb.loadUnaligned(as: FloatVector.self)
    c0 = multiplyAdd(c0, pa[0], bv)
    c1 = multiplyAdd(c1, pa[1], bv)
    c2 = multiplyAdd(c2, pa[2], bv)
    c3 = multiplyAdd(c3, pa[3], bv)
    c4 = multiplyAdd(c4, pa[4], bv)
    pa += gemmMR
    pb += ldb * MemoryLayout<Float>.stride
  }
  if rows == gemmMR && cols == gemmNR {
    storeRow(c0, c, accumulate)
    storeRow(c1, c + ldc, accumulate)
    storeRow(c2, c + 2 * ldc, accumulate)
    storeRow(c3, c + 3 * ldc, accumulate)
    storeRow(c4, c + 4 * ldc, accumulate)
    return
  }
  var tile = (c0, c1, c2, c3, c4)
  withUnsafeBytes(of: &tile) { raw in
    let tile = raw.bindMemory(to: Float.self).baseAddress.unsafelyUnwrapped
    for r in 0..<rows {
      let (row, values) = (c + r * ldc, tile + r * gemmNR)
      for j in 0..<cols { row[j] = accumulate ? row[j] + values[j] : values[j] }
    }
  }
}

/// Stores or adds one full row of a micro-tile.
@inline(__always)
private func storeRow(_ v: FloatVector, _ c: UnsafeMutablePointer<Float>, _ accumulate: Bool) {
  let raw = UnsafeMutableRawPointer(c)
  let value = accumulate ? UnsafeRawPointer(c).loadUnaligned(as: FloatVector.self) + v : v
  raw.storeBytes(of: value, as: FloatVector.self)
}

/// `C (m x n) (+)= Apacked (m x kc) * Bpacked (kc x n)` over every pair of panels.
///
/// Legend: m, n = rows and columns of this block of C; `c` its top-left element. B panels go in
/// the outer loop so each (kc x NR, at most 16 KB) stays in L1 while A's panels stream from L2.
///
/// B is packed (`ldb == NR`, the default) or a row-major `kc x n` matrix with row stride `ldb`
/// whose rows are readable up to a multiple of NR (the columns past n are never stored).
func gemmMacroKernel(
  m: Int, n: Int, kc: Int, packedA: UnsafePointer<Float>, packedB: UnsafePointer<Float>,
  ldb: Int = gemmNR, c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
  // Packed panels are NR x kc apart; the panels of a plain matrix are NR columns apart.
  let panelStride = ldb == gemmNR ? gemmNR * kc : gemmNR
  for j0 in stride(from: 0, to: n, by: gemmNR) {
    let b = packedB + (j0 / gemmNR) * panelStride
    for i0 in stride(from: 0, to: m, by: gemmMR) {
      gemmMicroKernel(
        kc: kc, a: packedA + (i0 / gemmMR) * gemmMR * kc, b: b, ldb: ldb, c: c + i0 * ldc + j0,
        ldc: ldc, rows: min(gemmMR, m - i0), cols: min(gemmNR, n - j0), accumulate: accumulate)
    }
  }
}

/// The number of floats a packed block of `rows x kc` (A) or `kc x cols` (B) takes.
func packedCount(_ extent: Int, kc: Int, panel: Int) -> Int {
  (extent + panel - 1) / panel * panel * kc
}

// MARK: - Packing

/// Packs `alpha * op(A)[rows, depth]` into MR-row panels (see the file header).
///
/// `a` points at element (rows.lowerBound, depth.lowerBound) of op(A): at `a[i * lda + p]`, or
/// `a[p * lda + i]` when `transposed`.
func packA(
  _ a: UnsafePointer<Float>, lda: Int, transposed: Bool, rows: Int, kc: Int, alpha: Float,
  into dst: UnsafeMutablePointer<Float>
) {
  var out = dst
  for i0 in stride(from: 0, to: rows, by: gemmMR) {
    let live = min(gemmMR, rows - i0)
    if transposed {
      // Row p of the stored A holds MR consecutive elements of the panel's row p.
      for p in 0..<kc {
        let src = a + p * lda + i0
        for r in 0..<gemmMR { out[p * gemmMR + r] = r < live ? alpha * src[r] : 0 }
      }
    } else {
      // Walk each stored row contiguously; the writes stride by MR.
      for r in 0..<gemmMR {
        guard r < live else {
          for p in 0..<kc { out[p * gemmMR + r] = 0 }
          continue
        }
        let src = a + (i0 + r) * lda
        for p in 0..<kc { out[p * gemmMR + r] = alpha * src[p] }
      }
    }
    out += gemmMR * kc
  }
}

/// Packs `op(B)[depth, cols]` into NR-column panels (see the file header).
///
/// `b` points at element (0, 0) of the block of op(B): at `b[p * ldb + j]`, or `b[j * ldb + p]`
/// when `transposed`.
func packB(
  _ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, kc: Int, cols: Int,
  into dst: UnsafeMutablePointer<Float>
) {
  var out = dst
  for j0 in stride(from: 0, to: cols, by: gemmNR) {
    let live = min(gemmNR, cols - j0)
    if !transposed && live == gemmNR {
      for p in 0..<kc {
        let v = UnsafeRawPointer(b + p * ldb + j0).loadUnaligned(as: FloatVector.self)
        UnsafeMutableRawPointer(out + p * gemmNR).storeBytes(of: v, as: FloatVector.self)
      }
    } else if !transposed {
      for p in 0..<kc {
        for j in 0..<gemmNR { out[p * gemmNR + j] = j < live ? b[p * ldb + j0 + j] : 0 }
      }
    } else {
      // Stored row j0 + j of B is column j of the panel: read it contiguously.
      for j in 0..<gemmNR {
        guard j < live else {
          for p in 0..<kc { out[p * gemmNR + j] = 0 }
          continue
        }
        let src = b + (j0 + j) * ldb
        for p in 0..<kc { out[p * gemmNR + j] = src[p] }
      }
    }
    out += gemmNR * kc
  }
}
