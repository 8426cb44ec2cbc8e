/// `torch.nn.functional.*` (imported as `F`): convolution, pooling, activations and losses, with
/// PyTorch's argument names and defaults, and its 0.3-era forms (`log_softmax(x)` without `dim`,
/// `size_average=False`) accepted with a warning.
extension BuiltinTable {
  nonisolated(unsafe) static let functional: [String: Builtin.Body] = [
    "torch.nn.functional.conv2d": { _, arguments in
      let bound = try arguments.bind(
        "conv2d", ["input", "weight", "bias?", "stride?", "padding?", "dilation?", "groups?"])
      return .tensor(
        try Functional.conv2d(
          try bound.tensor("input"), weight: try bound.tensor("weight"),
          bias: try bound.optionalTensor("bias"),
          stride: try bound.size2D("stride", default: Size2D(1)), padding: try convPadding(bound),
          dilation: try bound.size2D("dilation", default: Size2D(1)),
          groups: try bound.int("groups", default: 1)))
    },
    "torch.nn.functional.max_pool2d": { _, arguments in
      let bound = try arguments.bind(
        "max_pool2d",
        [
          "input", "kernel_size", "stride?", "padding?", "dilation?", "ceil_mode?",
          "return_indices?",
        ])
      let input = try bound.tensor("input")
      let kernel = try bound.size2D("kernel_size")
      let stride = try bound.size2D("stride", default: kernel)
      let padding = try bound.size2D("padding", default: Size2D(0))
      let dilation = try bound.size2D("dilation", default: Size2D(1))
      let ceilMode = try bound.bool("ceil_mode", default: false)
      if try bound.bool("return_indices", default: false) {
        let result = try Functional.maxPool2dWithIndices(
          input, kernelSize: kernel, stride: stride, padding: padding, dilation: dilation,
          ceilMode: ceilMode)
        return .tuple([.tensor(result.output), .tensor(result.indices)])
      }
      return .tensor(
        try Functional.maxPool2d(
          input, kernelSize: kernel, stride: stride, padding: padding, dilation: dilation,
          ceilMode: ceilMode))
    },
    "torch.nn.functional.avg_pool2d": { _, arguments in
      let bound = try arguments.bind(
        "avg_pool2d",
        [
          "input", "kernel_size", "stride?", "padding?", "ceil_mode?", "count_include_pad?",
          "divisor_override?",
        ])
      let kernel = try bound.size2D("kernel_size")
      return .tensor(
        try Functional.avgPool2d(
          try bound.tensor("input"), kernelSize: kernel,
          stride: try bound.size2D("stride", default: kernel),
          padding: try bound.size2D("padding", default: Size2D(0)),
          ceilMode: try bound.bool("ceil_mode", default: false),
          countIncludePad: try bound.bool("count_include_pad", default: true),
          divisorOverride: try bound.optionalInt("divisor_override")))
    },
    "torch.nn.functional.relu": { _, arguments in
      .tensor(
        try Functional.relu(try arguments.bind("relu", ["input", "inplace?"]).tensor("input")))
    },
    "torch.nn.functional.sigmoid": { _, arguments in
      try unary(arguments, "sigmoid") { $0.sigmoid() }
    },
    "torch.nn.functional.tanh": { _, arguments in try unary(arguments, "tanh") { $0.tanh() } },
    "torch.nn.functional.linear": { _, arguments in
      let bound = try arguments.bind("linear", ["input", "weight", "bias?"])
      return .tensor(
        try Functional.linear(
          try bound.tensor("input"), weight: try bound.tensor("weight"),
          bias: try bound.optionalTensor("bias")))
    },
    "torch.nn.functional.softmax": { interpreter, arguments in
      let (input, dim) = try softmaxArguments(interpreter, arguments, "softmax")
      return .tensor(try Functional.softmax(input, dim: dim))
    },
    "torch.nn.functional.log_softmax": { interpreter, arguments in
      let (input, dim) = try softmaxArguments(interpreter, arguments, "log_softmax")
      return .tensor(try Functional.logSoftmax(input, dim: dim))
    },
    "torch.nn.functional.nll_loss": { interpreter, arguments in
      let (input, target, reduction, ignoreIndex) = try lossArguments(
        interpreter, arguments, "nll_loss")
      let loss = try Functional.nllLoss(
        input, target: target, reduction: reduction, ignoreIndex: ignoreIndex)
      interpreter.noteLoss(loss)
      return .tensor(loss)
    },
    "torch.nn.functional.cross_entropy": { interpreter, arguments in
      let (input, target, reduction, ignoreIndex) = try lossArguments(
        interpreter, arguments, "cross_entropy")
      let loss = try Functional.crossEntropy(
        input, target: target, reduction: reduction, ignoreIndex: ignoreIndex)
      interpreter.noteLoss(loss)
      return .tensor(loss)
    },
    "torch.nn.functional.dropout": { interpreter, arguments in
      let bound = try arguments.bind("dropout", ["input", "p?", "training?", "inplace?"])
      return .tensor(
        try Functional.dropout(
          try bound.tensor("input"), p: try bound.double("p", default: 0.5),
          training: try bound.bool("training", default: true), generator: interpreter.generator))
    },
  ]

