/// Shape changes: `view` / `reshape`, `flatten`, `permute`, `transpose`, `t`, `unsqueeze`,
/// `squeeze`. Every result has its own buffer (see `Tensor`), so `view` and `reshape` coincide.

extension Tensor {
  /// `x.view(*shape)` / `x.reshape(*shape)`: the same elements, row-major, in a new shape; one
  /// size may be -1 and is inferred. Records `ViewBackward0`.
  public func reshaped(_ shape: [Int]) throws -> Tensor {
    try sameElements(shape: inferShape(shape), name: "ViewBackward0")
  }

  /// Resolves a -1 in a requested shape and checks the element count, with PyTorch's errors.
  func inferShape(_ requested: [Int]) throws -> [Int] {
    var inferred: Int? = nil
    for (axis, size) in requested.enumerated() where size < 0 {
      guard size == -1 else { throw TensorError.invalidShape(.invalidDimension(size)) }
      guard inferred == nil else { throw TensorError.invalidShape(.multipleInferred) }
      inferred = axis
    }
    let known = try checkedElementCount(requested.filter { $0 != -1 })
    var resolved = requested
    if let inferred {
      if known == 0 && count == 0 {
        throw TensorError.invalidShape(.ambiguousInferred(requested: requested))
      }
      if known != 0 && count % known == 0 { resolved[inferred] = count / known }
    }
    guard resolved.allSatisfy({ $0 >= 0 }), elementCount(resolved) == count else {
      throw TensorError.invalidShape(.reshapeSize(requested: requested, shape: self.shape))
    }
    return resolved
  }

  /// `torch.flatten(x, start_dim, end_dim)`: dims `startDim...endDim` merged into one. Records
  /// `ViewBackward0`; a 0-d tensor becomes shape `[1]`.
  public func flattened(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
    let start = try normalizeDim(startDim, rank: rank)
    let end = try normalizeDim(endDim, rank: rank)
    guard start <= end else {
      throw TensorError.invalidShape(.flattenOrder)
    }
    if rank == 0 { return sameElements(shape: [1], name: "ViewBackward0") }
    if start == end { return self }
    let merged = elementCount(Array(shape[start...end]))
    let newShape = Array(shape[..<start]) + [merged] + Array(shape[(end + 1)...])
    return sameElements(shape: newShape, name: "ViewBackward0")
  }

  /// `x.permute(*dims)`: dim `i` of the result is dim `dims[i]` of `x`. Records `PermuteBackward0`.
  public func permuted(_ dims: [Int]) throws -> Tensor {
    guard dims.count == rank else {
      throw TensorError.invalidShape(.permuteLength(rank: rank, dims: dims.count))
    }
    let axes = try dims.map { try normalizeDim($0, rank: rank) }
    guard Set(axes).count == axes.count else {
      throw TensorError.invalidShape(.duplicatePermuteDims)
    }
    return try movedAxes(axes, name: "PermuteBackward0")
  }

  /// `x.transpose(dim0, dim1)`: the two dims swapped. Records `TransposeBackward0`.
  public func transposed(_ dim0: Int, _ dim1: Int) throws -> Tensor {
    let a = try normalizeDim(dim0, rank: rank)
    let b = try normalizeDim(dim1, rank: rank)
    guard rank >= 2 else { return sameElements(shape: shape, name: "TransposeBackward0") }
    var axes = Array(0..<rank)
    axes.swapAt(a, b)
    return try movedAxes(axes, name: "TransposeBackward0")
  }

  /// `x.t()`: the transpose of a matrix (0-d and 1-d unchanged). Records `TBackward0`.
  public func t() throws -> Tensor {
    guard rank <= 2 else {
      throw TensorError.invalidShape(.transposeRank(rank))
    }
    guard rank == 2 else { return sameElements(shape: shape, name: "TBackward0") }
    return try movedAxes([1, 0], name: "TBackward0")
  }

  /// The tensor with dim `i` of the result taken from dim `axes[i]` (a strided copy).
  func movedAxes(_ axes: [Int], name: String) throws -> Tensor {
    let strides = contiguousStrides(shape)
    return try gatherView(
      shape: axes.map { shape[$0] }, strides: axes.map { strides[$0] }, offset: 0, name: name,
      what: "permute")
  }

  /// `x.unsqueeze(dim)`: a new size-1 dim at `dim` (in `-(rank+1)...rank`). Records
  /// `UnsqueezeBackward0`.
  public func unsqueezed(_ dim: Int) throws -> Tensor {
    let axis = try normalizeDim(dim, rank: rank + 1)
    var newShape = shape
    newShape.insert(1, at: axis)
    return sameElements(shape: newShape, name: "UnsqueezeBackward0")
  }

  /// `x.squeeze()` drops every size-1 dim (`SqueezeBackward0`); `x.squeeze(dim)` drops `dim` if
  /// its size is 1 and otherwise keeps the shape (`SqueezeBackward1`).
  public func squeezed(_ dim: Int? = nil) throws -> Tensor {
    guard let dim else {
      return sameElements(shape: shape.filter { $0 != 1 }, name: "SqueezeBackward0")
    }
    let axis = try normalizeDim(dim, rank: rank)
    var newShape = shape
    if rank > 0 && shape[axis] == 1 { newShape.remove(at: axis) }
    return sameElements(shape: newShape, name: "SqueezeBackward1")
  }
}
