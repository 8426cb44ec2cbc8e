import Testing

@testable import TensorCore

@Test func sumAndMeanByHand() throws {
  // [[1, 2, 3], [4, 5, 6]]
  let x = floats([2, 3], [1, 2, 3, 4, 5, 6])
  #expect(try x.sum().floats == [21] && x.sum().shape == [])
  #expect(try x.sum(dims: [0]).floats == [5, 7, 9])
  #expect(try x.sum(dims: [1], keepDim: true).shape == [2, 1])
  #expect(try x.sum(dims: [-1]).floats == [6, 15])
  #expect(try x.mean().floats == [3.5])
  #expect(try x.mean(dims: [0]).floats == [2.5, 3.5, 4.5])
  #expect(try x.mean(dims: [0, 1], keepDim: true).shape == [1, 1])
  let mask = Tensor(shape: [3], ints: [1, 0, 1], dtype: .bool)
  #expect(try mask.sum().dtype == .int64 && mask.sum().ints == [2])
  #expect(try longs([2, 2], [1, 2, 3, 4]).sum(dims: [1]).ints == [3, 7])
  expectTensorError(
    "mean(): could not infer output dtype. Input dtype must be either a floating point or "
      + "complex dtype. Got: Long"
  ) { try longs([2], [1, 2]).mean() }
  expectTensorError("dim 0 appears multiple times in the list of dims") {
    try x.sum(dims: [0, -2])
  }
  expectTensorError("Dimension out of range (expected to be in range of [-2, 1], but got 2)") {
    try x.sum(dims: [2])
  }
}

@Test func sumAndMeanGradients() throws {
  let x = sampleTensor([2, 3, 4], seed: 31)
  try expectGradientsMatch([x]) { try $0[0].sum() }
  try expectGradientsMatch([x]) { try $0[0].sum(dims: [0, 2]) }
  try expectGradientsMatch([x]) { try $0[0].mean(dims: [1], keepDim: true) }
  try expectGradientsMatch([x]) { try $0[0].mean() }
  #expect(try x.sum().gradFn?.name == "SumBackward0")
  #expect(try x.sum(dims: [1]).gradFn?.name == "SumBackward1")
  #expect(try x.mean().gradFn?.name == "MeanBackward0")
  #expect(try x.mean(dims: [1]).gradFn?.name == "MeanBackward1")
}

@Test func wholeTensorMaxAndMin() throws {
  let x = floats([2, 2], [3, 7, 7, -1])
  #expect(try x.max().floats == [7] && x.min().floats == [-1])
  #expect(try longs([3], [4, 9, 2]).max().ints == [9])
  #expect(try floats([3], [1, .nan, 2]).max().floats[0].isNaN)
  // Tied maxima share the gradient.
  try x.setRequiresGrad()
  let top = try x.max()
  #expect(top.gradFn?.name == "MaxBackward1")
  try top.backward()
  #expect(x.grad?.floats == [0, 0.5, 0.5, 0])
  try expectGradientsMatch([sampleTensor([3, 5], seed: 4)]) { try $0[0].min() }
  expectTensorError(
    "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the "
      + "reduction dim with the 'dim' argument."
  ) { try Tensor.zeros([0]).max() }
}
