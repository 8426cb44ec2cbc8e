/// `optim.SGD`: stochastic gradient descent with optional momentum, dampening, weight decay and
/// Nesterov momentum, with PyTorch's exact update:
///
///     g = grad + weight_decay * p
///     buf = g                                  (first step)
///     buf = momentum * buf + (1 - dampening) * g   (later steps)
///     g = g + momentum * buf  if nesterov,  else  g = buf      (when momentum != 0)
///     p = p - lr * g
public final class SGD: Optimizer {
  public let parameters: [Tensor]
  public var learningRate: Double
  public let momentum: Double
  public let dampening: Double
  public let weightDecay: Double
  public let nesterov: Bool
  private var momentumBuffers: [ObjectIdentifier: [Float]] = [:]

  public init(
    parameters: [Tensor], learningRate: Double = 1e-3, momentum: Double = 0, dampening: Double = 0,
    weightDecay: Double = 0, nesterov: Bool = false
  ) throws {
    try checkHyperParameter(learningRate >= 0, .learningRate, learningRate)
    try checkHyperParameter(momentum >= 0, .momentum, momentum)
    try checkHyperParameter(weightDecay >= 0, .weightDecay, weightDecay)
    if nesterov && (momentum <= 0 || dampening != 0) {
      throw NeuralNetError.nesterovWithoutMomentum
    }
    self.learningRate = learningRate
    self.momentum = momentum
    self.dampening = dampening
    self.weightDecay = weightDecay
    self.nesterov = nesterov
    self.parameters = try checkedParameters(parameters)
  }

  public func step() throws {
    for parameter in parameters {
      guard let grad = parameter.grad else { continue }
      let key = ObjectIdentifier(parameter)
      var buffer = momentumBuffers.removeValue(forKey: key)
      parameter.updateFloats { weights in
        update(&weights, grad: grad.floats, buffer: &buffer)
      }
      if let buffer { momentumBuffers[key] = buffer }
    }
  }

  // n = parameter element count; buffer is nil until the first step with momentum.
  private func update(_ weights: inout [Float], grad: [Float], buffer: inout [Float]?) {
    // Hyper-parameters rounded to float32 as PyTorch does, 1 - dampening computed in double first.
    let (learningRate, momentum, weightDecay) = (
      Float(learningRate), Float(momentum), Float(weightDecay)
    )
    let keep = Float(1 - dampening)
    let n = weights.count
    var direction = grad
    if weightDecay != 0 {
      for i in 0..<n { direction[i] += weightDecay * weights[i] }
    }
    if momentum != 0 {
      if var previous = buffer {
        for i in 0..<n { previous[i] = momentum * previous[i] + keep * direction[i] }
        buffer = previous
      } else {
        buffer = direction
      }
      if let buffer {
        if nesterov {
          for i in 0..<n { direction[i] += momentum * buffer[i] }
        } else {
          direction = buffer
        }
      }
    }
    for i in 0..<n { weights[i] -= learningRate * direction[i] }
  }

  public var hyperParameterLines: [String] {
    [
      "dampening: \(pythonNumberText(dampening))", "differentiable: False", "foreach: None",
      "fused: None", "lr: \(pythonNumberText(learningRate))", "maximize: False",
      "momentum: \(pythonNumberText(momentum))",
      "nesterov: \(nesterov ? "True" : "False")",
      "weight_decay: \(pythonNumberText(weightDecay))",
    ]
  }
}
