import Testing

@testable import TensorCore

@Test func broadcastShapesFollowsPyTorch() throws {
  #expect(try broadcastShapes([3, 1], [1, 4]) == [3, 4])
  #expect(try broadcastShapes([2, 3, 4], [4]) == [2, 3, 4])
  #expect(try broadcastShapes([], [2, 2]) == [2, 2])
  #expect(try broadcastShapes([5, 1, 3], [4, 1]) == [5, 4, 3])
  expectTensorError(
    "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"
  ) { try broadcastShapes([2, 3], [2, 4]) }
}

@Test func sumToShapeIsTheAdjointOfBroadcasting() {
  // [[1, 2, 3], [4, 5, 6]] summed to [3] (rows added) and to [2, 1] (columns added).
  let values: [Float] = [1, 2, 3, 4, 5, 6]
  #expect(sumToShape(values, from: [2, 3], to: [3]) == [5, 7, 9])
  #expect(sumToShape(values, from: [2, 3], to: [2, 1]) == [6, 15])
  #expect(sumToShape(values, from: [2, 3], to: []) == [21])
  #expect(broadcastValues([1, 2] as [Float], from: [2, 1], to: [2, 3]) == [1, 1, 1, 2, 2, 2])
}

@Test func stridedGatherReadsAView() {
  // The transpose of [[0, 1, 2], [3, 4, 5]].
  let values: [Float] = [0, 1, 2, 3, 4, 5]
  #expect(stridedGather(values, shape: [3, 2], strides: [1, 3], offset: 0) == [0, 3, 1, 4, 2, 5])
  #expect(stridedGather(values, shape: [], strides: [], offset: 4) == [4])
  var target = [Float](repeating: 0, count: 6)
  stridedScatterAdd([1, 1, 1, 1], into: &target, shape: [2, 2], strides: [0, 2], offset: 1)
  #expect(target == [0, 2, 0, 2, 0, 0])
}

@Test func expandRepeatsAndSumsBack() throws {
  let x = floats([3, 1], [1, 2, 3])
  let y = try x.expand([2, 3, 4])
  #expect(y.shape == [2, 3, 4])
  #expect(Array(y.floats[0..<8]) == [1, 1, 1, 1, 2, 2, 2, 2])
  #expect(try x.expand([-1, 2]).shape == [3, 2])
  try expectGradientsMatch([sampleTensor([3, 1])]) { try $0[0].expand([2, 3, 4]) }
  #expect(y.gradFn == nil)
  try x.setRequiresGrad()
  #expect(try x.expand([3, 4]).gradFn?.name == "ExpandBackward0")
  expectTensorError(
    "The expanded size of the tensor (4) must match the existing size (3) at non-singleton "
      + "dimension 0.  Target sizes: [4, 1].  Tensor sizes: [3, 1]"
  ) { try x.expand([4, 1]) }
  expectTensorError(
    "expand(torch.FloatTensor{[3, 1]}, size=[3]): the number of sizes provided (1) must be "
      + "greater or equal to the number of dimensions in the tensor (2)"
  ) { try x.expand([3]) }
}
