/// Binary arithmetic with broadcasting: `+ - * /` and the shared kernel every binary op uses.
///
/// Operands may be any dtype; the result has `DType.promoted(a, b)` (`/` always gives float32).
/// Python scalars arrive as 0-d tensors. Float results record PyTorch's backward nodes; each
/// input's gradient is summed back to its own shape (`sumToShape`).

// MARK: - Kernel

/// `op(a[i], b[i])` for every element of the broadcast `shape`.
///
/// Legend: `a` has `aShape`, `b` has `bShape`, both broadcast to `shape`. Fast paths: same shape,
/// and one side a single element; otherwise the stretched side is materialized first.
func broadcastMap<T, R>(
  _ a: [T], _ aShape: [Int], _ b: [T], _ bShape: [Int], shape: [Int], _ op: (T, T) -> R
) -> [R] {
  let count = elementCount(shape)
  if b.count == 1 && aShape == shape {
    let y = b[0]
    return a.map { op($0, y) }
  }
  if a.count == 1 && bShape == shape {
    let x = a[0]
    return b.map { op(x, $0) }
  }
  let left = broadcastValues(a, from: aShape, to: shape)
  let right = broadcastValues(b, from: bShape, to: shape)
  return left.withUnsafeBufferPointer { x in
    right.withUnsafeBufferPointer { y in
      [R](unsafeUninitializedCapacity: count) { out, initialized in
        for i in 0..<count { out.initializeElement(at: i, to: op(x[i], y[i])) }
        initialized = count
      }
    }
  }
}

/// The gradient `grad` (of `shape`) combined with an operand of `operandShape`, summed to `target`.
func gradTerm(
  _ grad: [Float], shape: [Int], _ operand: [Float], _ operandShape: [Int], target: [Int],
  _ op: (Float, Float) -> Float
) -> [Float] {
  sumToShape(
    broadcastMap(grad, shape, operand, operandShape, shape: shape, op), from: shape, to: target)
}

extension Tensor {
  /// The broadcast shape of `self op other`, checked as the shape of the op's new result
  /// (`checkedAllocation`): throws on a size mismatch, and before anything is allocated when the
  /// result would not fit in the memory budget. `what` names the op in that error.
  func broadcastShape(
    with other: Tensor, what: String, result dtype: DType? = nil
  ) throws -> [Int] {
    let shape = try broadcastShapes(self.shape, other.shape)
    _ = try checkedAllocation(
      shape, dtype: dtype ?? DType.promoted(self.dtype, other.dtype), what: what)
    return shape
  }

  /// An int64 or bool result of `op` over the integer buffers of `self` and `other`.
  func intMap(_ other: Tensor, shape: [Int], dtype: DType, _ op: (Int64, Int64) -> Int64) -> Tensor
  {
    Tensor(
      shape: shape, ints: broadcastMap(ints, self.shape, other.ints, other.shape, shape: shape, op),
      dtype: dtype)
  }

  /// A float32 result of `op` over both operands as floats (no graph recorded).
  func floatMap(_ other: Tensor, shape: [Int], _ op: (Float, Float) -> Float) -> [Float] {
    broadcastMap(floatValues, self.shape, other.floatValues, other.shape, shape: shape, op)
  }

  // MARK: - + - * /

  /// `self + other` (`torch.add`); records `AddBackward0`.
  public func add(_ other: Tensor) throws -> Tensor {
    try add(other, alpha: 1)
  }

  /// `torch.add(self, other, alpha=alpha)`: `self + alpha * other`; records `AddBackward0`.
  public func add(_ other: Tensor, alpha: Double) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.add")
    switch DType.promoted(dtype, other.dtype) {
    case .bool:
      return intMap(other, shape: shape, dtype: .bool) {
        $0 != 0 || ($1 != 0 && alpha != 0) ? 1 : 0
      }
    case .int64:
      guard alpha.rounded() == alpha else {
        throw TensorError.invalidArgument(.floatAlpha)
      }
      let scale = truncatedInt64(alpha)
      return intMap(other, shape: shape, dtype: .int64) { $0 &+ scale &* $1 }
    case .float32:
      let scale = Float(alpha)
      let values = floatMap(other, shape: shape) { $0 + scale * $1 }
      let (aShape, bShape) = (self.shape, other.shape)
      return .result(shape: shape, floats: values, name: "AddBackward0", inputs: [self, other]) {
        g in
        [
          sumToShape(g, from: shape, to: aShape),
          sumToShape(scale == 1 ? g : g.map { $0 * scale }, from: shape, to: bShape),
        ]
      }
    }
  }

  /// `self - other` (`torch.sub`); records `SubBackward0`.
  public func sub(_ other: Tensor) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.sub")
    switch DType.promoted(dtype, other.dtype) {
    case .bool:
      throw TensorError.unsupportedOperation(.boolSubtraction)
    case .int64:
      return intMap(other, shape: shape, dtype: .int64) { $0 &- $1 }
    case .float32:
      let values = floatMap(other, shape: shape) { $0 - $1 }
      let (aShape, bShape) = (self.shape, other.shape)
      return .result(shape: shape, floats: values, name: "SubBackward0", inputs: [self, other]) {
        g in
        [
          sumToShape(g, from: shape, to: aShape),
          sumToShape(g.map { -$0 }, from: shape, to: bShape),
        ]
      }
    }
  }

  /// `self * other` (`torch.mul`); records `MulBackward0`.
  public func mul(_ other: Tensor) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.mul")
    switch DType.promoted(dtype, other.dtype) {
    case .bool:
      return intMap(other, shape: shape, dtype: .bool) { $0 != 0 && $1 != 0 ? 1 : 0 }
    case .int64:
      return intMap(other, shape: shape, dtype: .int64) { $0 &* $1 }
    case .float32:
      let (a, b) = (floatValues, other.floatValues)
      let (aShape, bShape) = (self.shape, other.shape)
      let values = broadcastMap(a, aShape, b, bShape, shape: shape, *)
      return .result(shape: shape, floats: values, name: "MulBackward0", inputs: [self, other]) {
        g in
        [
          gradTerm(g, shape: shape, b, bShape, target: aShape, *),
          gradTerm(g, shape: shape, a, aShape, target: bShape, *),
        ]
      }
    }
  }

  /// `self / other` (`torch.div`): true division, always float32; records `DivBackward0`.
  public func div(_ other: Tensor) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.div", result: .float32)
    let (a, b) = (floatValues, other.floatValues)
    let (aShape, bShape) = (self.shape, other.shape)
    let values = broadcastMap(a, aShape, b, bShape, shape: shape, /)
    return .result(shape: shape, floats: values, name: "DivBackward0", inputs: [self, other]) { g in
      // d/da = g / b;  d/db = -g * a / b^2 = -(g * out) / b
      let gTimesOut = broadcastMap(g, shape, values, shape, shape: shape, *)
      return [
        gradTerm(g, shape: shape, b, bShape, target: aShape, /),
        gradTerm(gTimesOut, shape: shape, b, bShape, target: bShape) { -$0 / $1 },
      ]
    }
  }
}
