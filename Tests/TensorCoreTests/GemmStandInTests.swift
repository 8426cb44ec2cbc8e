import Testing

@testable import TensorCore

@Suite struct GemmStandInTests {
  /// Row-major `A (2, 3)` and `B (3, 2)`; `A x B = [[4, 5], [10, 11]]` worked by hand.
  let a: [Float] = [1, 2, 3, 4, 5, 6]
  let b: [Float] = [1, 0, 0, 1, 1, 1]

  func transposed(_ m: [Float], rows: Int, cols: Int) -> [Float] {
    (0..<cols).flatMap { j in (0..<rows).map { i in m[i * cols + j] } }
  }

  @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
  func transposesGiveTheSameProduct(transA: Bool, transB: Bool) {
    // Store A^T or B^T when the flag asks gemm to transpose it back.
    let storedA = transA ? transposed(a, rows: 2, cols: 3) : a
    let storedB = transB ? transposed(b, rows: 3, cols: 2) : b
    var c: [Float] = [100, 100, 100, 100]
    storedA.withUnsafeBufferPointer { sa in
      storedB.withUnsafeBufferPointer { sb in
        c.withUnsafeMutableBufferPointer { c in
          gemmStandIn(
            transA: transA, transB: transB, m: 2, n: 2, k: 3, alpha: 1, a: sa.baseAddress!,
            lda: transA ? 2 : 3, b: sb.baseAddress!, ldb: transB ? 3 : 2, beta: 0,
            c: c.baseAddress!,
            ldc: 2)
        }
      }
    }
    #expect(c == [4, 5, 10, 11])
  }

  @Test func alphaBetaAndRowStride() {
    // C has a row stride of 3; its third column must stay untouched.
    var c: [Float] = [1, 1, 9, 2, 2, 9]
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          gemmStandIn(
            transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 2, a: a.baseAddress!, lda: 3,
            b: b.baseAddress!, ldb: 2, beta: 0.5, c: c.baseAddress!, ldc: 3)
        }
      }
    }
    #expect(c == [8.5, 10.5, 9, 21, 23, 9])
  }
}
