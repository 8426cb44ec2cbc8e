/// `torch.*`: creating tensors, seeding, grad mode, and the functions that are also tensor methods.
extension BuiltinTable {
  nonisolated(unsafe) static let torch: [String: Builtin.Body] = [
    "torch.tensor": { _, arguments in
      let bound = try arguments.bind("tensor", ["data", "dtype?", "device?", "requires_grad?"])
      var tensor = try tensorFromNested(bound.values["data"] ?? .none)
      if let dtype = try dtypeArgument(bound) { tensor = tensor.to(dtype) }
      if try bound.bool("requires_grad", default: false) { try tensor.setRequiresGrad(true) }
      return .tensor(tensor)
    },
    "torch.zeros": { _, arguments in
      try filled(arguments, "zeros") { try Tensor.zeros($0, dtype: $1) }
    },
    "torch.ones": { _, arguments in try filled(arguments, "ones") { try Tensor.ones($0, dtype: $1) }
    },
    "torch.full": { _, arguments in
      let bound = try arguments.bind("full", ["size", "fill_value", "dtype?", "requires_grad?"])
      let value = bound.values["fill_value"] ?? .none
      let inferred: DType = {
        if case .int = value {
          return .int64
        } else if case .bool = value {
          return .bool
        } else {
          return .float32
        }
      }()
      let shape = try bound.intList(bound.values["size"] ?? .none, "size")
      try checkAllocation(shape)
      return .tensor(
        try Tensor.full(
          shape, value: try bound.double("fill_value"), dtype: try dtypeArgument(bound) ?? inferred)
      )
    },
    "torch.arange": { _, arguments in
      let bound = try arguments.bind(
        "arange", ["start", "end?", "step?", "dtype?", "requires_grad?"])
      let numbers = ["start", "end", "step"].compactMap { bound[$0] }
      let allInts = numbers.allSatisfy { if case .int = $0 { return true } else { return false } }
      let start = bound["end"] == nil ? 0 : try bound.double("start")
      let end = bound["end"] == nil ? try bound.double("start") : try bound.double("end")
      let dtype = try dtypeArgument(bound) ?? (allInts ? .int64 : .float32)
      return .tensor(
        try Tensor.arange(
          start: start, end: end, step: try bound.double("step", default: 1), dtype: dtype))
    },
    "torch.rand": { interpreter, arguments in
      let bound = try arguments.bind("rand", ["*size", "dtype?", "requires_grad?", "generator?"])
      return .tensor(try Tensor.rand(try bound.shape("size"), generator: interpreter.generator))
    },
    "torch.randn": { interpreter, arguments in
      let bound = try arguments.bind("randn", ["*size", "dtype?", "requires_grad?", "generator?"])
      return .tensor(try Tensor.randn(try bound.shape("size"), generator: interpreter.generator))
    },
    "torch.randperm": { interpreter, arguments in
      let bound = try arguments.bind("randperm", ["n", "dtype?", "generator?"])
      return .tensor(try Tensor.randperm(try bound.int("n"), generator: interpreter.generator))
    },
    "torch.zeros_like": { _, arguments in
      .tensor(
        Tensor.zerosLike(try arguments.bind("zeros_like", ["input", "dtype?"]).tensor("input")))
    },
    "torch.ones_like": { _, arguments in
      .tensor(
        Tensor.onesLike(try arguments.bind("ones_like", ["input", "dtype?"]).tensor("input")))
    },
    "torch.manual_seed": { interpreter, arguments in
      let seed = try arguments.bind("manual_seed", ["seed"]).int("seed")
      interpreter.generator.manualSeed(UInt64(bitPattern: Int64(seed)))
      return .object(GeneratorObject())
    },
    "torch.no_grad": { _, _ in .object(GradModeContext(enabled: false)) },
    "torch.enable_grad": { _, _ in .object(GradModeContext(enabled: true)) },
    "torch.is_tensor": { _, arguments in .bool(isTensorLike(try single(arguments, "is_tensor"))) },
    "torch.numel": { _, arguments in
      .int(try arguments.bind("numel", ["input"]).tensor("input").count)
    },
    "torch.cat": { _, arguments in try joined(arguments, "cat", Tensor.cat) },
    "torch.stack": { _, arguments in try joined(arguments, "stack", Tensor.stack) },
    "torch.matmul": { _, arguments in try binary(arguments, "matmul") { try $0.matmul($1) } },
    "torch.mm": { _, arguments in try binary(arguments, "mm") { try $0.matmul($1) } },
    "torch.add": { _, arguments in try binary(arguments, "add") { try $0.add($1) } },
    "torch.sub": { _, arguments in try binary(arguments, "sub") { try $0.sub($1) } },
    "torch.mul": { _, arguments in try binary(arguments, "mul") { try $0.mul($1) } },
    "torch.div": { _, arguments in try binary(arguments, "div") { try $0.div($1) } },
    "torch.pow": { _, arguments in try binary(arguments, "pow") { try $0.pow($1) } },
    "torch.eq": { _, arguments in try binary(arguments, "eq") { try $0.eq($1) } },
    "torch.ne": { _, arguments in try binary(arguments, "ne") { try $0.ne($1) } },
    "torch.lt": { _, arguments in try binary(arguments, "lt") { try $0.lt($1) } },
    "torch.le": { _, arguments in try binary(arguments, "le") { try $0.le($1) } },
    "torch.gt": { _, arguments in try binary(arguments, "gt") { try $0.gt($1) } },
    "torch.ge": { _, arguments in try binary(arguments, "ge") { try $0.ge($1) } },
    "torch.maximum": { _, arguments in try binary(arguments, "maximum") { try $0.maximum($1) } },
    "torch.minimum": { _, arguments in try binary(arguments, "minimum") { try $0.minimum($1) } },
    "torch.exp": { _, arguments in try unary(arguments, "exp") { $0.exp() } },
    "torch.log": { _, arguments in try unary(arguments, "log") { $0.log() } },
    "torch.sqrt": { _, arguments in try unary(arguments, "sqrt") { $0.sqrt() } },
    "torch.abs": { _, arguments in try unary(arguments, "abs") { $0.abs() } },
    "torch.neg": { _, arguments in try unary(arguments, "neg") { try $0.neg() } },
    "torch.sigmoid": { _, arguments in try unary(arguments, "sigmoid") { $0.sigmoid() } },
    "torch.tanh": { _, arguments in try unary(arguments, "tanh") { $0.tanh() } },
    "torch.floor": { _, arguments in try unary(arguments, "floor") { $0.floor() } },
    "torch.round": { _, arguments in try unary(arguments, "round") { $0.round() } },
    "torch.sign": { _, arguments in try unary(arguments, "sign") { $0.sign() } },
    "torch.relu": { _, arguments in try unary(arguments, "relu") { try Functional.relu($0) } },
    "torch.clamp": { _, arguments in
      let bound = try arguments.bind("clamp", ["input", "min?", "max?"])
      return .tensor(
        try bound.tensor("input").clamp(
          min: try bound.optionalDouble("min"), max: try bound.optionalDouble("max")))
    },
    "torch.sum": { _, arguments in
      try reduction(arguments, "sum") { try $0.sum(dims: $1, keepDim: $2) }
    },
    "torch.mean": { _, arguments in
      try reduction(arguments, "mean") { try $0.mean(dims: $1, keepDim: $2) }
    },
    "torch.max": { _, arguments in try extremum(arguments, "max") },
    "torch.min": { _, arguments in try extremum(arguments, "min") },
    "torch.argmax": { _, arguments in
      let bound = try arguments.bind("argmax", ["input", "dim?", "keepdim?"])
      return .tensor(
        try bound.tensor("input").argmax(
          dim: try bound.optionalInt("dim"), keepDim: try bound.bool("keepdim", default: false)))
    },
    "torch.argmin": { _, arguments in
      let bound = try arguments.bind("argmin", ["input", "dim?", "keepdim?"])
      return .tensor(
        try bound.tensor("input").argmin(
          dim: try bound.optionalInt("dim"), keepDim: try bound.bool("keepdim", default: false)))
    },
    "torch.flatten": { _, arguments in
      let bound = try arguments.bind("flatten", ["input", "start_dim?", "end_dim?"])
      return .tensor(
        try bound.tensor("input").flattened(
          startDim: try bound.int("start_dim", default: 0),
          endDim: try bound.int("end_dim", default: -1)))
    },
    "torch.reshape": { _, arguments in
      let bound = try arguments.bind("reshape", ["input", "shape"])
      return .tensor(
        try bound.tensor("input").reshaped(
          try bound.intList(bound.values["shape"] ?? .none, "shape")))
    },
    "torch.transpose": { _, arguments in
      let bound = try arguments.bind("transpose", ["input", "dim0", "dim1"])
      return .tensor(
        try bound.tensor("input").transposed(try bound.int("dim0"), try bound.int("dim1")))
    },
    "torch.t": { _, arguments in try unary(arguments, "t") { try $0.t() } },
    "torch.permute": { _, arguments in
      let bound = try arguments.bind("permute", ["input", "dims"])
      return .tensor(
        try bound.tensor("input").permuted(try bound.intList(bound.values["dims"] ?? .none, "dims"))
      )
    },
    "torch.unsqueeze": { _, arguments in
      let bound = try arguments.bind("unsqueeze", ["input", "dim"])
      return .tensor(try bound.tensor("input").unsqueezed(try bound.int("dim")))
    },
    "torch.squeeze": { _, arguments in
      let bound = try arguments.bind("squeeze", ["input", "dim?"])
      return .tensor(try bound.tensor("input").squeezed(try bound.optionalInt("dim")))
    },
    "torch.softmax": { _, arguments in
      let bound = try arguments.bind("softmax", ["input", "dim"])
      return .tensor(try Functional.softmax(try bound.tensor("input"), dim: try bound.int("dim")))
    },
    "torch.log_softmax": { _, arguments in
      let bound = try arguments.bind("log_softmax", ["input", "dim"])
      return .tensor(
        try Functional.logSoftmax(try bound.tensor("input"), dim: try bound.int("dim")))
    },
    "torch.Tensor": { _, arguments in
      // torch.Tensor(data) as old code uses it: a float tensor from nested lists.
      let bound = try arguments.bind("Tensor", ["data"])
      return .tensor(try tensorFromNested(bound.values["data"] ?? .none).to(.float32))
    },
    "torch.FloatTensor": { _, arguments in
      .tensor(try tensorFromNested(try single(arguments, "FloatTensor")).to(.float32))
    },
    "torch.LongTensor": { _, arguments in
      .tensor(try tensorFromNested(try single(arguments, "LongTensor")).to(.int64))
    },
    "torch.autograd.Variable": { interpreter, arguments in
      let bound = try arguments.bind("Variable", ["data", "requires_grad?", "volatile?"])
      if let span = interpreter.currentSpan {
        interpreter.warnOnce(
          "Variable(...) is deprecated since PyTorch 0.4: tensors carry autograd themselves; Variable(t) returns t",
          at: span)
        if bound["volatile"] != nil {
          interpreter.warnOnce(
            "volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
            at: span)
        }
      }
      let tensor = try bound.tensor("data")
      if try bound.bool("requires_grad", default: false) { try tensor.setRequiresGrad(true) }
      return .tensor(tensor)
    },
  ]

