/// `torch.where`, `flip`, `var`, `std`, `linspace`, `isclose`, `allclose`, `randint` and the
/// numpy bridge lessons do not have.
extension BuiltinTable {
  static let torchSelection: [BuiltinFunction] = [
    .function(
      "torch.where", .tensor("condition"), .tensorOrNumber("input"), .tensorOrNumber("other")
    ) { _, condition, input, other in .tensor(try Tensor.selecting(condition, input, other)) },
    .function("torch.flip", .tensor("input"), .ints("dims")) { _, input, dims in
      .tensor(try input.flipped(dims))
    },
    .function("torch.Tensor.flip", .tensor("self"), .variadic("dims")) { interpreter, input, dims in
      // x.flip(0, 1) and x.flip([0, 1]) both work, as in PyTorch.
      let values = dims.count == 1 && !dims[0].isInt ? try interpreter.iterateAll(dims[0]) : dims
      return .tensor(try input.flipped(values.map { try indexValue($0) }))
    },
    spread("var") { try $0.variance(dims: $1, correction: $2, keepDim: $3) },
    spread("std") { try $0.standardDeviation(dims: $1, correction: $2, keepDim: $3) },
    .function(
      "torch.linspace", .double("start"), .double("end"), .int("steps"), .dtype().keywordOnly,
      .bool("requires_grad", default: false).keywordOnly
    ) { _, start, end, steps, _, requiresGrad in
      let result = try Tensor.linspace(start: start, end: end, steps: steps)
      if requiresGrad { try result.setRequiresGrad() }
      return .tensor(result)
    },
    .function(
      "torch.isclose", .tensor("input"), .tensorOrNumber("other"), .double("rtol", default: 1e-5),
      .double("atol", default: 1e-8), .bool("equal_nan", default: false)
    ) { _, input, other, rtol, atol, equalNaN in
      .tensor(try input.isClose(other, rtol: rtol, atol: atol, equalNaN: equalNaN))
    },
    .function(
      "torch.allclose", .tensor("input"), .tensor("other"), .double("rtol", default: 1e-5),
      .double("atol", default: 1e-8), .bool("equal_nan", default: false)
    ) { _, input, other, rtol, atol, equalNaN in
      .bool(
        try input.isClose(other, rtol: rtol, atol: atol, equalNaN: equalNaN).ints.allSatisfy {
          $0 != 0
        })
    },
    .function(
      "torch.sort", .tensor("input"), .int("dim", default: -1), .bool("descending", default: false),
      .optionalValue("stable").keywordOnly
    ) { _, input, dim, descending, _ in
      let (values, indices) = try input.sorted(dim: dim, descending: descending)
      return .object(ReturnTypes(name: "sort", values: values, indices: indices))
    },
    .function(
      "torch.topk", .tensor("input"), .int("k"), .int("dim", default: -1),
      .bool("largest", default: true), .bool("sorted", default: true)
    ) { _, input, k, dim, largest, _ in
      let (values, indices) = try input.topk(k, dim: dim, largest: largest)
      return .object(ReturnTypes(name: "topk", values: values, indices: indices))
    },
    .function("torch.Tensor.numpy", .tensor("self"), .bool("force", default: false).keywordOnly) {
      _, _, _ in throw noNumpy("x.numpy()")
    },
    .function("torch.from_numpy", .value("ndarray")) { _, _ in throw noNumpy("torch.from_numpy") },
  ]

  /// `var` / `std` with PyTorch's two spellings of the correction: `unbiased=True|False` (the old
  /// overload, positional after `dim`) and `correction=` (keyword only); the default is 1.
  private static func spread(
    _ name: String, _ op: @escaping @Sendable (Tensor, [Int]?, Double, Bool) throws -> Tensor
  ) -> BuiltinFunction {
    .function(
      "torch." + name, .tensor("input"), .optionalInts("dim"), .optionalValue("unbiased"),
      .bool("keepdim", default: false), .optionalDouble("correction").keywordOnly
    ) { interpreter, input, dims, unbiased, keepDim, correction in
      var amount = correction ?? 1
      if let unbiased, correction == nil { amount = try interpreter.truthy(unbiased) ? 1 : 0 }
      return .tensor(try op(input, dims, amount, keepDim))
    }
  }

  /// Lessons run without numpy: say so, and what to use instead.
  private static func noNumpy(_ what: String) -> PythonException {
    PythonException.unsupported(
      "\(what): there is no numpy in lessons",
      notes: [
        "use the tensor itself, x.tolist() for Python numbers, or x.item() for one number"
      ])
  }
}
