import Testing

@testable import TensorCore

@Suite struct ArrayGemmTests {
  @Test func matmulAndTransposes() {
    let a: [Float] = [1, 2, 3, 4, 5, 6]  // (2, 3)
    let b: [Float] = [1, 0, 0, 1, 1, 1]  // (3, 2)
    #expect(matmul(a, b, m: 2, n: 2, k: 3) == [4, 5, 10, 11])
    // A^T (3, 2) x A (2, 3).
    #expect(matmul(a, a, m: 3, n: 3, k: 2, transA: true) == [17, 22, 27, 22, 29, 36, 27, 36, 45])
    // A x A^T (2, 2).
    #expect(matmul(a, a, m: 2, n: 2, k: 3, transB: true) == [14, 32, 32, 77])
  }

  @Test func emptyOperandsAreSafe() {
    #expect(matmul([], [], m: 2, n: 3, k: 0) == [0, 0, 0, 0, 0, 0])
    #expect(matmul([], [1, 2], m: 0, n: 2, k: 1) == [])
  }

  @Test func offsetsSelectSubmatrices() {
    // C[2...] (1, 2) += A[1...] (1, 1) x B[2...] (1, 2).
    var c: [Float] = [7, 7, 1, 1]
    arrayGemm(
      transA: false, transB: false, m: 1, n: 2, k: 1, a: [0, 3], aStart: 1, lda: 1,
      b: [0, 0, 2, 4], bStart: 2, ldb: 2, beta: 1, c: &c, cStart: 2, ldc: 2)
    #expect(c == [7, 7, 7, 13])
  }
}
