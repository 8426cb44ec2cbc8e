/// Following a model's forward pass layer by layer: the shape after each layer, for `summary()`
/// and for the diagnoses an exercise check gives when a network is wrong.

/// One call of a layer during a traced forward pass.
public struct LayerCall {
  /// The attribute path from the model (`conv1`, `incept1.branch3x3_1`); empty for the model.
  public let path: String
  /// The layer's class name (`Conv2d`, `InceptionA`).
  public let typeName: String
  /// Nesting depth: 0 for the model, 1 for its children, ...
  public let depth: Int
  /// The layer itself.
  public let module: Module
  /// The input's shape.
  public let inputShape: [Int]
  /// The output's shape; nil when the layer raised an error.
  public internal(set) var outputShape: [Int]?
  /// True when this module already ran earlier in the pass (a layer used twice, like `mp`).
  public let isRepeat: Bool
  /// The input and output (kept for the diagnoses that compare values).
  let input: Tensor
  var output: Tensor?

  /// The number of parameters the layer owns, its descendants' included.
  public var parameterCount: Int { module.parameters().reduce(0) { $0 + $1.count } }
}

/// The layers a forward pass went through, in the order they were called (a container before the
/// layers inside it), and how the pass ended.
public struct ShapeTrace {
  /// The model's call first (depth 0), then every layer call in order.
  public internal(set) var calls: [LayerCall] = []
  /// The error that stopped the pass, or nil when it completed.
  public internal(set) var error: Error?
  /// The model's output shape, when the pass completed.
  public var outputShape: [Int]? { calls.first?.outputShape }
  /// The call that raised the error: the deepest call with no output.
  public var failingCall: LayerCall? {
    calls.last { $0.outputShape == nil && $0.depth > 0 }
  }
}

/// Records calls as the forward hooks see them: a call begins in the pre-hook and ends in the
/// forward hook; a call that raised never ends (its output shape stays nil).
final class TraceRecorder {
  var trace = ShapeTrace()
  private var seen: Set<ObjectIdentifier> = []
  /// The calls begun and not yet ended, innermost last.
  private var open: [Int] = []

  func begin(_ path: String, _ module: Module, depth: Int, input: Tensor) {
    let isRepeat = !seen.insert(ObjectIdentifier(module)).inserted
    trace.calls.append(
      LayerCall(
        path: path, typeName: module.typeName, depth: depth, module: module,
        inputShape: input.shape, outputShape: nil, isRepeat: isRepeat, input: input, output: nil))
    open.append(trace.calls.count - 1)
  }

  func end(output: Tensor) {
    guard let slot = open.popLast() else { return }
    trace.calls[slot].outputShape = output.shape
    trace.calls[slot].output = output
  }
}

extension Interpreter {
  /// Runs `model` on `input` without recording gradients, noting the shape after every layer.
  ///
  /// Every module of the model gets a forward pre-hook and a forward hook for the duration of the
  /// pass (as one would trace a model in PyTorch), so layers called from lesson code
  /// (`self.conv1(x)`) and from `nn.Sequential` are both seen; the model itself is not changed.
  /// Functional calls (`F.max_pool2d`) are not layers and do not appear. An error in the forward
  /// pass does not throw: it ends the trace (`ShapeTrace.error`).
  public func traceForward(_ model: Module, input: Tensor) -> ShapeTrace {
    watchdog = Watchdog(environment: environment)
    let recorder = TraceRecorder()
    var handles: [HookHandle] = []
    for (path, module) in model.namedModules() where !(module is LossModule) {
      let depth = path.isEmpty ? 0 : path.split(separator: ".").count
      handles.append(
        module.registerForwardPreHook { module, input in
          recorder.begin(path, module, depth: depth, input: input)
        })
      handles.append(module.registerForwardHook { _, _, output in recorder.end(output: output) })
    }
    defer { for handle in handles { handle.remove() } }
    let span =
      currentSpan ?? SourceSpan(file: SourceFile(path: "<trace>", text: ""), line: 1, column: 1)
    let outer = currentSpan
    currentSpan = span
    defer { currentSpan = outer }
    do {
      let result = try GradMode.withoutGrad {
        try callModule(model, Arguments([.tensor(input)]), span: span)
      }
      if case .tensor = result {
      } else {
        recorder.trace.error = PythonException.type(
          "\(model.typeName).forward returned \(typeName(of: result)), not a Tensor")
      }
    } catch {
      recorder.trace.error = error
    }
    return recorder.trace
  }
}

extension Interpreter {
  /// Builds a model by evaluating `modelExpression` (`Net()`, as an exercise names it) in the
  /// lesson's globals and traces it on a random batch of `inputShape` drawn from a generator of
  /// its own (the lesson's random numbers do not change). Nil when the expression fails or does
  /// not give a module.
  public func traceForward(modelExpression: String, inputShape: [Int]) -> ShapeTrace? {
    let file = SourceFile(path: "<diagnosis>", text: modelExpression)
    guard let expression = try? Parser.parseExpression(modelExpression, file: file, firstLine: 1),
      case .module(let model)? = try? evaluate(expression, in: globals),
      inputShape.allSatisfy({ $0 > 0 }),
      (try? checkedElementCount(inputShape)) ?? .max <= 10_000_000,
      let input = try? Tensor.randn(inputShape, generator: Generator(seed: 0))
    else { return nil }
    return traceForward(model, input: input)
  }
}
