import Testing

@testable import NeuralNet

// Trains the scenarios of Reference/make_optimizer_reference.py with our ops and optimizers and
// compares the losses and final parameters with PyTorch's (OptimizerReferenceData.swift).

/// The model a reference case trains (see the generator script for the exact layers).
enum ReferenceModel: String, Sendable {
  /// conv2d(1 -> 2, k3) -> relu -> max_pool2d(2) -> view(3, 18) -> linear(18 -> 4) -> log_softmax
  /// -> nll_loss, on 3 images of 8x8.
  case cnn
  /// linear(3 -> 2) on 5 samples with the loss ((y - t) ** 2).mean().
  case regression
}

/// An optimizer and its options, with PyTorch's defaults.
enum ReferenceOptimizer: Sendable {
  case sgd(
    lr: Double, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
    nesterov: Bool = false)
  case adam(
    lr: Double, betas: (Double, Double) = (0.9, 0.999), eps: Double = 1e-8,
    weightDecay: Double = 0)

  func make(_ parameters: [Tensor]) throws -> Optimizer {
    switch self {
    case .sgd(let lr, let momentum, let dampening, let weightDecay, let nesterov):
      return try SGD(
        parameters: parameters, learningRate: lr, momentum: momentum, dampening: dampening,
        weightDecay: weightDecay, nesterov: nesterov)
    case .adam(let lr, let betas, let eps, let weightDecay):
      return try Adam(
        parameters: parameters, learningRate: lr, betas: betas, epsilon: eps,
        weightDecay: weightDecay)
    }
  }
}

/// One scenario trained by PyTorch: the loss before each step and the parameters after the last.
struct OptimizerReferenceCase: Sendable, CustomTestStringConvertible {
  let model: ReferenceModel
  let name: String
  let optimizer: ReferenceOptimizer
  let losses: [Float]
  let parameters: [[Float]]

  var testDescription: String { "\(model.rawValue) with \(name)" }
}

/// The script's `wave`: element i (row-major) is `scale * sin(frequency * i + phase)`, computed in
/// Double and rounded to Float, exactly as the script builds its float32 tensors.
private func wave(_ shape: [Int], _ scale: Double, _ frequency: Double, _ phase: Double) -> Tensor {
  let values = (0..<elementCount(shape)).map { Float(scale * sin(frequency * Double($0) + phase)) }
  return Tensor(shape: shape, floats: values)
}

/// A scenario's initial parameters (requiring grad) and its loss as a function of them.
private struct ReferenceScenario {
  let parameters: [Tensor]
  let loss: ([Tensor]) throws -> Tensor

  init(_ model: ReferenceModel) throws {
    switch model {
    case .cnn:
      parameters = [
        wave([2, 1, 3, 3], 0.4, 1.3, 0.5), wave([2], 0.1, 2.1, 0.2),
        wave([4, 18], 0.25, 0.7, 1.1), wave([4], 0.1, 1.7, 0.3),
      ]
      loss = Self.cnnLoss
    case .regression:
      parameters = [wave([2, 3], 0.5, 1.1, 0.7), wave([2], 0.2, 1.9, 0.4)]
      loss = Self.regressionLoss
    }
    for parameter in parameters { try parameter.setRequiresGrad() }
  }

  static func cnnLoss(_ p: [Tensor]) throws -> Tensor {
    let images = wave([3, 1, 8, 8], 1.0, 0.37, 0.1)
    let targets = Tensor(shape: [3], ints: [0, 3, 1])
    let features = try Functional.relu(Functional.conv2d(images, weight: p[0], bias: p[1]))
    let pooled = try Functional.maxPool2d(features, kernelSize: Size2D(2)).reshaped([3, 18])
    let logits = try Functional.linear(pooled, weight: p[2], bias: p[3])
    return try Functional.nllLoss(Functional.logSoftmax(logits, dim: 1), target: targets)
  }

  static func regressionLoss(_ p: [Tensor]) throws -> Tensor {
    let inputs = wave([5, 3], 1.0, 0.9, 0.3)
    let targets = wave([5, 2], 0.8, 0.55, 1.2)
    let outputs = try Functional.linear(inputs, weight: p[0], bias: p[1])
    return try outputs.sub(targets).pow(Tensor(Float(2))).mean()
  }
}

/// Runs `steps` steps of zero_grad, forward, backward, step; returns the loss of each step.
private func train(_ scenario: ReferenceScenario, with optimizer: Optimizer, steps: Int) throws
  -> [Float]
{
  var losses: [Float] = []
  for _ in 0..<steps {
    optimizer.zeroGrad()
    let loss = try scenario.loss(scenario.parameters)
    losses.append(loss.floats[0])
    try loss.backward()
    try optimizer.step()
  }
  return losses
}

/// Expects `actual` to match `expected` within 1e-5 relative to max(1, |expected|), element-wise.
private func expectClose(
  _ actual: [Float], _ expected: [Float], _ what: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
  for (i, (a, e)) in zip(actual, expected).enumerated() {
    let tolerance = 1e-5 * max(1, abs(Double(e)))
    #expect(
      abs(Double(a) - Double(e)) <= tolerance, "\(what)[\(i)]: \(a) vs PyTorch \(e)",
      sourceLocation: sourceLocation)
  }
}

@Suite struct OptimizerReferenceTests {
  @Test func everyScenarioAndOptimizerIsCovered() {
    #expect(optimizerReferenceCases.count == 12)
    #expect(optimizerReferenceCases.allSatisfy { $0.losses.count == 5 })
  }

  @Test func waveMatchesTheScriptsFormula() {
    // The script's wave((3,), 2, 0.5, 0.25), as float32 printed by Python with 9 digits.
    #expect(wave([3], 2, 0.5, 0.25).floats == [0.494807929, 1.36327755, 1.89796925])
  }

  @Test(arguments: optimizerReferenceCases)
  func matchesPyTorch(_ reference: OptimizerReferenceCase) throws {
    let scenario = try ReferenceScenario(reference.model)
    let optimizer = try reference.optimizer.make(scenario.parameters)
    let losses = try train(scenario, with: optimizer, steps: reference.losses.count)
    expectClose(losses, reference.losses, "loss")
    try #require(scenario.parameters.count == reference.parameters.count)
    for (index, (parameter, expected)) in zip(scenario.parameters, reference.parameters)
      .enumerated()
    {
      expectClose(parameter.floats, expected, "parameter \(index)")
    }
  }
}
