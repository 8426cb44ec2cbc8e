/// Methods of tensors (`x.view(...)`, `x.size(0)`, `loss.backward()`). Methods not listed here fall
/// back to the `torch.*` function of the same name with the tensor as `input` (`x.sum(1)`).
extension BuiltinTable {
  static let tensorMethods: [BuiltinFunction] = [
    .function("torch.Tensor.size", .tensor("self"), .optionalInt("dim")) { _, tensor, dim in
      guard let dim else { return .size(tensor.shape) }
      guard tensor.rank > 0 else {
        throw PythonException.index(
          "dimension specified as \(dim) but tensor has no dimensions")
      }
      return .int(tensor.shape[try normalizeDim(dim, rank: tensor.rank)])
    },
    reshape("view"), reshape("reshape"),
    .function(
      "torch.Tensor.flatten", .tensor("self"), .int("start_dim", default: 0),
      .int("end_dim", default: -1)
    ) { interpreter, source, start, end in
      let result = try source.flattened(startDim: start, endDim: end)
      interpreter.recordFlatten(of: source, into: result)
      return .tensor(result)
    },
    .function("torch.Tensor.view_as", .tensor("self"), .tensor("other")) { _, tensor, other in
      .tensor(try tensor.reshaped(other.shape))
    },
    .function("torch.Tensor.permute", .tensor("self"), .shape("dims")) { _, tensor, dims in
      .tensor(try tensor.permuted(dims))
    },
    .function("torch.Tensor.expand", .tensor("self"), .shape("sizes")) { _, tensor, sizes in
      .tensor(try tensor.expand(sizes))
    },
    .function("torch.Tensor.contiguous", .tensor("self")) { _, tensor in .tensor(tensor) },
    .function("torch.Tensor.cpu", .tensor("self")) { _, tensor in .tensor(tensor) },
    .function("torch.Tensor.cuda", .tensor("self"), .optionalValue("device")) { _, _, _ in
      throw PythonException(
        .assertionError, "Torch not compiled with CUDA enabled",
        notes: [
          "lessons run on the CPU; drop '.cuda()' or guard it with 'if torch.cuda.is_available():'"
        ])
    },
    .function("torch.Tensor.numel", .tensor("self")) { _, tensor in .int(tensor.count) },
    .function("torch.Tensor.dim", .tensor("self")) { _, tensor in .int(tensor.rank) },
    .function("torch.Tensor.item", .tensor("self")) { _, tensor in
      scalarValue(tensor, try tensor.item())
    },
    .function("torch.Tensor.tolist", .tensor("self")) { _, tensor in try toList(tensor) },
    .function("torch.Tensor.float", .tensor("self")) { _, tensor in .tensor(tensor.to(.float32)) },
    .function("torch.Tensor.long", .tensor("self")) { _, tensor in .tensor(tensor.to(.int64)) },
    .function("torch.Tensor.int", .tensor("self")) { _, tensor in .tensor(tensor.to(.int64)) },
    .function("torch.Tensor.bool", .tensor("self")) { _, tensor in .tensor(tensor.to(.bool)) },
    .function("torch.Tensor.to", .tensor("self"), .optionalValue("dtype")) { _, tensor, target in
      switch target {
      case nil, .string?, .object(is DeviceObject)?:
        // A device: the CPU is where the tensor is; another is PyTorch's error.
        try DeviceObject.requireCPU(target)
        return .tensor(tensor)
      case .object(let object as DTypeObject)?: return .tensor(tensor.to(object.dtype))
      case let other?:
        throw PythonException.type(
          "to(): argument 'dtype' must be torch.dtype, not \(typeName(of: other))")
      }
    },
    .function("torch.Tensor.detach", .tensor("self")) { _, tensor in .tensor(tensor.detached()) },
    .function("torch.Tensor.clone", .tensor("self")) { _, tensor in
      // A copy that stays in the graph: x * 1 records the dependency, as CloneBackward0.
      .tensor(
        tensor.requiresGrad
          ? try tensor.mul(Tensor(Float(1))).recordedAs("CloneBackward0") : tensor.detached())
    },
    .function(
      "torch.Tensor.requires_grad_", .tensor("self"), .bool("requires_grad", default: true)
    ) { _, tensor, flag in
      try tensor.setRequiresGrad(flag)
      return .tensor(tensor)
    },
    .function(
      "torch.Tensor.backward", .tensor("self"), .optionalTensor("gradient"),
      .optionalValue("retain_graph"), .bool("create_graph", default: false)
    ) { interpreter, tensor, gradient, retain, createGraph in
      // PyTorch: retain_graph defaults to create_graph.
      var retainGraph = createGraph
      if let retain, !retain.isNone { retainGraph = try interpreter.truthy(retain) }
      try tensor.backward(gradient: gradient, retainGraph: retainGraph)
      return .none
    },
    .function("torch.Tensor.zero_", .tensor("self")) { _, tensor in
      if tensor.dtype == .float32 {
        tensor.updateFloats { $0 = [Float](repeating: 0, count: $0.count) }
      } else {
        tensor.updateInts { $0 = [Int64](repeating: 0, count: $0.count) }
      }
      return .tensor(tensor)
    },
    .function("torch.Tensor.log_softmax", .tensor("self"), .int("dim")) { _, tensor, dim in
      .tensor(try Functional.logSoftmax(tensor, dim: dim))
    },
    .function("torch.Tensor.softmax", .tensor("self"), .int("dim")) { _, tensor, dim in
      .tensor(try Functional.softmax(tensor, dim: dim))
    },
    .function("torch.Tensor.transpose", .tensor("self"), .int("dim0"), .int("dim1")) {
      _, tensor, dim0, dim1 in .tensor(try tensor.transposed(dim0, dim1))
    },
    .function("torch.cuda.is_available") { _ in .bool(false) },
    truthCount("all") { count, size in count == size },
    truthCount("any") { count, _ in count > 0 },
    .function("torch.equal", .tensor("input"), .tensor("other")) { _, a, b in
      guard a.shape == b.shape else { return .bool(false) }
      return .bool((0..<a.count).allSatisfy { a.value(at: $0) == b.value(at: $0) })
    },
  ]

