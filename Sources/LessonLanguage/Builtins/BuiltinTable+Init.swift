/// `torch.nn.init.*`: in-place initialisation, drawn from the interpreter's generator
/// (`torch.manual_seed`), returning the tensor itself.
extension BuiltinTable {
  static let initializers: [BuiltinFunction] = [
    .function(
      "torch.nn.init.kaiming_uniform_", .tensor("tensor"), .double("a", default: 0),
      .string("mode", default: "fan_in"), .string("nonlinearity", default: "leaky_relu"),
      .optionalValue("generator")
    ) { interpreter, tensor, a, mode, nonlinearity, _ in
      warnIfEmpty(interpreter, tensor)
      return .tensor(
        try Init.kaimingUniform(
          tensor, a: a, mode: mode, nonlinearity: nonlinearity, generator: interpreter.generator))
    },
    .function(
      "torch.nn.init.kaiming_normal_", .tensor("tensor"), .double("a", default: 0),
      .string("mode", default: "fan_in"), .string("nonlinearity", default: "leaky_relu"),
      .optionalValue("generator")
    ) { interpreter, tensor, a, mode, nonlinearity, _ in
      warnIfEmpty(interpreter, tensor)
      return .tensor(
        try Init.kaimingNormal(
          tensor, a: a, mode: mode, nonlinearity: nonlinearity, generator: interpreter.generator))
    },
    .function(
      "torch.nn.init.xavier_uniform_", .tensor("tensor"), .double("gain", default: 1),
      .optionalValue("generator")
    ) { interpreter, tensor, gain, _ in
      .tensor(try Init.xavierUniform(tensor, gain: gain, generator: interpreter.generator))
    },
    .function(
      "torch.nn.init.xavier_normal_", .tensor("tensor"), .double("gain", default: 1),
      .optionalValue("generator")
    ) { interpreter, tensor, gain, _ in
      .tensor(try Init.xavierNormal(tensor, gain: gain, generator: interpreter.generator))
    },
    .function(
      "torch.nn.init.uniform_", .tensor("tensor"), .double("a", default: 0),
      .double("b", default: 1), .optionalValue("generator")
    ) { interpreter, tensor, low, high, _ in
      .tensor(try Init.uniform(tensor, low, high, generator: interpreter.generator))
    },
    .function(
      "torch.nn.init.normal_", .tensor("tensor"), .double("mean", default: 0),
      .double("std", default: 1), .optionalValue("generator")
    ) { interpreter, tensor, mean, std, _ in
      .tensor(try Init.normal(tensor, mean: mean, std: std, generator: interpreter.generator))
    },
    .function("torch.nn.init.constant_", .tensor("tensor"), .double("val")) { _, tensor, value in
      .tensor(Init.constant(tensor, value))
    },
    .function("torch.nn.init.zeros_", .tensor("tensor")) { _, tensor in
      .tensor(Init.constant(tensor, 0))
    },
    .function("torch.nn.init.ones_", .tensor("tensor")) { _, tensor in
      .tensor(Init.constant(tensor, 1))
    },
    .function("torch.nn.init.calculate_gain", .string("nonlinearity"), .optionalValue("param")) {
      _, nonlinearity, parameter in
      var slope: Double? = nil
      switch parameter {
      case nil, .bool?: break
      case .int(let n)?: slope = Double(n)
      case .float(let x)?: slope = x
      case .string(let text)?:
        throw PythonException.value("negative_slope \(text) not a valid number")
      case let value?:
        throw PythonException.value("negative_slope \(typeName(of: value)) not a valid number")
      }
      let gain = try Init.gain(nonlinearity, parameter: slope)
      // PyTorch returns the int 1 for the linear cases and a float otherwise.
      return gain == 1 && nonlinearity != "leaky_relu" ? .int(1) : .float(gain)
    },
  ]

  /// PyTorch's warning for `kaiming_*_` of a tensor without elements, which it leaves as it is.
  private static func warnIfEmpty(_ interpreter: Interpreter, _ tensor: Tensor) {
    guard tensor.count == 0, let span = interpreter.currentSpan else { return }
    interpreter.warnOnce("Initializing zero-element tensors is a no-op", at: span)
  }
}
