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

/// Records calls as the tracing wrappers see them.
final class TraceRecorder {
  var trace = ShapeTrace()
  private var seen: Set<ObjectIdentifier> = []

  func begin(_ path: String, _ module: Module, depth: Int, input: Tensor) -> Int {
    let isRepeat = !seen.insert(ObjectIdentifier(module)).inserted
    trace.calls.append(
      LayerCall(
        path: path, typeName: module.typeName, depth: depth, module: module,
        inputShape: input.shape, outputShape: nil, isRepeat: isRepeat, input: input, output: nil))
    return trace.calls.count - 1
  }

  func end(_ slot: Int, output: Tensor) {
    trace.calls[slot].outputShape = output.shape
    trace.calls[slot].output = output
  }
}

/// Stands in for a child module while tracing: runs it and records its input and output shapes.
final class TracingLayer: Module {
  let inner: Module
  let path: String
  let depth: Int
  let recorder: TraceRecorder

  init(_ inner: Module, path: String, depth: Int, recorder: TraceRecorder) {
    self.inner = inner
    self.path = path
    self.depth = depth
    self.recorder = recorder
  }

  override var typeName: String { inner.typeName }
  override var extraDescription: String { inner.extraDescription }

  override func forward(_ input: Tensor) throws -> Tensor {
    let slot = recorder.begin(path, inner, depth: depth, input: input)
    let output = try inner.forward(input)
    recorder.end(slot, output: output)
    return output
  }
}

extension Interpreter {
  /// Runs `model` on `input` without recording gradients, noting the shape after every layer.
  ///
  /// Child modules are swapped for recording wrappers for the duration of the pass and put back
  /// afterwards, so layers called from lesson code (`self.conv1(x)`) and from `nn.Sequential` are
  /// both seen. Functional calls (`F.max_pool2d`) are not layers and do not appear. An error in the
  /// forward pass does not throw: it ends the trace (`ShapeTrace.error`).
  public func traceForward(_ model: Module, input: Tensor) -> ShapeTrace {
    let recorder = TraceRecorder()
    var restore: [(Module, String, Module)] = []
    var visited: Set<ObjectIdentifier> = [ObjectIdentifier(model)]
    wrapChildren(
      of: model, prefix: "", depth: 1, recorder: recorder, restore: &restore, visited: &visited)
    defer {
      for (parent, name, original) in restore.reversed() { parent.registerModule(name, original) }
    }
    let slot = recorder.begin("", model, depth: 0, input: input)
    let span =
      currentSpan ?? SourceSpan(file: SourceFile(path: "<trace>", text: ""), line: 1, column: 1)
    let outer = currentSpan
    currentSpan = span
    defer { currentSpan = outer }
    do {
      let result = try GradMode.withoutGrad {
        try callModule(model, Arguments([.tensor(input)]), span: span)
      }
      if case .tensor(let output) = result {
        recorder.end(slot, output: output)
      } else {
        recorder.trace.error = PythonException.type(
          "\(model.typeName).forward returned \(typeName(of: result)), not a Tensor")
      }
    } catch {
      recorder.trace.error = error
    }
    return recorder.trace
  }

  private func wrapChildren(
    of module: Module, prefix: String, depth: Int, recorder: TraceRecorder,
    restore: inout [(Module, String, Module)], visited: inout Set<ObjectIdentifier>
  ) {
    for (name, child) in module.namedChildren {
      let path = prefix.isEmpty ? name : prefix + "." + name
      let firstVisit = visited.insert(ObjectIdentifier(child)).inserted
      if firstVisit && (child is ScriptModule || child is Sequential) {
        wrapChildren(
          of: child, prefix: path, depth: depth + 1, recorder: recorder, restore: &restore,
          visited: &visited)
      }
      guard !(child is LossModule) else { continue }
      restore.append((module, name, child))
      module.registerModule(
        name, TracingLayer(child, path: path, depth: depth, recorder: recorder))
    }
  }
}

extension Interpreter {
  /// Builds a model by evaluating `modelExpression` (`Net()`) in the lesson's globals and traces
  /// it on a random batch of `inputShape` drawn from a generator of its own (the lesson's random
  /// numbers do not change). Nil when the expression fails or does not give a module.
  public func traceForward(modelExpression: String, inputShape: [Int]) -> ShapeTrace? {
    let name = "__cnn_lesson_traced_model__"
    let file = SourceFile(path: "<diagnosis>", text: "\(name) = \(modelExpression)")
    defer { globals.variables[name] = nil }
    guard (try? run(file.lines.joined(separator: "\n"), file: file)) != nil,
      case .module(let model)? = globals.variables[name],
      inputShape.allSatisfy({ $0 > 0 }), inputShape.reduce(1, *) <= 10_000_000,
      let input = try? Tensor.randn(inputShape, generator: Generator(seed: 0))
    else { return nil }
    return traceForward(model, input: input)
  }
}
