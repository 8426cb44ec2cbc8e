/// Floor division and remainder with Python's sign rules (`//`, `%`): the quotient rounds toward
/// negative infinity and the remainder takes the divisor's sign.

extension Tensor {
  /// `self // other` (`torch.floor_divide`). Int operands give int64; an integer division by zero
  /// throws `ZeroDivisionError`. No gradient is recorded (PyTorch does not differentiate it).
  public func floorDivide(_ other: Tensor) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.floor_divide")
    switch DType.promoted(dtype, other.dtype) {
    case .float32:
      return Tensor(shape: shape, floats: floatMap(other, shape: shape, pythonFloorDivide))
    case .int64, .bool:
      try other.checkNoIntegerZero()
      return intMap(other, shape: shape, dtype: .int64, pythonFloorDivide)
    }
  }

  /// `self % other` (`torch.remainder`): the result has the sign of `other`. Int operands give
  /// int64; an integer remainder by zero throws `ZeroDivisionError`. Records `RemainderBackward0`.
  public func remainder(_ other: Tensor) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.remainder")
    guard DType.promoted(dtype, other.dtype) == .float32 else {
      try other.checkNoIntegerZero()
      return intMap(other, shape: shape, dtype: .int64, pythonRemainder)
    }
    let (a, b) = (floatValues, other.floatValues)
    let (aShape, bShape) = (self.shape, other.shape)
    let values = broadcastMap(a, aShape, b, bShape, shape: shape, pythonRemainder)
    return .result(shape: shape, floats: values, name: "RemainderBackward0", inputs: [self, other])
    {
      g in
      // a % b = a - floor(a / b) * b:  d/da = g,  d/db = -g * floor(a / b)
      let quotient = broadcastMap(a, aShape, b, bShape, shape: shape) { ($0 / $1).rounded(.down) }
      return [
        sumToShape(g, from: shape, to: aShape),
        sumToShape(zip(g, quotient).map { -$0 * $1 }, from: shape, to: bShape),
      ]
    }
  }

  /// PyTorch's error for an integer `//` or `%` by zero.
  func checkNoIntegerZero() throws {
    if dtype != .float32 && ints.contains(0) {
      throw TensorError.unsupportedOperation(.integerDivisionByZero)
    }
  }
}

/// Python's `a // b` for integers (b != 0): rounds toward negative infinity.
@inline(__always)
func pythonFloorDivide(_ a: Int64, _ b: Int64) -> Int64 {
  let (quotient, overflow) = a.dividedReportingOverflow(by: b)
  if overflow { return quotient }
  return (a % b != 0) && ((a < 0) != (b < 0)) ? quotient - 1 : quotient
}

/// Python's `a % b` for integers (b != 0): the result has the sign of `b`.
@inline(__always)
func pythonRemainder(_ a: Int64, _ b: Int64) -> Int64 {
  let (rest, overflow) = a.remainderReportingOverflow(dividingBy: b)
  if overflow { return 0 }
  return rest != 0 && ((rest < 0) != (b < 0)) ? rest + b : rest
}

/// Python's `a // b` for floats: `(a - fmod(a, b)) / b`, corrected to the floor; `a / b` when b == 0.
@inline(__always)
func pythonFloorDivide(_ a: Float, _ b: Float) -> Float {
  guard b != 0 else { return a / b }
  let mod = fmodf(a, b)
  var quotient = (a - mod) / b
  if mod != 0 && (b < 0) != (mod < 0) { quotient -= 1 }
  guard quotient != 0 else { return Float(signOf: a / b, magnitudeOf: 0) }
  var floored = quotient.rounded(.down)
  if quotient - floored > 0.5 { floored += 1 }
  return floored
}

/// Python's `a % b` for floats: the result has the sign of `b` (NaN when b == 0).
@inline(__always)
func pythonRemainder(_ a: Float, _ b: Float) -> Float {
  let rest = fmodf(a, b)
  return rest != 0 && ((rest < 0) != (b < 0)) ? rest + b : rest
}
