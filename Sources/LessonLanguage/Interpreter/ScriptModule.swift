/// An instance of a lesson class derived from `nn.Module`.
///
/// Attribute assignment follows PyTorch's `Module.__setattr__`: a module value registers a child,
/// a tensor that requires grad (an `nn.Parameter`) registers a parameter, anything else is a plain
/// attribute. `forward(x)` on the Swift side calls the lesson's `forward`, so lesson modules work
/// inside `nn.Sequential`.
final class ScriptModule: Module {
  let classObject: ClassObject
  /// Plain (non-module, non-parameter) attributes.
  var attributes: [String: Value] = [:]
  /// Set once `nn.Module.__init__` has run (via `super().__init__()`).
  var initialized = false
  /// The interpreter that runs `forward` when Swift code calls it (`nn.Sequential`).
  weak var interpreter: Interpreter?

  init(classObject: ClassObject, interpreter: Interpreter) {
    self.classObject = classObject
    self.interpreter = interpreter
  }

  override var typeName: String { classObject.name }

  override func forward(_ input: Tensor) throws -> Tensor {
    guard let interpreter, let span = interpreter.currentSpan else {
      throw PythonException.runtime("module \(typeName) can only run inside its lesson")
    }
    let result = try interpreter.callModule(self, Arguments([.tensor(input)]), span: span)
    guard case .tensor(let tensor) = result else {
      throw PythonException.runtime(
        "\(typeName).forward returned \(LessonLanguage.typeName(of: result)), not a Tensor")
    }
    return tensor
  }
}

/// An `nn.Parameter`: the tensor given, as a leaf that requires grad.
func makeParameter(_ tensor: Tensor, requiresGrad: Bool) throws -> Tensor {
  let parameter = tensor.detached()
  if requiresGrad { try parameter.setRequiresGrad(true) }
  return parameter
}
