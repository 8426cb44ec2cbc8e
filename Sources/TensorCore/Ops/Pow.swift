/// Powers: `self ** other` for every dtype pair.

extension Tensor {
  /// `self ** other` (`torch.pow`). Int base and int exponent give int64 (a negative exponent
  /// throws, as in PyTorch); otherwise float32. Records `PowBackward0` when the exponent is a
  /// 0-d constant (a Python scalar) and `PowBackward1` when it is a tensor.
  public func pow(_ other: Tensor) throws -> Tensor {
    let shape = try broadcastShape(with: other, what: "torch.pow")
    switch DType.promoted(dtype, other.dtype) {
    case .int64, .bool:
      if other.ints.contains(where: { $0 < 0 }) {
        throw TensorError.unsupportedOperation(.negativeIntegerPower)
      }
      let result = intMap(other, shape: shape, dtype: .int64, integerPower)
      return DType.promoted(dtype, other.dtype) == .bool ? result.to(.bool) : result
    case .float32:
      return floatPow(other, shape: shape)
    }
  }

  private func floatPow(_ other: Tensor, shape: [Int]) -> Tensor {
    let (a, b) = (floatValues, other.floatValues)
    let (aShape, bShape) = (self.shape, other.shape)
    let values = broadcastMap(a, aShape, b, bShape, shape: shape) { powf($0, $1) }
    let isConstantExponent = other.rank == 0 && !other.requiresGrad
    let name = isConstantExponent ? "PowBackward0" : "PowBackward1"
    return .result(shape: shape, floats: values, name: name, inputs: [self, other]) { g in
      let base = broadcastValues(a, from: aShape, to: shape)
      let exponent = broadcastValues(b, from: bShape, to: shape)
      var gradBase = [Float](repeating: 0, count: g.count)
      var gradExponent = [Float](repeating: 0, count: g.count)
      for i in 0..<g.count {
        let (x, y) = (base[i], exponent[i])
        // d/dx x^y = y * x^(y-1) (0 when y == 0);  d/dy x^y = x^y * log(x) (0 when x == 0, y >= 0)
        gradBase[i] = y == 0 ? 0 : g[i] * y * powf(x, y - 1)
        gradExponent[i] = x == 0 && y >= 0 ? 0 : g[i] * values[i] * logf(x)
      }
      return [
        sumToShape(gradBase, from: shape, to: aShape),
        sumToShape(gradExponent, from: shape, to: bShape),
      ]
    }
  }
}

/// `base ** exponent` for a non-negative integer exponent, by repeated squaring (wrapping on
/// overflow, like int64 arithmetic in PyTorch).
func integerPower(_ base: Int64, _ exponent: Int64) -> Int64 {
  var result: Int64 = 1
  var factor = base
  var remaining = exponent
  while remaining > 0 {
    if remaining & 1 == 1 { result = result &* factor }
    factor = factor &* factor
    remaining >>= 1
  }
  return result
}
