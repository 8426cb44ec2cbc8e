/// In-place tensor methods (`add_`, `sub_`, `mul_`, `div_`, `clamp_`, `fill_`): the op's result
/// written back into the tensor's own storage.
extension BuiltinTable {
  static let inPlaceMethods: [BuiltinFunction] = [
    .function(
      "torch.Tensor.add_", .tensor("self"), .tensorOrNumber("other"),
      .value("alpha", default: .int(1))
    ) { interpreter, tensor, other, alpha in
      try writeBack(tensor, try tensor.add(other, alpha: try interpreter.numberValue(alpha)))
    },
    .function(
      "torch.Tensor.sub_", .tensor("self"), .tensorOrNumber("other"),
      .value("alpha", default: .int(1))
    ) { interpreter, tensor, other, alpha in
      try writeBack(tensor, try tensor.add(other, alpha: -(try interpreter.numberValue(alpha))))
    },
    .function("torch.Tensor.mul_", .tensor("self"), .tensorOrNumber("other")) { _, tensor, other in
      try writeBack(tensor, try tensor.mul(other))
    },
    .function("torch.Tensor.div_", .tensor("self"), .tensorOrNumber("other")) { _, tensor, other in
      try writeBack(tensor, try tensor.div(other))
    },
    .function(
      "torch.Tensor.clamp_", .tensor("self"), .optionalDouble("min"), .optionalDouble("max")
    ) { _, tensor, lower, upper in
      try writeBack(tensor, try tensor.clamp(min: lower, max: upper))
    },
    .function("torch.Tensor.fill_", .tensor("self"), .tensorOrNumber("value")) {
      _, tensor, value in
      guard value.count == 1 else {
        throw PythonException.runtime(
          "fill_ only supports 0-dimension value tensor but got tensor with \(value.rank) dimensions."
        )
      }
      try requireWritable(tensor)
      return .tensor(Init.constant(tensor, value.value(at: 0)))
    },
  ]

  /// PyTorch's refusal of an in-place write while autograd records: into a leaf that requires
  /// grad always; into a tensor computed from one, which lessons cannot rewrite in the graph.
  private static func requireWritable(_ tensor: Tensor) throws {
    guard GradMode.isEnabled && tensor.requiresGrad else { return }
    if tensor.isLeaf { throw TensorError.autograd(.leafInPlace) }
    throw PythonException.unsupported(
      "in-place operations on a tensor that requires grad are not supported in lessons",
      notes: ["write 'x = x + y' instead of 'x.add_(y)', or update under torch.no_grad()"])
  }

  /// Copies `result` into `tensor` (same shape, converted to its dtype), with PyTorch's errors
  /// for a result that does not fit.
  private static func writeBack(_ tensor: Tensor, _ result: Tensor) throws -> Value {
    try requireWritable(tensor)
    guard result.shape == tensor.shape else {
      throw PythonException.runtime(
        "output with shape \(shapeText(tensor.shape)) doesn't match the broadcast shape "
          + shapeText(result.shape))
    }
    if tensor.dtype != .float32 && result.dtype == .float32 {
      throw PythonException.runtime(
        "result type Float can't be cast to the desired output type \(tensor.dtype == .bool ? "Bool" : "Long")"
      )
    }
    let converted = result.to(tensor.dtype)
    if tensor.dtype == .float32 {
      tensor.updateFloats { $0 = converted.floats }
    } else {
      tensor.updateInts { $0 = converted.ints }
    }
    return .tensor(tensor)
  }
}
