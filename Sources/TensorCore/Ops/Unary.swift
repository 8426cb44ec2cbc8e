/// Elementwise functions of one tensor. Int inputs to `exp`, `log`, `sqrt`, `sigmoid`, `tanh` give
/// float32 results (as in PyTorch); `neg`, `abs`, `sign`, `floor`, `round` keep int dtypes.

extension Tensor {
  /// Applies `forward` to every element (as float32) and records `name`, whose backward is
  /// `grad * derivative(x, y)` with `x` the input element and `y` the output element.
  func unary(
    _ name: String, _ forward: (Float) -> Float, derivative: @escaping (Float, Float) -> Float
  ) -> Tensor {
    let input = floatValues
    let output = input.map(forward)
    return .result(shape: shape, floats: output, name: name, inputs: [self]) { g in
      var grad = g
      for i in 0..<grad.count { grad[i] *= derivative(input[i], output[i]) }
      return [grad]
    }
  }

  /// `-self` (`torch.neg`); records `NegBackward0`. Throws for bool, as PyTorch does.
  public func neg() throws -> Tensor {
    switch dtype {
    case .bool:
      throw TensorError.unsupportedOperation(.boolNegation)
    case .int64: return Tensor(shape: shape, ints: ints.map { 0 &- $0 })
    case .float32: return unary("NegBackward0", { -$0 }, derivative: { _, _ in -1 })
    }
  }

  /// `torch.exp`; records `ExpBackward0` (d/dx = exp(x)).
  public func exp() -> Tensor {
    unary("ExpBackward0", { expf($0) }, derivative: { _, y in y })
  }

  /// `torch.log` (natural; -inf at 0, NaN below); records `LogBackward0` (d/dx = 1/x).
  public func log() -> Tensor {
    unary("LogBackward0", { logf($0) }, derivative: { x, _ in 1 / x })
  }

  /// `torch.sqrt` (NaN below 0); records `SqrtBackward0` (d/dx = 1 / (2 sqrt(x))).
  public func sqrt() -> Tensor {
    unary("SqrtBackward0", { $0.squareRoot() }, derivative: { _, y in 1 / (2 * y) })
  }

  /// `torch.sigmoid`: 1 / (1 + exp(-x)); records `SigmoidBackward0` (d/dx = y (1 - y)).
  public func sigmoid() -> Tensor {
    unary("SigmoidBackward0", stableSigmoid, derivative: { _, y in y * (1 - y) })
  }

  /// `torch.tanh`; records `TanhBackward0` (d/dx = 1 - y^2).
  public func tanh() -> Tensor {
    unary("TanhBackward0", { tanhf($0) }, derivative: { _, y in 1 - y * y })
  }

  /// `torch.abs`; records `AbsBackward0` (d/dx = sign(x), 0 at 0). Keeps int dtypes.
  public func abs() -> Tensor {
    guard dtype == .float32 else {
      return Tensor(shape: shape, ints: ints.map { $0 == .min ? $0 : Swift.abs($0) }, dtype: dtype)
    }
    return unary("AbsBackward0", { Swift.abs($0) }, derivative: { x, _ in signum(x) })
  }

  /// `torch.sign`: -1, 0 or 1; records `SignBackward0` (zero gradient). Keeps int dtypes.
  public func sign() -> Tensor {
    guard dtype == .float32 else {
      return Tensor(shape: shape, ints: ints.map { $0.signum() }, dtype: dtype)
    }
    return unary("SignBackward0", signum, derivative: { _, _ in 0 })
  }

  /// `torch.floor`; records `FloorBackward0` (zero gradient). Keeps int dtypes.
  public func floor() -> Tensor {
    guard dtype == .float32 else { return detached() }
    return unary("FloorBackward0", { $0.rounded(.down) }, derivative: { _, _ in 0 })
  }

  /// `torch.round`: to the nearest integer, halves to even (2.5 -> 2); records `RoundBackward0`.
  public func round() -> Tensor {
    guard dtype == .float32 else { return detached() }
    return unary("RoundBackward0", { $0.rounded(.toNearestOrEven) }, derivative: { _, _ in 0 })
  }

  /// `torch.clamp(x, min, max)`: each element limited to `[min, max]` (either bound may be nil);
  /// records `ClampBackward1`, which passes the gradient where `min <= x <= max`. An int tensor
  /// stays int64 when both bounds are whole numbers, else becomes float32.
  public func clamp(min lower: Double?, max upper: Double?) throws -> Tensor {
    guard lower != nil || upper != nil else {
      throw TensorError.invalidArgument(.clampWithoutBounds)
    }
    let bounds = [lower, upper].compactMap { $0 }
    if dtype != .float32 && bounds.allSatisfy({ $0.rounded() == $0 && Swift.abs($0) < 9e18 }) {
      let (low, high) = (lower.map { Int64($0) } ?? .min, upper.map { Int64($0) } ?? .max)
      return Tensor(
        shape: shape, ints: ints.map { Swift.min(Swift.max($0, low), high) }, dtype: .int64)
    }
    let low = lower.map { Float($0) } ?? -.infinity
    let high = upper.map { Float($0) } ?? .infinity
    return unary(
      "ClampBackward1", { $0.isNaN ? $0 : Swift.min(Swift.max($0, low), high) },
      derivative: { x, _ in x >= low && x <= high ? 1 : 0 })
  }
}

/// -1, 0 or 1 by the sign of `x` (NaN stays NaN).
func signum(_ x: Float) -> Float {
  x > 0 ? 1 : (x < 0 ? -1 : x)
}

/// 1 / (1 + exp(-x)) without overflow for large |x|.
func stableSigmoid(_ x: Float) -> Float {
  if x >= 0 { return 1 / (1 + expf(-x)) }
  let e = expf(x)
  return e / (1 + e)
}
