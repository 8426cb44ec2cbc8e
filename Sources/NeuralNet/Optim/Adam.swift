/// `optim.Adam` with PyTorch's exact update (L2 weight decay, not AdamW):
///
///     g = grad + weight_decay * p
///     m = beta1 * m + (1 - beta1) * g
///     v = beta2 * v + (1 - beta2) * g^2
///     p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
public final class Adam: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public let beta1: Double
  public let beta2: Double
  public let epsilon: Double
  public let weightDecay: Double
  private var states: [ObjectIdentifier: (step: Int, m: [Float], v: [Float])] = [:]

  public init(
    parameters: [Tensor], learningRate: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
    epsilon: Double = 1e-8, weightDecay: Double = 0
  ) throws {
    try checkHyperParameter(learningRate >= 0, .learningRate, learningRate)
    try checkHyperParameter(epsilon >= 0, .epsilon, epsilon)
    try checkHyperParameter((0..<1).contains(betas.0), .beta(index: 0), betas.0)
    try checkHyperParameter((0..<1).contains(betas.1), .beta(index: 1), betas.1)
    try checkHyperParameter(weightDecay >= 0, .weightDecay, weightDecay)
    self.learningRate = learningRate
    (beta1, beta2) = betas
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.parameters = try checkedParameters(parameters)
  }

  public func step() throws {
    for parameter in parameters {
      guard let grad = parameter.grad else { continue }
      let key = ObjectIdentifier(parameter)
      var state =
        states.removeValue(forKey: key)
        ?? (0, [Float](repeating: 0, count: grad.count), [Float](repeating: 0, count: grad.count))
      state.step += 1
      let t = Double(state.step)
      let stepSize = Float(learningRate / (1 - pow(beta1, t)))
      let correction2 = Float((1 - pow(beta2, t)).squareRoot())
      // 1 - beta in double, then rounded, as PyTorch computes it.
      let (b2, eps, decay) = (Float(beta2), Float(epsilon), Float(weightDecay))
      let (c1, c2) = (Float(1 - beta1), Float(1 - beta2))
      parameter.updateFloats { weights in
        for i in 0..<weights.count {
          let g = grad.floats[i] + decay * weights[i]
          state.m[i] += c1 * (g - state.m[i])
          state.v[i] = b2 * state.v[i] + c2 * g * g
          let denominator = state.v[i].squareRoot() / correction2 + eps
          weights[i] -= stepSize * state.m[i] / denominator
        }
      }
      states[key] = state
    }
  }

  public var hyperParameterLines: [String] {
    [
      "amsgrad: False", "betas: (\(beta1), \(beta2))", "capturable: False",
      "decoupled_weight_decay: False", "differentiable: False", "eps: \(epsilon)",
      "foreach: None", "fused: None", "lr: \(pythonNumberText(learningRate))",
      "maximize: False", "weight_decay: \(pythonNumberText(weightDecay))",
    ]
  }
}
