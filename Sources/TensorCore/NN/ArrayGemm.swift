/// Matrix products on `[Float]` storage: the one place the NN kernels reach the GEMM routine, so no
/// kernel handles raw base addresses (an empty array has none).

/// `C = alpha * op(A) x op(B) + beta * C`, row-major, through `gemm`; A, B and C start at
/// `aStart`, `bStart`, `cStart` in their arrays.
///
/// Shapes: `op(A)` is `m x k`, `op(B)` is `k x n`, C is `m x n`; `lda`, `ldb`, `ldc` are row strides.
/// Does nothing when `m` or `n` is 0; with `k == 0`, only scales C by `beta`.
func arrayGemm(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
  a: [Float], aStart: Int = 0, lda: Int, b: [Float], bStart: Int = 0, ldb: Int,
  beta: Float, c: inout [Float], cStart: Int = 0, ldc: Int
) {
  guard m > 0 && n > 0 else { return }
  c.withUnsafeMutableBufferPointer { c in
    guard let cBase = c.baseAddress else { return }
    guard k > 0 else {
      for i in 0..<m {
        for j in 0..<n {
          cBase[cStart + i * ldc + j] = beta == 0 ? 0 : beta * cBase[cStart + i * ldc + j]
        }
      }
      return
    }
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return }
        gemm(
          transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: aBase + aStart,
          lda: lda,
          b: bBase + bStart, ldb: ldb, beta: beta, c: cBase + cStart, ldc: ldc)
      }
    }
  }
}

/// `op(A) (m, k) x op(B) (k, n)` for whole row-major arrays, as a new `(m, n)` array.
func matmul(
  _ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, transA: Bool = false, transB: Bool = false
) -> [Float] {
  var c = [Float](repeating: 0, count: m * n)
  arrayGemm(
    transA: transA, transB: transB, m: m, n: n, k: k, a: a, lda: transA ? m : k, b: b,
    ldb: transB ? k : n, beta: 0, c: &c, ldc: n)
  return c
}
