import Testing

@testable import TensorCore

@Test func floorDivisionAndRemainderFollowPythonSigns() throws {
  let a = longs([4], [7, -7, 7, -7])
  let b = longs([4], [2, 2, -2, -2])
  #expect(try a.floorDivide(b).ints == [3, -4, -4, 3])
  #expect(try a.remainder(b).ints == [1, 1, -1, -1])
  let x = floats([4], [7, -7, 7, -7.5])
  let y = floats([4], [2, 2, -2, 2])
  #expect(try x.floorDivide(y).floats == [3, -4, -4, -4])
  #expect(try x.remainder(y).floats == [1, 1, -1, 0.5])
  expectTensorError("ZeroDivisionError") { try a.remainder(Tensor(Int64(0))) }
  expectTensorError("ZeroDivisionError") { try a.floorDivide(Tensor(Int64(0))) }
  #expect(try x.floorDivide(Tensor(Float(0))).floats[0] == .infinity)
}

@Test func remainderGradient() throws {
  let a = sampleTensor([3, 5], seed: 5)
  let b = try sampleTensor([1, 5], seed: 6).abs().add(Tensor(Float(0.7)))
  // Keep a/b away from integers, where the remainder jumps.
  try expectGradientsMatch([a, b], epsilon: 1e-3) { try $0[0].remainder($0[1]) }
  try a.setRequiresGrad()
  #expect(try a.remainder(Tensor(Float(2))).gradFn?.name == "RemainderBackward0")
}
