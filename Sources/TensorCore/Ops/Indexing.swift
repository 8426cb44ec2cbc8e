/// Reading and writing through a subscript: `x[0]`, `x[:, 1]`, `x[..., -1]`, `x[None]`,
/// `x[perm[0:64]]`, `x[mask]`, and `x[i, j] = v`.

extension IndexPlan {
  /// The result shape and, for each result element in row-major order, its flat source offset.
  /// The shape is checked as a new allocation (`checkedAllocation`) before the offsets are made:
  /// one `Int` per element, as large as an int64 result.
  ///
  /// Tensor indices are broadcast together to one shape S. Where they apply to adjacent view
  /// dims, S replaces those dims in place; otherwise S goes first (NumPy's rule).
  func resolve() throws -> (shape: [Int], offsets: [Int]) {
    guard !advanced.isEmpty else {
      _ = try checkedAllocation(viewShape, dtype: .int64, what: "indexing")
      return (viewShape, stridedOffsets(shape: viewShape, strides: viewStrides, offset: viewOffset))
    }
    let indexShape = try advanced.dropFirst().reduce(advanced[0].shape) {
      do { return try broadcastShapes($0, $1.shape) } catch {
        throw TensorError.invalidIndex(.indicesDoNotBroadcast(advanced.map(\.shape)))
      }
    }
    let advancedDims = advanced.map(\.dim)
    let (lowest, highest) = (advancedDims.min() ?? 0, advancedDims.max() ?? 0)
    let adjacent = highest - lowest == advancedDims.count - 1
    let rest = viewShape.indices.filter { !advancedDims.contains($0) }
    let splitAt = adjacent ? rest.filter { $0 < lowest }.count : 0
    let before = Array(rest[..<splitAt])
    let after = Array(rest[splitAt...])
    let shape = before.map { viewShape[$0] } + indexShape + after.map { viewShape[$0] }
    _ = try checkedAllocation(shape, dtype: .int64, what: "indexing")
    // Offset contributed by the tensor indices, for each position of S.
    var indexOffsets = [Int](repeating: viewOffset, count: elementCount(indexShape))
    for entry in advanced {
      let positions = broadcastValues(entry.positions, from: entry.shape, to: indexShape)
      for i in indexOffsets.indices { indexOffsets[i] += positions[i] * viewStrides[entry.dim] }
    }
    let beforeOffsets = stridedOffsets(
      shape: before.map { viewShape[$0] }, strides: before.map { viewStrides[$0] }, offset: 0)
    let afterOffsets = stridedOffsets(
      shape: after.map { viewShape[$0] }, strides: after.map { viewStrides[$0] }, offset: 0)
    var offsets: [Int] = []
    offsets.reserveCapacity(beforeOffsets.count * indexOffsets.count * afterOffsets.count)
    for b in beforeOffsets {
      for s in indexOffsets {
        for a in afterOffsets { offsets.append(b + s + a) }
      }
    }
    return (shape, offsets)
  }
}

extension Tensor {
  /// `x[indices]`: ints select (removing the dim), slices keep a strided range, `newAxis` adds a
  /// size-1 dim, `ellipsis` stands for the untouched dims, an int64 tensor gathers along its dim,
  /// a bool tensor keeps the elements where it is true.
  ///
  /// Records the name of the last basic component (`SelectBackward0`, `SliceBackward0`,
  /// `UnsqueezeBackward0`), or `IndexBackward0` with tensor indices; the backward adds the
  /// gradient into the selected positions (repeated positions accumulate).
  public func indexed(_ indices: [TensorIndex]) throws -> Tensor {
    let plan = try IndexPlan(shape: shape, indices: indices)
    if plan.advanced.isEmpty {
      return try gatherView(
        shape: plan.viewShape, strides: plan.viewStrides, offset: plan.viewOffset,
        name: plan.basicName, what: "indexing")
    }
    let (resultShape, offsets) = try plan.resolve()
    guard dtype == .float32 else {
      return Tensor(shape: resultShape, ints: offsets.map { ints[$0] }, dtype: dtype)
    }
    let sourceCount = count
    let values = floats.withUnsafeBufferPointer { source in offsets.map { source[$0] } }
    return .result(shape: resultShape, floats: values, name: "IndexBackward0", inputs: [self]) {
      g in
      var grad = [Float](repeating: 0, count: sourceCount)
      for (k, offset) in offsets.enumerated() { grad[offset] += g[k] }
      return [grad]
    }
  }

  /// `x[indices] = value`, in place: `value` is broadcast to the indexed shape and converted to
  /// this tensor's dtype. Autograd does not see the write (like a `.data` update); a leaf that
  /// requires grad is refused while grad mode is on, as in PyTorch.
  public func assign(_ value: Tensor, at indices: [TensorIndex]) throws {
    if GradMode.isEnabled && isLeaf && requiresGrad {
      throw TensorError.autograd(.leafInPlace)
    }
    let (targetShape, offsets) = try IndexPlan(shape: shape, indices: indices).resolve()
    // Leading size-1 dims of the value beyond the target's rank are allowed, as in PyTorch.
    var valueShape = value.shape
    while valueShape.count > targetShape.count && valueShape.first == 1 { valueShape.removeFirst() }
    guard (try? broadcastShapes(valueShape, targetShape)) == targetShape else {
      throw TensorError.invalidIndex(
        .valueDoesNotBroadcast(value: value.shape, target: targetShape))
    }
    let converted = value.to(dtype)
    if dtype == .float32 {
      let values = broadcastValues(converted.floats, from: valueShape, to: targetShape)
      updateFloats { for (k, offset) in offsets.enumerated() { $0[offset] = values[k] } }
    } else {
      let values = broadcastValues(converted.ints, from: valueShape, to: targetShape)
      updateInts { for (k, offset) in offsets.enumerated() { $0[offset] = values[k] } }
    }
  }
}
