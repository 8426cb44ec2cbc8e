/// Frees the graph of `node` (whose owning tensor is going away) without recursion: a node only
/// this worklist still holds gives up its inputs, and an input only that node held gives up its
/// own node to the worklist, so each deinit that runs has nothing left to free in turn. Nodes and
/// tensors still referenced elsewhere (a `grad_fn` or a tensor the lesson keeps) are left intact.
///
/// The worklist must hold the only references the caller has: a node also held by a local
/// variable is never uniquely referenced, and would then be freed by a nested deinit after all.
private func releaseGraph(_ worklist: inout [GradFn]) {
  while var current = worklist.popLast() {
    guard isKnownUniquelyReferenced(&current) else { continue }
    var inputs = current.takeInputs()
    for index in inputs.indices where isKnownUniquelyReferenced(&inputs[index]) {
      if let next = inputs[index].gradFn {
        inputs[index].gradFn = nil
        worklist.append(next)
      }
    }
  }
}

/// An n-dimensional array of `float32`, `int64` or `bool` elements, with reverse-mode autograd.
///
/// Like a PyTorch tensor, a `Tensor` is a reference: a parameter updated in place by an optimizer is
/// seen by the module that owns it. Elements are stored row-major and contiguous, in `floats` for
/// `float32` and in `ints` for `int64` and `bool` (0 / 1); the other buffer is empty. Images are
/// NCHW: `(batch, channels, height, width)`.
///
/// Every op returns a new tensor with its own buffer (views such as `view` or `transpose` copy; the
/// copy is cheap because Swift arrays copy on write). An op whose inputs require grad records a
/// `GradFn` on its result, so `backward()` can push gradients back to the leaves.
public final class Tensor {
  /// The size of each dimension; `[]` for a scalar.
  public let shape: [Int]
  /// The element type.
  public let dtype: DType
  /// The elements when `dtype == .float32`, row-major; empty otherwise.
  public private(set) var floats: [Float]
  /// The elements when `dtype` is `.int64` or `.bool` (0 / 1), row-major; empty otherwise.
  public private(set) var ints: [Int64]
  /// Whether gradients flow to (a leaf) or through (a result) this tensor.
  public internal(set) var requiresGrad: Bool = false
  /// The accumulated gradient of a leaf after `backward()`; nil until then.
  public var grad: Tensor?
  /// How this tensor was computed, for `backward()`; nil for leaves and results built without grad.
  public internal(set) var gradFn: GradFn?
  /// True for module parameters (`nn.Parameter`), printed as `Parameter containing:`.
  public var isParameter = false
  /// The memory budget this tensor's storage was charged to (the one in force when it was made),
  /// released in `deinit`; the task-local budget may differ by then.
  private let budget: MemoryBudget?

  /// A float32 tensor. `floats.count` must equal the element count of `shape`.
  public init(shape: [Int], floats: [Float]) {
    precondition(
      floats.count == elementCount(shape), "Tensor: \(floats.count) floats for shape \(shape)")
    self.shape = shape
    self.dtype = .float32
    self.floats = floats
    self.ints = []
    self.budget = Tensor.chargeBudget(elements: floats.count, dtype: .float32)
  }

  /// An int64 or bool tensor. `ints.count` must equal the element count of `shape`.
  public init(shape: [Int], ints: [Int64], dtype: DType = .int64) {
    precondition(dtype != .float32, "Tensor(shape:ints:) takes .int64 or .bool")
    precondition(ints.count == elementCount(shape), "Tensor: \(ints.count) ints for shape \(shape)")
    self.shape = shape
    self.dtype = dtype
    self.floats = []
    self.ints = ints
    self.budget = Tensor.chargeBudget(elements: ints.count, dtype: dtype)
  }

  /// Charges the budget in force for a new storage of `elements` elements and returns it. The
  /// op that made the elements asked it first (`checkedAllocation`).
  private static func chargeBudget(elements: Int, dtype: DType) -> MemoryBudget? {
    guard let budget = MemoryBudget.current else { return nil }
    budget.charge(elements.saturatingMultiply(dtype.storageBytes))
    return budget
  }

  /// Releases the storage's bytes and frees the autograd graph behind this tensor iteratively: a
  /// chain of a million recorded ops (`total = total + w * 2` in a loop) would otherwise be freed
  /// by a million nested deinits and overflow the stack.
  deinit {
    budget?.release(count.saturatingMultiply(dtype.storageBytes))
    guard gradFn != nil else { return }
    var worklist = gradFn.map { [$0] } ?? []
    gradFn = nil
    releaseGraph(&worklist)
  }

  /// A 0-dimensional float32 tensor.
  public convenience init(_ value: Float) {
    self.init(shape: [], floats: [value])
  }

  /// A 0-dimensional int64 tensor.
  public convenience init(_ value: Int64) {
    self.init(shape: [], ints: [value])
  }

  /// A 0-dimensional bool tensor.
  public convenience init(_ value: Bool) {
    self.init(shape: [], ints: [value ? 1 : 0], dtype: .bool)
  }

  /// The number of elements (`numel()`).
  public var count: Int { dtype == .float32 ? floats.count : ints.count }

  /// The number of dimensions (`dim()`).
  public var rank: Int { shape.count }

  /// True for tensors not computed by a recorded op (user-created tensors and parameters).
  public var isLeaf: Bool { gradFn == nil }

  /// Element `i` of the row-major buffer as a Double, whatever the dtype.
  public func value(at i: Int) -> Double {
    dtype == .float32 ? Double(floats[i]) : Double(ints[i])
  }

  /// All elements converted to Float, whatever the dtype (the buffer itself for float32).
  public var floatValues: [Float] {
    dtype == .float32 ? floats : ints.map { Float($0) }
  }

  /// Changes the elements in place, keeping their count (optimizer steps, `zero_()`, `x[i] = v`).
  ///
  /// Autograd does not see this change, as with PyTorch's `.data` updates.
  public func updateFloats<R>(_ body: (inout [Float]) throws -> R) rethrows -> R {
    precondition(dtype == .float32, "updateFloats on a \(dtype) tensor")
    let before = floats.count
    defer { precondition(floats.count == before, "updateFloats changed the element count") }
    return try body(&floats)
  }

  /// Changes the integer elements in place, keeping their count.
  public func updateInts<R>(_ body: (inout [Int64]) throws -> R) rethrows -> R {
    precondition(dtype != .float32, "updateInts on a float32 tensor")
    let before = ints.count
    defer { precondition(ints.count == before, "updateInts changed the element count") }
    return try body(&ints)
  }

  /// Marks a leaf as requiring grad (`requires_grad_()`), with PyTorch's errors.
  public func setRequiresGrad(_ value: Bool = true) throws {
    if value && dtype != .float32 {
      throw TensorError.autograd(.nonFloatRequiresGrad(dtype))
    }
    if !value && !isLeaf {
      throw TensorError.autograd(.nonLeafRequiresGradFlag)
    }
    requiresGrad = value
  }

  /// A new leaf with the same elements that does not require grad (`detach()`, `.data`).
  public func detached() -> Tensor {
    dtype == .float32
      ? Tensor(shape: shape, floats: floats) : Tensor(shape: shape, ints: ints, dtype: dtype)
  }
}
