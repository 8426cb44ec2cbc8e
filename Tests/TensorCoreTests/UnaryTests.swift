import Testing

@testable import TensorCore

@Test func unaryValuesByHand() throws {
  let x = floats([4], [-2, -0.5, 0, 2.5])
  #expect(try x.neg().floats == [2, 0.5, -0, -2.5])
  #expect(x.abs().floats == [2, 0.5, 0, 2.5])
  #expect(x.sign().floats == [-1, -1, 0, 1])
  #expect(x.floor().floats == [-2, -1, 0, 2])
  #expect(x.round().floats == [-2, -0, 0, 2])
  #expect(try x.clamp(min: -1, max: 1).floats == [-1, -0.5, 0, 1])
  #expect(try x.clamp(min: nil, max: 0).floats == [-2, -0.5, 0, 0])
  expectClose(floats([2], [0, 1]).exp().floats, [1, 2.7182817])
  expectClose(floats([2], [1, 4]).log().floats, [0, 1.3862944])
  expectClose(floats([2], [4, 9]).sqrt().floats, [2, 3])
  expectClose(floats([3], [0, 100, -100]).sigmoid().floats, [0.5, 1, 0])
  expectClose(floats([1], [0.5]).tanh().floats, [0.46211716])
  expectTensorError("torch.clamp: At least one of 'min' or 'max' must not be None") {
    try x.clamp(min: nil, max: nil)
  }
}

@Test func unaryOnIntegers() throws {
  let x = longs([3], [-3, 0, 4])
  #expect(try x.neg().ints == [3, 0, -4])
  #expect(x.abs().ints == [3, 0, 4])
  #expect(x.sign().ints == [-1, 0, 1])
  #expect(x.exp().dtype == .float32)
  #expect(try x.clamp(min: 0, max: 2).ints == [0, 0, 2])
  #expect(try x.clamp(min: 0.5, max: nil).floats == [0.5, 0.5, 4])
  expectTensorError(
    "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert "
      + "a mask, use the `~` or `logical_not()` operator instead."
  ) { try x.ge(Tensor(Int64(0))).neg() }
}

@Test func unaryGradients() throws {
  let x = sampleTensor([3, 5], seed: 21)
  let positive = try x.abs().add(Tensor(Float(0.2)))
  try expectGradientsMatch([x]) { try $0[0].neg() }
  try expectGradientsMatch([x]) { $0[0].exp() }
  try expectGradientsMatch([positive]) { $0[0].log() }
  try expectGradientsMatch([positive]) { $0[0].sqrt() }
  try expectGradientsMatch([x]) { $0[0].abs() }
  try expectGradientsMatch([x]) { $0[0].sigmoid() }
  try expectGradientsMatch([x]) { $0[0].tanh() }
  try expectGradientsMatch([x], epsilon: 1e-3) { try $0[0].clamp(min: -0.5, max: 0.5) }
  let names = [
    try x.neg(), x.exp(), x.log(), x.sqrt(), x.abs(), x.sigmoid(), x.tanh(),
    try x.clamp(min: 0, max: nil),
  ].map { $0.gradFn?.name ?? "" }
  #expect(
    names == [
      "NegBackward0", "ExpBackward0", "LogBackward0", "SqrtBackward0", "AbsBackward0",
      "SigmoidBackward0", "TanhBackward0", "ClampBackward1",
    ])
}
