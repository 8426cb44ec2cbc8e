/// Broadcasting (NumPy / PyTorch rules): shapes are aligned at their last dimension, and each pair
/// of sizes must be equal or contain a 1, which is stretched to the other size.

/// The shape `a op b` has under broadcasting: `[3, 1]` and `[1, 4]` -> `[3, 4]`.
///
/// Throws PyTorch's error when two aligned sizes differ and neither is 1.
public func broadcastShapes(_ a: [Int], _ b: [Int]) throws -> [Int] {
  let rank = max(a.count, b.count)
  var result = [Int](repeating: 1, count: rank)
  for axis in 0..<rank {
    let sizeA = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
    let sizeB = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
    guard sizeA == sizeB || sizeA == 1 || sizeB == 1 else {
      throw TensorError.broadcastMismatch(lhs: a, rhs: b, dim: axis)
    }
    result[axis] = sizeA == 1 ? sizeB : sizeA
  }
  _ = try checkedElementCount(result)
  return result
}

/// Strides that read a contiguous tensor of `shape` as if it had the (broadcast) shape `target`:
/// 0 for stretched and for missing leading dimensions.
func broadcastStrides(from shape: [Int], to target: [Int]) -> [Int] {
  let own = contiguousStrides(shape)
  let lead = target.count - shape.count
  return (0..<target.count).map { axis in
    axis < lead || shape[axis - lead] == 1 ? 0 : own[axis - lead]
  }
}

/// The elements of a contiguous `shape` buffer repeated out to the broadcast shape `target`.
func broadcastValues<T>(_ values: [T], from shape: [Int], to target: [Int]) -> [T] {
  if shape == target { return values }
  return stridedGather(
    values, shape: target, strides: broadcastStrides(from: shape, to: target), offset: 0)
}

/// Sums a gradient of the broadcast shape `shape` back down to `target` (the backward of
/// broadcasting): stretched dimensions are summed, missing leading ones are summed away.
func sumToShape(_ values: [Float], from shape: [Int], to target: [Int]) -> [Float] {
  if shape == target { return values }
  var result = [Float](repeating: 0, count: elementCount(target))
  if result.count == 1 {
    // A whole-tensor sum: accumulate in Double so long sums keep float32 precision.
    result[0] = Float(values.reduce(0.0) { $0 + Double($1) })
    return result
  }
  stridedScatterAdd(
    values, into: &result, shape: shape, strides: broadcastStrides(from: target, to: shape),
    offset: 0)
  return result
}

extension Tensor {
  /// `expand(*sizes)`: this tensor repeated along size-1 (or new leading) dimensions to `shape`;
  /// -1 keeps a size. Records `ExpandBackward0`, which sums the gradient back.
  public func expand(_ shape: [Int]) throws -> Tensor {
    guard shape.count >= rank else {
      throw TensorError.invalidShape(.expandRank(shape: self.shape, size: shape, dtype: dtype))
    }
    let lead = shape.count - rank
    var target = shape
    for axis in 0..<shape.count {
      let own = axis < lead ? nil : self.shape[axis - lead]
      if shape[axis] == -1, let own {
        target[axis] = own
      } else if shape[axis] < 0 || (own != nil && own != 1 && own != shape[axis]) {
        throw TensorError.invalidShape(.expandSize(shape: self.shape, size: shape, dim: axis))
      }
    }
    return try gatherView(
      shape: target, strides: broadcastStrides(from: self.shape, to: target), offset: 0,
      name: "ExpandBackward0", what: "expand")
  }

  /// A new tensor holding the view `(shape, strides, offset)` of this one, checked as a new
  /// allocation (`checkedAllocation`, `what` naming the op). A float result records `name`, whose
  /// backward adds the gradient back into the viewed positions.
  ///
  /// The view must lie inside this tensor's buffer: every caller derives it from this tensor's
  /// shape (indices checked against the sizes, strides from `contiguousStrides`).
  func gatherView(shape: [Int], strides: [Int], offset: Int, name: String, what: String) throws
    -> Tensor
  {
    _ = try checkedAllocation(shape, dtype: dtype, what: what)
    guard dtype == .float32 else {
      return Tensor(
        shape: shape, ints: stridedGather(ints, shape: shape, strides: strides, offset: offset),
        dtype: dtype)
    }
    let sourceCount = count
    let values = stridedGather(floats, shape: shape, strides: strides, offset: offset)
    return .result(shape: shape, floats: values, name: name, inputs: [self]) { grad in
      var input = [Float](repeating: 0, count: sourceCount)
      stridedScatterAdd(grad, into: &input, shape: shape, strides: strides, offset: offset)
      return [input]
    }
  }

  /// The same elements under a new shape of equal count; a float result records `name`, whose
  /// backward passes the gradient through unchanged.
  func sameElements(shape: [Int], name: String) -> Tensor {
    guard dtype == .float32 else { return Tensor(shape: shape, ints: ints, dtype: dtype) }
    return .result(shape: shape, floats: floats, name: name, inputs: [self]) { [$0] }
  }
}
