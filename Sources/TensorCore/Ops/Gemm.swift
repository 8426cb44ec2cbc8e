/// General matrix multiply over raw row-major buffers, shared by `matmul`, `linear` and `conv2d`.
///
/// `C = alpha * op(A) * op(B) + beta * C`, where `op(X)` is `X` or its transpose. The fast path is
/// cache-blocked and picks, for each transpose combination, a loop order whose innermost loop walks
/// memory contiguously, so no operand is ever transposed into a copy (except A when both are
/// transposed). `naiveGemm` is the reference the tests compare it against.

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
/// split over row blocks of C and run concurrently.
public func gemm(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>,
  lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  guard m > 0 && n > 0 else { return }
  scaleRows(c, m: m, n: n, ldc: ldc, beta: beta)
  guard k > 0 && alpha != 0 else { return }
  if transA && transB {
    // Copy op(A) into a contiguous m x k buffer, then use the dot-product (NT) kernel.
    var packed = [Float](repeating: 0, count: m * k)
    packed.withUnsafeMutableBufferPointer { dst in
      for p in 0..<k {
        for i in 0..<m { dst[i * k + p] = a[p * lda + i] }
      }
    }
    packed.withUnsafeBufferPointer { src in
      guard let packedA = src.baseAddress else { return }
      gemmParallel(m: m, n: n, k: k) { rows in
        gemmNT(
          rows: rows, n: n, k: k, alpha: alpha, a: packedA, lda: k, b: b, ldb: ldb, c: c, ldc: ldc)
      }
    }
    return
  }
  gemmParallel(m: m, n: n, k: k) { rows in
    switch (transA, transB) {
    case (false, false):
      gemmNN(rows: rows, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
    case (false, true):
      gemmNT(rows: rows, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
    default:
      gemmTN(rows: rows, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc)
    }
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

// MARK: - Kernels

/// Block sizes: a `kBlock x nBlock` tile of B (128 KB) stays in L2 while rows of A stream past.
private let kBlock = 128
private let nBlock = 256
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

/// Runs `body` over row ranges of C, concurrently when the problem is large enough to pay off.
private func gemmParallel(m: Int, n: Int, k: Int, _ body: (Range<Int>) -> Void) {
  let workers = m * n * k >= parallelThreshold && m >= 8 ? 2 : 1
  if workers == 1 {
    body(0..<m)
    return
  }
  let chunk = (m + workers - 1) / workers
  withoutActuallyEscaping(body) { run in
    let box = UncheckedBox(run)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let start = worker * chunk
      let end = min(m, start + chunk)
      if start < end { box.value(start..<end) }
    }
  }
}

/// Lets a closure over disjoint rows of C cross into `concurrentPerform`.
private struct UncheckedBox<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}

/// A not transposed, B not transposed.
/// Legend: C (rows x n) += alpha * A (rows x k) * B (k x n). Loop i-p-j: the inner loop runs
/// along a row of B and a row of C; four rows of C share each load of B.
private func gemmNN(
  rows: Range<Int>, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
  b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  for j0 in stride(from: 0, to: n, by: nBlock) {
    let jn = min(nBlock, n - j0)
    for p0 in stride(from: 0, to: k, by: kBlock) {
      let pEnd = min(k, p0 + kBlock)
      var i = rows.lowerBound
      while i + 4 <= rows.upperBound {
        let c0 = c + i * ldc + j0
        let c1 = c0 + ldc
        let c2 = c1 + ldc
        let c3 = c2 + ldc
        for p in p0..<pEnd {
          let a0 = alpha * a[i * lda + p]
          let a1 = alpha * a[(i + 1) * lda + p]
          let a2 = alpha * a[(i + 2) * lda + p]
          let a3 = alpha * a[(i + 3) * lda + p]
          let bRow = b + p * ldb + j0
          for j in 0..<jn {
            let y = bRow[j]
            c0[j] += a0 * y
            c1[j] += a1 * y
            c2[j] += a2 * y
            c3[j] += a3 * y
          }
        }
        i += 4
      }
      while i < rows.upperBound {
        let cRow = c + i * ldc + j0
        for p in p0..<pEnd {
          let x = alpha * a[i * lda + p]
          let bRow = b + p * ldb + j0
          for j in 0..<jn { cRow[j] += x * bRow[j] }
        }
        i += 1
      }
    }
  }
}

/// A not transposed, B transposed (B stored n x k).
/// Legend: C[i, j] += alpha * dot(A row i, B row j), both rows contiguous over k. Blocks of
/// B rows are reused across all rows of A before moving on.
private func gemmNT(
  rows: Range<Int>, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
  b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  let jBlock = 64
  for j0 in stride(from: 0, to: n, by: jBlock) {
    let jEnd = min(n, j0 + jBlock)
    for p0 in stride(from: 0, to: k, by: kBlock * 2) {
      let pn = min(kBlock * 2, k - p0)
      for i in rows {
        let aRow = a + i * lda + p0
        for j in j0..<jEnd {
          let bRow = b + j * ldb + p0
          var s0: Float = 0
          var s1: Float = 0
          var s2: Float = 0
          var s3: Float = 0
          var p = 0
          while p + 4 <= pn {
            s0 += aRow[p] * bRow[p]
            s1 += aRow[p + 1] * bRow[p + 1]
            s2 += aRow[p + 2] * bRow[p + 2]
            s3 += aRow[p + 3] * bRow[p + 3]
            p += 4
          }
          while p < pn {
            s0 += aRow[p] * bRow[p]
            p += 1
          }
          c[i * ldc + j] += alpha * ((s0 + s1) + (s2 + s3))
        }
      }
    }
  }
}

/// A transposed (A stored k x m), B not transposed.
/// Legend: C (rows x n) += alpha * A^T * B. Loop p-i-j: A[p, i] is a scalar for the inner loop,
/// which runs along a row of B and a row of C.
private func gemmTN(
  rows: Range<Int>, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>, lda: Int,
  b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  for j0 in stride(from: 0, to: n, by: nBlock) {
    let jn = min(nBlock, n - j0)
    for p0 in stride(from: 0, to: k, by: kBlock) {
      for i in rows {
        let cRow = c + i * ldc + j0
        for p in p0..<min(k, p0 + kBlock) {
          let x = alpha * a[p * lda + i]
          let bRow = b + p * ldb + j0
          for j in 0..<jn { cRow[j] += x * bRow[j] }
        }
      }
    }
  }
}
