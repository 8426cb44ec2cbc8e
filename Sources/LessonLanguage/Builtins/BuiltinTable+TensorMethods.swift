/// Methods of tensors (`x.view(...)`, `x.size(0)`, `loss.backward()`). Methods not listed here fall
/// back to the `torch.*` function of the same name with the tensor as `input` (`x.sum(1)`).
extension BuiltinTable {
  nonisolated(unsafe) static let tensorMethods: [String: Builtin.Body] = [
    "Tensor.size": { _, arguments in
      let bound = try arguments.bind("size", ["self", "dim?"])
      let tensor = try bound.tensor("self")
      guard let dim = try bound.optionalInt("dim") else { return .size(tensor.shape) }
      return .int(tensor.shape[try normalizeDim(dim, rank: tensor.rank)])
    },
    "Tensor.view": { interpreter, arguments in try reshape(interpreter, arguments, "view") },
    "Tensor.reshape": { interpreter, arguments in try reshape(interpreter, arguments, "reshape") },
    "Tensor.flatten": { interpreter, arguments in
      let bound = try arguments.bind("flatten", ["self", "start_dim?", "end_dim?"])
      let source = try bound.tensor("self")
      let result = try source.flattened(
        startDim: try bound.int("start_dim", default: 0),
        endDim: try bound.int("end_dim", default: -1))
      interpreter.recordFlatten(of: source, into: result)
      return .tensor(result)
    },
    "Tensor.view_as": { _, arguments in
      let bound = try arguments.bind("view_as", ["self", "other"])
      return .tensor(try bound.tensor("self").reshaped(try bound.tensor("other").shape))
    },
    "Tensor.permute": { _, arguments in
      let bound = try arguments.bind("permute", ["self", "*dims"])
      return .tensor(try bound.tensor("self").permuted(try bound.shape("dims")))
    },
    "Tensor.expand": { _, arguments in
      let bound = try arguments.bind("expand", ["self", "*sizes"])
      return .tensor(try bound.tensor("self").expand(try bound.shape("sizes")))
    },
    "Tensor.contiguous": { _, arguments in arguments.positional[0] },
    "Tensor.cpu": { _, arguments in arguments.positional[0] },
    "Tensor.cuda": { _, _ in
      throw PythonException(
        .assertionError, "Torch not compiled with CUDA enabled",
        notes: [
          "lessons run on the CPU; drop '.cuda()' or guard it with 'if torch.cuda.is_available():'"
        ])
    },
    "Tensor.numel": { _, arguments in
      .int(try arguments.bind("numel", ["self"]).tensor("self").count)
    },
    "Tensor.dim": { _, arguments in .int(try arguments.bind("dim", ["self"]).tensor("self").rank) },
    "Tensor.item": { _, arguments in
      let tensor = try arguments.bind("item", ["self"]).tensor("self")
      return scalarValue(tensor, try tensor.item())
    },
    "Tensor.tolist": { _, arguments in toList(try arguments.bind("tolist", ["self"]).tensor("self"))
    },
    "Tensor.float": { _, arguments in
      .tensor(try arguments.bind("float", ["self"]).tensor("self").to(.float32))
    },
    "Tensor.long": { _, arguments in
      .tensor(try arguments.bind("long", ["self"]).tensor("self").to(.int64))
    },
    "Tensor.int": { _, arguments in
      .tensor(try arguments.bind("int", ["self"]).tensor("self").to(.int64))
    },
    "Tensor.bool": { _, arguments in
      .tensor(try arguments.bind("bool", ["self"]).tensor("self").to(.bool))
    },
    "Tensor.to": { _, arguments in
      let bound = try arguments.bind("to", ["self", "dtype?"])
      let tensor = try bound.tensor("self")
      if case .string? = bound["dtype"] { return .tensor(tensor) }  // a device such as 'cpu'
      return .tensor(try dtypeArgument(bound).map { tensor.to($0) } ?? tensor)
    },
    "Tensor.detach": { _, arguments in
      .tensor(try arguments.bind("detach", ["self"]).tensor("self").detached())
    },
    "Tensor.clone": { _, arguments in
      // A copy that stays in the graph: x * 1 records the dependency.
      let tensor = try arguments.bind("clone", ["self"]).tensor("self")
      return .tensor(tensor.requiresGrad ? try tensor.mul(Tensor(Float(1))) : tensor.detached())
    },
    "Tensor.requires_grad_": { _, arguments in
      let bound = try arguments.bind("requires_grad_", ["self", "requires_grad?"])
      let tensor = try bound.tensor("self")
      try tensor.setRequiresGrad(try bound.bool("requires_grad", default: true))
      return .tensor(tensor)
    },
    "Tensor.backward": { _, arguments in
      let bound = try arguments.bind(
        "backward", ["self", "gradient?", "retain_graph?", "create_graph?"])
      try bound.tensor("self").backward(gradient: try bound.optionalTensor("gradient"))
      return .none
    },
    "Tensor.zero_": { _, arguments in
      let tensor = try arguments.bind("zero_", ["self"]).tensor("self")
      if tensor.dtype == .float32 {
        tensor.updateFloats { $0 = [Float](repeating: 0, count: $0.count) }
      } else {
        tensor.updateInts { $0 = [Int64](repeating: 0, count: $0.count) }
      }
      return .tensor(tensor)
    },
    "Tensor.log_softmax": { _, arguments in
      let bound = try arguments.bind("log_softmax", ["self", "dim"])
      return .tensor(try Functional.logSoftmax(try bound.tensor("self"), dim: try bound.int("dim")))
    },
    "Tensor.softmax": { _, arguments in
      let bound = try arguments.bind("softmax", ["self", "dim"])
      return .tensor(try Functional.softmax(try bound.tensor("self"), dim: try bound.int("dim")))
    },
    "Tensor.transpose": { _, arguments in
      let bound = try arguments.bind("transpose", ["self", "dim0", "dim1"])
      return .tensor(
        try bound.tensor("self").transposed(try bound.int("dim0"), try bound.int("dim1")))
    },
    "torch.cuda.is_available": { _, _ in .bool(false) },
    "torch.all": { _, arguments in try truthCount(arguments, "all") { count, size in count == size }
    },
    "torch.any": { _, arguments in try truthCount(arguments, "any") { count, _ in count > 0 } },
    "torch.equal": { _, arguments in
      let bound = try arguments.bind("equal", ["input", "other"])
      let (a, b) = (try bound.tensor("input"), try bound.tensor("other"))
      guard a.shape == b.shape else { return .bool(false) }
      return .bool((0..<a.count).allSatisfy { a.value(at: $0) == b.value(at: $0) })
    },
  ]

