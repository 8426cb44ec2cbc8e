/// Reverse-mode automatic differentiation.
///
/// Each op that builds a result from inputs that require grad records a `GradFn`: the inputs and a
/// closure that maps the gradient of the result to the gradients of the inputs (flat row-major
/// buffers, each the size of its tensor). `backward()` orders the graph topologically, runs the
/// closures from the output back, and accumulates (`+=`) into each leaf's `grad`.

/// Whether ops record the graph. `torch.no_grad()` runs its body with this set to false.
public enum GradMode {
  @TaskLocal public static var isEnabled: Bool = true

  /// Runs `body` without recording gradients.
  public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
    try $isEnabled.withValue(false) { try body() }
  }
}

/// How a tensor was computed: the op's PyTorch name (`ConvolutionBackward0`), its inputs, and the
/// closure that pushes the result's gradient back to them.
public final class GradFn {
  /// PyTorch's name for the backward node, shown as `grad_fn=<NAME>` when the tensor is printed.
  public let name: String
  /// The op's inputs, in the order of the gradients `backward` returns.
  public private(set) var inputs: [Tensor]
  /// Maps d(loss)/d(result) to d(loss)/d(input) for each input (nil where there is none).
  private(set) var backward: ([Float]) -> [[Float]?]
  /// True once a `backward()` without `retain_graph=True` ran through this node and freed what
  /// it saved.
  private(set) var isReleased = false

  /// The nodes that save no tensor for their backward pass (PyTorch's own list, checked against
  /// PyTorch 2.15): a second `backward()` may run through them.
  static let savingNothing: Set<String> = [
    "AddBackward0", "SubBackward0", "RsubBackward1", "NegBackward0", "CloneBackward0",
    "SumBackward0", "SumBackward1", "MeanBackward0", "MeanBackward1", "ViewBackward0",
    "UnsafeViewBackward0", "ExpandBackward0", "TBackward0", "TransposeBackward0",
    "PermuteBackward0", "SqueezeBackward0", "SqueezeBackward1", "UnsqueezeBackward0",
    "SliceBackward0", "SelectBackward0", "CatBackward0", "StackBackward0", "SignBackward0",
    "FloorBackward0", "RoundBackward0", "RemainderBackward0",
  ]

  /// Whether the node keeps tensors for its backward pass, which `backward()` frees.
  var savesTensors: Bool { !Self.savingNothing.contains(name) }

  /// Frees what the node saved, as `backward()` does without `retain_graph=True`.
  func release() {
    guard savesTensors else { return }
    isReleased = true
    backward = { _ in [] }
  }

  init(name: String, inputs: [Tensor], backward: @escaping ([Float]) -> [[Float]?]) {
    self.name = name
    self.inputs = inputs
    self.backward = backward
  }

  /// Empties `inputs` and returns them (freeing a graph iteratively; see `Tensor.deinit`).
  func takeInputs() -> [Tensor] {
    defer { inputs = [] }
    return inputs
  }
}

extension Tensor {
  /// Builds a float32 result and, when grad mode is on and an input requires grad, records
  /// `backward` so gradients can flow to the inputs. Every differentiable op ends here.
  ///
  /// `backward` receives the gradient of the result (the result's size) and returns one gradient
  /// per input, each the size of that input, or nil for inputs that get none.
  public static func result(
    shape: [Int], floats: [Float], name: String, inputs: [Tensor],
    backward: @escaping ([Float]) -> [[Float]?]
  ) -> Tensor {
    let output = Tensor(shape: shape, floats: floats)
    if GradMode.isEnabled && inputs.contains(where: { $0.requiresGrad }) {
      output.gradFn = GradFn(name: name, inputs: inputs, backward: backward)
      output.requiresGrad = true
    }
    return output
  }

  /// This result, its backward node renamed to PyTorch's name for the form the op was written in
  /// (`1 - a` records `RsubBackward1`, `2 / a` `MulBackward0`): the same gradients.
  public func recordedAs(_ name: String) -> Tensor {
    if let node = gradFn {
      gradFn = GradFn(name: name, inputs: node.inputs, backward: node.backward)
    }
    return self
  }

