import Testing

@testable import TensorCore

@Test func castsTruncateTowardZero() throws {
  let x = floats([4], [1.7, -1.7, 0, 2.5])
  #expect(x.to(.int64).ints == [1, -1, 0, 2])
  #expect(x.to(.bool).ints == [1, 1, 0, 1])
  #expect(longs([2], [3, 0]).to(.float32).floats == [3, 0])
  #expect(longs([2], [3, 0]).to(.bool).ints == [1, 0])
  #expect(floats([2], [.nan, .infinity]).to(.int64).ints == [Int64.min, Int64.min])
  #expect(x.to(.float32) === x)
}

@Test func itemNeedsOneElement() throws {
  #expect(try Tensor(Float(2.5)).item() == 2.5)
  #expect(try longs([1, 1], [7]).item() == 7)
  expectTensorError("a Tensor with 6 elements cannot be converted to Scalar") {
    try sampleTensor([2, 3]).item()
  }
  #expect(longs([2], [1, 2]).scalars() == [1, 2])
}
