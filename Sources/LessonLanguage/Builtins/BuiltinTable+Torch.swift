/// `torch.*`: creating tensors, seeding, grad mode, and the functions that are also tensor methods.
extension BuiltinTable {
  static let torch: [BuiltinFunction] = creation + arithmetic + shapes

  /// Making tensors, seeding, grad mode.
  private static let creation: [BuiltinFunction] = [
    .function(
      "torch.tensor", .value("data"), .dtype().keywordOnly, .optionalValue("device").keywordOnly,
      .bool("requires_grad", default: false).keywordOnly
    ) { _, data, dtype, _, requiresGrad in
      var tensor = try tensorFromNested(data)
      if let dtype { tensor = tensor.to(dtype) }
      if requiresGrad { try tensor.setRequiresGrad(true) }
      return .tensor(tensor)
    },
    filled("zeros") { try Tensor.zeros($0, dtype: $1) },
    filled("ones") { try Tensor.ones($0, dtype: $1) },
    .function(
      "torch.full", .ints("size"), .value("fill_value"), .dtype().keywordOnly,
      .bool("requires_grad", default: false).keywordOnly
    ) { interpreter, shape, fill, dtype, requiresGrad in
      let inferred: DType =
        switch fill {
        case .int: .int64
        case .bool: .bool
        default: .float32
        }
      try checkAllocation(shape)
      let tensor = try Tensor.full(
        shape, value: try interpreter.numberValue(fill), dtype: dtype ?? inferred)
      if requiresGrad { try tensor.setRequiresGrad(true) }
      return .tensor(tensor)
    },
    .function(
      "torch.arange", .value("start"), .optionalValue("end"),
      .value("step", default: .int(1)), .dtype().keywordOnly,
      .bool("requires_grad", default: false).keywordOnly
    ) { interpreter, first, end, step, dtype, _ in
      let numbers = [first, end ?? .int(0), step]
      let allInts = numbers.allSatisfy(\.isInt)
      let start = end == nil ? 0 : try interpreter.numberValue(first)
      let stop = try interpreter.numberValue(end ?? first)
      return .tensor(
        try Tensor.arange(
          start: start, end: stop, step: try interpreter.numberValue(step),
          dtype: dtype ?? (allInts ? .int64 : .float32)))
    },
    .function(
      "torch.rand", .shape("size"), .optionalValue("generator").keywordOnly,
      .dtype().keywordOnly, .bool("requires_grad", default: false).keywordOnly
    ) { interpreter, shape, _, _, _ in
      .tensor(try Tensor.rand(shape, generator: interpreter.generator))
    },
    .function(
      "torch.randn", .shape("size"), .optionalValue("generator").keywordOnly,
      .dtype().keywordOnly, .bool("requires_grad", default: false).keywordOnly
    ) { interpreter, shape, _, _, _ in
      .tensor(try Tensor.randn(shape, generator: interpreter.generator))
    },
    .function(
      "torch.randperm", .int("n"), .optionalValue("generator").keywordOnly, .dtype().keywordOnly
    ) { interpreter, count, _, _ in
      .tensor(try Tensor.randperm(count, generator: interpreter.generator))
    },
    .function("torch.zeros_like", .tensor("input"), .dtype().keywordOnly) { _, input, _ in
      .tensor(Tensor.zerosLike(input))
    },
    .function("torch.ones_like", .tensor("input"), .dtype().keywordOnly) { _, input, _ in
      .tensor(Tensor.onesLike(input))
    },
    .function("torch.manual_seed", .int("seed")) { interpreter, seed in
      interpreter.generator.manualSeed(UInt64(bitPattern: Int64(seed)))
      return .object(GeneratorObject())
    },
    .function("torch.no_grad") { _ in .object(GradModeContext(enabled: false)) },
    .function("torch.enable_grad") { _ in .object(GradModeContext(enabled: true)) },
    .function("torch.is_tensor", .value("obj")) { _, value in .bool(isTensorLike(value)) },
    .function("torch.numel", .tensor("input")) { _, input in .int(input.count) },
    .function("torch.Tensor", .value("data")) { _, data in
      // torch.Tensor(data) as old code uses it: a float tensor from nested lists.
      .tensor(try tensorFromNested(data).to(.float32))
    },
    .function("torch.FloatTensor", .value("data")) { _, data in
      .tensor(try tensorFromNested(data).to(.float32))
    },
    .function("torch.LongTensor", .value("data")) { _, data in
      .tensor(try tensorFromNested(data).to(.int64))
    },
    .function(
      "torch.autograd.Variable", .tensor("data"), .bool("requires_grad", default: false),
      .optionalValue("volatile")
    ) { interpreter, tensor, requiresGrad, volatile in
      if let span = interpreter.currentSpan {
        interpreter.warnOnce(
          "Variable(...) is deprecated since PyTorch 0.4: tensors carry autograd themselves; Variable(t) returns t",
          at: span)
        if volatile != nil {
          interpreter.warnOnce(
            "volatile was removed and now has no effect. Use `with torch.no_grad():` instead.",
            at: span)
        }
      }
      if requiresGrad { try tensor.setRequiresGrad(true) }
      return .tensor(tensor)
    },
  ]

