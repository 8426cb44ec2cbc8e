/// `torch.nn.*` layers and the methods every module has (`parameters()`, `train()`, `eval()`).
extension BuiltinTable {
  static let layers: [BuiltinFunction] =
    [
      .function("torch.nn.Module", .variadic("args"), .keywords("kwargs")) { _, _, _ in
        throw PythonException.type(
          "nn.Module is a base class: derive your own, 'class Net(nn.Module):', and instantiate that"
        )
      },
      .function(
        "torch.nn.Conv2d", .int("in_channels"), .int("out_channels"), .size2D("kernel_size"),
        .size2D("stride", default: 1), .convPadding("padding"), .size2D("dilation", default: 1),
        .int("groups", default: 1), .bool("bias", default: true),
        .string("padding_mode", default: "zeros")
      ) { interpreter, inputs, outputs, kernel, stride, padding, dilation, groups, bias, _ in
        .module(
          try Conv2d(
            inChannels: inputs, outChannels: outputs, kernelSize: kernel, stride: stride,
            padding: padding, dilation: dilation, groups: groups, bias: bias,
            generator: interpreter.generator))
      },
      .function(
        "torch.nn.Linear", .int("in_features"), .int("out_features"), .bool("bias", default: true)
      ) { interpreter, inputs, outputs, bias in
        .module(
          try Linear(
            inFeatures: inputs, outFeatures: outputs, bias: bias, generator: interpreter.generator))
      },
      .function(
        "torch.nn.MaxPool2d", .window("kernel_size"), .optionalWindow("stride"),
        .window("padding", default: 0), .window("dilation", default: 1),
        .bool("return_indices", default: false), .bool("ceil_mode", default: false)
      ) { _, kernel, stride, padding, dilation, _, ceilMode in
        .module(
          MaxPool2d(
            kernelSize: kernel, stride: stride, padding: padding, dilation: dilation,
            ceilMode: ceilMode))
      },
      .function(
        "torch.nn.AvgPool2d", .window("kernel_size"), .optionalWindow("stride"),
        .window("padding", default: 0), .bool("ceil_mode", default: false),
        .bool("count_include_pad", default: true), .optionalInt("divisor_override")
      ) { _, kernel, stride, padding, ceilMode, includePad, _ in
        .module(
          AvgPool2d(
            kernelSize: kernel, stride: stride, padding: padding, ceilMode: ceilMode,
            countIncludePad: includePad))
      },
      .function("torch.nn.ReLU", .bool("inplace", default: false)) { _, _ in .module(ReLU()) },
      .function("torch.nn.Flatten", .int("start_dim", default: 1), .int("end_dim", default: -1)) {
        _, start, end in .module(Flatten(startDim: start, endDim: end))
      },
      .function("torch.nn.Sequential", .variadic("args")) { _, values in
        let layers = try values.map { value -> Module in
          guard case .module(let module) = value else {
            throw PythonException.type("\(typeName(of: value)) is not a Module subclass")
          }
          return module
        }
        return .module(Sequential(layers))
      },
      .function("torch.nn.LogSoftmax", .optionalInt("dim")) { _, dim in
        .module(LogSoftmax(dim: dim))
      },
      .function("torch.nn.Softmax", .optionalInt("dim")) { _, dim in .module(Softmax(dim: dim)) },
      .function("torch.nn.Dropout", .double("p", default: 0.5), .bool("inplace", default: false)) {
        interpreter, p, _ in .module(try Dropout(p: p, generator: interpreter.generator))
      },
      batchNorm("BatchNorm1d") {
        try BatchNorm1d(
          numFeatures: $0, eps: $1, momentum: $2, affine: $3, trackRunningStats: $4, bias: $5)
      },
      batchNorm("BatchNorm2d") {
        try BatchNorm2d(
          numFeatures: $0, eps: $1, momentum: $2, affine: $3, trackRunningStats: $4, bias: $5)
      },
      .function("torch.nn.AdaptiveAvgPool2d", .value("output_size")) { _, size in
        .module(AdaptiveAvgPool2d(outputSize: try adaptiveOutputSize(size)))
      },
      .function(
        "torch.nn.AdaptiveMaxPool2d", .value("output_size"), .bool("return_indices", default: false)
      ) { _, size, returnIndices in
        if returnIndices {
          throw PythonException.unsupported(
            "nn.AdaptiveMaxPool2d(return_indices=True) is not supported in lessons",
            notes: ["F.adaptive_max_pool2d(x, size, return_indices=True) returns the indices"])
        }
        return .module(AdaptiveMaxPool2d(outputSize: try adaptiveOutputSize(size)))
      },
      .function("torch.nn.Identity", .variadic("args"), .keywords("kwargs")) { _, _, _ in
        .module(Identity())
      },
      .function("torch.nn.Dropout2d", .double("p", default: 0.5), .bool("inplace", default: false))
      {
        interpreter, p, _ in .module(try Dropout2d(p: p, generator: interpreter.generator))
      },
      lossModule("NLLLoss") { NLLLoss(reduction: $0) },
      lossModule("CrossEntropyLoss") { CrossEntropyLoss(reduction: $0) },
      .function(
        "torch.nn.MSELoss", .optionalValue("size_average"), .optionalValue("reduce"),
        .string("reduction", default: "mean")
      ) { interpreter, sizeAverage, reduce, reduction in
        .module(
          MSELoss(
            reduction: try lossReduction(
              interpreter, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)))
      },
      .function("torch.nn.Parameter", .tensor("data"), .bool("requires_grad", default: true)) {
        _, data, requiresGrad in
        let parameter = try makeParameter(data, requiresGrad: requiresGrad)
        parameter.isParameter = true
        return .tensor(parameter)
      },
    ] + moduleMethods

