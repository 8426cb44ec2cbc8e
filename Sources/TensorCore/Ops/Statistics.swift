/// Spread and closeness (`var`, `std`, `isclose`, `allclose`).

extension Tensor {
  /// `var(dim, correction=1, keepdim)`: `sum((x - mean)^2) / (n - correction)` over `dims` (all
  /// when nil), `n` the count reduced; the default is the unbiased (Bessel) estimate. Composed of
  /// differentiable ops and recorded as `VarBackward0`; `n <= correction` gives inf or NaN, as in
  /// PyTorch.
  public func variance(dims: [Int]? = nil, correction: Double = 1, keepDim: Bool = false) throws
    -> Tensor
  {
    guard dtype == .float32 else {
      throw TensorError.unsupportedDType(kernel: "std_var", dtype: dtype)
    }
    let axes = try dims.map { try $0.map { try normalizeDim($0, rank: rank) } }
    let reduced = axes.map { Set($0).reduce(1) { $0 * shape[$1] } } ?? count
    let centred = try sub(try mean(dims: dims, keepDim: true))
    let squares = try centred.mul(centred).sum(dims: dims, keepDim: keepDim)
    let divisor = Tensor(Float(Double(reduced) - correction))
    return try squares.div(divisor).recordedAs("VarBackward0")
  }

  /// `std(...)`: the square root of `variance`, recorded as `StdBackward0`.
  public func standardDeviation(
    dims: [Int]? = nil, correction: Double = 1, keepDim: Bool = false
  ) throws -> Tensor {
    try variance(dims: dims, correction: correction, keepDim: keepDim).sqrt().recordedAs(
      "StdBackward0")
  }

  /// `isclose(other, rtol, atol, equal_nan)`: `|self - other| <= atol + rtol * |other|`
  /// element-wise (broadcast), infinities equal only to themselves, NaN equal to NaN only with
  /// `equalNaN`. A bool tensor.
  public func isClose(
    _ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false
  ) throws -> Tensor {
    let shape = try broadcastShapes(self.shape, other.shape)
    let a = try expand(shape)
    let b = try other.expand(shape)
    let values = (0..<elementCount(shape)).map { i -> Int64 in
      let (x, y) = (a.value(at: i), b.value(at: i))
      if x.isNaN || y.isNaN { return equalNaN && x.isNaN && y.isNaN ? 1 : 0 }
      if x == y { return 1 }
      if x.isInfinite || y.isInfinite { return 0 }
      let tolerance: Double = atol + rtol * Swift.abs(y)
      return Swift.abs(x - y) <= tolerance ? 1 : 0
    }
    return Tensor(shape: shape, ints: values, dtype: .bool)
  }
}
