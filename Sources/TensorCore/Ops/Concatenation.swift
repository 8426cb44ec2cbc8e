/// Joining tensors: `torch.cat` along an existing dim, `torch.stack` along a new one.

extension Tensor {
  /// `torch.cat(tensors, dim)`: joined along `dim`; all other sizes must agree. Dtypes promote;
  /// 1-d empty tensors are skipped, as in PyTorch. Records `CatBackward0`.
  public static func cat(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
    guard !tensors.isEmpty else {
      throw TensorError.invalidShape(.catEmpty)
    }
    if let position = tensors.firstIndex(where: { $0.rank == 0 }) {
      throw TensorError.invalidShape(.catZeroDimensional(position: position))
    }
    let parts = tensors.filter { !($0.rank == 1 && $0.count == 0) }
    guard let first = parts.first else { return tensors[0] }
    let axis = try normalizeDim(dim, rank: first.rank)
    for (number, part) in parts.enumerated() {
      guard part.rank == first.rank else {
        throw TensorError.invalidShape(.catRank(expected: first.rank, got: part.rank))
      }
      for d in 0..<first.rank where d != axis && part.shape[d] != first.shape[d] {
        throw TensorError.invalidShape(
          .catSizes(dim: axis, expected: first.shape[d], got: part.shape[d], tensor: number))
      }
    }
    return try joined(parts, axis: axis, name: "CatBackward0", what: "torch.cat")
  }

  /// `torch.stack(tensors, dim)`: equal-shaped tensors joined along a new dim `dim`. Records
  /// `StackBackward0`.
  public static func stack(_ tensors: [Tensor], dim: Int = 0) throws -> Tensor {
    guard let first = tensors.first else {
      throw TensorError.invalidShape(.stackEmpty)
    }
    for (number, tensor) in tensors.enumerated() where tensor.shape != first.shape {
      throw TensorError.invalidShape(
        .stackSizes(first: first.shape, other: tensor.shape, entry: number))
    }
    let axis = try normalizeDim(dim, rank: first.rank + 1)
    var newShape = first.shape
    newShape.insert(1, at: axis)
    // The result's shape is checked before the parts are viewed with the new dim.
    var resultShape = newShape
    resultShape[axis] = tensors.count
    _ = try checkedAllocation(resultShape, dtype: first.dtype, what: "torch.stack")
    let parts = tensors.map { $0.sameElements(shape: newShape, name: "UnsqueezeBackward0") }
    return try joined(parts, axis: axis, name: "StackBackward0", what: "torch.stack")
  }

  /// Concatenates checked `parts` along `axis`, after checking the result's shape and bytes
  /// (`checkedAllocation`: the joined size must not overflow nor go over the memory budget).
  ///
  /// Legend: part p viewed as (outer, size_p * inner); the result row o is the parts' rows o
  /// laid end to end. The backward cuts the gradient's rows the same way.
  private static func joined(_ parts: [Tensor], axis: Int, name: String, what: String) throws
    -> Tensor
  {
    let dtype = parts.map(\.dtype).reduce(parts[0].dtype, DType.promoted)
    var shape = parts[0].shape
    let joinedSize = try parts.reduce(0) { total, part in
      let (sum, overflow) = total.addingReportingOverflow(part.shape[axis])
      guard !overflow else { throw TensorError.invalidShape(.elementCountOverflow(shape: shape)) }
      return sum
    }
    shape[axis] = joinedSize
    _ = try checkedAllocation(shape, dtype: dtype, what: what)
    let converted = parts.map { $0.to(dtype) }
    let outer = elementCount(Array(parts[0].shape[..<axis]))
    let rowLengths = converted.map { outer == 0 ? 0 : $0.count / outer }
    guard dtype == .float32 else {
      let values = interleave(converted.map(\.ints), rowLengths: rowLengths, outer: outer)
      return Tensor(shape: shape, ints: values, dtype: dtype)
    }
    let values = interleave(converted.map(\.floats), rowLengths: rowLengths, outer: outer)
    return .result(shape: shape, floats: values, name: name, inputs: converted) { g in
      var grads = rowLengths.map { [Float](repeatElement(0, count: $0 * outer)) }
      var read = 0
      for o in 0..<outer {
        for (p, length) in rowLengths.enumerated() {
          for j in 0..<length { grads[p][o * length + j] = g[read + j] }
          read += length
        }
      }
      return grads
    }
  }

  /// Row o of the result = row o of each source, in order (rows of `rowLengths[p]` elements).
  private static func interleave<T>(_ sources: [[T]], rowLengths: [Int], outer: Int) -> [T] {
    var result = [T]()
    result.reserveCapacity(rowLengths.reduce(0, +) * outer)
    for o in 0..<outer {
      for (p, length) in rowLengths.enumerated() {
        result.append(contentsOf: sources[p][(o * length)..<((o + 1) * length)])
      }
    }
    return result
  }
}
