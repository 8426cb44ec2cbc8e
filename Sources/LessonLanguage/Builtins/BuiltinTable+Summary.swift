/// `summary(model, input_size)`: torchinfo's table of layers, output shapes and parameter counts.
extension BuiltinTable {
  nonisolated(unsafe) static let summaries: [String: Builtin.Body] = [
    "builtins.summary": summarize,
    "torchinfo.summary": summarize,
  ]

  /// Runs the model on a random batch of `input_size` (drawn from a generator of its own, so the
  /// lesson's random numbers do not change) and returns the table. A forward pass that fails raises
  /// its error with the shapes reached so far and what probably went wrong.
  static func summarize(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
    let bound = try arguments.bind("summary", ["model", "input_size?", "input_data?"])
    guard case .module(let model)? = bound["model"] else {
      throw bound.wrongType("model", "an nn.Module", bound["model"] ?? .none)
    }
    let input: Tensor
    if let data = bound["input_data"], case .tensor(let tensor) = data {
      input = tensor
    } else if let size = bound["input_size"] {
      var shape = try bound.intList(size, "input_size")
      if case .list(let storage) = size, storage.items.count == 1, case .tuple = storage.items[0] {
        shape = try bound.intList(storage.items[0], "input_size")
      }
      guard shape.allSatisfy({ $0 > 0 }), shape.reduce(1, *) <= 50_000_000 else {
        throw PythonException.value(
          "summary() input_size must be positive and not huge, got \(shape)")
      }
      input = try Tensor.randn(shape, generator: Generator(seed: 0))
    } else {
      throw PythonException.type("summary() needs input_size=(N, C, H, W) or input_data=tensor")
    }
    let trace = interpreter.traceForward(model, input: input)
    if let error = trace.error {
      throw summaryFailure(error, trace: trace)
    }
    return .object(ModelStatistics(trace: trace, totalParameters: model.parameters()))
  }

  /// The forward pass's error with the layers executed and the findings as notes.
  private static func summaryFailure(_ error: Error, trace: ShapeTrace) -> Error {
    let notes =
      ["shapes through the model:"] + trace.shapeLines.map { "  " + $0 } + trace.findings
    switch error {
    case var diagnostic as Diagnostic:
      diagnostic.notes += notes
      return diagnostic
    case var lessonError as PythonException:
      lessonError.notes += notes
      return lessonError
    case let layerError as any PyTorchError:
      var exception = PythonException(raisedBy: layerError)
      exception.notes += notes
      return exception
    default:
      return error
    }
  }
}

/// What `summary()` returns; shown (or printed) as torchinfo's table.
final class ModelStatistics: HostObject {
  let trace: ShapeTrace
  let totalParameters: Int
  let trainableParameters: Int

  init(trace: ShapeTrace, totalParameters parameters: [Tensor]) {
    self.trace = trace
    self.totalParameters = parameters.reduce(0) { $0 + $1.count }
    self.trainableParameters = parameters.filter(\.requiresGrad).reduce(0) { $0 + $1.count }
  }

  var typeName: String { "ModelStatistics" }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    switch name {
    case "total_params": return .int(totalParameters)
    case "trainable_params": return .int(trainableParameters)
    default: return nil
    }
  }

  var text: String {
    let rule = String(repeating: "=", count: 80)
    var lines = [rule, Self.row("Layer (type (var_name))", "Output Shape", "Param #"), rule]
    for call in trace.calls {
      lines.append(
        Self.row(Self.label(call), call.outputShape.map(shapeText) ?? "--", Self.parameters(call)))
    }
    lines += [
      rule, "Total params: \(Self.grouped(totalParameters))",
      "Trainable params: \(Self.grouped(trainableParameters))",
      "Non-trainable params: \(Self.grouped(totalParameters - trainableParameters))", rule,
    ]
    return lines.joined(separator: "\n")
  }

  /// `├─Conv2d (conv1)`, nested rows as `│    └─Conv2d (branch1x1)`.
  static func label(_ call: LayerCall) -> String {
    guard call.depth > 0 else { return call.typeName }
    let name = call.path.split(separator: ".").last.map(String.init) ?? call.path
    let prefix =
      call.depth == 1 ? "├─" : String(repeating: "│    ", count: call.depth - 1) + "└─"
    return "\(prefix)\(call.typeName) (\(name))"
  }

  /// A leaf's own parameter count, `--` for none or for containers, `(recursive)` for a reuse.
  static func parameters(_ call: LayerCall) -> String {
    guard call.depth > 0, call.module.namedChildren.isEmpty else { return "--" }
    let count = call.parameterCount
    if count == 0 { return "--" }
    return call.isRepeat ? "(recursive)" : grouped(count)
  }

  static func row(_ layer: String, _ shape: String, _ parameters: String) -> String {
    func padded(_ text: String, _ width: Int) -> String {
      text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
    return (padded(layer, 42) + padded(shape, 25) + parameters).trimmingTrailingWhitespace()
  }

  /// `97298` as `97,298`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return (value < 0 ? "-" : "") + result
  }
}

extension String {
  fileprivate func trimmingTrailingWhitespace() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
