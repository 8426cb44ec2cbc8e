/// Ordering along a dimension (`sort`, `topk`).

extension Tensor {
  /// `sort(dim, descending)`: the elements ordered along `dim` and where each came from (int64).
  ///
  /// Shapes: any -> two tensors of the same shape. The sort is stable and NaN counts as the
  /// largest value, as PyTorch's CPU sort. A float result records `SortBackward0`, which sends
  /// each gradient back to the element's original position.
  public func sorted(dim: Int = -1, descending: Bool = false) throws -> (
    values: Tensor, indices: Tensor
  ) {
    let axis = try normalizeDim(dim, rank: rank)
    let size = rank == 0 ? 1 : shape[axis]
    return try ordered(axis: axis, keep: size, descending: descending, name: "SortBackward0")
  }

  /// `topk(k, dim, largest, sorted)`: the `k` largest (or smallest) elements along `dim`, in
  /// order, and their indices. Throws PyTorch's error when `k` is not in `0...size`. Records
  /// `TopkBackward0`.
  public func topk(_ k: Int, dim: Int = -1, largest: Bool = true) throws -> (
    values: Tensor, indices: Tensor
  ) {
    let axis = try normalizeDim(dim, rank: rank)
    let size = rank == 0 ? 1 : shape[axis]
    guard k >= 0 && k <= size else { throw TensorError.invalidArgument(.topkOutOfRange) }
    return try ordered(axis: axis, keep: k, descending: largest, name: "TopkBackward0")
  }

  /// The first `keep` elements of each line along `axis` in order, with their indices.
  private func ordered(axis: Int, keep: Int, descending: Bool, name: String) throws -> (
    values: Tensor, indices: Tensor
  ) {
    // Legend: outer lines before the axis, `size` along it, `inner` after it.
    let size = rank == 0 ? 1 : shape[axis]
    let inner = rank == 0 ? 1 : shape[(axis + 1)...].reduce(1, *)
    let outer = size == 0 || inner == 0 ? 0 : count / (size * inner)
    var outputShape = shape
    if rank > 0 { outputShape[axis] = keep }
    _ = try checkedAllocation(outputShape, dtype: .int64, what: name)
    let source = floatValues
    func before(_ a: Float, _ b: Float) -> Bool {
      // NaN is the largest value.
      if a.isNaN || b.isNaN { return descending ? (a.isNaN && !b.isNaN) : (!a.isNaN && b.isNaN) }
      return descending ? a > b : a < b
    }
    var order = [Int](repeating: 0, count: outer * keep * inner)
    for o in 0..<outer {
      for i in 0..<inner {
        let base = o * size * inner + i
        let line = (0..<size).map { (position: $0, value: source[base + $0 * inner]) }
        // Stable: ties keep their original order.
        let sortedLine = line.enumerated().sorted { lhs, rhs in
          before(lhs.element.value, rhs.element.value)
            || (!before(rhs.element.value, lhs.element.value) && lhs.offset < rhs.offset)
        }
        for (j, entry) in sortedLine.prefix(keep).enumerated() {
          order[o * keep * inner + j * inner + i] = entry.element.position
        }
      }
    }
    let sourceIndex = order.indices.map { flat -> Int in
      let (o, rest) = (flat / (keep * inner), flat % (keep * inner))
      return o * size * inner + order[flat] * inner + rest % inner
    }
    let indices = Tensor(shape: outputShape, ints: order.map { Int64($0) })
    guard dtype == .float32 else {
      return (Tensor(shape: outputShape, ints: sourceIndex.map { ints[$0] }, dtype: dtype), indices)
    }
    let sourceCount = count
    let values = Tensor.result(
      shape: outputShape, floats: sourceIndex.map { floats[$0] }, name: name, inputs: [self]
    ) { dy in
      var dx = [Float](repeating: 0, count: sourceCount)
      for (j, from) in sourceIndex.enumerated() { dx[from] += dy[j] }
      return [dx]
    }
    return (values, indices)
  }
}