  /// Element-wise arithmetic, comparisons, reductions.
  private static let arithmetic: [BuiltinFunction] = [
    binary("matmul") { try $0.matmul($1) }, binary("mm") { try $0.matmul($1) },
    binary("add") { try $0.add($1) }, binary("sub") { try $0.sub($1) },
    binary("mul") { try $0.mul($1) }, binary("div") { try $0.div($1) },
    .function("torch.pow", .value("input"), .tensorOrNumber("exponent")) {
      _, input, exponent in
      // torch.pow(2, t): a number base is PyTorch's pow(Scalar self, Tensor exponent).
      guard case .tensor(let base) = input else {
        guard let base = asTensor(input) else {
          throw PythonException.type(
            "pow() received an invalid combination of arguments - got (\(typeName(of: input)), "
              + "Tensor), but expected one of: (Tensor input, Tensor exponent), "
              + "(Number self, Tensor exponent), (Tensor input, Number exponent)")
        }
        return .tensor(try base.pow(exponent).recordedAs("PowBackward2"))
      }
      return .tensor(try base.pow(exponent))
    },
    binary("eq") { try $0.eq($1) }, binary("ne") { try $0.ne($1) },
    binary("lt") { try $0.lt($1) }, binary("le") { try $0.le($1) },
    binary("gt") { try $0.gt($1) }, binary("ge") { try $0.ge($1) },
    binary("maximum") { try $0.maximum($1) }, binary("minimum") { try $0.minimum($1) },
    unary("exp") { $0.exp() }, unary("log") { $0.log() }, unary("sqrt") { $0.sqrt() },
    unary("abs") { $0.abs() }, unary("neg") { try $0.neg() },
    unary("sigmoid") { $0.sigmoid() }, unary("tanh") { $0.tanh() },
    unary("floor") { $0.floor() }, unary("round") { $0.round() }, unary("sign") { $0.sign() },
    unary("relu") { try Functional.relu($0) },
    .function("torch.clamp", .tensor("input"), .optionalDouble("min"), .optionalDouble("max")) {
      _, input, lower, upper in .tensor(try input.clamp(min: lower, max: upper))
    },
    reduction("sum") { try $0.sum(dims: $1, keepDim: $2) },
    reduction("mean") { try $0.mean(dims: $1, keepDim: $2) },
    extremum("max"), extremum("min"),
    .function(
      "torch.argmax", .tensor("input"), .optionalInt("dim"), .bool("keepdim", default: false)
    ) { _, input, dim, keepDim in .tensor(try input.argmax(dim: dim, keepDim: keepDim)) },
    .function(
      "torch.argmin", .tensor("input"), .optionalInt("dim"), .bool("keepdim", default: false)
    ) { _, input, dim, keepDim in .tensor(try input.argmin(dim: dim, keepDim: keepDim)) },
    .function("torch.softmax", .tensor("input"), .int("dim")) { _, input, dim in
      .tensor(try Functional.softmax(input, dim: dim))
    },
    .function("torch.log_softmax", .tensor("input"), .int("dim")) { _, input, dim in
      .tensor(try Functional.logSoftmax(input, dim: dim))
    },
  ]

