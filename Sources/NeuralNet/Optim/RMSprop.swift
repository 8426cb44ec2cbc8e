/// `optim.RMSprop` with PyTorch's exact update:
///
///     g = grad + weight_decay * p
///     square_avg = alpha * square_avg + (1 - alpha) * g^2
///     avg = sqrt(square_avg - grad_avg^2) + eps    (centered: grad_avg = alpha * grad_avg + (1 - alpha) * g)
///     avg = sqrt(square_avg) + eps                 (otherwise)
///     buf = momentum * buf + g / avg;  p = p - lr * buf   (momentum > 0)
///     p = p - lr * g / avg                                (otherwise)
public final class RMSprop: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public let alpha: Double
  public let epsilon: Double
  public let weightDecay: Double
  public let momentum: Double
  public let centered: Bool
  private var states: [ObjectIdentifier: (square: [Float], gradient: [Float], buffer: [Float])] =
    [:]

  public init(
    parameters: [Tensor], learningRate: Double = 0.01, alpha: Double = 0.99,
    epsilon: Double = 1e-8, weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false
  ) throws {
    try checkHyperParameter(learningRate >= 0, .learningRate, learningRate)
    try checkHyperParameter(epsilon >= 0, .epsilon, epsilon)
    try checkHyperParameter(momentum >= 0, .momentum, momentum)
    try checkHyperParameter(weightDecay >= 0, .weightDecay, weightDecay)
    try checkHyperParameter(alpha >= 0, .alpha, alpha)
    self.learningRate = learningRate
    self.alpha = alpha
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.momentum = momentum
    self.centered = centered
    self.parameters = try checkedParameters(parameters)
  }

  public func step() throws {
    let (a, oneMinusA) = (Float(alpha), Float(1 - alpha))
    let (eps, decay, lr, mu) = (
      Float(epsilon), Float(weightDecay), Float(learningRate), Float(momentum)
    )
    for parameter in parameters {
      guard let grad = parameter.grad else { continue }
      let key = ObjectIdentifier(parameter)
      let zeros = [Float](repeating: 0, count: grad.count)
      var state = states.removeValue(forKey: key) ?? (zeros, zeros, zeros)
      let gradient = grad.floats
      let (centered, hasMomentum) = (self.centered, momentum > 0)
      parameter.updateFloats { weights in
        for i in 0..<min(weights.count, gradient.count) {
          let g = decay == 0 ? gradient[i] : gradient[i] + decay * weights[i]
          state.square[i] = state.square[i] * a + oneMinusA * g * g
          var average: Float
          if centered {
            state.gradient[i] += oneMinusA * (g - state.gradient[i])
            average = (state.square[i] - state.gradient[i] * state.gradient[i]).squareRoot()
          } else {
            average = state.square[i].squareRoot()
          }
          average += eps
          if hasMomentum {
            state.buffer[i] = state.buffer[i] * mu + g / average
            weights[i] -= lr * state.buffer[i]
          } else {
            weights[i] -= lr * (g / average)
          }
        }
      }
      states[key] = state
    }
  }

  public var hyperParameterLines: [String] {
    [
      "alpha: \(alpha)", "capturable: False", "centered: \(centered ? "True" : "False")",
      "differentiable: False", "eps: \(epsilon)", "foreach: None",
      "lr: \(pythonNumberText(learningRate))", "maximize: False",
      "momentum: \(pythonNumberText(momentum))", "weight_decay: \(pythonNumberText(weightDecay))",
    ]
  }
}
