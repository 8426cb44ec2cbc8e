/// A naive single-precision matrix multiply, standing in for `gemm` (Ops/Gemm.swift) until the two
/// branches merge; it has `gemm`'s exact signature, so the switch is a rename.

/// Row-major `C = alpha * op(A) * op(B) + beta * C`, where `op(X)` is `X` or its transpose.
///
/// Shapes: `op(A)` is `m x k`, `op(B)` is `k x n`, `C` is `m x n`; `lda`, `ldb`, `ldc` are the row
/// strides of A, B, C as stored. With `beta == 0`, C is overwritten (its old values, even NaN, are
/// ignored), as BLAS does.
func gemmStandIn(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, a: UnsafePointer<Float>,
  lda: Int, b: UnsafePointer<Float>, ldb: Int, beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
) {
  // a(i, p) = op(A)[i][p]; b(p, j) = op(B)[p][j].
  let (aRow, aCol) = transA ? (1, lda) : (lda, 1)
  let (bRow, bCol) = transB ? (1, ldb) : (ldb, 1)
  for i in 0..<m {
    let cRow = c + i * ldc
    for j in 0..<n { cRow[j] = beta == 0 ? 0 : beta * cRow[j] }
    // i-p-j order: the inner loop walks a row of C and (untransposed) a row of B.
    for p in 0..<k {
      let scaled = alpha * a[i * aRow + p * aCol]
      let bBase = b + p * bRow
      for j in 0..<n { cRow[j] += scaled * bBase[j * bCol] }
    }
  }
}
