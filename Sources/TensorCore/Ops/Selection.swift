/// Element selection and reversal (`torch.where`, `torch.flip`).

extension Tensor {
  /// `torch.flip(input, dims)`: the elements in reverse order along each of `dims`.
  ///
  /// Shapes: any -> the same. Throws PyTorch's errors for a dim out of range or listed twice.
  /// A float result records `FlipBackward0`, which flips the gradient back.
  public func flipped(_ dims: [Int]) throws -> Tensor {
    let axes = try dims.map { try normalizeDim($0, rank: rank) }
    for (i, axis) in axes.enumerated() where axes[..<i].contains(axis) {
      throw TensorError.reduction(.duplicateDim(axis))
    }
    var strides = contiguousStrides(shape)
    var offset = 0
    for axis in Set(axes) where shape[axis] > 0 {
      // Start at the last element along the axis and walk backwards.
      offset += (shape[axis] - 1) * strides[axis]
      strides[axis] = -strides[axis]
    }
    return try gatherView(
      shape: shape, strides: strides, offset: offset, name: "FlipBackward0", what: "flip")
  }
}

extension Tensor {
  /// `torch.where(condition, input, other)`: `input` where `condition` is true, else `other`.
  ///
  /// Shapes: the three broadcast together. `condition` must be bool; the result is float32 when
  /// either value is, else int64. Records `WhereBackward0`: the gradient goes to `input` where
  /// the condition holds and to `other` elsewhere (summed back over broadcast dimensions).
  public static func selecting(_ condition: Tensor, _ input: Tensor, _ other: Tensor) throws
    -> Tensor
  {
    guard condition.dtype == .bool else {
      throw TensorError.unsupportedOperation(.whereCondition(condition.dtype))
    }
    let shape = try broadcastShapes(
      try broadcastShapes(condition.shape, input.shape), other.shape)
    _ = try checkedAllocation(shape, dtype: .float32, what: "where")
    let mask = try condition.expand(shape).ints
    let isFloat = input.dtype == .float32 || other.dtype == .float32
    let a = try (isFloat ? input.to(.float32) : input).expand(shape)
    let b = try (isFloat ? other.to(.float32) : other).expand(shape)
    guard isFloat else {
      let values = mask.indices.map { mask[$0] != 0 ? a.ints[$0] : b.ints[$0] }
      return Tensor(shape: shape, ints: values)
    }
    let values = mask.indices.map { mask[$0] != 0 ? a.floats[$0] : b.floats[$0] }
    return .result(shape: shape, floats: values, name: "WhereBackward0", inputs: [a, b]) { dy in
      [
        dy.indices.map { mask[$0] != 0 ? dy[$0] : 0 },
        dy.indices.map { mask[$0] != 0 ? 0 : dy[$0] },
      ]
    }
  }
}