  // MARK: Helpers for the entries above

  /// `zeros(2, 3)`, `zeros((2, 3))`, `zeros([2, 3], dtype=torch.int64)`.
  private static func filled(
    _ arguments: Arguments, _ name: String, _ make: ([Int], DType) throws -> Tensor
  ) throws -> Value {
    let bound = try arguments.bind(name, ["*size", "dtype?", "requires_grad?", "device?"])
    let tensor = try make(try bound.shape("size"), try dtypeArgument(bound) ?? .float32)
    if try bound.bool("requires_grad", default: false) { try tensor.setRequiresGrad(true) }
    return .tensor(tensor)
  }

  static func dtypeArgument(_ bound: BoundArguments) throws -> DType? {
    guard let value = bound["dtype"] else { return nil }
    guard case .object(let object as DTypeObject) = value else {
      throw bound.wrongType("dtype", "torch.dtype", value)
    }
    return object.dtype
  }

  private static func joined(
    _ arguments: Arguments, _ name: String, _ join: ([Tensor], Int) throws -> Tensor
  ) throws -> Value {
    let bound = try arguments.bind(name, ["tensors", "dim?"])
    let items: [Value]
    switch bound.values["tensors"] {
    case .list(let storage)?: items = storage.items
    case .tuple(let values)?: items = values
    default:
      throw PythonException.type("\(name)(): argument 'tensors' must be a tuple or list of Tensors")
    }
    let tensors = try items.map { try tensorValue($0, argument: "tensors", function: name) }
    return .tensor(try join(tensors, try bound.int("dim", default: 0)))
  }

