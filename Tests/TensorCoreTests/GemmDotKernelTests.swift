import Testing

@testable import TensorCore

/// `gemmDotProducts` (C += A x B^T with strided rows) against `naiveGemm`, on shapes that leave
/// remainders everywhere: rows not a multiple of 5, columns odd, depths not a multiple of 8.
@Test(arguments: [(1, 1, 1), (5, 2, 8), (7, 3, 13), (10, 25, 576), (20, 251, 67), (6, 9, 5)])
func dotProductsMatchNaiveGemm(shape: (Int, Int, Int)) {
  let (m, n, k) = shape
  let (lda, ldb, ldc) = (k + 3, k + 1, n + 2)  // padded rows: strides are honoured
  let a = sampleTensor([m * lda], seed: 21).floats
  let b = sampleTensor([n * ldb], seed: 22).floats
  let start = sampleTensor([m * ldc], seed: 23).floats
  var (fast, naive) = (start, start)
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      fast.withUnsafeMutableBufferPointer { c in
        gemmDotProducts(
          m: m, n: n, k: k, a: a.baseAddress!, lda: lda, b: b.baseAddress!, ldb: ldb,
          c: c.baseAddress!, ldc: ldc)
      }
      naive.withUnsafeMutableBufferPointer { c in
        naiveGemm(
          transA: false, transB: true, m: m, n: n, k: k, alpha: 1, a: a.baseAddress!, lda: lda,
          b: b.baseAddress!, ldb: ldb, beta: 1, c: c.baseAddress!, ldc: ldc)
      }
    }
  }
  expectClose(fast, naive, tolerance: 1e-3)
}
