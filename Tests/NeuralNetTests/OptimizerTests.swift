import Testing

@testable import NeuralNet

// The update rules of SGD and Adam on one or two numbers worked out by hand, and their argument
// errors with PyTorch's messages. What the Optimizer protocol's extension shares (zeroGrad, the
// printed form) is covered through them.

/// A 1-d leaf that requires grad, like an `nn.Parameter`.
private func parameter(_ values: [Float]) throws -> Tensor {
  let tensor = Tensor(shape: [values.count], floats: values)
  try tensor.setRequiresGrad()
  return tensor
}

/// Sets each parameter's gradient, as `backward()` would, then runs one optimizer step.
private func step(_ optimizer: Optimizer, grads: [[Float]]) throws {
  for (parameter, grad) in zip(optimizer.parameters, grads) {
    parameter.grad = Tensor(shape: parameter.shape, floats: grad)
  }
  try optimizer.step()
}

private func expectValues(
  _ tensor: Tensor, _ expected: [Double], tolerance: Double = 1e-6,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(tensor.floats.count == expected.count, sourceLocation: sourceLocation)
  for (actual, wanted) in zip(tensor.floats, expected) {
    #expect(
      abs(Double(actual) - wanted) <= tolerance, "\(actual) vs \(wanted)",
      sourceLocation: sourceLocation)
  }
}

@Suite struct SGDTests {
  @Test func plainStepIsLearningRateTimesGradient() throws {
    let p = try parameter([1, -2])
    try step(SGD(parameters: [p], learningRate: 0.1), grads: [[0.5, 1]])
    expectValues(p, [0.95, -2.1])
  }

  @Test func momentumBufferStartsAtTheGradient() throws {
    // buf = 1, p = 1 - 0.1 * 1; then buf = 0.9 * 1 + 2 = 2.9, p = 0.9 - 0.1 * 2.9.
    let p = try parameter([1])
    let sgd = try SGD(parameters: [p], learningRate: 0.1, momentum: 0.9)
    try step(sgd, grads: [[1]])
    expectValues(p, [0.9])
    try step(sgd, grads: [[2]])
    expectValues(p, [0.61])
  }

  @Test func dampeningAppliesFromTheSecondStep() throws {
    // buf = 1 (undamped); then buf = 0.9 * 1 + (1 - 0.5) * 2 = 1.9, p = 0.9 - 0.1 * 1.9.
    let p = try parameter([1])
    let sgd = try SGD(parameters: [p], learningRate: 0.1, momentum: 0.9, dampening: 0.5)
    try step(sgd, grads: [[1]])
    expectValues(p, [0.9])
    try step(sgd, grads: [[2]])
    expectValues(p, [0.71])
  }

  @Test func weightDecayAddsTheScaledWeight() throws {
    // g = 1 + 0.1 * 2 = 1.2, p = 2 - 0.1 * 1.2.
    let p = try parameter([2])
    try step(SGD(parameters: [p], learningRate: 0.1, weightDecay: 0.1), grads: [[1]])
    expectValues(p, [1.88])
  }

  @Test func nesterovLooksAheadAlongTheBuffer() throws {
    // buf = 1, g = 1 + 0.9 * 1 = 1.9, p = 0.81; buf = 2.9, g = 2 + 0.9 * 2.9 = 4.61, p = 0.349.
    let p = try parameter([1])
    let sgd = try SGD(parameters: [p], learningRate: 0.1, momentum: 0.9, nesterov: true)
    try step(sgd, grads: [[1]])
    expectValues(p, [0.81])
    try step(sgd, grads: [[2]])
    expectValues(p, [0.349])
  }

  @Test func parametersWithoutGradientAreLeftAlone() throws {
    let (a, b) = (try parameter([1]), try parameter([5]))
    let sgd = try SGD(parameters: [a, b], learningRate: 0.1, momentum: 0.9)
    a.grad = Tensor(shape: [1], floats: [1])
    try sgd.step()
    expectValues(a, [0.9])
    expectValues(b, [5])
  }

  @Test func zeroGradClearsEveryGradient() throws {
    let (a, b) = (try parameter([1]), try parameter([2]))
    let sgd = try SGD(parameters: [a, b], learningRate: 0.1)
    a.grad = Tensor(shape: [1], floats: [3])
    b.grad = Tensor(shape: [1], floats: [4])
    sgd.zeroGrad()
    #expect(a.grad == nil && b.grad == nil)
  }

  @Test func argumentErrorsUsePyTorchsWords() throws {
    let p = try parameter([1])
    #expect(throws: NeuralNetError.invalidHyperParameter(.learningRate, value: -0.1)) {
      try SGD(parameters: [p], learningRate: -0.1)
    }
    #expect(throws: NeuralNetError.invalidHyperParameter(.momentum, value: -0.5)) {
      try SGD(parameters: [p], learningRate: 0.1, momentum: -0.5)
    }
    #expect(throws: NeuralNetError.invalidHyperParameter(.weightDecay, value: -1)) {
      try SGD(parameters: [p], learningRate: 0.1, weightDecay: -1)
    }
    let nesterov = NeuralNetError.nesterovWithoutMomentum
    #expect(throws: nesterov) { try SGD(parameters: [p], learningRate: 0.1, nesterov: true) }
    #expect(throws: nesterov) {
      try SGD(parameters: [p], learningRate: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)
    }
    #expect(throws: NeuralNetError.emptyParameterList) {
      try SGD(parameters: [], learningRate: 0.1)
    }
    // PyTorch checks the options before the parameter list.
    #expect(throws: NeuralNetError.invalidHyperParameter(.learningRate, value: -0.1)) {
      try SGD(parameters: [], learningRate: -0.1)
    }
  }

  @Test func descriptionListsTheOptionsLikePyTorch() throws {
    let sgd = try SGD(parameters: [parameter([1])], learningRate: 0.5, momentum: 0.25)
    #expect(
      sgd.description == """
        SGD (
        Parameter Group 0
            dampening: 0
            differentiable: False
            foreach: None
            fused: None
            lr: 0.5
            maximize: False
            momentum: 0.25
            nesterov: False
            weight_decay: 0
        )
        """)
  }

  @Test func descriptionPrintsDecimalOptionsAsGiven() throws {
    let sgd = try SGD(parameters: [parameter([1])], learningRate: 0.01, momentum: 0.9)
    #expect(sgd.description.contains("lr: 0.01\n"))
    #expect(sgd.description.contains("momentum: 0.9\n"))
  }
}

