import Testing

@testable import NeuralNet

@Suite struct ModuleTests {
  @Test func aModuleWithoutForwardIsPyTorchsNotImplementedError() {
    #expect(throws: NeuralNetError.missingForward(module: "Module")) {
      try Module()(Tensor.zeros([1]))
    }
  }

  @Test func sequentialCallsItsChildrenInOrder() throws {
    let model = Sequential([Flatten(), ReLU()])
    let x = Tensor(shape: [1, 2, 2], floats: [-1, 2, -3, 4])
    let y = try model(x)
    #expect(y.shape == [1, 4] && y.floats == [0, 2, 0, 4])
    #expect(model.namedChildren.map(\.name) == ["0", "1"])
  }

  @Test func aLossIsCalledWithAnInputAndATarget() throws {
    let criterion = NLLLoss()
    let input = Tensor(shape: [1, 2], floats: [-0.5, -2])
    let target = Tensor(shape: [1], ints: [1])
    #expect(try criterion(input, target).floats == [2])
    #expect(throws: NeuralNetError.lossNeedsTarget(module: "NLLLoss")) { try criterion(input) }
    #expect(throws: NeuralNetError.lossNotDefined(module: "LossModule")) {
      try LossModule().loss(input, target: target)
    }
  }

  @Test func parametersAreListedOwnFirstThenChildren() throws {
    let model = Sequential([
      try Linear(inFeatures: 2, outFeatures: 1, generator: Generator(seed: 1))
    ])
    #expect(model.namedParameters().map(\.name) == ["0.weight", "0.bias"])
    model.zeroGrad()
    #expect(model.parameters().allSatisfy { $0.grad == nil })
  }
}
