/// Factory functions: `torch.zeros`, `ones`, `full`, `arange`, `rand`, `randn`, `randperm`,
/// `zeros_like`, `ones_like`. Results are leaves that do not require grad.

extension Tensor {
  /// `torch.zeros(*shape, dtype=)`.
  public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
    try full(shape, value: 0, dtype: dtype, what: "torch.zeros")
  }

  /// `torch.ones(*shape, dtype=)`.
  public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
    try full(shape, value: 1, dtype: dtype, what: "torch.ones")
  }

  /// `torch.full(shape, value, dtype=)`: every element `value` (truncated for int64, `!= 0` for bool).
  /// `what` names the function in a size or memory error.
  public static func full(
    _ shape: [Int], value: Double, dtype: DType, what: String = "torch.full"
  ) throws -> Tensor {
    try checkSizes(shape, dtype: dtype, what: what)
    return filled(shape: shape, value: value, dtype: dtype)
  }

  /// `torch.zeros_like(x)`: zeros of `x`'s shape and dtype.
  public static func zerosLike(_ other: Tensor) -> Tensor {
    filled(shape: other.shape, value: 0, dtype: other.dtype)
  }

  /// `torch.ones_like(x)`: ones of `x`'s shape and dtype.
  public static func onesLike(_ other: Tensor) -> Tensor {
    filled(shape: other.shape, value: 1, dtype: other.dtype)
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
    try checkSizes([size], dtype: dtype, what: "torch.arange")
    return fromDoubles(
      shape: [size], values: (0..<size).map { start + Double($0) * step }, dtype: dtype)
  }

  /// `torch.linspace(start, end, steps)`: `steps` float32 values evenly spaced from `start` to
  /// `end`, computed as PyTorch does (from `start` for the first half, back from `end` for the
  /// second, so both ends are exact). Throws PyTorch's error for negative `steps`.
  public static func linspace(start: Double, end: Double, steps: Int) throws -> Tensor {
    guard steps >= 0 else { throw TensorError.invalidArgument(.negativeSteps) }
    try checkSizes([steps], what: "torch.linspace")
    guard steps > 1 else { return Tensor(shape: [steps], floats: steps == 1 ? [Float(start)] : []) }
    let step = (Float(end) - Float(start)) / Float(steps - 1)
    let half = steps / 2
    let values = (0..<steps).map { i in
      i < half ? Float(start) + step * Float(i) : Float(end) - step * Float(steps - 1 - i)
    }
    return Tensor(shape: [steps], floats: values)
  }

  /// `torch.rand(*shape, generator=)`: float32, uniform in [0, 1).
  public static func rand(_ shape: [Int], generator: Generator) throws -> Tensor {
    try checkSizes(shape, what: "torch.rand")
    return Tensor(
      shape: shape, floats: (0..<elementCount(shape)).map { _ in generator.nextUniform() })
  }

  /// `torch.randn(*shape, generator=)`: float32, standard normal.
  public static func randn(_ shape: [Int], generator: Generator) throws -> Tensor {
    try checkSizes(shape, what: "torch.randn")
    return Tensor(
      shape: shape, floats: (0..<elementCount(shape)).map { _ in generator.nextNormal() })
  }

  /// `torch.randperm(n, generator=)`: int64, a random permutation of `0..<n`.
  public static func randperm(_ n: Int, generator: Generator) throws -> Tensor {
    guard n >= 0 else { throw TensorError.invalidArgument(.negativePermutationLength(n)) }
    // The permutation is built as [Int] first, then converted: both are int64-sized.
    try checkSizes([n], dtype: .int64, what: "torch.randperm")
    return Tensor(shape: [n], ints: generator.permutation(n).map { Int64($0) })
  }

  /// Throws PyTorch's errors for the size of a new tensor of `shape`: a negative size, an element
  /// count that overflows, more than `maximumElementCount` elements, or more bytes than the memory
  /// budget has left (`checkedAllocation`).
  public static func checkSizes(_ shape: [Int], dtype: DType = .float32, what: String = "a tensor")
    throws
  {
    _ = try checkedAllocation(shape, dtype: dtype, what: what)
  }
}

/// The most elements one tensor may have (2^28: one GiB of floats). Larger requests are PyTorch's
/// allocation error instead of an allocation failure that would abort the process.
public let maximumElementCount = 1 << 28

/// The element count of `shape` (sizes >= 0), throwing instead of overflowing or allocating more
/// than `maximumElementCount` elements.
///
/// This is the one validation of a shape that user values reach. Besides the element count, the
/// product of the non-zero sizes must fit in an `Int`, so that every row-major stride, every
/// partial product and every flat offset of a tensor of this shape is representable: the unchecked
/// `elementCount` and `contiguousStrides` of an existing tensor's shape cannot overflow.
public func checkedElementCount(_ shape: [Int]) throws -> Int {
  var count = 1
  var span = 1
  for size in shape {
    guard size >= 0 else {
      throw TensorError.invalidShape(.negativeDimension(size: size, shape: shape))
    }
    let (spanProduct, spanOverflow) = span.multipliedReportingOverflow(by: Swift.max(size, 1))
    guard !spanOverflow else {
      throw TensorError.invalidShape(.elementCountOverflow(shape: shape))
    }
    span = spanProduct
    count = count.saturatingMultiply(size)
  }
  guard count <= maximumElementCount else {
    throw TensorError.allocationTooLarge(
      elements: count, limit: maximumElementCount, shape: shape)
  }
  return count
}

/// The one gate every new tensor's storage passes before it is allocated: checks `shape`
/// (`checkedElementCount`) and asks the memory budget in force (`MemoryBudget.current`) for the
/// bytes of its elements, throwing `TensorError.memory` when they would go over it. Returns the
/// element count.
///
/// `what` names the request in the error (`torch.cat`, `torch.zeros`). Ops call this with their
/// output shape before they compute it; the `Tensor` then charges the budget when it is made and
/// releases the bytes when it is freed.
public func checkedAllocation(_ shape: [Int], dtype: DType, what: @autoclosure () -> String)
  throws -> Int
{
  let count = try checkedElementCount(shape)
  try checkMemoryBudget(elements: count, dtype: dtype, what: what())
  return count
}

/// Asks the memory budget in force for `elements` elements of `dtype` (at most
/// `maximumElementCount`, so the byte count cannot overflow).
public func checkMemoryBudget(elements: Int, dtype: DType, what: @autoclosure () -> String)
  throws
{
  guard let budget = MemoryBudget.current else { return }
  do {
    try budget.check(
      adding: elements.saturatingMultiply(dtype.storageBytes), what: what(), elements: elements)
  } catch {
    throw TensorError.memory(error)
  }
}
