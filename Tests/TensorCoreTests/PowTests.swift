import Testing

@testable import TensorCore

@Test func powersByHand() throws {
  #expect(try floats([3], [2, 3, 4]).pow(Tensor(Float(2))).floats == [4, 9, 16])
  #expect(try floats([2], [4, 9]).pow(Tensor(Float(0.5))).floats == [2, 3])
  let ints = try longs([3], [2, -3, 5]).pow(Tensor(Int64(3)))
  #expect(ints.dtype == .int64 && ints.ints == [8, -27, 125])
  #expect(try longs([1], [2]).pow(Tensor(Float(0.5))).dtype == .float32)
  expectTensorError("Integers to negative integer powers are not allowed.") {
    try longs([1], [2]).pow(Tensor(Int64(-1)))
  }
}

@Test func powGradients() throws {
  let base = try sampleTensor([3, 5], seed: 8).abs().add(Tensor(Float(0.5)))
  try expectGradientsMatch([base]) { try $0[0].pow(Tensor(Float(3))) }
  try expectGradientsMatch([base, sampleTensor([3, 1], seed: 9)]) { try $0[0].pow($0[1]) }
  #expect(try base.pow(Tensor(Float(2))).gradFn?.name == "PowBackward0")
  let exponent = sampleTensor([5])
  try exponent.setRequiresGrad()
  #expect(try base.pow(exponent).gradFn?.name == "PowBackward1")
  // d/dx x^2 at 0 is 0, not NaN.
  let zero = floats([1], [0])
  try zero.setRequiresGrad()
  try zero.pow(Tensor(Float(2))).sum().backward()
  #expect(zero.grad?.floats == [0])
}
