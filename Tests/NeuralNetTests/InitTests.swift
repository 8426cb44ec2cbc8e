import Testing

@testable import NeuralNet

/// `nn.init` against PyTorch 2.15's formulas: fans, gains, exact bounds and the statistics of the
/// draws (mean, spread) on large tensors.
@Suite struct InitTests {
  static func statistics(_ values: [Float]) -> (mean: Double, std: Double, maxAbs: Double) {
    let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
    let variance =
      values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
    return (mean, variance.squareRoot(), values.map { abs(Double($0)) }.max() ?? 0)
  }

  @Test func fansAndGains() throws {
    #expect(try Init.fans([16, 8, 3, 3]) == (72, 144))
    #expect(try Init.fans([10, 320]) == (320, 10))
    #expect(throws: NeuralNetError.fanOfLowRankTensor) { try Init.fans([3]) }
    #expect(try Init.gain("relu") == 2.0.squareRoot())
    #expect(try Init.gain("tanh") == 5.0 / 3)
    #expect(try Init.gain("conv2d") == 1 && Init.gain("selu") == 0.75)
    // PyTorch: 1.4141428569978354 and 1.3867504905630728.
    #expect(abs(try Init.gain("leaky_relu") - 1.4141428569978354) < 1e-15)
    #expect(abs(try Init.gain("leaky_relu", parameter: 0.2) - 1.3867504905630728) < 1e-15)
    #expect(throws: NeuralNetError.unsupportedNonlinearity("foo")) { try Init.gain("foo") }
  }

  @Test func kaimingUniformBoundAndSpread() throws {
    let weight = try Tensor.zeros([256, 128])
    try Init.kaimingUniform(weight, nonlinearity: "relu", generator: Generator(seed: 1))
    let bound = (6.0 / 128).squareRoot()
    let stats = Self.statistics(weight.floats)
    #expect(stats.maxAbs <= bound && stats.maxAbs > 0.999 * bound)
    #expect(abs(stats.mean) < 0.002)
    #expect(abs(stats.std - bound / 3.0.squareRoot()) < 0.01 * bound)
    // a = sqrt(5) (the Linear default) gives 1 / sqrt(fan_in); fan_out mode uses the rows.
    try Init.kaimingUniform(weight, a: 5.0.squareRoot(), mode: "fan_out", generator: Generator())
    #expect(Self.statistics(weight.floats).maxAbs <= 1 / 256.0.squareRoot())
    #expect(throws: NeuralNetError.unsupportedFanMode("x")) {
      try Init.kaimingUniform(weight, mode: "x", generator: Generator())
    }
  }

  @Test func kaimingAndXavierNormalStandardDeviations() throws {
    let weight = try Tensor.zeros([64, 32, 3, 3])
    try Init.kaimingNormal(
      weight, mode: "fan_out", nonlinearity: "relu", generator: Generator(seed: 2))
    let kaiming = Self.statistics(weight.floats)
    #expect(abs(kaiming.std - (2.0 / 576).squareRoot()) < 0.02 * (2.0 / 576).squareRoot())
    #expect(abs(kaiming.mean) < 0.002)
    try Init.xavierNormal(weight, gain: 2, generator: Generator(seed: 3))
    let xavierStd = 2 * (2.0 / (288 + 576)).squareRoot()
    #expect(abs(Self.statistics(weight.floats).std - xavierStd) < 0.02 * xavierStd)
  }

  @Test func xavierUniformBound() throws {
    let weight = try Tensor.zeros([200, 300])
    try Init.xavierUniform(weight, generator: Generator(seed: 4))
    let bound = (6.0 / 500).squareRoot()
    let stats = Self.statistics(weight.floats)
    #expect(stats.maxAbs <= bound && stats.maxAbs > 0.999 * bound)
    #expect(abs(stats.std - bound / 3.0.squareRoot()) < 0.01 * bound)
  }

  @Test func uniformNormalAndConstants() throws {
    let x = try Tensor.zeros([10_000])
    try Init.uniform(x, 2, 3, generator: Generator(seed: 5))
    #expect(x.floats.allSatisfy { $0 >= 2 && $0 < 3 })
    #expect(abs(Self.statistics(x.floats).mean - 2.5) < 0.01)
    try Init.normal(x, mean: -1, std: 0.5, generator: Generator(seed: 6))
    let stats = Self.statistics(x.floats)
    #expect(abs(stats.mean + 1) < 0.02 && abs(stats.std - 0.5) < 0.02)
    #expect(Init.constant(try Tensor.zeros([2]), 0.3).floats == [0.3, 0.3])
    #expect(Init.constant(try Tensor.zeros([2], dtype: .int64), 1.5).ints == [1, 1])
    #expect(throws: TensorError.unsupportedDType(kernel: "normal_kernel_cpu", dtype: .int64)) {
      try Init.normal(try Tensor.zeros([2], dtype: .int64), generator: Generator())
    }
  }

  @Test func parametersThatRequireGradAreFilledInPlace() throws {
    let layer = try Linear(inFeatures: 3, outFeatures: 2, generator: Generator())
    let weight = layer.weight
    #expect(Init.constant(weight, 0) === weight)
    #expect(weight.floats == [0, 0, 0, 0, 0, 0] && weight.requiresGrad)
    // Nothing to fill: kaiming returns at once, even for one dimension, as PyTorch does.
    #expect(try Init.kaimingUniform(try Tensor.zeros([0]), generator: Generator()).count == 0)
  }
}
