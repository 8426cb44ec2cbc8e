import Testing

@testable import TensorCore

@Test func comparisonsGiveBool() throws {
  let x = floats([4], [1, 2, 3, 4])
  let two = Tensor(Int64(2))
  #expect(try x.eq(two).ints == [0, 1, 0, 0])
  #expect(try x.ne(two).ints == [1, 0, 1, 1])
  #expect(try x.lt(two).ints == [1, 0, 0, 0])
  #expect(try x.le(two).ints == [1, 1, 0, 0])
  #expect(try x.gt(two).ints == [0, 0, 1, 1])
  #expect(try x.ge(two).dtype == .bool)
  let labels = longs([2, 1], [1, 3])
  #expect(try labels.eq(longs([3], [1, 2, 3])).ints == [1, 0, 0, 0, 0, 1])
}

@Test func logicalOps() throws {
  let a = Tensor(shape: [4], ints: [1, 1, 0, 0], dtype: .bool)
  let b = Tensor(shape: [4], ints: [1, 0, 1, 0], dtype: .bool)
  #expect(try a.logicalAnd(b).ints == [1, 0, 0, 0])
  #expect(try a.logicalOr(b).ints == [1, 1, 1, 0])
  #expect(floats([3], [0, 2, -1]).logicalNot().ints == [1, 0, 0])
}

@Test func maximumAndMinimum() throws {
  let a = floats([3], [1, 5, 2])
  let b = floats([3], [4, 5, .nan])
  #expect(try a.maximum(b).floats[0...1] == [4, 5])
  #expect(try a.maximum(b).floats[2].isNaN)
  #expect(try a.minimum(b).floats[0...1] == [1, 5])
  #expect(try longs([2], [1, 9]).maximum(longs([2], [3, 2])).ints == [3, 9])
  // Ties split the gradient in half.
  try a.setRequiresGrad()
  let c = floats([3], [0, 5, 3])
  try c.setRequiresGrad()
  try a.maximum(c).sum().backward()
  #expect(a.grad?.floats == [1, 0.5, 0])
  #expect(c.grad?.floats == [0, 0.5, 1])
  #expect(try a.minimum(c).gradFn?.name == "MinimumBackward0")
  try expectGradientsMatch([sampleTensor([3, 1], seed: 2), sampleTensor([1, 4], seed: 3)]) {
    try $0[0].maximum($0[1])
  }
  try expectGradientsMatch(
    [sampleTensor([2, 3, 4], seed: 2), sampleTensor([4], seed: 3)], epsilon: 1e-3
  ) {
    try $0[0].minimum($0[1])
  }
}
