/// `torch.nn.*` layers and the methods every module has (`parameters()`, `train()`, `eval()`).
extension BuiltinTable {
  nonisolated(unsafe) static let layers: [String: Builtin.Body] = [
    "torch.nn.Module": { _, _ in
      throw PythonException.type(
        "nn.Module is a base class: derive your own, 'class Net(nn.Module):', and instantiate that")
    },
    "torch.nn.Conv2d": { interpreter, arguments in
      let bound = try arguments.bind(
        "Conv2d",
        [
          "in_channels", "out_channels", "kernel_size", "stride?", "padding?", "dilation?",
          "groups?", "bias?",
          "padding_mode?",
        ])
      return .module(
        try Conv2d(
          inChannels: try bound.int("in_channels"), outChannels: try bound.int("out_channels"),
          kernelSize: try bound.size2D("kernel_size"),
          stride: try bound.size2D("stride", default: Size2D(1)),
          padding: try convPadding(bound),
          dilation: try bound.size2D("dilation", default: Size2D(1)),
          groups: try bound.int("groups", default: 1), bias: try bound.bool("bias", default: true),
          generator: interpreter.generator))
    },
    "torch.nn.Linear": { interpreter, arguments in
      let bound = try arguments.bind("Linear", ["in_features", "out_features", "bias?"])
      return .module(
        try Linear(
          inFeatures: try bound.int("in_features"), outFeatures: try bound.int("out_features"),
          bias: try bound.bool("bias", default: true), generator: interpreter.generator))
    },
    "torch.nn.MaxPool2d": { _, arguments in
      let bound = try arguments.bind(
        "MaxPool2d",
        ["kernel_size", "stride?", "padding?", "dilation?", "return_indices?", "ceil_mode?"])
      guard let kernel = try bound.poolArgument("kernel_size") else {
        throw PythonException.type("MaxPool2d() missing required argument 'kernel_size'")
      }
      return .module(
        MaxPool2d(
          kernelSize: kernel, stride: try bound.poolArgument("stride"),
          padding: try bound.poolArgument("padding") ?? .single(0),
          dilation: try bound.poolArgument("dilation") ?? .single(1),
          ceilMode: try bound.bool("ceil_mode", default: false)))
    },
    "torch.nn.AvgPool2d": { _, arguments in
      let bound = try arguments.bind(
        "AvgPool2d",
        [
          "kernel_size", "stride?", "padding?", "ceil_mode?", "count_include_pad?",
          "divisor_override?",
        ])
      guard let kernel = try bound.poolArgument("kernel_size") else {
        throw PythonException.type("AvgPool2d() missing required argument 'kernel_size'")
      }
      return .module(
        AvgPool2d(
          kernelSize: kernel, stride: try bound.poolArgument("stride"),
          padding: try bound.poolArgument("padding") ?? .single(0),
          ceilMode: try bound.bool("ceil_mode", default: false),
          countIncludePad: try bound.bool("count_include_pad", default: true)))
    },
    "torch.nn.ReLU": { _, arguments in
      _ = try arguments.bind("ReLU", ["inplace?"])
      return .module(ReLU())
    },
    "torch.nn.Flatten": { _, arguments in
      let bound = try arguments.bind("Flatten", ["start_dim?", "end_dim?"])
      return .module(
        Flatten(
          startDim: try bound.int("start_dim", default: 1),
          endDim: try bound.int("end_dim", default: -1)))
    },
    "torch.nn.Sequential": { _, arguments in
      let layers = try arguments.positional.map { value -> Module in
        guard case .module(let module) = value else {
          throw PythonException.type("\(typeName(of: value)) is not a Module subclass")
        }
        return module
      }
      return .module(Sequential(layers))
    },
    "torch.nn.LogSoftmax": { _, arguments in
      .module(LogSoftmax(dim: try arguments.bind("LogSoftmax", ["dim?"]).optionalInt("dim")))
    },
    "torch.nn.Softmax": { _, arguments in
      .module(Softmax(dim: try arguments.bind("Softmax", ["dim?"]).optionalInt("dim")))
    },
    "torch.nn.Dropout": { interpreter, arguments in
      let bound = try arguments.bind("Dropout", ["p?", "inplace?"])
      return .module(
        try Dropout(p: try bound.double("p", default: 0.5), generator: interpreter.generator))
    },
    "torch.nn.NLLLoss": { interpreter, arguments in
      .module(NLLLoss(reduction: try lossReduction(interpreter, arguments, "NLLLoss")))
    },
    "torch.nn.CrossEntropyLoss": { interpreter, arguments in
      .module(
        CrossEntropyLoss(reduction: try lossReduction(interpreter, arguments, "CrossEntropyLoss")))
    },
    "torch.nn.Parameter": { _, arguments in
      let bound = try arguments.bind("Parameter", ["data", "requires_grad?"])
      let parameter = try makeParameter(
        try bound.tensor("data"), requiresGrad: try bound.bool("requires_grad", default: true))
      parameter.isParameter = true
      return .tensor(parameter)
    },
    "Module.parameters": { _, arguments in
      .list(
        ListStorage(try moduleReceiver(arguments, "parameters").parameters().map { .tensor($0) }))
    },
    "Module.named_parameters": { _, arguments in
      .list(
        ListStorage(
          try moduleReceiver(arguments, "named_parameters").namedParameters().map {
            .tuple([.string($0.name), .tensor($0.tensor)])
          }))
    },
    "Module.children": { _, arguments in
      .list(
        ListStorage(
          try moduleReceiver(arguments, "children").namedChildren.map { .module($0.module) }))
    },
    "Module.modules": { _, arguments in
      .list(ListStorage(try moduleReceiver(arguments, "modules").modules().map { .module($0) }))
    },
    "Module.train": { _, arguments in
      let bound = try arguments.bind("train", ["self", "mode?"])
      let module = try moduleReceiver(arguments, "train")
      module.train(try bound.bool("mode", default: true))
      return .module(module)
    },
    "Module.eval": { _, arguments in
      let module = try moduleReceiver(arguments, "eval")
      module.eval()
      return .module(module)
    },
    "Module.zero_grad": { _, arguments in
      try moduleReceiver(arguments, "zero_grad").zeroGrad()
      return .none
    },
    "Module.forward": { interpreter, arguments in
      let module = try moduleReceiver(arguments, "forward")
      guard let span = interpreter.currentSpan else { return .none }
      return try interpreter.callModule(
        module, Arguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords),
        span: span)
    },
    "Module.add_module": { interpreter, arguments in
      let bound = try arguments.bind("add_module", ["self", "name", "module"])
      guard case .module(let child)? = bound["module"] else {
        throw bound.wrongType("module", "a Module", bound["module"] ?? .none)
      }
      let module = try moduleReceiver(arguments, "add_module")
      try interpreter.requireAcyclic(adding: child, to: module, as: try bound.string("name"))
      module.registerModule(try bound.string("name"), child)
      return .none
    },
  ]

  private static func moduleReceiver(_ arguments: Arguments, _ name: String) throws -> Module {
    guard case .module(let module)? = arguments.positional.first else {
      throw PythonException.type("\(name)() must be called on a module")
    }
    return module
  }

  /// The reduction of `nn.NLLLoss(...)` / `nn.CrossEntropyLoss(...)`, with the legacy
  /// `size_average` / `reduce` flags mapped as `F.nll_loss` maps them (warning once).
  private static func lossReduction(
    _ interpreter: Interpreter, _ arguments: Arguments, _ name: String
  ) throws
    -> Reduction
  {
    let bound = try arguments.bind(
      name, ["weight?", "size_average?", "ignore_index?", "reduce?", "reduction?"])
    if bound["weight"] != nil || bound["ignore_index"] != nil {
      throw PythonException.unsupported(
        "\(name)(weight=..., ignore_index=...) is not supported in lessons")
    }
    return try reduction(bound, interpreter)
  }

}
