/// Factory functions: `torch.zeros`, `ones`, `full`, `arange`, `rand`, `randn`, `randperm`,
/// `zeros_like`, `ones_like`. Results are leaves that do not require grad.

extension Tensor {
  /// `torch.zeros(*shape, dtype=)`.
  public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
    try full(shape, value: 0, dtype: dtype)
  }

  /// `torch.ones(*shape, dtype=)`.
  public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
    try full(shape, value: 1, dtype: dtype)
  }

  /// `torch.full(shape, value, dtype=)`: every element `value` (truncated for int64, `!= 0` for bool).
  public static func full(_ shape: [Int], value: Double, dtype: DType) throws -> Tensor {
    try checkSizes(shape)
    return fromDoubles(
      shape: shape, values: [Double](repeating: value, count: elementCount(shape)), dtype: dtype)
  }

  /// `torch.zeros_like(x)`: zeros of `x`'s shape and dtype.
  public static func zerosLike(_ other: Tensor) -> Tensor {
    fromDoubles(
      shape: other.shape, values: [Double](repeating: 0, count: other.count), dtype: other.dtype)
  }

  /// `torch.ones_like(x)`: ones of `x`'s shape and dtype.
  public static func onesLike(_ other: Tensor) -> Tensor {
    fromDoubles(
      shape: other.shape, values: [Double](repeating: 1, count: other.count), dtype: other.dtype)
  }

  /// `torch.arange(start, end, step, dtype=)`: `start, start + step, ...` while before `end`;
  /// `ceil((end - start) / step)` elements.
  public static func arange(start: Double, end: Double, step: Double, dtype: DType) throws -> Tensor
  {
    guard step != 0 else { throw TensorError.invalidArgument(.zeroStep) }
    guard start.isFinite && end.isFinite else {
      throw TensorError.invalidArgument(.nonFiniteRange(start: start, end: end))
    }
    guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
      throw TensorError.invalidArgument(.stepSign(start: start, end: end, step: step))
    }
    let steps = ((end - start) / step).rounded(.up)
    guard steps.isFinite && steps < Double(1 << 40) else {
      throw TensorError.invalidArgument(.rangeTooLong)
    }
    let size = Int(steps)
    return fromDoubles(
      shape: [size], values: (0..<size).map { start + Double($0) * step }, dtype: dtype)
  }

  /// `torch.rand(*shape, generator=)`: float32, uniform in [0, 1).
  public static func rand(_ shape: [Int], generator: Generator) throws -> Tensor {
    try checkSizes(shape)
    return Tensor(
      shape: shape, floats: (0..<elementCount(shape)).map { _ in generator.nextUniform() })
  }

  /// `torch.randn(*shape, generator=)`: float32, standard normal.
  public static func randn(_ shape: [Int], generator: Generator) throws -> Tensor {
    try checkSizes(shape)
    return Tensor(
      shape: shape, floats: (0..<elementCount(shape)).map { _ in generator.nextNormal() })
  }

  /// `torch.randperm(n, generator=)`: int64, a random permutation of `0..<n`.
  public static func randperm(_ n: Int, generator: Generator) throws -> Tensor {
    guard n >= 0 else { throw TensorError.invalidArgument(.negativePermutationLength(n)) }
    return Tensor(shape: [n], ints: generator.permutation(n).map { Int64($0) })
  }

  /// Throws PyTorch's errors for the size of a new tensor of `shape`: a negative size, an element
  /// count that overflows, or more than `maximumElementCount` elements.
  public static func checkSizes(_ shape: [Int]) throws {
    if let negative = shape.first(where: { $0 < 0 }) {
      throw TensorError.invalidShape(.negativeDimension(size: negative, shape: shape))
    }
    _ = try checkedElementCount(shape)
  }
}

/// The most elements one tensor may have (2^28: one GiB of floats). Larger requests are PyTorch's
/// allocation error instead of an allocation failure that would abort the process.
public let maximumElementCount = 1 << 28

/// The element count of `shape` (sizes >= 0), throwing instead of overflowing or allocating more
/// than `maximumElementCount` elements.
public func checkedElementCount(_ shape: [Int]) throws -> Int {
  let count = try shape.reduce(1) { total, size in
    let (product, overflow) = total.multipliedReportingOverflow(by: size)
    guard !overflow else { throw TensorError.invalidShape(.elementCountOverflow(shape: shape)) }
    return product
  }
  guard count <= maximumElementCount else {
    throw TensorError.allocationTooLarge(
      elements: count, limit: maximumElementCount, shape: shape)
  }
  return count
}