  /// conv2d's `padding`: an int, a pair, or the strings 'same' and 'valid'.
  static func convPadding(_ bound: BoundArguments) throws -> Conv2dPadding {
    switch bound["padding"] {
    case .string("same")?: return .same
    case .string("valid")?: return .valid
    case .string(let other)?:
      throw PythonException.value(
        "Invalid padding string '\(other)', should be one of ['valid', 'same']")
    default: return .explicit(try bound.size2D("padding", default: Size2D(0)))
    }
  }

  /// `softmax(x, dim)`; without `dim`, PyTorch's old implicit choice and its deprecation warning.
  private static func softmaxArguments(
    _ interpreter: Interpreter, _ arguments: Arguments, _ name: String
  ) throws
    -> (Tensor, Int)
  {
    let bound = try arguments.bind(name, ["input", "dim?", "_stacklevel?", "dtype?"])
    let input = try bound.tensor("input")
    if let dim = try bound.optionalInt("dim") { return (input, dim) }
    if let span = interpreter.currentSpan {
      interpreter.warnOnce(
        "Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument.",
        at: span)
    }
    return (input, implicitSoftmaxDim(rank: input.rank))
  }

  /// `reduction='mean'|'sum'|'none'`, or the legacy `size_average` / `reduce` flags (which win, as
  /// in PyTorch) mapped to it with PyTorch's deprecation warning.
  static func reduction(_ bound: BoundArguments, _ interpreter: Interpreter) throws -> Reduction {
    if bound["size_average"] != nil || bound["reduce"] != nil {
      let sizeAverage = try bound.bool("size_average", default: true)
      let reduce = try bound.bool("reduce", default: true)
      let reduction: Reduction = !reduce ? .none : (sizeAverage ? .mean : .sum)
      let replacement = reduction == .none ? "none" : (reduction == .mean ? "mean" : "sum")
      if let span = interpreter.currentSpan {
        interpreter.warnOnce(
          "size_average and reduce args will be deprecated, please use reduction='\(replacement)' instead.",
          at: span)
      }
      return reduction
    }
    switch try bound.string("reduction", default: "mean") {
    case "mean": return .mean
    case "sum": return .sum
    case "none": return .none
    case let other: throw PythonException.value("\(other) is not a valid value for reduction")
    }
  }

  /// nll_loss / cross_entropy arguments, mapping the legacy `size_average` / `reduce` flags.
  private static func lossArguments(
    _ interpreter: Interpreter, _ arguments: Arguments, _ name: String
  ) throws
    -> (Tensor, Tensor, Reduction, Int)
  {
    let bound = try arguments.bind(
      name,
      ["input", "target", "weight?", "size_average?", "ignore_index?", "reduce?", "reduction?"])
    if bound["weight"] != nil {
      throw PythonException.unsupported("\(name)(weight=...) is not supported in lessons")
    }
    return (
      try bound.tensor("input"), try bound.tensor("target"), try reduction(bound, interpreter),
      try bound.int("ignore_index", default: -100)
    )
  }
}
