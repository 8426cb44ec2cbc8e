import Testing

@testable import NeuralNet

// Adadelta, RMSprop and the learning-rate schedulers against PyTorch 2.15: three steps with set
// gradients from [1, -2, 0.5], and the rates the schedulers give.

private let grads: [[Float]] = [[0.5, -1, 2], [0.25, 0.75, -1.5], [1, 1, 1]]

/// The parameter after three steps of `make`'s optimizer with `grads`.
private func trajectory(_ make: ([Tensor]) throws -> Optimizer) throws -> [Float] {
  let parameter = Tensor(shape: [3], floats: [1, -2, 0.5])
  try parameter.setRequiresGrad()
  let optimizer = try make([parameter])
  for grad in grads {
    parameter.grad = Tensor(shape: [3], floats: grad)
    try optimizer.step()
  }
  return parameter.floats
}

private func expectClose(
  _ actual: [Float], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, sourceLocation: sourceLocation)
  for (a, e) in zip(actual, expected) {
    #expect(
      abs(Double(a) - e) <= 2e-6 * max(1, abs(e)), "\(a) vs \(e)", sourceLocation: sourceLocation)
  }
}

@Test func adadeltaStepsAsPyTorchDoes() throws {
  expectClose(
    try trajectory { try Adadelta(parameters: $0) }, [0.990445971, -2.00300598, 0.49754712])
  expectClose(
    try trajectory {
      try Adadelta(parameters: $0, learningRate: 0.5, rho: 0.8, epsilon: 1e-5, weightDecay: 0.1)
    }, [0.988882661, -2.00188112, 0.497023165])
  #expect(throws: NeuralNetError.invalidHyperParameter(.rho, value: 1.5)) {
    try Adadelta(parameters: [Tensor(shape: [1], floats: [1])], rho: 1.5)
  }
}

@Test func rmspropStepsAsPyTorchDoes() throws {
  expectClose(
    try trajectory { try RMSprop(parameters: $0) }, [0.767624736, -2.02297592, 0.422789544])
  expectClose(
    try trajectory {
      try RMSprop(
        parameters: $0, learningRate: 0.1, alpha: 0.9, weightDecay: 0.01, momentum: 0.5,
        centered: true)
    }, [-0.143894821, -1.91184402, 0.0823177174])
}

@Test func schedulersChangeTheRateAsPyTorchsDo() throws {
  func rates(_ rule: LearningRateScheduler.Rule, steps: Int) throws -> [Double] {
    let parameter = Tensor(shape: [1], floats: [1])
    try parameter.setRequiresGrad()
    let scheduler = LearningRateScheduler(
      optimizer: try SGD(parameters: [parameter], learningRate: 1), rule: rule)
    return (0..<steps).map { _ in
      scheduler.step()
      return scheduler.lastLearningRate
    }
  }
  #expect(
    try rates(.multiStep(milestones: [2, 4, 4], gamma: 0.5), steps: 5) == [
      1, 0.5, 0.5, 0.125, 0.125,
    ])
  #expect(try rates(.exponential(gamma: 0.9), steps: 3) == [0.9, 0.81, 0.7290000000000001])
  #expect(
    try rates(.step(stepSize: 1, gamma: 0.7), steps: 3)
      == [0.7, 0.48999999999999994, 0.3429999999999999])
}
