import Testing

@testable import TensorCore

/// Runs `gemm` and `naiveGemm` on the same operands (stored as the transpose flags say) and
/// returns both results.
private func bothGemms(
  transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float, beta: Float
) -> (fast: [Float], naive: [Float]) {
  let a = sampleTensor([m * k], seed: 11).floats
  let b = sampleTensor([k * n], seed: 12).floats
  let start = sampleTensor([m * n], seed: 13).floats
  let lda = transA ? m : k
  let ldb = transB ? k : n
  var fast = start
  var naive = start
  a.withUnsafeBufferPointer { a in
    b.withUnsafeBufferPointer { b in
      fast.withUnsafeMutableBufferPointer { c in
        gemm(
          transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.baseAddress!,
          lda: lda, b: b.baseAddress!, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: n)
      }
      naive.withUnsafeMutableBufferPointer { c in
        naiveGemm(
          transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a.baseAddress!,
          lda: lda, b: b.baseAddress!, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: n)
      }
    }
  }
  return (fast, naive)
}

@Test(arguments: [(1, 1, 1), (7, 13, 5), (65, 33, 17), (5, 300, 130), (130, 9, 270)])
func gemmMatchesNaiveOnAwkwardShapes(shape: (Int, Int, Int)) {
  let (m, n, k) = shape
  for (transA, transB) in [(false, false), (false, true), (true, false), (true, true)] {
    for (alpha, beta) in [(Float(1), Float(0)), (0.5, 1), (2, -0.5)] {
      let (fast, naive) = bothGemms(
        transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, beta: beta)
      expectClose(fast, naive, tolerance: 1e-4)
    }
  }
}

@Test func gemmLargeEnoughToRunConcurrently() {
  let (fast, naive) = bothGemms(
    transA: false, transB: false, m: 128, n: 130, k: 140, alpha: 1, beta: 0)
  expectClose(fast, naive, tolerance: 1e-4)
}

/// The blocking edges of the packed GEMM: a narrow C split by rows between two threads, more
/// columns than one B block (512), more depth than one block (256), every transpose.
@Test(arguments: [(300, 40, 200), (7, 600, 3), (11, 21, 520)])
func gemmBlockAndThreadEdges(shape: (Int, Int, Int)) {
  let (m, n, k) = shape
  for (transA, transB) in [(false, false), (false, true), (true, false), (true, true)] {
    let (fast, naive) = bothGemms(
      transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, beta: 1)
    expectClose(fast, naive, tolerance: 1e-3)
  }
}

@Test func gemmByHand() {
  // [[1, 2], [3, 4]] x [[5, 6], [7, 8]] = [[19, 22], [43, 50]]
  let a: [Float] = [1, 2, 3, 4]
  let b: [Float] = [5, 6, 7, 8]
  var c: [Float] = [.nan, .nan, .nan, .nan]
  c.withUnsafeMutableBufferPointer { c in
    gemm(
      transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a: a, lda: 2, b: b, ldb: 2,
      beta: 0, c: c.baseAddress!, ldc: 2)
  }
  #expect(c == [19, 22, 43, 50])
}
