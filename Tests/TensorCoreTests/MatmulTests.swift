import Testing

@testable import TensorCore

@Test func matmulByHand() throws {
  let a = floats([2, 2], [1, 2, 3, 4])
  let b = floats([2, 2], [5, 6, 7, 8])
  #expect(try a.matmul(b).floats == [19, 22, 43, 50])
  let v = floats([2], [1, -1])
  #expect(try v.matmul(v).floats == [2] && v.matmul(v).shape == [])
  #expect(try a.matmul(v).floats == [-1, -1])
  #expect(try v.matmul(a).floats == [-2, -2])
  #expect(try longs([1, 2], [2, 3]).matmul(longs([2, 1], [4, 5])).ints == [23])
  expectTensorError("mat1 and mat2 shapes cannot be multiplied (64x320 and 100x10)") {
    try Tensor.zeros([64, 320]).matmul(Tensor.zeros([100, 10]))
  }
  expectTensorError("size mismatch, got input (2), mat (2x2), vec (3)") {
    try a.matmul(sampleTensor([3]))
  }
  expectTensorError("expected m1 and m2 to have the same dtype, but got: float != long int") {
    try a.matmul(longs([2], [1, 1]))
  }
  expectTensorError("both arguments to matmul need to be at least 1D, but they are 0D and 2D") {
    try Tensor(Float(1)).matmul(a)
  }
}

@Test func batchedMatmulBroadcastsBatchDims() throws {
  let a = sampleTensor([2, 1, 3, 4], seed: 1)
  let b = sampleTensor([5, 4, 2], seed: 2)
  let c = try a.matmul(b)
  #expect(c.shape == [2, 5, 3, 2])
  // Batch (1, 3): a[1, 0] @ b[3].
  let expected = naiveMatmul(
    Array(a.floats[12..<24]), Array(b.floats[24..<32]), m: 3, n: 2, k: 4)
  expectClose(Array(c.floats[(8 * 6)..<(9 * 6)]), expected)
  #expect(try sampleTensor([3, 4]).matmul(sampleTensor([2, 4, 5])).shape == [2, 3, 5])
  #expect(try sampleTensor([4]).matmul(sampleTensor([2, 4, 5])).shape == [2, 5])
  #expect(try sampleTensor([2, 3, 4]).matmul(sampleTensor([4])).shape == [2, 3])
}

@Test(arguments: [(1, 1, 1), (7, 13, 5), (65, 33, 17)])
func matmulMatchesNaiveReference(shape: (Int, Int, Int)) throws {
  let (m, k, n) = shape
  let a = sampleTensor([m, k], seed: 3)
  let b = sampleTensor([k, n], seed: 4)
  expectClose(
    try a.matmul(b).floats, naiveMatmul(a.floats, b.floats, m: m, n: n, k: k), tolerance: 1e-4)
}

@Test func matmulGradientsAndNames() throws {
  try expectGradientsMatch([sampleTensor([3, 5], seed: 1), sampleTensor([5, 4], seed: 2)]) {
    try $0[0].matmul($0[1])
  }
  try expectGradientsMatch([
    sampleTensor([2, 1, 3, 4], seed: 3), sampleTensor([3, 4, 2], seed: 4),
  ]) {
    try $0[0].matmul($0[1])
  }
  try expectGradientsMatch([sampleTensor([5], seed: 5), sampleTensor([5, 3], seed: 6)]) {
    try $0[0].matmul($0[1])
  }
  try expectGradientsMatch([sampleTensor([2, 3, 5], seed: 7), sampleTensor([5], seed: 8)]) {
    try $0[0].matmul($0[1])
  }
  let (m, v) = (sampleTensor([3, 3]), sampleTensor([3]))
  try m.setRequiresGrad()
  try v.setRequiresGrad()
  let names = try [
    m.matmul(m), m.matmul(v), v.matmul(m), v.matmul(v), m.matmul(sampleTensor([2, 3, 1])),
  ]
  .map { $0.gradFn?.name ?? "" }
  #expect(
    names == [
      "MmBackward0", "MvBackward0", "SqueezeBackward1", "DotBackward0", "UnsafeViewBackward0",
    ])
}
