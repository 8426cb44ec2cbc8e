/// The builtins by namespace, one file each (`BuiltinTable+Torch.swift`, ...), put together into
/// the registry lessons run with.
enum BuiltinTable {
  /// The importable modules.
  static let modules: Set<String> = [
    "torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.optim", "torch.autograd",
    "torch.utils",
    "torch.utils.data", "torch.cuda", "torch.accelerator", "torch.backends", "torch.backends.mps",
    "torch.optim.lr_scheduler", "torchvision", "torchvision.datasets",
    "torchvision.transforms", "torchvision.utils", "__future__", "math", "matplotlib",
    "matplotlib.pyplot",
    // Convolution and pooling in action (BuiltinTable+Animate.swift).
    "cnn_lesson", "cnn_lesson.animate",
    // The command-line flags of scripts (`cnn-lesson run main.py -- --epochs 1`).
    "argparse", "sys",
    // torchinfo's summary(model, input_size) is provided too (BuiltinTable+Summary.swift).
    "torchinfo",
  ]

  /// Every entry, from every namespace file.
  static var entries: [BuiltinFunction] {
    python + iterables + argumentParsing + exceptionClasses + containers + strings + lists + sets
      + torch
      + tensorMethods
      + functional + layers + moduleContainers + initializers + torchSelection + inPlaceMethods
      + moduleTree + optimizers + schedulers + devices + math + data
      + summaries + pyplot + animations + objectMethods
  }

  /// Constants such as `torch.float32` and `math.pi`.
  static let constants: [String: BuiltinConstant] = [
    "torch.float32": .dtype(.float32), "torch.float": .dtype(.float32),
    // The PyTorch whose semantics the lessons follow.
    "torch.__version__": .string("2.15.0"),
    "torch.int64": .dtype(.int64), "torch.long": .dtype(.int64), "torch.bool": .dtype(.bool),
    "math.pi": .float(Double.pi), "math.e": .float(M_E), "math.inf": .float(Double.infinity),
    "__future__.print_function": .none, "__future__.division": .none,
  ]

  /// Methods of Python's `object`: what `super().__init__()` reaches in a class that does not
  /// derive from `nn.Module`.
  static let objectMethods: [BuiltinFunction] = [
    .function("builtins.object.__init__", .value("self")) { _, _ in .none }
  ]
}

extension BuiltinRegistry {
  /// The registry lessons run with: every builtin of the lesson language.
  public static let standard = BuiltinRegistry(
    modules: BuiltinTable.modules, entries: BuiltinTable.entries,
    constants: BuiltinTable.constants)
}