@Suite struct AdamTests {
  @Test func firstStepMovesEachWeightByTheLearningRate() throws {
    // m^ = g and v^ = g^2 after bias correction, so the step is lr * g / |g| (eps = 0).
    let p = try parameter([1, 1])
    try step(Adam(parameters: [p], learningRate: 0.1, epsilon: 0), grads: [[0.5, -4]])
    expectValues(p, [0.9, 1.1])
  }

  @Test func secondStepUsesBiasCorrectedMoments() throws {
    // betas (0.5, 0.5): m = 0.5, v = 0.5, p = 0.9; then m = 0.25 + 1.5 = 1.75, v = 0.25 + 4.5 =
    // 4.75, corrections 0.75 each: p = 0.9 - 0.1 * (1.75 / 0.75) / sqrt(4.75 / 0.75).
    let p = try parameter([1])
    let adam = try Adam(parameters: [p], learningRate: 0.1, betas: (0.5, 0.5), epsilon: 0)
    try step(adam, grads: [[1]])
    expectValues(p, [0.9])
    try step(adam, grads: [[3]])
    expectValues(p, [0.9 - 0.1 * (7.0 / 3) / (19.0 / 3).squareRoot()])
  }

  @Test func epsilonIsAddedAfterTheCorrectedRoot() throws {
    // g = 1: p = 1 - 0.1 * 1 / (1 + 1).
    let p = try parameter([1])
    try step(Adam(parameters: [p], learningRate: 0.1, epsilon: 1), grads: [[1]])
    expectValues(p, [0.95])
  }

  @Test func weightDecayIsAddedToTheGradient() throws {
    // g = -0.5 + 0.5 * 2 = 0.5 > 0, so the weight goes down although the raw gradient is negative.
    let p = try parameter([2])
    try step(
      Adam(parameters: [p], learningRate: 0.1, epsilon: 0, weightDecay: 0.5), grads: [[-0.5]])
    expectValues(p, [1.9])
  }

  @Test func stepCountIsPerParameter() throws {
    // b gets its first gradient at the second step, so its update is again exactly lr.
    let (a, b) = (try parameter([1]), try parameter([1]))
    let adam = try Adam(parameters: [a, b], learningRate: 0.1, epsilon: 0)
    a.grad = Tensor(shape: [1], floats: [1])
    try adam.step()
    expectValues(b, [1])
    try step(adam, grads: [[1], [2]])
    expectValues(a, [0.8], tolerance: 2e-7)
    expectValues(b, [0.9])
  }

  @Test func roundsOneMinusBetaLikePyTorch() throws {
    // PyTorch computes 1 - beta in double and rounds that to float32 (0.001), not
    // 1 - Float(0.999) = 0.000999987; PyTorch 2.15 gives 0.800000012 here.
    let a = try parameter([1])
    let adam = try Adam(parameters: [a], learningRate: 0.1, epsilon: 0)
    try step(adam, grads: [[1]])
    try step(adam, grads: [[1]])
    expectValues(a, [0.800000012], tolerance: 2e-7)
  }

  @Test func argumentErrorsUsePyTorchsWords() throws {
    let p = try parameter([1])
    #expect(throws: NeuralNetError.invalidHyperParameter(.learningRate, value: -0.1)) {
      try Adam(parameters: [p], learningRate: -0.1)
    }
    #expect(throws: NeuralNetError.invalidHyperParameter(.epsilon, value: -1e-8)) {
      try Adam(parameters: [p], epsilon: -1e-8)
    }
    #expect(throws: NeuralNetError.invalidHyperParameter(.beta(index: 0), value: 1)) {
      try Adam(parameters: [p], betas: (1, 0.999))
    }
    #expect(throws: NeuralNetError.invalidHyperParameter(.beta(index: 1), value: -0.1)) {
      try Adam(parameters: [p], betas: (0.9, -0.1))
    }
    #expect(throws: NeuralNetError.invalidHyperParameter(.weightDecay, value: -0.1)) {
      try Adam(parameters: [p], weightDecay: -0.1)
    }
    #expect(throws: NeuralNetError.emptyParameterList) {
      try Adam(parameters: [])
    }
  }

  @Test func descriptionListsTheOptionsLikePyTorch() throws {
    let adam = try Adam(parameters: [parameter([1])])
    #expect(
      adam.description == """
        Adam (
        Parameter Group 0
            amsgrad: False
            betas: (0.9, 0.999)
            capturable: False
            decoupled_weight_decay: False
            differentiable: False
            eps: 1e-08
            foreach: None
            fused: None
            lr: 0.001
            maximize: False
            weight_decay: 0
        )
        """)
  }
}
