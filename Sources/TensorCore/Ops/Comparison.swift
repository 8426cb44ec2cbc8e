/// Comparisons (bool results, no gradient), `maximum` / `minimum`, and the logical ops.

extension Tensor {
  /// A bool result of `test` over both operands, compared as floats when either is float32 and
  /// as integers otherwise.
  func compare(
    _ other: Tensor, _ floatTest: (Float, Float) -> Bool, _ intTest: (Int64, Int64) -> Bool
  ) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "a comparison", result: .bool)
    let values: [Int64]
    if DType.promoted(dtype, other.dtype) == .float32 {
      values = broadcastMap(floatValues, self.shape, other.floatValues, other.shape, shape: shape) {
        floatTest($0, $1) ? 1 : 0
      }
    } else {
      values = broadcastMap(ints, self.shape, other.ints, other.shape, shape: shape) {
        intTest($0, $1) ? 1 : 0
      }
    }
    return Tensor(shape: shape, ints: values, dtype: .bool)
  }

  /// `self == other` elementwise (`torch.eq`), bool.
  public func eq(_ other: Tensor) throws -> Tensor { try compare(other, ==, ==) }
  /// `self != other` elementwise (`torch.ne`), bool.
  public func ne(_ other: Tensor) throws -> Tensor { try compare(other, !=, !=) }
  /// `self < other` elementwise (`torch.lt`), bool.
  public func lt(_ other: Tensor) throws -> Tensor { try compare(other, <, <) }
  /// `self <= other` elementwise (`torch.le`), bool.
  public func le(_ other: Tensor) throws -> Tensor { try compare(other, <=, <=) }
  /// `self > other` elementwise (`torch.gt`), bool.
  public func gt(_ other: Tensor) throws -> Tensor { try compare(other, >, >) }
  /// `self >= other` elementwise (`torch.ge`), bool.
  public func ge(_ other: Tensor) throws -> Tensor { try compare(other, >=, >=) }

  // MARK: - Logical

  /// `torch.logical_and`: bool, true where both elements are nonzero.
  public func logicalAnd(_ other: Tensor) throws -> Tensor {
    try compare(other, { $0 != 0 && $1 != 0 }, { $0 != 0 && $1 != 0 })
  }

  /// `torch.logical_or`: bool, true where either element is nonzero.
  public func logicalOr(_ other: Tensor) throws -> Tensor {
    try compare(other, { $0 != 0 || $1 != 0 }, { $0 != 0 || $1 != 0 })
  }

  /// `torch.logical_not` (and `~` on bool tensors): bool, true where the element is zero.
  public func logicalNot() -> Tensor {
    let values: [Int64] =
      dtype == .float32 ? floats.map { $0 == 0 ? 1 : 0 } : ints.map { $0 == 0 ? 1 : 0 }
    return Tensor(shape: shape, ints: values, dtype: .bool)
  }

  // MARK: - maximum / minimum

  /// `torch.maximum`: the elementwise larger value (NaN wins). Records `MaximumBackward0`; on ties
  /// the gradient is split in half between the inputs, as PyTorch does.
  public func maximum(_ other: Tensor) throws -> Tensor {
    try extremum(other, name: "MaximumBackward0", prefersFirst: >)
  }

  /// `torch.minimum`: the elementwise smaller value (NaN wins). Records `MinimumBackward0`.
  public func minimum(_ other: Tensor) throws -> Tensor {
    try extremum(other, name: "MinimumBackward0", prefersFirst: <)
  }

  /// Shared body of `maximum` / `minimum`; `prefersFirst(a, b)` says when `a` is the pick.
  private func extremum(
    _ other: Tensor, name: String, prefersFirst: @escaping (Float, Float) -> Bool
  ) throws -> Tensor {
    let shape = try broadcastShape(
      with: other, what: name == "MaximumBackward0" ? "torch.maximum" : "torch.minimum")
    let dtype = DType.promoted(self.dtype, other.dtype)
    guard dtype == .float32 else {
      return intMap(other, shape: shape, dtype: dtype) {
        prefersFirst(Float($0), Float($1)) || $0 == $1 ? $0 : $1
      }
    }
    let (a, b) = (floatValues, other.floatValues)
    let (aShape, bShape) = (self.shape, other.shape)
    let values = broadcastMap(a, aShape, b, bShape, shape: shape) { x, y in
      x.isNaN || y.isNaN ? Float.nan : (prefersFirst(x, y) ? x : y)
    }
    return .result(shape: shape, floats: values, name: name, inputs: [self, other]) { g in
      // Share of the gradient that goes to a: 1 where a wins, 1/2 on ties, 0 where b wins.
      let shareA = broadcastMap(a, aShape, b, bShape, shape: shape) { x, y -> Float in
        x == y ? 0.5 : (prefersFirst(x, y) || x.isNaN ? 1 : 0)
      }
      return [
        sumToShape(zip(g, shareA).map { $0 * $1 }, from: shape, to: aShape),
        sumToShape(zip(g, shareA).map { $0 * (1 - $1) }, from: shape, to: bShape),
      ]
    }
  }
}
