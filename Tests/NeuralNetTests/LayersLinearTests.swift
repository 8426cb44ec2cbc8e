import Testing

@testable import NeuralNet

@Suite struct LayersLinearTests {
  @Test func weightAndBiasAreTheRegisteredParameters() throws {
    let layer = try Linear(inFeatures: 3, outFeatures: 2, generator: Generator(seed: 1))
    #expect(layer.weight.shape == [2, 3] && layer.bias?.shape == [2])
    #expect(layer.weight === layer.parameter(named: "weight"))
    #expect(layer.bias === layer.parameter(named: "bias"))
    #expect(layer.weight.requiresGrad && layer.weight.isParameter)
    // kaiming_uniform(a=sqrt(5)): every weight within 1/sqrt(in_features).
    #expect(layer.weight.floats.allSatisfy { abs($0) <= 1 / Float(3).squareRoot() })
  }

  @Test func callingTheLayerRunsForward() throws {
    let layer = try Linear(inFeatures: 3, outFeatures: 2, generator: Generator(seed: 2))
    let x = try Tensor.randn([4, 3], generator: Generator(seed: 3))
    #expect(try layer(x).floats == layer.forward(x).floats)
    #expect(try layer(x).shape == [4, 2])
  }

  @Test func assigningAParameterReplacesTheTypedProperty() throws {
    let layer = try Linear(
      inFeatures: 2, outFeatures: 1, bias: false, generator: Generator(seed: 4))
    #expect(layer.bias == nil)
    let weight = Tensor(shape: [1, 2], floats: [1, 2])
    try layer.registerParameter("weight", weight)
    #expect(layer.weight === weight)
    try layer.registerParameter("bias", Tensor(shape: [1], floats: [10]))
    #expect(try layer(Tensor(shape: [1, 2], floats: [3, 4])).floats == [21])
    try layer.unregister("bias")
    #expect(layer.bias == nil && layer.parameter(named: "bias") == nil)
  }

  @Test func theWeightCannotBeRemoved() throws {
    let layer = try Linear(inFeatures: 2, outFeatures: 1, generator: Generator(seed: 5))
    let weight = layer.weight
    #expect(throws: NeuralNetError.requiredParameter(module: "Linear", name: "weight")) {
      try layer.unregister("weight")
    }
    #expect(layer.weight === weight && layer.parameter(named: "weight") === weight)
  }

  @Test func sizeErrors() {
    #expect(throws: NeuralNetError.negativeFeatures(inFeatures: -1, outFeatures: 2)) {
      try Linear(inFeatures: -1, outFeatures: 2, generator: Generator(seed: 6))
    }
    #expect(
      throws: TensorError.allocationTooLarge(
        elements: 1 << 40, limit: maximumElementCount, shape: [1 << 20, 1 << 20])
    ) { try Linear(inFeatures: 1 << 20, outFeatures: 1 << 20, generator: Generator(seed: 7)) }
  }

  @Test func printedLikePyTorch() throws {
    let layer = try Linear(inFeatures: 320, outFeatures: 10, generator: Generator(seed: 8))
    #expect(layer.description == "Linear(in_features=320, out_features=10, bias=True)")
  }
}