  /// The methods every module has.
  private static let moduleMethods: [BuiltinFunction] = [
    .function("torch.nn.Module.parameters", .module("self"), .bool("recurse", default: true)) {
      _, module, _ in .list(ListStorage(module.parameters().map { .tensor($0) }))
    },
    .function(
      "torch.nn.Module.named_parameters", .module("self"), .string("prefix", default: ""),
      .bool("recurse", default: true)
    ) { _, module, _, _ in
      .list(
        ListStorage(
          module.namedParameters().map { .tuple([.string($0.name), .tensor($0.tensor)]) }))
    },
    .function(
      "torch.nn.Module.buffers", .module("self"), .bool("recurse", default: true)
    ) { _, module, _ in .list(ListStorage(module.namedBuffers().map { .tensor($0.tensor) })) },
    .function(
      "torch.nn.Module.named_buffers", .module("self"), .string("prefix", default: ""),
      .bool("recurse", default: true), .bool("remove_duplicate", default: true)
    ) { _, module, _, _, _ in
      .list(
        ListStorage(module.namedBuffers().map { .tuple([.string($0.name), .tensor($0.tensor)]) }))
    },
    .function("torch.nn.Module.children", .module("self")) { _, module in
      .list(ListStorage(module.namedChildren.map { .module($0.module) }))
    },
    .function("torch.nn.Module.modules", .module("self")) { _, module in
      .list(ListStorage(module.modules().map { .module($0) }))
    },
    .function("torch.nn.Module.train", .module("self"), .bool("mode", default: true)) {
      _, module, mode in
      module.train(mode)
      return .module(module)
    },
    .function("torch.nn.Module.eval", .module("self")) { _, module in
      module.eval()
      return .module(module)
    },
    .function("torch.nn.Module.zero_grad", .module("self"), .bool("set_to_none", default: true)) {
      _, module, _ in
      module.zeroGrad()
      return .none
    },
    .function(
      "torch.nn.Module.forward", .module("self"), .variadic("args"), .keywords("kwargs")
    ) { interpreter, module, values, keywords in
      guard let span = interpreter.currentSpan else { return .none }
      return try interpreter.callModule(module, Arguments(values, keywords: keywords), span: span)
    },
    .function("torch.nn.Module.add_module", .module("self"), .string("name"), .value("module")) {
      interpreter, module, name, value in
      guard case .module(let child) = value else {
        throw PythonException.type(
          "add_module(): argument 'module' must be a Module, not \(typeName(of: value))")
      }
      try interpreter.requireAcyclic(adding: child, to: module, as: name)
      module.registerModule(name, child)
      return .none
    },
    .function("torch.nn.Module.__init__", .module("self"), .variadic("args"), .keywords("kwargs")) {
      _, module, _, _ in
      (module as? ScriptModule)?.initialized = true
      return .none
    },
  ]

  /// An adaptive pooling `output_size`: an int, `None`, or a pair of ints or `None`s.
  static func adaptiveOutputSize(_ value: Value) throws -> AdaptiveOutputSize {
    func size(_ item: Value) throws -> Int? {
      switch item {
      case .none: return nil
      case .int(let n): return n
      default:
        throw PythonException.type(
          "output_size must be an int, None or a pair of them, not \(typeName(of: item))")
      }
    }
    switch value {
    case .tuple(let items) where items.count == 2:
      return .pair(try size(items[0]), try size(items[1]))
    case .list(let storage) where storage.items.count == 2:
      return .pair(try size(storage.items[0]), try size(storage.items[1]))
    case .size(let dims) where dims.count == 2: return .pair(dims[0], dims[1])
    case .tuple, .list, .size:
      throw PythonException.value("output_size must have 2 elements for 2-D adaptive pooling")
    default: return .single(try size(value))
    }
  }

  /// `nn.BatchNorm1d(...)` / `nn.BatchNorm2d(...)`, with PyTorch 2's keyword-only `bias`.
  private static func batchNorm(
    _ name: String,
    _ make: @escaping @Sendable (Int, Double, Double?, Bool, Bool, Bool) throws -> BatchNorm
  ) -> BuiltinFunction {
    .function(
      "torch.nn." + name, .int("num_features"), .double("eps", default: 1e-5),
      .optionalDouble("momentum", default: 0.1), .bool("affine", default: true),
      .bool("track_running_stats", default: true), .optionalValue("device"),
      .optionalValue("dtype"), .bool("bias", default: true).keywordOnly
    ) { _, features, eps, momentum, affine, track, _, _, bias in
      .module(try make(features, eps, momentum, affine, track, bias))
    }
  }

  /// `nn.NLLLoss(...)` / `nn.CrossEntropyLoss(...)`, with the legacy `size_average` / `reduce`
  /// flags mapped as `F.nll_loss` maps them (warning once).
  private static func lossModule(
    _ name: String, _ make: @escaping @Sendable (Reduction) -> Module
  ) -> BuiltinFunction {
    .function(
      "torch.nn." + name, .optionalValue("weight"), .optionalValue("size_average"),
      .optionalInt("ignore_index"), .optionalValue("reduce"), .string("reduction", default: "mean")
    ) { interpreter, weight, sizeAverage, ignoreIndex, reduce, reduction in
      if weight != nil || ignoreIndex != nil {
        throw PythonException.unsupported(
          "\(name)(weight=..., ignore_index=...) is not supported in lessons")
      }
      return .module(
        make(
          try lossReduction(
            interpreter, sizeAverage: sizeAverage, reduce: reduce, reduction: reduction)))
    }
  }
}