  /// Joining and reshaping.
  private static let shapes: [BuiltinFunction] = [
    joined("cat", Tensor.cat), joined("stack", Tensor.stack),
    .function(
      "torch.flatten", .tensor("input"), .int("start_dim", default: 0),
      .int("end_dim", default: -1)
    ) { _, input, start, end in .tensor(try input.flattened(startDim: start, endDim: end)) },
    .function("torch.reshape", .tensor("input"), .ints("shape")) { _, input, shape in
      .tensor(try input.reshaped(shape))
    },
    .function("torch.transpose", .tensor("input"), .int("dim0"), .int("dim1")) {
      _, input, dim0, dim1 in .tensor(try input.transposed(dim0, dim1))
    },
    unary("t") { try $0.t() },
    .function("torch.permute", .tensor("input"), .ints("dims")) { _, input, dims in
      .tensor(try input.permuted(dims))
    },
    .function("torch.unsqueeze", .tensor("input"), .int("dim")) { _, input, dim in
      .tensor(try input.unsqueezed(dim))
    },
    .function("torch.squeeze", .tensor("input"), .optionalInt("dim")) { _, input, dim in
      .tensor(try input.squeezed(dim))
    },
  ]

  // MARK: Helpers for the entries above

  /// `zeros(2, 3)`, `zeros((2, 3))`, `zeros([2, 3], dtype=torch.int64)`.
  private static func filled(
    _ name: String, _ make: @escaping @Sendable ([Int], DType) throws -> Tensor
  ) -> BuiltinFunction {
    .function(
      "torch." + name, .shape("size"), .dtype().keywordOnly,
      .optionalValue("device").keywordOnly, .bool("requires_grad", default: false).keywordOnly
    ) { _, shape, dtype, _, requiresGrad in
      let tensor = try make(shape, dtype ?? .float32)
      if requiresGrad { try tensor.setRequiresGrad(true) }
      return .tensor(tensor)
    }
  }

  /// `torch.cat(tensors, dim=0)` and `torch.stack`.
  private static func joined(
    _ name: String, _ join: @escaping @Sendable ([Tensor], Int) throws -> Tensor
  ) -> BuiltinFunction {
    .function("torch." + name, .value("tensors"), .int("dim", default: 0)) {
      _, sequence, dim in
      let items: [Value]
      switch sequence {
      case .list(let storage): items = storage.items
      case .tuple(let values): items = values
      default:
        throw PythonException.type(
          "\(name)(): argument 'tensors' must be a tuple or list of Tensors")
      }
      let tensors = try items.map { item -> Tensor in
        guard case .tensor(let tensor) = item else {
          throw PythonException.type(
            "\(name)(): argument 'tensors' must be Tensor, not \(typeName(of: item))")
        }
        return tensor
      }
      return .tensor(try join(tensors, dim))
    }
  }

  /// `torch.add(input, other)` and friends: `other` may be a tensor or a number.
  static func binary(
    _ name: String, _ op: @escaping @Sendable (Tensor, Tensor) throws -> Tensor
  ) -> BuiltinFunction {
    .function("torch." + name, .tensor("input"), .tensorOrNumber("other")) { _, input, other in
      .tensor(try op(input, other))
    }
  }

  /// `torch.exp(input)` and friends.
  static func unary(_ name: String, _ op: @escaping @Sendable (Tensor) throws -> Tensor)
    -> BuiltinFunction
  {
    .function("torch." + name, .tensor("input")) { _, input in .tensor(try op(input)) }
  }

  /// `sum(x)`, `sum(x, 1)`, `sum(x, dim=(0, 1), keepdim=True)`.
  private static func reduction(
    _ name: String, _ op: @escaping @Sendable (Tensor, [Int]?, Bool) throws -> Tensor
  ) -> BuiltinFunction {
    .function(
      "torch." + name, .tensor("input"), .optionalInts("dim"), .bool("keepdim", default: false),
      .dtype().keywordOnly
    ) { _, input, dims, keepDim, _ in .tensor(try op(input, dims, keepDim)) }
  }

  /// `max(x)`, `max(x, dim, keepdim)` (values and indices), `max(x, other)` (element-wise).
  private static func extremum(_ name: String) -> BuiltinFunction {
    .function(
      "torch." + name, .tensor("input"), .optionalValue("dim"), .bool("keepdim", default: false)
    ) { interpreter, input, dim, keepDim in
      if case .tensor(let other)? = dim {
        return .tensor(name == "max" ? try input.maximum(other) : try input.minimum(other))
      }
      guard let dim else { return .tensor(name == "max" ? try input.max() : try input.min()) }
      let axis = try intArgument(
        dim, "dim", ArgumentContext(function: name, interpreter: interpreter))
      let result =
        name == "max"
        ? try input.max(dim: axis, keepDim: keepDim) : try input.min(dim: axis, keepDim: keepDim)
      return .object(ReturnTypes(name: name, values: result.values, indices: result.indices))
    }
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
