/// General matrix multiply over raw row-major buffers, shared by `matmul`, `linear` and `conv2d`.
///
/// `C = alpha * op(A) * op(B) + beta * C`, where `op(X)` is `X` or its transpose. The fast path
/// packs blocks of both operands into panels (transposing while packing) and runs the 5 x 16 SIMD
/// micro-kernel of `GemmKernel.swift` over them; `naiveGemm` is the reference the tests compare it
/// against.

import Dispatch

/// Row-major `C = alpha * op(A) * op(B) + beta * C` (BLAS `sgemm` semantics, row-major layout).
///
/// Shapes: `op(A)` is `m x k`, `op(B)` is `k x n`, `C` is `m x n`.
/// - `transA == false`: A is stored `m x k`, element (i, p) at `a[i * lda + p]`.
/// - `transA == true`: A is stored `k x m`, element (i, p) of op(A) at `a[p * lda + i]`.
/// - `transB == false`: B is stored `k x n`, element (p, j) at `b[p * ldb + j]`.
/// - `transB == true`: B is stored `n x k`, element (p, j) of op(B) at `b[j * ldb + p]`.
/// - C element (i, j) is at `c[i * ldc + j]`.
///
/// With `beta == 0`, C's previous contents are ignored (even NaN), as in BLAS. Large problems are
/// split in two (by columns, or by rows when C is narrow) and run on two threads.
public func gemm(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>,
  lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  guard m > 0 && n > 0 else { return }
  guard k > 0 && alpha != 0 else {
    scaleRows(c, m: m, n: n, ldc: ldc, beta: beta)
    return
  }
  if beta != 0 { scaleRows(c, m: m, n: n, ldc: ldc, beta: beta) }
  let problem = GemmProblem(
    transA: transA, transB: transB, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, c: c,
    ldc: ldc, overwrite: beta == 0)
  let large = m * n * k >= parallelThreshold
  if large && n >= 4 * gemmNR {
    let half = (n / 2 + gemmNR - 1) / gemmNR * gemmNR
    runConcurrently(2) { worker in
      problem.run(rows: 0..<m, cols: worker == 0 ? 0..<half : half..<n)
    }
  } else if large && m >= 4 * gemmMR {
    let half = (m / 2 + gemmMR - 1) / gemmMR * gemmMR
    runConcurrently(2) { worker in
      problem.run(rows: worker == 0 ? 0..<half : half..<m, cols: 0..<n)
    }
  } else {
    problem.run(rows: 0..<m, cols: 0..<n)
  }
}

/// The reference GEMM: the textbook triple loop in Double, same contract as `gemm`.
func naiveGemm(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>,
  lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  for i in 0..<m {
    for j in 0..<n {
      var total = 0.0
      for p in 0..<k {
        let x = transA ? a[p * lda + i] : a[i * lda + p]
        let y = transB ? b[j * ldb + p] : b[p * ldb + j]
        total += Double(x) * Double(y)
      }
      let previous = beta == 0 ? 0 : beta * c[i * ldc + j]
      c[i * ldc + j] = alpha * Float(total) + previous
    }
  }
}

// MARK: - Blocking

/// Block sizes: an A block (mc x kc, 120 KB) and a B block (kc x nc, 512 KB) stay in L2.
private let kcBlock = 256
private let mcBlock = 24 * gemmMR
private let ncBlock = 32 * gemmNR
/// Problems below this many multiply-adds run on the calling thread.
private let parallelThreshold = 1 << 21

/// C[i, 0..<n] *= beta for every row (zeroing when beta == 0).
private func scaleRows(_ c: UnsafeMutablePointer<Float>, m: Int, n: Int, ldc: Int, beta: Float) {
  guard beta != 1 else { return }
  for i in 0..<m {
    let row = c + i * ldc
    if beta == 0 {
      row.update(repeating: 0, count: n)
    } else {
      for j in 0..<n { row[j] *= beta }
    }
  }
}

/// The operands of one `gemm` call (C already scaled by beta unless `overwrite`).
private struct GemmProblem: @unchecked Sendable {
  let transA: Bool, transB: Bool, k: Int, alpha: Float
  let a: UnsafePointer<Float>, lda: Int
  let b: UnsafePointer<Float>, ldb: Int
  let c: UnsafeMutablePointer<Float>, ldc: Int
  /// True when C's old contents are to be ignored (beta == 0).
  let overwrite: Bool

  /// Computes C[rows, cols] block by block: for each column block and depth block, pack B once,
  /// then pack each row block of A and run the macro-kernel.
  func run(rows: Range<Int>, cols: Range<Int>) {
    let kc = min(kcBlock, k)
    let aCount = packedCount(min(mcBlock, rows.count), kc: kc, panel: gemmMR)
    let bCount = packedCount(min(ncBlock, cols.count), kc: kc, panel: gemmNR)
    withAlignedScratch(count: aCount + bCount) { scratch in
      let (packedA, packedB) = (scratch, scratch + aCount)
      for j0 in stride(from: cols.lowerBound, to: cols.upperBound, by: ncBlock) {
        let nb = min(ncBlock, cols.upperBound - j0)
        for p0 in stride(from: 0, to: k, by: kcBlock) {
          let kb = min(kcBlock, k - p0)
          let bStart = transB ? b + j0 * ldb + p0 : b + p0 * ldb + j0
          packB(bStart, ldb: ldb, transposed: transB, kc: kb, cols: nb, into: packedB)
          for i0 in stride(from: rows.lowerBound, to: rows.upperBound, by: mcBlock) {
            let mb = min(mcBlock, rows.upperBound - i0)
            let aStart = transA ? a + p0 * lda + i0 : a + i0 * lda + p0
            packA(
              aStart, lda: lda, transposed: transA, rows: mb, kc: kb, alpha: alpha, into: packedA)
            gemmMacroKernel(
              m: mb, n: nb, kc: kb, packedA: packedA, packedB: packedB, c: c + i0 * ldc + j0,
              ldc: ldc, accumulate: p0 > 0 || !overwrite)
          }
        }
      }
    }
  }
}

/// Runs `body(0..<count)` with scratch space for `count` floats aligned to 64 bytes (a cache line,
/// so packed panels never straddle one). Small blocks live on the stack.
func withAlignedScratch<R>(count: Int, _ body: (UnsafeMutablePointer<Float>) throws -> R) rethrows
  -> R
{
  try withUnsafeTemporaryAllocation(
    byteCount: max(count, 1) * MemoryLayout<Float>.stride, alignment: 64
  ) { raw in
    try body(raw.bindMemory(to: Float.self).baseAddress.unsafelyUnwrapped)
  }
}

/// Runs `body(worker)` for workers `0..<count` concurrently and waits for all of them.
func runConcurrently(_ count: Int, _ body: (Int) -> Void) {
  guard count > 1 else {
    if count == 1 { body(0) }
    return
  }
  withoutActuallyEscaping(body) { run in
    let box = UncheckedBox(run)
    DispatchQueue.concurrentPerform(iterations: count) { box.value($0) }
  }
}

/// Lets a closure over disjoint parts of the output cross into `concurrentPerform`.
private struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