  /// `x.view(64, -1)`, `x.view((64, -1))`, `x.view(x.size(0), -1)`.
  private static func reshape(_ interpreter: Interpreter, _ arguments: Arguments, _ name: String)
    throws -> Value
  {
    let bound = try arguments.bind(name, ["self", "*shape"])
    let source = try bound.tensor("self")
    let result = try source.reshaped(try bound.shape("shape"))
    interpreter.recordFlatten(of: source, into: result)
    return .tensor(result)
  }

  /// `x.all()` / `x.any()`, over everything or along `dim`: counts the non-zero elements and
  /// asks `test(count, size)` of each count, giving a bool tensor.
  private static func truthCount(
    _ arguments: Arguments, _ name: String, _ test: (Int64, Int64) -> Bool
  )
    throws -> Value
  {
    let bound = try arguments.bind(name, ["input", "dim?", "keepdim?"])
    let input = try bound.tensor("input")
    let nonZero = try input.ne(Tensor(Int64(0))).to(.int64)
    let dims = try bound.optionalInt("dim").map { [$0] }
    let counts = try nonZero.sum(dims: dims, keepDim: try bound.bool("keepdim", default: false))
    let size = Int64(
      try dims.map { input.shape[try normalizeDim($0[0], rank: input.rank)] } ?? input.count)
    let flags = (0..<counts.count).map { test(Int64(counts.value(at: $0)), size) ? Int64(1) : 0 }
    return .tensor(Tensor(shape: counts.shape, ints: flags, dtype: .bool))
  }

  /// A Python number from a tensor element, typed by the tensor's dtype.
  static func scalarValue(_ tensor: Tensor, _ value: Double) -> Value {
    switch tensor.dtype {
    case .float32: return .float(value)
    case .int64: return .int(Int(value))
    case .bool: return .bool(value != 0)
    }
  }

  /// `x.tolist()`: nested lists of Python numbers.
  static func toList(_ tensor: Tensor) -> Value {
    func build(_ dim: Int, _ offset: Int, _ strides: [Int]) -> Value {
      if dim == tensor.rank { return scalarValue(tensor, tensor.value(at: offset)) }
      return .list(
        ListStorage(
          (0..<tensor.shape[dim]).map { build(dim + 1, offset + $0 * strides[dim], strides) }))
    }
    return build(0, 0, contiguousStrides(tensor.shape))
  }
}
