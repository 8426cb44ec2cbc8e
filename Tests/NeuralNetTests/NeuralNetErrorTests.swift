import Testing

@testable import NeuralNet

/// Every case's message, notes and Python class (PyTorch's where PyTorch raises it).
@Suite struct NeuralNetErrorTests {
  @Test(arguments: [
    (
      NeuralNetError.missingForward(module: "Net"),
      "Module [Net] is missing the required \"forward\" function",
      TensorError.Category.notImplemented
    ),
    (
      .lossNeedsTarget(module: "NLLLoss"),
      "NLLLoss takes an input and a target: criterion(output, target)", .type
    ),
    (.lossNotDefined(module: "LossModule"), "LossModule does not define a loss", .notImplemented),
    (
      .negativeFeatures(inFeatures: -1, outFeatures: 2),
      "Linear: in_features and out_features must be non-negative integers", .runtime
    ),
    (
      .nonPositiveChannels(inChannels: 0, outChannels: 2),
      "Conv2d: in_channels and out_channels must be positive integers", .runtime
    ),
    (
      .channelsNotDivisible(argument: "in_channels", groups: 2),
      "in_channels must be divisible by groups", .value
    ),
    (
      .requiredParameter(module: "Linear", name: "weight"),
      "cannot remove parameter 'weight' of Linear, which needs it", .type
    ),
    (.invalidHyperParameter(.learningRate, value: -0.1), "Invalid learning rate: -0.1", .value),
    (.invalidHyperParameter(.momentum, value: -0.5), "Invalid momentum value: -0.5", .value),
    (.invalidHyperParameter(.weightDecay, value: -1), "Invalid weight_decay value: -1.0", .value),
    (.invalidHyperParameter(.epsilon, value: -1e-8), "Invalid epsilon value: -1e-08", .value),
    (
      .invalidHyperParameter(.beta(index: 1), value: 1), "Invalid beta parameter at index 1: 1.0",
      .value
    ),
    (
      .nesterovWithoutMomentum, "Nesterov momentum requires a momentum and zero dampening", .value
    ),
    (.emptyParameterList, "optimizer got an empty parameter list", .value),
  ])
  func messageAndCategory(
    _ error: NeuralNetError, _ message: String, _ category: TensorError.Category
  ) {
    #expect(error.message == message && error.description == message)
    #expect(error.category == category)
  }

  @Test func notes() {
    #expect(NeuralNetError.missingForward(module: "Net").notes.isEmpty)
    #expect(
      NeuralNetError.requiredParameter(module: "Linear", name: "weight").notes == [
        "assign a tensor wrapped in nn.Parameter to replace 'weight'"
      ])
    #expect(
      NeuralNetError.channelsNotDivisible(argument: "out_channels", groups: 3).notes == [
        "each of the 3 groups needs the same number of out_channels"
      ])
  }
}
