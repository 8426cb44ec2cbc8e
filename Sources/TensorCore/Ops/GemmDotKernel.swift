/// The dot-product form of a matrix product, `C += A x B^T` with both operands contiguous along
/// the summed dimension, for products whose operands are best read in place (the convolution's
/// weight gradient `dW += dOut x col^T`, where both dOut and col rows run along positions).

/// `C (m x n) += A (m x k) x B^T`, B stored `n x k`: `C[i, j] += dot(A row i, B row j)`.
///
/// Rows of A are `lda` apart, rows of B `ldb` apart, rows of C `ldc` apart; all three row-major.
/// Blocks of 5 rows of A by 2 rows of B keep 10 eight-lane accumulators in registers (they fit the
/// 16 AVX2 registers, sixteen-lane ones would spill) and read each vector of A twice and each of B
/// five times; leftovers go one pair at a time.
func gemmDotProducts(
  m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
  c: UnsafeMutablePointer<Float>, ldc: Int
) {
  let (mBlocked, nBlocked) = (m / 5 * 5, n / 2 * 2)
  for i in stride(from: 0, to: mBlocked, by: 5) {
    for j in stride(from: 0, to: nBlocked, by: 2) {
      dotBlock5x2(
        k: k, a: a + i * lda, lda: lda, b: b + j * ldb, ldb: ldb, c: c + i * ldc + j, ldc: ldc)
    }
  }
  for i in 0..<m {
    for j in (i < mBlocked ? nBlocked : 0)..<n {
      c[i * ldc + j] += dot(k: k, a + i * lda, b + j * ldb)
    }
  }
}

/// The lanes of the dot-product kernel's accumulators.
private typealias DotVector = SIMD8<Float>
private let dotLanes = 8

/// `dot(x[0..<k], y[0..<k])` with 8-lane partial sums.
@inline(__always)
private func dot(k: Int, _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>) -> Float {
  var acc = DotVector()
  var p = 0
  while p + dotLanes <= k {
    acc = multiplyAdd(acc, load(x + p), load(y + p))
    p += dotLanes
  }
  var total = horizontalSum(acc)
  while p < k {
    total += x[p] * y[p]
    p += 1
  }
  return total
}

/// The sum of the 8 lanes by halving (3 vector adds): `sum()` would add the lanes one after
/// another, 7 dependent scalar additions.
@inline(__always)
private func horizontalSum(_ v: DotVector) -> Float {
  let four = v.lowHalf + v.highHalf
  let two = four.lowHalf + four.highHalf
  return two[0] + two[1]
}

@inline(__always)
private func load(_ pointer: UnsafePointer<Float>) -> DotVector {
  UnsafeRawPointer(pointer).loadUnaligned(as: DotVector.self)
}

/// `acc + x * y`, lane by lane, fused where the build targets FMA.
@inline(__always)
private func multiplyAdd(_ acc: DotVector, _ x: DotVector, _ y: DotVector) -> DotVector {
  #if TENSORCORE_FMA
    return acc.addingProduct(x, y)
  #else
    return acc + x * y
  #endif
}

/// C[0..<5, 0..<2] += A[0..<5, :] x B[0..<2, :]^T.
/// Legend: a_r = row r of A, b_s = row s of B; c_rs accumulates dot(a_r, b_s) in 8 lanes.
private func dotBlock5x2(
  k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
  c: UnsafeMutablePointer<Float>, ldc: Int
) {
  var (c00, c01, c10, c11, c20) = (
    DotVector(), DotVector(), DotVector(), DotVector(), DotVector()
  )
  var (c21, c30, c31, c40, c41) = (
    DotVector(), DotVector(), DotVector(), DotVector(), DotVector()
  )
  var p = 0
  while p + dotLanes <= k {
    let (b0, b1) = (load(b + p), load(b + ldb + p))
    let a0 = load(a + p)
    (c00, c01) = (multiplyAdd(c00, a0, b0), multiplyAdd(c01, a0, b1))
    let a1 = load(a + lda + p)
    (c10, c11) = (multiplyAdd(c10, a1, b0), multiplyAdd(c11, a1, b1))
    let a2 = load(a + 2 * lda + p)
    (c20, c21) = (multiplyAdd(c20, a2, b0), multiplyAdd(c21, a2, b1))
    let a3 = load(a + 3 * lda + p)
    (c30, c31) = (multiplyAdd(c30, a3, b0), multiplyAdd(c31, a3, b1))
    let a4 = load(a + 4 * lda + p)
    (c40, c41) = (multiplyAdd(c40, a4, b0), multiplyAdd(c41, a4, b1))
    p += dotLanes
  }
  // Horizontal sums plus the last k % 8 products, added to C.
  func finish(_ r: Int, _ v0: DotVector, _ v1: DotVector) {
    let (row, x) = (c + r * ldc, a + r * lda)
    var (s0, s1) = (horizontalSum(v0), horizontalSum(v1))
    for q in p..<k {
      s0 += x[q] * b[q]
      s1 += x[q] * b[ldb + q]
    }
    row[0] += s0
    row[1] += s1
  }
  finish(0, c00, c01)
  finish(1, c10, c11)
  finish(2, c20, c21)
  finish(3, c30, c31)
  finish(4, c40, c41)
}
