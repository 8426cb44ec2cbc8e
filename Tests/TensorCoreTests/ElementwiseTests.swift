import Testing

@testable import TensorCore

@Test func arithmeticByHandWithBroadcasting() throws {
  let column = floats([2, 1], [1, 2])
  let row = floats([3], [10, 20, 30])
  #expect(try column.add(row).floats == [11, 21, 31, 12, 22, 32])
  #expect(try column.sub(row).floats == [-9, -19, -29, -8, -18, -28])
  #expect(try column.mul(row).floats == [10, 20, 30, 20, 40, 60])
  #expect(try row.div(column).floats == [10, 20, 30, 5, 10, 15])
  #expect(try row.add(Tensor(Float(1)), alpha: 2).floats == [12, 22, 32])
}

@Test func dtypesPromoteAsInPyTorch() throws {
  let ints = longs([3], [7, -7, 2])
  #expect(try ints.add(Tensor(Int64(1))).ints == [8, -6, 3])
  #expect(try ints.mul(Tensor(Float(0.5))).floats == [3.5, -3.5, 1])
  let quotient = try ints.div(Tensor(Int64(2)))
  #expect(quotient.dtype == .float32 && quotient.floats == [3.5, -3.5, 1])
  let mask = Tensor(shape: [2], ints: [1, 0], dtype: .bool)
  #expect(try mask.add(Tensor(Int64(1))).dtype == .int64)
  #expect(try mask.mul(mask).dtype == .bool)
  expectTensorError(
    "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
      + "`logical_xor()` operator instead."
  ) { try mask.sub(mask) }
  expectTensorError(
    "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0"
  ) { try ints.add(mask) }
}

@Test func arithmeticRecordsPyTorchNames() throws {
  let x = sampleTensor([2, 2])
  try x.setRequiresGrad()
  let one = Tensor(Float(1))
  #expect(try x.add(one).gradFn?.name == "AddBackward0")
  #expect(try x.sub(one).gradFn?.name == "SubBackward0")
  #expect(try x.mul(one).gradFn?.name == "MulBackward0")
  #expect(try x.div(one).gradFn?.name == "DivBackward0")
  #expect(try longs([1], [1]).add(longs([1], [2])).gradFn == nil)
}

@Test(arguments: [([3, 5], [3, 5]), ([3, 1], [1, 4]), ([2, 3, 4], [4]), ([], [2, 3])])
func arithmeticGradients(shapes: ([Int], [Int])) throws {
  let a = sampleTensor(shapes.0, seed: 3)
  let b = sampleTensor(shapes.1, seed: 4)
  try expectGradientsMatch([a, b]) { try $0[0].add($0[1], alpha: 0.5) }
  try expectGradientsMatch([a, b]) { try $0[0].sub($0[1]) }
  try expectGradientsMatch([a, b]) { try $0[0].mul($0[1]) }
  // Keep the divisor away from 0.
  let divisor = try sampleTensor(shapes.1, seed: 4).abs().add(Tensor(Float(0.5)))
  try expectGradientsMatch([a, divisor]) { try $0[0].div($0[1]) }
}
