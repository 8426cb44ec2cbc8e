import Testing

@testable import TensorCore

@Test func reshapeInfersOneSize() throws {
  let x = sampleTensor([2, 3, 4])
  #expect(try x.reshaped([4, -1]).shape == [4, 6])
  #expect(try x.reshaped([24]).floats == x.floats)
  #expect(try x.flattened().shape == [24])
  #expect(try x.flattened(startDim: 1).shape == [2, 12])
  #expect(try Tensor(Float(1)).flattened().shape == [1])
  expectTensorError("shape '[2, 5]' is invalid for input of size 9") {
    try sampleTensor([9]).reshaped([2, 5])
  }
  expectTensorError("only one dimension can be inferred") { try x.reshaped([-1, -1]) }
  expectTensorError("shape '[5, -1]' is invalid for input of size 24") { try x.reshaped([5, -1]) }
}

@Test func permuteAndTransposeByHand() throws {
  // [[0, 1, 2], [3, 4, 5]]
  let x = floats([2, 3], [0, 1, 2, 3, 4, 5])
  #expect(try x.t().floats == [0, 3, 1, 4, 2, 5] && x.t().shape == [3, 2])
  #expect(try x.transposed(0, -1).floats == [0, 3, 1, 4, 2, 5])
  let y = sampleTensor([2, 3, 4])
  let p = try y.permuted([2, 0, 1])
  #expect(p.shape == [4, 2, 3])
  // p[k, i, j] == y[i, j, k]
  #expect(p.floats[1 * 6 + 1 * 3 + 2] == y.floats[1 * 12 + 2 * 4 + 1])
  expectTensorError("t() expects a tensor with <= 2 dimensions, but self is 3D") { try y.t() }
  expectTensorError("permute(): duplicate dims are not allowed.") { try y.permuted([0, 0, 1]) }
}

@Test func squeezeAndUnsqueeze() throws {
  let x = sampleTensor([3, 1, 5])
  #expect(try x.unsqueezed(0).shape == [1, 3, 1, 5])
  #expect(try x.unsqueezed(-1).shape == [3, 1, 5, 1])
  #expect(try x.squeezed().shape == [3, 5])
  #expect(try x.squeezed(1).shape == [3, 5])
  #expect(try x.squeezed(0).shape == [3, 1, 5])
  expectTensorError("Dimension out of range (expected to be in range of [-4, 3], but got 4)") {
    try x.unsqueezed(4)
  }
}

@Test func movementGradientsAndNames() throws {
  let x = sampleTensor([2, 3, 4], seed: 51)
  try expectGradientsMatch([x]) { try $0[0].reshaped([4, 6]) }
  try expectGradientsMatch([x]) { try $0[0].permuted([2, 0, 1]) }
  try expectGradientsMatch([x]) { try $0[0].transposed(0, 2) }
  try expectGradientsMatch([sampleTensor([3, 5])]) { try $0[0].t() }
  try expectGradientsMatch([x]) { try $0[0].unsqueezed(1).squeezed() }
  let names = try [
    x.reshaped([24]), x.flattened(), x.permuted([1, 0, 2]), x.transposed(0, 1),
    x.unsqueezed(0), x.squeezed(), x.squeezed(0),
  ].map { $0.gradFn?.name ?? "" }
  #expect(
    names == [
      "ViewBackward0", "ViewBackward0", "PermuteBackward0", "TransposeBackward0",
      "UnsqueezeBackward0", "SqueezeBackward0", "SqueezeBackward1",
    ])
  #expect(try sampleTensor([3, 5]).t().gradFn == nil)
}
