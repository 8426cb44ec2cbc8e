/// Reductions: `sum` and `mean` over any set of dims, `max` / `min` / `argmax` / `argmin` over
/// the whole tensor or one dim.

extension Tensor {
  /// The normalized, checked dims to reduce (`nil` or `[]` means all) and the shape with each
  /// reduced dim set to 1, checked as the result's allocation (int64 at most).
  func reductionPlan(_ dims: [Int]?) throws -> (dims: [Int], keptShape: [Int]) {
    let requested = dims ?? []
    var normalized: [Int] = []
    for dim in requested {
      let axis = try normalizeDim(dim, rank: rank)
      guard !normalized.contains(axis) else {
        throw TensorError.reduction(.duplicateDim(axis))
      }
      normalized.append(axis)
    }
    if requested.isEmpty { normalized = Array(0..<rank) }
    var keptShape = shape
    for axis in normalized where axis < rank { keptShape[axis] = 1 }
    _ = try checkedAllocation(keptShape, dtype: .int64, what: "a reduction")
    return (normalized, keptShape)
  }

  /// The output shape of a reduction: `keptShape`, or without the reduced dims.
  func reducedShape(_ keptShape: [Int], dims: [Int], keepDim: Bool) -> [Int] {
    keepDim ? keptShape : (0..<rank).filter { !dims.contains($0) }.map { shape[$0] }
  }

  /// `torch.sum(x, dim=dims, keepdim=)`: float stays float32, int and bool give int64. Records
  /// `SumBackward0` for a whole-tensor sum and `SumBackward1` over dims; the backward broadcasts
  /// the gradient back over the reduced dims.
  public func sum(dims: [Int]? = nil, keepDim: Bool = false) throws -> Tensor {
    let (axes, keptShape) = try reductionPlan(dims)
    let outShape = reducedShape(keptShape, dims: axes, keepDim: keepDim)
    guard dtype == .float32 else {
      var totals = [Int64](repeating: 0, count: elementCount(keptShape))
      let targets = stridedOffsets(
        shape: shape, strides: broadcastStrides(from: keptShape, to: shape), offset: 0)
      for (i, target) in targets.enumerated() { totals[target] &+= ints[i] }
      return Tensor(shape: outShape, ints: totals)
    }
    let sourceShape = shape
    let name = dims?.isEmpty ?? true ? "SumBackward0" : "SumBackward1"
    let totals = sumToShape(floats, from: shape, to: keptShape)
    return .result(shape: outShape, floats: totals, name: name, inputs: [self]) { g in
      [broadcastValues(g, from: keptShape, to: sourceShape)]
    }
  }

  /// `torch.mean(x, dim=dims, keepdim=)`, float32 only (PyTorch's error for int and bool).
  /// Records `MeanBackward0` for a whole-tensor mean and `MeanBackward1` over dims.
  public func mean(dims: [Int]? = nil, keepDim: Bool = false) throws -> Tensor {
    guard dtype == .float32 else {
      throw TensorError.reduction(.meanDType(dtype))
    }
    let (axes, keptShape) = try reductionPlan(dims)
    let outShape = reducedShape(keptShape, dims: axes, keepDim: keepDim)
    let sourceShape = shape
    let n = Float(count / Swift.max(1, elementCount(keptShape)))
    let means = sumToShape(floats, from: shape, to: keptShape).map { $0 / n }
    let name = dims?.isEmpty ?? true ? "MeanBackward0" : "MeanBackward1"
    return .result(shape: outShape, floats: means, name: name, inputs: [self]) { g in
      [broadcastValues(g.map { $0 / n }, from: keptShape, to: sourceShape)]
    }
  }

  // MARK: - max / min over the whole tensor

  /// `x.max()`: the largest element as a 0-d tensor (NaN wins). Records `MaxBackward1`, which
  /// shares the gradient evenly among tied maxima.
  public func max() throws -> Tensor {
    try wholeExtremum("max", name: "MaxBackward1", floatBetter: >, intBetter: >)
  }

  /// `x.min()`: the smallest element as a 0-d tensor (NaN wins). Records `MinBackward1`.
  public func min() throws -> Tensor {
    try wholeExtremum("min", name: "MinBackward1", floatBetter: <, intBetter: <)
  }

  private func wholeExtremum(
    _ op: String, name: String, floatBetter: @escaping (Float, Float) -> Bool,
    intBetter: @escaping (Int64, Int64) -> Bool
  ) throws -> Tensor {
    guard count > 0 else {
      throw TensorError.reduction(.emptyWithoutDim(op: op))
    }
    guard dtype == .float32 else {
      let best = extremeIndices(ints, outer: 1, size: count, inner: 1, better: intBetter)[0]
      return Tensor(shape: [], ints: [ints[best]], dtype: dtype)
    }
    let input = floats
    let best = input[
      extremeIndices(input, outer: 1, size: count, inner: 1, better: nanAware(floatBetter))[0]]
    return .result(shape: [], floats: [best], name: name, inputs: [self]) { g in
      let ties = input.reduce(0) { $0 + ($1 == best || ($1.isNaN && best.isNaN) ? 1 : 0) }
      let share = g[0] / Float(ties)
      return [input.map { $0 == best || ($0.isNaN && best.isNaN) ? share : 0 }]
    }
  }
}

/// Wraps a float comparison so a NaN beats any number (PyTorch's max / min propagate NaN).
func nanAware(_ better: @escaping (Float, Float) -> Bool) -> (Float, Float) -> Bool {
  { candidate, best in (candidate.isNaN && !best.isNaN) || better(candidate, best) }
}

/// The index along the middle dim of the best element of each (outer, inner) line; the first
/// one wins ties.
///
/// Legend: values viewed as (outer, size, inner), size > 0; result (outer * inner) indices in
/// 0..<size, row-major over (outer, inner).
func extremeIndices<T>(
  _ values: [T], outer: Int, size: Int, inner: Int, better: (T, T) -> Bool
) -> [Int] {
  var result = [Int](repeating: 0, count: outer * inner)
  values.withUnsafeBufferPointer { v in
    for o in 0..<outer {
      for i in 0..<inner {
        let base = o * size * inner + i
        var bestIndex = 0
        for s in 1..<Swift.max(1, size)
        where better(v[base + s * inner], v[base + bestIndex * inner]) {
          bestIndex = s
        }
        result[o * inner + i] = bestIndex
      }
    }
  }
  return result
}
