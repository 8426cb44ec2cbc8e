import Testing

@testable import TensorCore

@Test func factoriesFillTheRightValues() throws {
  #expect(try Tensor.zeros([2, 3]).floats == [Float](repeating: 0, count: 6))
  #expect(try Tensor.ones([2], dtype: .int64).ints == [1, 1])
  #expect(try Tensor.full([2, 2], value: 2.5, dtype: .float32).floats == [2.5, 2.5, 2.5, 2.5])
  #expect(try Tensor.full([1], value: 7.9, dtype: .int64).ints == [7])
  let like = Tensor.onesLike(Tensor(shape: [3], ints: [4, 5, 6], dtype: .bool))
  #expect(like.dtype == .bool && like.ints == [1, 1, 1])
  #expect(Tensor.zerosLike(sampleTensor([2, 2])).floats == [0, 0, 0, 0])
  expectTensorError("Trying to create tensor with negative dimension -1: [2, -1]") {
    try Tensor.zeros([2, -1])
  }
}

@Test func arangeUsesTheCeilSizeRule() throws {
  #expect(try Tensor.arange(start: 0, end: 5, step: 1, dtype: .int64).ints == [0, 1, 2, 3, 4])
  #expect(try Tensor.arange(start: 1, end: 2, step: 0.3, dtype: .float32).count == 4)
  #expect(try Tensor.arange(start: 5, end: 0, step: -2, dtype: .int64).ints == [5, 3, 1])
  #expect(try Tensor.arange(start: 3, end: 3, step: 1, dtype: .int64).shape == [0])
  expectTensorError("step must be nonzero") {
    try Tensor.arange(start: 0, end: 5, step: 0, dtype: .int64)
  }
  expectTensorError("upper bound and larger bound inconsistent with step sign") {
    try Tensor.arange(start: 0, end: 5, step: -1, dtype: .int64)
  }
}

@Test func randomFactoriesAreSeeded() throws {
  let a = try Tensor.rand([3, 4], generator: Generator(seed: 5))
  let b = try Tensor.rand([3, 4], generator: Generator(seed: 5))
  #expect(a.floats == b.floats && a.floats.allSatisfy { $0 >= 0 && $0 < 1 })
  #expect(try Tensor.randn([2, 2], generator: Generator(seed: 1)).shape == [2, 2])
  let perm = try Tensor.randperm(10, generator: Generator(seed: 2))
  #expect(perm.dtype == .int64 && perm.ints.sorted() == Array(0..<10))
  expectTensorError("n must be non-negative, got-1") {
    try Tensor.randperm(-1, generator: Generator())
  }
}