  /// Computes the gradient of this tensor with respect to every leaf that requires grad, and adds
  /// it to the leaf's `grad` (`loss.backward()`).
  ///
  /// - Parameters:
  ///   - gradient: d(loss)/d(self); may be omitted only for a single-element tensor.
  ///   - retainGraph: keep what the graph's nodes saved, so it can be backpropagated again;
  ///     without it, a second `backward()` through a node that saved tensors throws, as
  ///     PyTorch's does.
  public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) throws {
    guard requiresGrad else {
      throw TensorError.autograd(.noGradFn)
    }
    let seed: [Float]
    if let gradient {
      guard gradient.shape == shape else {
        throw TensorError.autograd(.gradientShape(gradient: gradient.shape, output: shape))
      }
      seed = gradient.floatValues
    } else {
      guard count == 1 else {
        throw TensorError.autograd(.nonScalarOutput(shape: shape))
      }
      seed = [1]
    }
    // The pending gradients count against the memory budget in force while they are held.
    let budget = MemoryBudget.current
    var heldBytes = 0
    func hold(_ gradient: [Float], _ sign: Int) {
      let bytes = gradient.count * DType.float32.storageBytes
      heldBytes += sign * bytes
      if sign > 0 { budget?.charge(bytes) } else { budget?.release(bytes) }
    }
    defer { budget?.release(heldBytes) }
    var grads: [ObjectIdentifier: [Float]] = [ObjectIdentifier(self): seed]
    hold(seed, 1)
    let order = topologicalOrder()
    if order.contains(where: { $0.gradFn?.isReleased == true }) {
      throw TensorError.autograd(.graphReleased)
    }
    defer {
      if !retainGraph { for node in order { node.gradFn?.release() } }
    }
    for node in order.reversed() {
      guard let gradient = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
      defer { hold(gradient, -1) }
      guard let gradFn = node.gradFn else {
        node.accumulateGrad(gradient)
        continue
      }
      // Each input's gradient is the size of the input: ask before the closure makes them.
      let elements = gradFn.inputs.reduce(0) { $0.saturatingAdd($1.count) }
      try checkMemoryBudget(elements: elements, dtype: .float32, what: "backward()")
      for (input, inputGrad) in zip(gradFn.inputs, gradFn.backward(gradient))
      where input.requiresGrad {
        guard let inputGrad else { continue }
        let key = ObjectIdentifier(input)
        if var existing = grads.removeValue(forKey: key) {
          addInPlace(&existing, inputGrad)
          grads[key] = existing
        } else {
          hold(inputGrad, 1)
          grads[key] = inputGrad
        }
      }
    }
  }

  /// Adds `gradient` into `grad` (creating it on first use), as PyTorch accumulates across calls.
  func accumulateGrad(_ gradient: [Float]) {
    if let grad {
      grad.updateFloats { addInPlace(&$0, gradient) }
    } else {
      grad = Tensor(shape: shape, floats: gradient)
    }
  }

  /// The nodes reachable from this tensor through tensors that require grad, inputs before users.
  private func topologicalOrder() -> [Tensor] {
    var order: [Tensor] = []
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(self)]
    // Iterative depth-first search: long chains (a loss summed in a loop) must not overflow the stack.
    var stack: [(node: Tensor, nextInput: Int)] = [(self, 0)]
    while let (node, nextInput) = stack.last {
      let inputs = node.gradFn?.inputs ?? []
      if nextInput < inputs.count {
        stack[stack.count - 1].nextInput += 1
        let input = inputs[nextInput]
        if input.requiresGrad && visited.insert(ObjectIdentifier(input)).inserted {
          stack.append((input, 0))
        }
      } else {
        order.append(node)
        stack.removeLast()
      }
    }
    return order
  }
}

/// `accumulator[i] += values[i]` for every i.
@inlinable
public func addInPlace(_ accumulator: inout [Float], _ values: [Float]) {
  accumulator.withUnsafeMutableBufferPointer { acc in
    values.withUnsafeBufferPointer { v in
      for i in 0..<min(acc.count, v.count) { acc[i] += v[i] }
    }
  }
}
