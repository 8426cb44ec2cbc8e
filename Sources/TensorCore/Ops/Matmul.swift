/// `torch.matmul` (`@`): dot, matrix-vector, matrix-matrix and batched products with broadcast
/// batch dims, all on `gemm`.

extension Tensor {
  /// `self @ other` with PyTorch's rules: 1-d·1-d is a dot product (0-d result); a 1-d left
  /// operand is a row `[1, k]` and a 1-d right operand a column `[k, 1]`, whose added dim is
  /// removed from the result; otherwise the last two dims multiply, `(..., m, k) @ (..., k, n)
  /// -> (..., m, n)`, with the leading (batch) dims broadcast.
  ///
  /// Records `DotBackward0`, `MvBackward0`, `SqueezeBackward1` (1-d @ 2-d), `MmBackward0` or
  /// `UnsafeViewBackward0` (batched), as PyTorch does.
  public func matmul(_ other: Tensor) throws -> Tensor {
    guard rank >= 1 && other.rank >= 1 else {
      throw TensorError.matmul(.scalarOperand(lhsRank: rank, rhsRank: other.rank))
    }
    guard dtype == other.dtype else {
      throw TensorError.matmul(.dtypeMismatch(dtype, other.dtype))
    }
    guard dtype != .bool else {
      throw TensorError.matmul(.boolOperands)
    }
    let plan = try MatmulPlan(shape, other.shape, dtype: dtype)
    guard dtype == .float32 else {
      return Tensor(shape: plan.outShape, ints: plan.integerProduct(ints, other.ints))
    }
    let (a, b) = (floats, other.floats)
    let values = plan.forward(a, b)
    return .result(
      shape: plan.outShape, floats: values, name: plan.gradName, inputs: [self, other]
    ) {
      g in plan.backward(g, a, b)
    }
  }
}

/// The geometry of one `matmul`: a batch of `(m, k) @ (k, n)` products.
struct MatmulPlan {
  let m: Int, k: Int, n: Int
  let outShape: [Int]
  let gradName: String
  /// Flat start of each product's A and B matrix, one per (broadcast) batch element.
  let aOffsets: [Int], bOffsets: [Int]

  /// Checks the shapes, and the result's as a new allocation of `dtype` (`checkedAllocation`),
  /// before the offsets are made.
  init(_ aShape: [Int], _ bShape: [Int], dtype: DType) throws {
    let a = aShape.count == 1 ? [1] + aShape : aShape
    let b = bShape.count == 1 ? bShape + [1] : bShape
    (m, k, n) = (a[a.count - 2], a[a.count - 1], b[b.count - 1])
    if b[b.count - 2] != k {
      throw TensorError.matmul(.shapeMismatch(lhs: aShape, rhs: bShape))
    }
    let batchA = Array(a.dropLast(2))
    let batchB = Array(b.dropLast(2))
    let batch = try broadcastShapes(batchA, batchB)
    outShape = batch + (aShape.count == 1 ? [] : [m]) + (bShape.count == 1 ? [] : [n])
    _ = try checkedAllocation(outShape, dtype: dtype, what: "torch.matmul")
    // Both operands exist, so m * k and k * n are within their (checked) element counts.
    let (mk, kn) = (m * k, k * n)
    aOffsets = stridedOffsets(
      shape: batch, strides: broadcastStrides(from: batchA, to: batch).map { $0 * mk }, offset: 0)
    bOffsets = stridedOffsets(
      shape: batch, strides: broadcastStrides(from: batchB, to: batch).map { $0 * kn }, offset: 0)
    switch (aShape.count, bShape.count) {
    case (1, 1): gradName = "DotBackward0"
    case (2, 1): gradName = "MvBackward0"
    case (1, 2): gradName = "SqueezeBackward1"
    case (2, 2): gradName = "MmBackward0"
    default: gradName = "UnsafeViewBackward0"
    }
  }

  /// C[batch] = A[batch] @ B[batch] for every batch element.
  func forward(_ a: [Float], _ b: [Float]) -> [Float] {
    var c = [Float](repeating: 0, count: aOffsets.count * m * n)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeMutableBufferPointer { c in
          guard let a = a.baseAddress, let b = b.baseAddress, let c = c.baseAddress else { return }
          for (batch, (aStart, bStart)) in zip(aOffsets, bOffsets).enumerated() {
            gemm(
              transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a + aStart, lda: k,
              b: b + bStart, ldb: n, beta: 0, c: c + batch * m * n, ldc: n)
          }
        }
      }
    }
    return c
  }

  /// dA += dC @ B^T and dB += A^T @ dC per batch element (broadcast batches accumulate).
  func backward(_ g: [Float], _ a: [Float], _ b: [Float]) -> [[Float]?] {
    var gradA = [Float](repeating: 0, count: a.count)
    var gradB = [Float](repeating: 0, count: b.count)
    g.withUnsafeBufferPointer { g in
      a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
          gradA.withUnsafeMutableBufferPointer { gradA in
            gradB.withUnsafeMutableBufferPointer { gradB in
              guard let g = g.baseAddress, let a = a.baseAddress, let b = b.baseAddress,
                let gradA = gradA.baseAddress, let gradB = gradB.baseAddress
              else { return }
              for (batch, (aStart, bStart)) in zip(aOffsets, bOffsets).enumerated() {
                let gStart = g + batch * m * n
                gemm(
                  transA: false, transB: true, m: m, n: k, k: n, alpha: 1, a: gStart, lda: n,
                  b: b + bStart, ldb: n, beta: 1, c: gradA + aStart, ldc: k)
                gemm(
                  transA: true, transB: false, m: k, n: n, k: m, alpha: 1, a: a + aStart, lda: k,
                  b: gStart, ldb: n, beta: 1, c: gradB + bStart, ldc: n)
              }
            }
          }
        }
      }
    }
    return [gradA, gradB]
  }

  /// The int64 product (wrapping), by the plain triple loop.
  func integerProduct(_ a: [Int64], _ b: [Int64]) -> [Int64] {
    var c = [Int64](repeating: 0, count: aOffsets.count * m * n)
    for (batch, (aStart, bStart)) in zip(aOffsets, bOffsets).enumerated() {
      for i in 0..<m {
        for p in 0..<k {
          let x = a[aStart + i * k + p]
          for j in 0..<n { c[batch * m * n + i * n + j] &+= x &* b[bStart + p * n + j] }
        }
      }
    }
    return c
  }
}

/// The reference matrix product `(m, k) @ (k, n)` of row-major buffers (the oracle for `gemm`).
func naiveMatmul(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int) -> [Float] {
  var c = [Float](repeating: 0, count: m * n)
  for i in 0..<m {
    for j in 0..<n {
      var total = 0.0
      for p in 0..<k { total += Double(a[i * k + p]) * Double(b[p * n + j]) }
      c[i * n + j] = Float(total)
    }
  }
  return c
}
