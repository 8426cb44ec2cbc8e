/// `torch.optim.SGD` and `torch.optim.Adam`, and Python's `math` module.
extension BuiltinTable {
  static let optimizers: [BuiltinFunction] = [
    .function(
      "torch.optim.SGD", .value("params"), .double("lr", default: 1e-3),
      .double("momentum", default: 0), .double("dampening", default: 0),
      .double("weight_decay", default: 0), .bool("nesterov", default: false),
      .bool("maximize", default: false).keywordOnly, .optionalValue("foreach").keywordOnly
    ) { interpreter, params, lr, momentum, dampening, weightDecay, nesterov, _, _ in
      .object(
        OptimizerObject(
          try SGD(
            parameters: try parameterList(interpreter, params), learningRate: lr,
            momentum: momentum, dampening: dampening, weightDecay: weightDecay,
            nesterov: nesterov)))
    },
    .function(
      "torch.optim.Adam", .value("params"), .double("lr", default: 1e-3),
      .value("betas", default: .tuple([.float(0.9), .float(0.999)])),
      .double("eps", default: 1e-8), .double("weight_decay", default: 0),
      .bool("amsgrad", default: false), .optionalValue("foreach").keywordOnly,
      .bool("maximize", default: false).keywordOnly
    ) { interpreter, params, lr, betasValue, eps, weightDecay, amsgrad, _, _ in
      let items = try interpreter.iterateAll(betasValue).map(interpreter.numberValue)
      guard items.count == 2 else {
        throw PythonException.type(
          "Adam(): argument 'betas' must be a pair of floats, not \(typeName(of: betasValue))")
      }
      if amsgrad {
        throw PythonException.unsupported("Adam(amsgrad=True) is not supported in lessons")
      }
      return .object(
        OptimizerObject(
          try Adam(
            parameters: try parameterList(interpreter, params), learningRate: lr,
            betas: (items[0], items[1]), epsilon: eps, weightDecay: weightDecay)))
    },
    .function(
      "torch.optim.Adadelta", .value("params"), .double("lr", default: 1),
      .double("rho", default: 0.9), .double("eps", default: 1e-6),
      .double("weight_decay", default: 0), .optionalValue("foreach").keywordOnly,
      .bool("capturable", default: false).keywordOnly,
      .bool("maximize", default: false).keywordOnly,
      .bool("differentiable", default: false).keywordOnly
    ) { interpreter, params, lr, rho, eps, weightDecay, _, _, maximize, _ in
      if maximize { throw PythonException.unsupported("Adadelta(maximize=True) is not supported") }
      return .object(
        OptimizerObject(
          try Adadelta(
            parameters: try parameterList(interpreter, params), learningRate: lr, rho: rho,
            epsilon: eps, weightDecay: weightDecay)))
    },
    .function(
      "torch.optim.RMSprop", .value("params"), .double("lr", default: 0.01),
      .double("alpha", default: 0.99), .double("eps", default: 1e-8),
      .double("weight_decay", default: 0), .double("momentum", default: 0),
      .bool("centered", default: false), .bool("capturable", default: false),
      .optionalValue("foreach").keywordOnly, .bool("maximize", default: false).keywordOnly
    ) { interpreter, params, lr, alpha, eps, weightDecay, momentum, centered, _, _, maximize in
      if maximize { throw PythonException.unsupported("RMSprop(maximize=True) is not supported") }
      return .object(
        OptimizerObject(
          try RMSprop(
            parameters: try parameterList(interpreter, params), learningRate: lr, alpha: alpha,
            epsilon: eps, weightDecay: weightDecay, momentum: momentum, centered: centered)))
    },
    .function(
      "torch.optim.Optimizer.zero_grad", .optimizer("self"), .bool("set_to_none", default: true)
    ) {
      _, optimizer, _ in
      optimizer.zeroGrad()
      return .none
    },
    .function("torch.optim.Optimizer.step", .optimizer("self"), .optionalValue("closure")) {
      _, optimizer, _ in
      try optimizer.step()
      return .none
    },
  ]

  static let math: [BuiltinFunction] = [
    .function("math.sqrt", .double("x").positionalOnly) { _, x in
      guard x >= 0 else { throw PythonException.value("math domain error") }
      return .float(x.squareRoot())
    },
    .function("math.exp", .double("x").positionalOnly) { _, x in .float(Glibc.exp(x)) },
    .function("math.log", .double("x").positionalOnly) { _, x in
      guard x > 0 else { throw PythonException.value("math domain error") }
      return .float(Glibc.log(x))
    },
    .function("math.floor", .double("x").positionalOnly) { _, x in
      .int(try integral(x.rounded(.down)))
    },
    .function("math.ceil", .double("x").positionalOnly) { _, x in
      .int(try integral(x.rounded(.up)))
    },
  ]

  /// A whole float as an int, with Python's errors for nan, infinities and out-of-range values.
  private static func integral(_ value: Double) throws -> Int {
    guard !value.isNaN else { throw PythonException.value("cannot convert float NaN to integer") }
    guard value.isFinite else {
      throw PythonException(.overflowError, "cannot convert float infinity to integer")
    }
    guard let result = Int(exactly: value) else {
      throw PythonException.integerOverflow
    }
    return result
  }

  /// The `params` argument of an optimizer: any iterable of tensors (`model.parameters()`).
  private static func parameterList(_ interpreter: Interpreter, _ params: Value) throws
    -> [Tensor]
  {
    try interpreter.iterateAll(params).map { value in
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

  var methodNamespace: String? { "torch.optim.Optimizer" }

  /// `optimizer.param_groups`: one group, whose `'lr'` can be read and set.
  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    name == "param_groups" ? .list(ListStorage([.object(ParamGroupObject(optimizer))])) : nil
  }
}

/// `optimizer.param_groups[0]`: the optimizer's one parameter group as a dict-like object.
/// `group['lr']` reads and `group['lr'] = 0.01` sets the learning rate (what schedulers written
/// by hand do); `'params'` is the parameters.
final class ParamGroupObject: SubscriptableObject, ItemAssignableObject {
  let optimizer: Optimizer
  init(_ optimizer: Optimizer) { self.optimizer = optimizer }

  var typeName: String { "dict" }
  var text: String { "{'lr': \(optimizer.learningRate), ...}" }

  func item(_ index: Value, interpreter: Interpreter) throws -> Value {
    switch index {
    case .string("lr"): return .float(optimizer.learningRate)
    case .string("params"): return .list(ListStorage(optimizer.parameters.map { .tensor($0) }))
    default: throw PythonException(.keyError, interpreter.repr(index))
    }
  }

  func setItem(_ index: Value, _ value: Value, interpreter: Interpreter) throws {
    guard case .string("lr") = index else {
      throw PythonException.unsupported(
        "only param_groups[...]['lr'] can be set in lessons, not \(interpreter.repr(index))")
    }
    let rate = try interpreter.numberValue(value)
    guard rate >= 0 else { throw PythonException.value("Invalid learning rate: \(rate)") }
    optimizer.learningRate = rate
  }
}

extension Arg where T == Optimizer {
  /// An optimizer (a method's `self`).
  static func optimizer(_ name: String) -> Arg<Optimizer> {
    .required(name) { value, context in
      guard case .object(let object as OptimizerObject) = value else {
        throw context.wrongType(name, expected: "an optimizer", value)
      }
      return object.optimizer
    }
  }
}
