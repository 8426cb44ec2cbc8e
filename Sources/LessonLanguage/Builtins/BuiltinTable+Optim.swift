/// `torch.optim.SGD` and `torch.optim.Adam`, and Python's `math` module.
extension BuiltinTable {
  nonisolated(unsafe) static let optimizers: [String: Builtin.Body] = [
    "torch.optim.SGD": { interpreter, arguments in
      let bound = try arguments.bind(
        "SGD",
        [
          "params", "lr?", "momentum?", "dampening?", "weight_decay?", "nesterov?", "maximize?",
          "foreach?",
        ])
      return .object(
        OptimizerObject(
          try SGD(
            parameters: try parameterList(interpreter, bound),
            learningRate: try bound.double("lr", default: 1e-3),
            momentum: try bound.double("momentum", default: 0),
            dampening: try bound.double("dampening", default: 0),
            weightDecay: try bound.double("weight_decay", default: 0),
            nesterov: try bound.bool("nesterov", default: false))))
    },
    "torch.optim.Adam": { interpreter, arguments in
      let bound = try arguments.bind(
        "Adam",
        ["params", "lr?", "betas?", "eps?", "weight_decay?", "amsgrad?", "foreach?", "maximize?"])
      var betas = (0.9, 0.999)
      if let value = bound["betas"] {
        let items = try interpreter.iterateAll(value).map(interpreter.numberValue)
        guard items.count == 2 else { throw bound.wrongType("betas", "a pair of floats", value) }
        betas = (items[0], items[1])
      }
      if try bound.bool("amsgrad", default: false) {
        throw PythonException.unsupported("Adam(amsgrad=True) is not supported in lessons")
      }
      return .object(
        OptimizerObject(
          try Adam(
            parameters: try parameterList(interpreter, bound),
            learningRate: try bound.double("lr", default: 1e-3),
            betas: betas, epsilon: try bound.double("eps", default: 1e-8),
            weightDecay: try bound.double("weight_decay", default: 0))))
    },
  ]

  nonisolated(unsafe) static let math: [String: Builtin.Body] = [
    "math.sqrt": { interpreter, arguments in
      let x = try interpreter.numberValue(try single(arguments, "sqrt"))
      guard x >= 0 else { throw PythonException.value("math domain error") }
      return .float(x.squareRoot())
    },
    "math.exp": { interpreter, arguments in
      .float(Glibc.exp(try interpreter.numberValue(try single(arguments, "exp"))))
    },
    "math.log": { interpreter, arguments in
      let x = try interpreter.numberValue(try single(arguments, "log"))
      guard x > 0 else { throw PythonException.value("math domain error") }
      return .float(Glibc.log(x))
    },
    "math.floor": { interpreter, arguments in
      .int(try integral(try interpreter.numberValue(try single(arguments, "floor")).rounded(.down)))
    },
    "math.ceil": { interpreter, arguments in
      .int(try integral(try interpreter.numberValue(try single(arguments, "ceil")).rounded(.up)))
    },
  ]

  /// A whole float as an int, with Python's errors for nan, infinities and out-of-range values.
  private static func integral(_ value: Double) throws -> Int {
    guard !value.isNaN else { throw PythonException.value("cannot convert float NaN to integer") }
    guard value.isFinite else {
      throw PythonException(.overflowError, "cannot convert float infinity to integer")
    }
    guard let result = Int(exactly: value) else {
      throw PythonException(.overflowError, "int too large for a lesson (64-bit) int")
    }
    return result
  }

  /// The `params` argument of an optimizer: any iterable of tensors (`model.parameters()`).
  private static func parameterList(_ interpreter: Interpreter, _ bound: BoundArguments) throws
    -> [Tensor]
  {
    try interpreter.iterateAll(bound.values["params"] ?? .none).map { value in
      guard case .tensor(let tensor) = value else {
        throw PythonException.type(
          "optimizer can only optimize Tensors, but one of the params is \(typeName(of: value))")
      }
      guard tensor.isLeaf else { throw PythonException.value("can't optimize a non-leaf Tensor") }
      return tensor
    }
  }
}

/// An optimizer as lesson code sees it: `zero_grad()`, `step()`, and PyTorch's printed form.
final class OptimizerObject: HostObject {
  let optimizer: Optimizer
  init(_ optimizer: Optimizer) { self.optimizer = optimizer }

  var typeName: String { optimizer.typeName }
  var text: String { optimizer.description }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "zero_grad":
      return .builtin(
        Builtin(name: "\(typeName).zero_grad") { [optimizer] _, _ in
          optimizer.zeroGrad()
          return .none
        })
    case "step":
      return .builtin(
        Builtin(name: "\(typeName).step") { [optimizer] _, _ in
          try optimizer.step()
          return .none
        })
    default:
      return nil
    }
  }
}
