/// Resolving a Python subscript (`x[0, 1:3, None, ..., idx]`) against a shape: which flat
/// elements it selects, in what result shape. Shared by reading (`indexed`) and writing (`assign`).

/// One component of a subscript, as in Python / PyTorch.
public enum TensorIndex {
  /// An integer: selects one position and removes the dim (`x[2]`, `x[-1]`).
  case index(Int)
  /// A slice `start:stop:step`; nil parts take Python's defaults and bounds are clamped.
  case slice(start: Int?, stop: Int?, step: Int?)
  /// `None`: inserts a size-1 dim.
  case newAxis
  /// `...`: as many full slices as the other components leave.
  case ellipsis
  /// An int64 tensor gathers along its dim; a bool tensor masks the dims it covers.
  case tensor(Tensor)
}

/// The elements a subscript selects: a strided view of the source after the basic components,
/// and the advanced (tensor) indices still to apply to dims of that view.
struct IndexPlan {
  /// The view after ints, slices, `None` and `...`.
  var viewShape: [Int] = []
  var viewStrides: [Int] = []
  var viewOffset = 0
  /// Tensor indices: the view dim each applies to and its (non-negative) positions.
  var advanced: [(dim: Int, positions: [Int], shape: [Int])] = []
  /// PyTorch's name for the backward node of the last basic component.
  var basicName = "SliceBackward0"

  init(shape: [Int], indices: [TensorIndex]) throws {
    let consumed = indices.reduce(0) { total, index in
      switch index {
      case .index, .slice: return total + 1
      case .tensor(let t): return total + (t.dtype == .bool ? t.rank : 1)
      case .newAxis, .ellipsis: return total
      }
    }
    guard consumed <= shape.count else {
      throw TensorError.invalidIndex(.tooManyIndices(rank: shape.count))
    }
    guard indices.filter({ if case .ellipsis = $0 { true } else { false } }).count <= 1 else {
      throw TensorError.invalidIndex(.multipleEllipses)
    }
    let strides = contiguousStrides(shape)
    var dim = 0
    func keep(_ count: Int) {
      for d in dim..<(dim + count) {
        viewShape.append(shape[d])
        viewStrides.append(strides[d])
      }
      dim += count
    }
    for index in indices {
      switch index {
      case .index(let i):
        viewOffset += try IndexPlan.position(i, dim: dim, size: shape[dim]) * strides[dim]
        dim += 1
        basicName = "SelectBackward0"
      case .slice(let start, let stop, let step):
        let (first, length, step) = try IndexPlan.slice(start, stop, step, size: shape[dim])
        viewShape.append(length)
        viewStrides.append(strides[dim] * step)
        viewOffset += first * strides[dim]
        dim += 1
        basicName = "SliceBackward0"
      case .newAxis:
        viewShape.append(1)
        viewStrides.append(0)
        basicName = "UnsqueezeBackward0"
      case .ellipsis:
        keep(shape.count - consumed)
      case .tensor(let tensor):
        try addTensorIndex(tensor, dim: &dim, shape: shape, strides: strides)
      }
    }
    keep(shape.count - dim)
  }

  /// Records an int64 index or a bool mask on the source dims starting at `dim`.
  private mutating func addTensorIndex(
    _ tensor: Tensor, dim: inout Int, shape: [Int], strides: [Int]
  ) throws {
    switch tensor.dtype {
    case .float32:
      throw TensorError.invalidIndex(.indexDType(tensor.dtype))
    case .int64:
      let positions = try tensor.ints.map {
        try IndexPlan.position(Int($0), dim: dim, size: shape[dim])
      }
      advanced.append((viewShape.count, positions, tensor.shape))
      viewShape.append(shape[dim])
      viewStrides.append(strides[dim])
      dim += 1
    case .bool:
      let covered = Array(shape[dim..<(dim + tensor.rank)])
      for (axis, size) in tensor.shape.enumerated() where size != covered[axis] {
        throw TensorError.invalidIndex(
          .maskShape(mask: tensor.shape, maskDim: axis, shape: shape, dim: dim + axis))
      }
      if tensor.rank == 0 {
        // x[True] adds a size-1 dim, x[False] a size-0 one.
        viewShape.append(tensor.ints[0] != 0 ? 1 : 0)
        viewStrides.append(0)
        return
      }
      // The mask selects the coordinates of its true elements (nonzero()), one index per dim.
      let maskStrides = contiguousStrides(tensor.shape)
      let selected = tensor.ints.indices.filter { tensor.ints[$0] != 0 }
      for axis in 0..<tensor.rank {
        let positions = selected.map { ($0 / maskStrides[axis]) % tensor.shape[axis] }
        advanced.append((viewShape.count, positions, [selected.count]))
        viewShape.append(shape[dim + axis])
        viewStrides.append(strides[dim + axis])
      }
      dim += tensor.rank
    }
  }

  /// An integer index wrapped into `0..<size`, with PyTorch's out-of-bounds error.
  static func position(_ index: Int, dim: Int, size: Int) throws -> Int {
    guard index >= -size && index < size else {
      throw TensorError.indexOutOfBounds(index: index, dim: dim, size: size)
    }
    return index < 0 ? index + size : index
  }

  /// Python's slice rules: defaults, negative bounds counted from the end, clamping to the size.
  static func slice(_ start: Int?, _ stop: Int?, _ step: Int?, size: Int) throws -> (
    first: Int, length: Int, step: Int
  ) {
    let step = step ?? 1
    guard step != 0 else { throw TensorError.invalidIndex(.zeroStep) }
    guard step > 0 else { throw TensorError.invalidIndex(.negativeStep) }
    func clamp(_ bound: Int?, _ fallback: Int) -> Int {
      guard let bound else { return fallback }
      return Swift.min(Swift.max(bound < 0 ? bound + size : bound, 0), size)
    }
    let first = clamp(start, 0)
    let end = clamp(stop, size)
    let length = end > first ? (end - first - 1) / step + 1 : 0
    // With fewer than two elements the step never applies; 1 keeps the stride small.
    return (first, length, length < 2 ? 1 : step)
  }
}