  /// `x.view(64, -1)`, `x.view((64, -1))`, `x.view(x.size(0), -1)`.
  private static func reshape(_ name: String) -> BuiltinFunction {
    .function("torch.Tensor." + name, .tensor("self"), .shape("shape")) {
      interpreter, source, shape in
      let result = try source.reshaped(shape)
      interpreter.recordFlatten(of: source, into: result)
      return .tensor(result)
    }
  }

  /// `x.all()` / `x.any()`, over everything or along `dim`: counts the non-zero elements and
  /// asks `test(count, size)` of each count, giving a bool tensor.
  private static func truthCount(
    _ name: String, _ test: @escaping @Sendable (Int64, Int64) -> Bool
  ) -> BuiltinFunction {
    .function(
      "torch." + name, .tensor("input"), .optionalInt("dim"), .bool("keepdim", default: false)
    ) { _, input, dim, keepDim in
      try truthCount(input, dim: dim, keepDim: keepDim, test)
    }
  }

  private static func truthCount(
    _ input: Tensor, dim: Int?, keepDim: Bool, _ test: (Int64, Int64) -> Bool
  ) throws -> Value {
    let nonZero = try input.ne(Tensor(Int64(0))).to(.int64)
    let dims = dim.map { [$0] }
    let counts = try nonZero.sum(dims: dims, keepDim: keepDim)
    let size = Int64(
      try dims.map { input.rank == 0 ? 1 : input.shape[try normalizeDim($0[0], rank: input.rank)] }
        ?? input.count)
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
  static func toList(_ tensor: Tensor) throws -> Value {
    // Each element becomes an item, and at most as many rows become lists of their own.
    let count = tensor.shape.reduce(1) { ValueMemory.product($0, $1) }
    try ValueMemory.check(
      bytes: ValueMemory.bytes(items: ValueMemory.product(count, 2)), what: "tensor.tolist()",
      elements: count)
    func build(_ dim: Int, _ offset: Int, _ strides: [Int]) -> Value {
      if dim == tensor.rank { return scalarValue(tensor, tensor.value(at: offset)) }
      return .list(
        ListStorage(
          (0..<tensor.shape[dim]).map { build(dim + 1, offset + $0 * strides[dim], strides) }))
    }
    return build(0, 0, contiguousStrides(tensor.shape))
  }
}
