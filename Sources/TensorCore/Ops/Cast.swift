/// Dtype conversion and reading elements out as Swift numbers.

extension Tensor {
  /// `x.to(dtype)`, `x.float()`, `x.long()`, `x.bool()`: the elements converted to `dtype`.
  ///
  /// float -> int64 truncates toward zero (NaN and out-of-range values saturate); anything -> bool
  /// is `!= 0`. Converting to the same dtype returns this tensor itself, as PyTorch does. A float
  /// result of an int input does not require grad.
  public func to(_ dtype: DType) -> Tensor {
    if dtype == self.dtype { return self }
    switch (self.dtype, dtype) {
    case (.float32, .int64):
      return Tensor(shape: shape, ints: floats.map { truncatedInt64(Double($0)) })
    case (.float32, .bool):
      return Tensor(shape: shape, ints: floats.map { $0 != 0 ? 1 : 0 }, dtype: .bool)
    case (_, .float32):
      return Tensor(shape: shape, floats: floatValues)
    default:
      // int64 <-> bool
      return Tensor(
        shape: shape, ints: dtype == .bool ? ints.map { $0 != 0 ? 1 : 0 } : ints, dtype: dtype)
    }
  }

  /// `x.item()`: the single element as a Double.
  public func item() throws -> Double {
    guard count == 1 else {
      throw TensorError.unsupportedOperation(.itemOfNonScalar(shape: shape))
    }
    return value(at: 0)
  }

  /// `x.tolist()` flattened: every element as a Double, row-major.
  public func scalars() -> [Double] {
    dtype == .float32 ? floats.map { Double($0) } : ints.map { Double($0) }
  }

  /// A tensor of `dtype` from Double values (truncating for int64, `!= 0` for bool).
  /// A tensor of `shape` whose every element is `value`, built in its own element type (no
  /// staging array of doubles, which would double the memory a large `torch.zeros` takes).
  static func filled(shape: [Int], value: Double, dtype: DType) -> Tensor {
    let count = elementCount(shape)
    switch dtype {
    case .float32:
      return Tensor(shape: shape, floats: [Float](repeating: Float(value), count: count))
    case .int64:
      return Tensor(shape: shape, ints: [Int64](repeating: truncatedInt64(value), count: count))
    case .bool:
      return Tensor(
        shape: shape, ints: [Int64](repeating: value != 0 ? 1 : 0, count: count), dtype: .bool)
    }
  }

  static func fromDoubles(shape: [Int], values: [Double], dtype: DType) -> Tensor {
    switch dtype {
    case .float32: return Tensor(shape: shape, floats: values.map { Float($0) })
    case .int64: return Tensor(shape: shape, ints: values.map(truncatedInt64))
    case .bool: return Tensor(shape: shape, ints: values.map { $0 != 0 ? 1 : 0 }, dtype: .bool)
    }
  }
}

/// Float -> Int64 truncating toward zero; NaN and values beyond Int64's range become `Int64.min`,
/// as x86 does for PyTorch.
@inline(__always)
func truncatedInt64(_ value: Double) -> Int64 {
  guard value.isFinite, value >= -9.223_372_036_854_775_808e18, value < 9.223_372_036_854_775_808e18
  else { return Int64.min }
  return Int64(value)
}
