/// `super()` and `super(Net, self)`: attribute lookup that starts after the given class.
final class SuperProxy: HostObject {
  let startClass: ClassObject
  let receiver: Value

  init(startClass: ClassObject, receiver: Value) {
    self.startClass = startClass
    self.receiver = receiver
  }

  var typeName: String { "super" }

  func attribute(_ name: String, interpreter: Interpreter) throws -> Value? {
    if let base = startClass.base, let value = base.lookup(name) {
      if case .function(let function) = value {
        return .boundMethod(receiver: receiver, function: function)
      }
      return value
    }
    // Past the lesson classes: nn.Module's own methods (or object's).
    if name == "__init__", receiver.asScriptModule == nil,
      let initializer = interpreter.builtins.functions["builtins.object.__init__"]
    {
      return .builtin(Builtin(initializer, receiver: receiver))
    }
    return interpreter.builtins.method(of: receiver, name)
  }
}

extension BuiltinTable {
  /// `super()` inside a method (the class and `self` of the running method), or `super(Class, obj)`.
  static func makeSuper(_ interpreter: Interpreter, _ values: [Value]) throws -> Value {
    if values.count == 2, case .classObject(let classObject) = values[0] {
      return .object(SuperProxy(startClass: classObject, receiver: values[1]))
    }
    guard values.isEmpty, let frame = interpreter.frames.last,
      let classObject = frame.function.definingClass,
      let first = frame.function.parameters.positional.first,
      let receiver = frame.scope.variables[first.name]
    else {
      throw PythonException.runtime(
        "super(): no arguments", notes: ["use super() inside a method, or super(ClassName, self)"])
    }
    return .object(SuperProxy(startClass: classObject, receiver: receiver))
  }
}
