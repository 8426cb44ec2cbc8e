import Testing

@testable import TensorCore

@Test func maxAlongDimReturnsFirstIndexOnTies() throws {
  // [[1, 5, 5], [7, 2, 7]]
  let x = floats([2, 3], [1, 5, 5, 7, 2, 7])
  let (values, indices) = try x.max(dim: 1)
  #expect(values.floats == [5, 7] && indices.ints == [1, 0] && indices.dtype == .int64)
  let (low, lowIndex) = try x.min(dim: 0, keepDim: true)
  #expect(low.shape == [1, 3] && low.floats == [1, 2, 5] && lowIndex.ints == [0, 1, 0])
  #expect(try x.argmax().ints == [3] && x.argmax().shape == [])
  #expect(try x.argmax(dim: 0).ints == [1, 0, 1])
  #expect(try x.argmin(dim: -1, keepDim: true).shape == [2, 1])
  #expect(try x.argmax(keepDim: true).shape == [1, 1])
  #expect(try longs([3], [2, 9, 9]).max(dim: 0).values.ints == [9])
  expectTensorError("max(): Expected reduction dim 1 to have non-zero size.") {
    try Tensor.zeros([2, 0]).max(dim: 1)
  }
}

@Test func maxAlongDimGradients() throws {
  let x = sampleTensor([2, 3, 4], seed: 41)
  try expectGradientsMatch([x], epsilon: 1e-3) { try $0[0].max(dim: 1).values }
  try expectGradientsMatch([x], epsilon: 1e-3) { try $0[0].min(dim: -1, keepDim: true).values }
  #expect(try x.max(dim: 0).values.gradFn?.name == "MaxBackward0")
  #expect(try x.min(dim: 0).values.gradFn?.name == "MinBackward0")
}