  static func binary(
    _ arguments: Arguments, _ name: String, _ op: (Tensor, Tensor) throws -> Tensor
  ) throws -> Value {
    let bound = try arguments.bind(name, ["input", "other"])
    guard let other = asTensor(bound.values["other"] ?? .none) else {
      throw bound.wrongType("other", "Tensor or Number", bound.values["other"] ?? .none)
    }
    return .tensor(try op(try bound.tensor("input"), other))
  }

  static func unary(_ arguments: Arguments, _ name: String, _ op: (Tensor) throws -> Tensor) throws
    -> Value
  {
    .tensor(try op(try arguments.bind(name, ["input"]).tensor("input")))
  }

  /// `sum(x)`, `sum(x, 1)`, `sum(x, dim=(0, 1), keepdim=True)`.
  private static func reduction(
    _ arguments: Arguments, _ name: String, _ op: (Tensor, [Int]?, Bool) throws -> Tensor
  ) throws -> Value {
    let bound = try arguments.bind(name, ["input", "dim?", "keepdim?", "dtype?"])
    let dims = try bound["dim"].map { try bound.intList($0, "dim") }
    return .tensor(
      try op(try bound.tensor("input"), dims, try bound.bool("keepdim", default: false)))
  }

  /// `max(x)`, `max(x, dim, keepdim)` (values and indices), `max(x, other)` (element-wise).
  private static func extremum(_ arguments: Arguments, _ name: String) throws -> Value {
    let bound = try arguments.bind(name, ["input", "dim?", "keepdim?"])
    let input = try bound.tensor("input")
    if case .tensor(let other)? = bound["dim"] {
      return .tensor(name == "max" ? try input.maximum(other) : try input.minimum(other))
    }
    guard let dim = try bound.optionalInt("dim") else {
      return .tensor(name == "max" ? try input.max() : try input.min())
    }
    let keepDim = try bound.bool("keepdim", default: false)
    let result =
      name == "max"
      ? try input.max(dim: dim, keepDim: keepDim) : try input.min(dim: dim, keepDim: keepDim)
    return .object(ReturnTypes(name: name, values: result.values, indices: result.indices))
  }

