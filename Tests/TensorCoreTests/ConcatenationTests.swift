import Testing

@testable import TensorCore

@Test func catAndStackByHand() throws {
  let a = floats([2, 1], [1, 2])
  let b = floats([2, 2], [3, 4, 5, 6])
  let joined = try Tensor.cat([a, b], dim: 1)
  #expect(joined.shape == [2, 3] && joined.floats == [1, 3, 4, 2, 5, 6])
  #expect(try Tensor.cat([b, b]).shape == [4, 2])
  let stacked = try Tensor.stack([a, a.mul(Tensor(Float(10)))], dim: 1)
  #expect(stacked.shape == [2, 2, 1] && stacked.floats == [1, 10, 2, 20])
  #expect(try Tensor.cat([longs([1], [1]), floats([1], [2.5])]).floats == [1, 2.5])
  expectTensorError(
    "Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for "
      + "tensor number 1 in the list."
  ) { try Tensor.cat([a, sampleTensor([3, 1])], dim: 1) }
  expectTensorError(
    "stack expects each tensor to be equal size, but got [2, 1] at entry 0 and [2, 2] at entry 1"
  ) {
    try Tensor.stack([a, b])
  }
  expectTensorError("zero-dimensional tensor (at position 0) cannot be concatenated") {
    try Tensor.cat([Tensor(Float(1))])
  }
}

@Test func catAndStackGradients() throws {
  let parts = [sampleTensor([2, 3, 4], seed: 1), sampleTensor([2, 1, 4], seed: 2)]
  try expectGradientsMatch(parts) { try Tensor.cat($0, dim: 1) }
  #expect(try Tensor.cat(parts, dim: 1).gradFn?.name == "CatBackward0")
  let same = [sampleTensor([3, 5], seed: 3), sampleTensor([3, 5], seed: 4)]
  try expectGradientsMatch(same) { try Tensor.stack($0, dim: 2) }
  #expect(try Tensor.stack(same, dim: -1).gradFn?.name == "StackBackward0")
}
