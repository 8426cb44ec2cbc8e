/// `max` / `min` along one dim (values and indices), `argmax` / `argmin`.

extension Tensor {
  /// `x.max(dim)`: the largest values along `dim` and their indices (int64; the first index on
  /// ties, NaN wins). `values` records `MaxBackward0`, which routes the gradient to those indices.
  public func max(dim: Int, keepDim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
    try extremum(
      along: dim, keepDim: keepDim, op: "max", name: "MaxBackward0", floatBetter: >, intBetter: >)
  }

  /// `x.min(dim)`: the smallest values along `dim` and their indices. Records `MinBackward0`.
  public func min(dim: Int, keepDim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
    try extremum(
      along: dim, keepDim: keepDim, op: "min", name: "MinBackward0", floatBetter: <, intBetter: <)
  }

  /// `torch.argmax(x, dim=, keepdim=)`: int64 indices of the largest values; with `dim == nil`,
  /// the index into the flattened tensor (0-d, or all-ones shape with `keepDim`).
  public func argmax(dim: Int? = nil, keepDim: Bool = false) throws -> Tensor {
    try argExtremum(dim: dim, keepDim: keepDim, op: "argmax", floatBetter: >, intBetter: >)
  }

  /// `torch.argmin(x, dim=, keepdim=)`: int64 indices of the smallest values.
  public func argmin(dim: Int? = nil, keepDim: Bool = false) throws -> Tensor {
    try argExtremum(dim: dim, keepDim: keepDim, op: "argmin", floatBetter: <, intBetter: <)
  }

  private func argExtremum(
    dim: Int?, keepDim: Bool, op: String, floatBetter: @escaping (Float, Float) -> Bool,
    intBetter: @escaping (Int64, Int64) -> Bool
  ) throws -> Tensor {
    if let dim {
      return try extremum(
        along: dim, keepDim: keepDim, op: op, name: "", floatBetter: floatBetter,
        intBetter: intBetter
      ).indices
    }
    guard count > 0 else {
      throw TensorError.reduction(.emptyIndexWithoutDim(op: op))
    }
    let best =
      dtype == .float32
      ? extremeIndices(floats, outer: 1, size: count, inner: 1, better: nanAware(floatBetter))
      : extremeIndices(ints, outer: 1, size: count, inner: 1, better: intBetter)
    let outShape = keepDim ? [Int](repeating: 1, count: rank) : []
    return Tensor(shape: outShape, ints: [Int64(best[0])])
  }

  /// Shared body of `max(dim:)` / `min(dim:)`.
  ///
  /// Legend: input viewed as (outer, size, inner) around `dim`; outputs (outer, inner), shaped
  /// as the input without `dim` (or with it as 1 under `keepDim`).
  private func extremum(
    along dim: Int, keepDim: Bool, op: String, name: String,
    floatBetter: @escaping (Float, Float) -> Bool, intBetter: @escaping (Int64, Int64) -> Bool
  ) throws -> (values: Tensor, indices: Tensor) {
    let axis = try normalizeDim(dim, rank: rank)
    let size = rank == 0 ? 1 : shape[axis]
    guard size > 0 else {
      throw TensorError.reduction(.emptyDim(op: op, dim: axis))
    }
    let outer = rank == 0 ? 1 : elementCount(Array(shape[..<axis]))
    let inner = rank == 0 ? 1 : elementCount(Array(shape[(axis + 1)...]))
    var outShape = shape
    if rank > 0 { if keepDim { outShape[axis] = 1 } else { outShape.remove(at: axis) } }
    // Values and int64 indices (and the positions table, as large as the indices).
    try checkMemoryBudget(
      elements: elementCount(outShape) * 3, dtype: .int64, what: "torch.\(op)")
    // Flat source position of output element k (outer o, inner i) when its best index is s.
    let best: [Int]
    if dtype == .float32 {
      best = extremeIndices(
        floats, outer: outer, size: size, inner: inner, better: nanAware(floatBetter))
    } else {
      best = extremeIndices(ints, outer: outer, size: size, inner: inner, better: intBetter)
    }
    let positions = best.enumerated().map { k, s in
      (k / inner) * size * inner + s * inner + k % inner
    }
    let indices = Tensor(shape: outShape, ints: best.map { Int64($0) })
    guard dtype == .float32 else {
      return (Tensor(shape: outShape, ints: positions.map { ints[$0] }, dtype: dtype), indices)
    }
    let sourceCount = count
    let values = Tensor.result(
      shape: outShape, floats: positions.map { floats[$0] }, name: name, inputs: [self]
    ) { g in
      var grad = [Float](repeating: 0, count: sourceCount)
      for (k, position) in positions.enumerated() { grad[position] += g[k] }
      return [grad]
    }
    return (values, indices)
  }
}
