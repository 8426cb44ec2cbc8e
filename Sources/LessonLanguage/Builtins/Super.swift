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
    if name == "__init__" {
      let module = receiver.asScriptModule
      return .builtin(
        Builtin(name: "Module.__init__") { _, _ in
          module?.initialized = true
          return .none
        })
    }
    return BuiltinTable.method(of: receiver, name)
  }
}

extension BuiltinTable {
  /// `super()` inside a method (the class and `self` of the running method), or `super(Class, obj)`.
  static func makeSuper(_ interpreter: Interpreter, _ arguments: Arguments) throws -> Value {
    if arguments.positional.count == 2, case .classObject(let classObject) = arguments.positional[0]
    {
      return .object(SuperProxy(startClass: classObject, receiver: arguments.positional[1]))
    }
    guard arguments.positional.isEmpty, let frame = interpreter.frames.last,
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