  /// `torch.tensor(data)`: nested lists or tuples of numbers (or one-element tensors) to a tensor;
  /// float if any element is a float, else int64, or bool if all are bools.
  static func tensorFromNested(_ data: Value) throws -> Tensor {
    var shape: [Int] = []
    var values: [Double] = []
    var sawFloat = false
    var sawInt = false
    var sawBool = false
    func visit(_ value: Value, depth: Int) throws {
      switch value {
      case .list, .tuple, .size:
        let items: [Value]
        switch value {
        case .list(let storage): items = storage.items
        case .tuple(let elements): items = elements
        case .size(let dims): items = dims.map { .int($0) }
        default: items = []
        }
        if depth == shape.count {
          guard values.isEmpty || depth == 0 else {
            throw PythonException.value("expected a number at dim \(depth) but got a sequence")
          }
          shape.append(items.count)
        } else if depth > shape.count || shape[depth] != items.count {
          throw PythonException.value(
            "expected sequence of length \(depth < shape.count ? shape[depth] : 0) at dim \(depth) (got \(items.count))"
          )
        }
        for item in items { try visit(item, depth: depth + 1) }
      case .int(let v):
        guard depth == shape.count else {
          throw PythonException.value("expected sequence at dim \(depth), got a number")
        }
        sawInt = true
        values.append(Double(v))
      case .float(let v):
        guard depth == shape.count else {
          throw PythonException.value("expected sequence at dim \(depth), got a number")
        }
        sawFloat = true
        values.append(v)
      case .bool(let v):
        guard depth == shape.count else {
          throw PythonException.value("expected sequence at dim \(depth), got a number")
        }
        sawBool = true
        values.append(v ? 1 : 0)
      case .tensor(let t) where t.count == 1 && t.rank == 0:
        guard depth == shape.count else {
          throw PythonException.value("expected sequence at dim \(depth), got a number")
        }
        if t.dtype == .float32 { sawFloat = true } else { sawInt = true }
        values.append(t.value(at: 0))
      default:
        throw PythonException.type("new(): invalid data type '\(typeName(of: value))'")
      }
    }
    try visit(data, depth: 0)
    if sawFloat || (!sawInt && !sawBool) {
      return Tensor(shape: shape, floats: values.map { Float($0) })
    }
    return Tensor(shape: shape, ints: values.map { Int64($0) }, dtype: sawInt ? .int64 : .bool)
  }
}
