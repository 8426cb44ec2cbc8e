/// Shape arithmetic shared by every op: element counts, row-major strides, dimension wrapping.

/// The number of elements of a tensor of this shape (1 for a scalar, `[]`).
@inlinable
public func elementCount(_ shape: [Int]) -> Int {
  shape.reduce(1, *)
}

/// Row-major (C-contiguous) strides: `[2, 3, 4]` -> `[12, 4, 1]`.
public func contiguousStrides(_ shape: [Int]) -> [Int] {
  var strides = [Int](repeating: 1, count: shape.count)
  var step = 1
  for axis in (0..<shape.count).reversed() {
    strides[axis] = step
    step *= shape[axis]
  }
  return strides
}

/// PyTorch's shape text: `[64, 10]`.
public func shapeText(_ shape: [Int]) -> String {
  "[" + shape.map(String.init).joined(separator: ", ") + "]"
}

/// Wraps a possibly negative dimension into `0..<rank`, with PyTorch's error when it is out of range.
///
/// A scalar (rank 0) accepts dims -1 and 0, as PyTorch does.
public func normalizeDim(_ dim: Int, rank: Int) throws -> Int {
  let effective = max(rank, 1)
  guard dim >= -effective && dim < effective else {
    throw TensorError.dimensionOutOfRange(dim: dim, rank: rank)
  }
  return dim < 0 ? dim + effective : dim
}

extension Int {
  /// `self + other`, clamped to `Int.min...Int.max` instead of overflowing (window geometry on
  /// sizes a lesson chose must not trap; the checks then reject the clamped sizes).
  func saturatingAdd(_ other: Int) -> Int {
    let (sum, overflow) = addingReportingOverflow(other)
    return overflow ? (other > 0 ? .max : .min) : sum
  }

  /// `self * other`, clamped to `Int.min...Int.max` instead of overflowing.
  func saturatingMultiply(_ other: Int) -> Int {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? ((self < 0) != (other < 0) ? .min : .max) : product
  }
}
