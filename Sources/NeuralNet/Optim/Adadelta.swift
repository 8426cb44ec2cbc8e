/// `optim.Adadelta` with PyTorch's exact update (the one of the official MNIST example):
///
///     g = grad + weight_decay * p
///     square_avg = rho * square_avg + (1 - rho) * g^2
///     delta = sqrt(acc_delta + eps) / sqrt(square_avg + eps) * g
///     acc_delta = rho * acc_delta + (1 - rho) * delta^2
///     p = p - lr * delta
public final class Adadelta: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public let rho: Double
  public let epsilon: Double
  public let weightDecay: Double
  private var states: [ObjectIdentifier: (squareAverage: [Float], accumulatedDelta: [Float])] =
    [:]

  public init(
    parameters: [Tensor], learningRate: Double = 1, rho: Double = 0.9, epsilon: Double = 1e-6,
    weightDecay: Double = 0
  ) throws {
    try checkHyperParameter(learningRate >= 0, .learningRate, learningRate)
    try checkHyperParameter((0...1).contains(rho), .rho, rho)
    try checkHyperParameter(epsilon >= 0, .epsilon, epsilon)
    try checkHyperParameter(weightDecay >= 0, .weightDecay, weightDecay)
    self.learningRate = learningRate
    self.rho = rho
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.parameters = try checkedParameters(parameters)
  }

  public func step() throws {
    let (rho, oneMinusRho) = (Float(rho), Float(1 - rho))
    let (eps, decay, lr) = (Float(epsilon), Float(weightDecay), Float(learningRate))
    for parameter in parameters {
      guard let grad = parameter.grad else { continue }
      let key = ObjectIdentifier(parameter)
      let zeros = [Float](repeating: 0, count: grad.count)
      var state = states.removeValue(forKey: key) ?? (zeros, zeros)
      let gradient = grad.floats
      parameter.updateFloats { weights in
        for i in 0..<min(weights.count, gradient.count) {
          let g = decay == 0 ? gradient[i] : gradient[i] + decay * weights[i]
          state.squareAverage[i] = state.squareAverage[i] * rho + oneMinusRho * g * g
          let std = (state.squareAverage[i] + eps).squareRoot()
          let delta = (state.accumulatedDelta[i] + eps).squareRoot() / std * g
          state.accumulatedDelta[i] = state.accumulatedDelta[i] * rho + oneMinusRho * delta * delta
          weights[i] -= lr * delta
        }
      }
      states[key] = state
    }
  }

  public var hyperParameterLines: [String] {
    [
      "capturable: False", "differentiable: False", "eps: \(epsilon)", "foreach: None",
      "lr: \(learningRate)", "maximize: False", "rho: \(rho)",
      "weight_decay: \(pythonNumberText(weightDecay))",
    ]
  }
}
