/// `torch.nn.functional.*` (imported as `F`): convolution, pooling, activations and losses, with
/// PyTorch's argument names and defaults, and its 0.3-era forms (`log_softmax(x)` without `dim`,
/// `size_average=False`) accepted with a warning.
extension BuiltinTable {
  static let functional: [BuiltinFunction] = [
    .function(
      "torch.nn.functional.conv2d", .tensor("input"), .tensor("weight"), .optionalTensor("bias"),
      .size2D("stride", default: 1), .convPadding("padding"), .size2D("dilation", default: 1),
      .int("groups", default: 1)
    ) { _, input, weight, bias, stride, padding, dilation, groups in
      .tensor(
        try Functional.conv2d(
          input, weight: weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
          groups: groups))
    },
    .function(
      "torch.nn.functional.max_pool2d", .tensor("input"), .size2D("kernel_size"),
      .optionalValue("stride"), .size2D("padding", default: 0), .size2D("dilation", default: 1),
      .bool("ceil_mode", default: false), .bool("return_indices", default: false)
    ) { interpreter, input, kernel, strideValue, padding, dilation, ceilMode, returnIndices in
      let stride = try strideValue.map {
        try size2D($0, "stride", ArgumentContext(function: "max_pool2d", interpreter: interpreter))
      }
      if returnIndices {
        let result = try Functional.maxPool2dWithIndices(
          input, kernelSize: kernel, stride: stride ?? kernel, padding: padding,
          dilation: dilation, ceilMode: ceilMode)
        return .tuple([.tensor(result.output), .tensor(result.indices)])
      }
      return .tensor(
        try Functional.maxPool2d(
          input, kernelSize: kernel, stride: stride ?? kernel, padding: padding,
          dilation: dilation, ceilMode: ceilMode))
    },
    .function(
      "torch.nn.functional.avg_pool2d", .tensor("input"), .size2D("kernel_size"),
      .optionalValue("stride"), .size2D("padding", default: 0),
      .bool("ceil_mode", default: false), .bool("count_include_pad", default: true),
      .optionalInt("divisor_override")
    ) { interpreter, input, kernel, strideValue, padding, ceilMode, includePad, divisor in
      let stride = try strideValue.map {
        try size2D($0, "stride", ArgumentContext(function: "avg_pool2d", interpreter: interpreter))
      }
      return .tensor(
        try Functional.avgPool2d(
          input, kernelSize: kernel, stride: stride ?? kernel, padding: padding,
          ceilMode: ceilMode, countIncludePad: includePad, divisorOverride: divisor))
    },
    .function("torch.nn.functional.relu", .tensor("input"), .bool("inplace", default: false)) {
      _, input, _ in .tensor(try Functional.relu(input))
    },
    .function("torch.nn.functional.sigmoid", .tensor("input")) { _, input in
      .tensor(input.sigmoid())
    },
    .function("torch.nn.functional.tanh", .tensor("input")) { _, input in .tensor(input.tanh()) },
    .function(
      "torch.nn.functional.batch_norm", .tensor("input"), .value("running_mean"),
      .value("running_var"), .optionalTensor("weight"), .optionalTensor("bias"),
      .bool("training", default: false), .double("momentum", default: 0.1),
      .double("eps", default: 1e-5)
    ) { _, input, runningMean, runningVar, weight, bias, training, momentum, eps in
      .tensor(
        try Functional.batchNorm(
          input, runningMean: try optionalTensor(runningMean, "running_mean", "batch_norm"),
          runningVar: try optionalTensor(runningVar, "running_var", "batch_norm"), weight: weight,
          bias: bias, training: training, momentum: momentum, eps: eps))
    },
    .function("torch.nn.functional.adaptive_avg_pool2d", .tensor("input"), .value("output_size")) {
      _, input, size in
      let output = try adaptiveOutputSize(size)
      return .tensor(
        try Functional.adaptiveAvgPool2d(input, height: output.height, width: output.width))
    },
    .function(
      "torch.nn.functional.adaptive_max_pool2d", .tensor("input"), .value("output_size"),
      .bool("return_indices", default: false)
    ) { _, input, size, returnIndices in
      let output = try adaptiveOutputSize(size)
      let (values, indices) = try Functional.adaptiveMaxPool2dWithIndices(
        input, height: output.height, width: output.width)
      return returnIndices ? .tuple([.tensor(values), .tensor(indices)]) : .tensor(values)
    },
    .function(
      "torch.nn.functional.dropout2d", .tensor("input"), .double("p", default: 0.5),
      .bool("training", default: true), .bool("inplace", default: false)
    ) { interpreter, input, p, training, _ in
      .tensor(
        try Functional.dropout2d(input, p: p, training: training, generator: interpreter.generator))
    },
    .function(
      "torch.nn.functional.mse_loss", .tensor("input"), .tensor("target"),
      .optionalValue("size_average"), .optionalValue("reduce"),
      .string("reduction", default: "mean"), .optionalTensor("weight")
    ) { interpreter, input, target, sizeAverage, reduce, reduction, weight in
      if weight != nil {
        throw PythonException.unsupported("mse_loss(weight=...) is not supported in lessons")
      }
      let mode = try lossReduction(
        interpreter, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
      if input.shape != target.shape, let span = interpreter.currentSpan {
        interpreter.warnOnce(
          "Using a target size (torch.Size(\(shapeText(target.shape)))) that is different to the "
            + "input size (torch.Size(\(shapeText(input.shape)))). This will likely lead to "
            + "incorrect results due to broadcasting. Please ensure they have the same size.",
          at: span)
      }
      let loss = try Functional.mseLoss(input, target: target, reduction: mode)
      interpreter.noteLoss(loss)
      return .tensor(loss)
    },
    .function(
      "torch.nn.functional.linear", .tensor("input"), .tensor("weight"), .optionalTensor("bias")
    ) { _, input, weight, bias in .tensor(try Functional.linear(input, weight: weight, bias: bias))
    },
    softmax("softmax", Functional.softmax),
    softmax("log_softmax", Functional.logSoftmax),
    loss("nll_loss", Functional.nllLoss),
    loss("cross_entropy", Functional.crossEntropy),
    .function(
      "torch.nn.functional.dropout", .tensor("input"), .double("p", default: 0.5),
      .bool("training", default: true), .bool("inplace", default: false)
    ) { interpreter, input, p, training, _ in
      .tensor(
        try Functional.dropout(input, p: p, training: training, generator: interpreter.generator))
    },
  ]

  /// An int or a pair, converted for a window parameter whose default depends on another one
  /// (pooling's `stride` defaults to `kernel_size`).
  static func size2D(_ value: Value, _ name: String, _ context: ArgumentContext) throws -> Size2D {
    switch try windowArgument(value, name, context) {
    case .single(let v): Size2D(v)
    case .pair(let h, let w): Size2D(h, w)
    }
  }

  /// `softmax(x, dim)`; without `dim`, PyTorch's old implicit choice and its deprecation warning.
  private static func softmax(
    _ name: String, _ op: @escaping @Sendable (Tensor, Int) throws -> Tensor
  ) -> BuiltinFunction {
    .function(
      "torch.nn.functional." + name, .tensor("input"), .optionalInt("dim"),
      .int("_stacklevel", default: 3), .dtype()
    ) { interpreter, input, dim, _, _ in
      if let dim { return .tensor(try op(input, dim)) }
      if let span = interpreter.currentSpan {
        interpreter.warnOnce(
          "Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument.",
          at: span)
      }
      return .tensor(try op(input, implicitSoftmaxDim(rank: input.rank)))
    }
  }

  /// A required argument that may be `None` (`batch_norm`'s running statistics).
  private static func optionalTensor(_ value: Value, _ name: String, _ function: String) throws
    -> Tensor?
  {
    switch value {
    case .none: return nil
    case .tensor(let tensor): return tensor
    default:
      throw PythonException.type(
        "\(function)(): argument '\(name)' must be Tensor, not \(typeName(of: value))")
    }
  }

  /// `nll_loss` / `cross_entropy`, mapping the legacy `size_average` / `reduce` flags.
  private static func loss(
    _ name: String,
    _ op: @escaping @Sendable (Tensor, Tensor, Reduction, Int) throws -> Tensor
  ) -> BuiltinFunction {
    .function(
      "torch.nn.functional." + name, .tensor("input"), .tensor("target"),
      .optionalValue("weight"), .optionalValue("size_average"), .int("ignore_index", default: -100),
      .optionalValue("reduce"), .string("reduction", default: "mean")
    ) { interpreter, input, target, weight, sizeAverage, ignoreIndex, reduce, reduction in
      if weight != nil {
        throw PythonException.unsupported("\(name)(weight=...) is not supported in lessons")
      }
      let mode = try lossReduction(
        interpreter, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)
      let loss = try op(input, target, mode, ignoreIndex)
      interpreter.noteLoss(loss)
      return .tensor(loss)
    }
  }

  /// `reduction='mean'|'sum'|'none'`, or the legacy `size_average` / `reduce` flags (which win, as
  /// in PyTorch) mapped to it with PyTorch's deprecation warning.
  static func lossReduction(
    _ interpreter: Interpreter, sizeAverage: Value?, reduce: Value?, reduction: String
  ) throws -> Reduction {
    if sizeAverage != nil || reduce != nil {
      let averages = try sizeAverage.map { try interpreter.truthy($0) } ?? true
      let reduces = try reduce.map { try interpreter.truthy($0) } ?? true
      let mode: Reduction = !reduces ? .none : (averages ? .mean : .sum)
      let replacement = mode == .none ? "none" : (mode == .mean ? "mean" : "sum")
      if let span = interpreter.currentSpan {
        interpreter.warnOnce(
          "size_average and reduce args will be deprecated, please use reduction='\(replacement)' instead.",
          at: span)
      }
      return mode
    }
    switch reduction {
    case "mean": return .mean
    case "sum": return .sum
    case "none": return .none
    case let other: throw PythonException.value("\(other) is not a valid value for reduction")
    }
  }
}

extension Arg where T == Conv2dPadding {
  /// conv2d's `padding`: an int, a pair, or the strings 'same' and 'valid' (default 0).
  public static func convPadding(_ name: String) -> Arg<Conv2dPadding> {
    .withDefault(name, .explicit(Size2D(0)), text: "0") { value, context in
      switch value {
      case .string("same"): return .same
      case .string("valid"): return .valid
      case .string(let other):
        throw PythonException.value(
          "Invalid padding string '\(other)', should be one of ['valid', 'same']")
      default: return .explicit(try BuiltinTable.size2D(value, name, context))
      }
    }
  }
}
