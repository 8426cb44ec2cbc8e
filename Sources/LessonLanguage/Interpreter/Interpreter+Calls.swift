// MARK: - Calls, functions and classes

extension Interpreter {
  func evaluateCall(
    _ callee: Expression, _ argumentExpressions: [Argument], span: SourceSpan, in scope: Scope
  ) throws -> Value {
    let function = try evaluate(callee, in: scope)
    var arguments = Arguments()
    for argument in argumentExpressions {
      switch argument.kind {
      case .positional(let expression):
        arguments.positional.append(try evaluate(expression, in: scope))
      case .keyword(let name, let expression):
        arguments.keywords.append((name, try evaluate(expression, in: scope)))
      case .unpacked(let expression):
        let sequence = try evaluate(expression, in: scope)
        arguments.positional += try at(argument.span) { try iterateAll(sequence) }
      case .unpackedKeywords(let expression):
        guard case .dict(let storage) = try evaluate(expression, in: scope) else {
          throw Diagnostic(.type("argument after ** must be a mapping"), at: argument.span)
        }
        for (key, value) in zip(storage.keys, storage.values) {
          guard case .string(let name) = key else {
            throw Diagnostic(.type("keywords must be strings"), at: argument.span)
          }
          arguments.keywords.append((name, value))
        }
      }
    }
    let outerSpan = currentSpan
    currentSpan = span
    defer { currentSpan = outerSpan }
    return try at(span) { try call(function, arguments, span: span) }
  }

  /// Calls any callable value with evaluated arguments.
  func call(_ callee: Value, _ arguments: Arguments, span: SourceSpan) throws -> Value {
    do {
      return try dispatchCall(callee, arguments, span: span)
    } catch let error as TensorError {
      throw explained(error, arguments: arguments)
    }
  }

  private func dispatchCall(_ callee: Value, _ arguments: Arguments, span: SourceSpan) throws
    -> Value
  {
    switch callee {
    case .function(let function):
      return try callFunction(function, arguments, receiver: nil, span: span)
    case .boundMethod(let receiver, let function):
      return try callFunction(function, arguments, receiver: receiver, span: span)
    case .builtin(let builtin):
      return try builtin.call(self, arguments)
    case .classObject(let classObject):
      return try instantiate(classObject, arguments, span: span)
    case .module(let module):
      return try callModule(module, arguments, span: span)
    default:
      throw PythonException.type("'\(typeName(of: callee))' object is not callable")
    }
  }

  /// `module(x)`: runs a lesson module's `forward`, or a built-in layer's.
  func callModule(_ module: Module, _ arguments: Arguments, span: SourceSpan) throws -> Value {
    if let scripted = module as? ScriptModule {
      guard case .function(let forward)? = scripted.classObject.lookup("forward") else {
        throw PythonException(
          .notImplementedError,
          "Module [\(scripted.typeName)] is missing the required \"forward\" function",
          notes: ["define 'def forward(self, x):' in class \(scripted.typeName)"])
      }
      // The hooks see a lesson class's call as they see a layer's (its first argument, if a
      // tensor, is the input).
      let input = arguments.positional.first.flatMap { value -> Tensor? in
        if case .tensor(let tensor) = value { return tensor } else { return nil }
      }
      if let input { module.runForwardPreHooks(input) }
      let result = try callFunction(forward, arguments, receiver: .module(module), span: span)
      if let input, case .tensor(let output) = result { module.runForwardHooks(input, output) }
      return result
    }
    if let lossModule = module as? LossModule {
      let slots = try Self.lossSignature.bind(arguments, function: module.typeName)
      let loss = try lossModule.loss(
        try forwardTensor(slots[0], "input", module),
        target: try forwardTensor(slots[1], "target", module))
      noteLoss(loss)
      return .tensor(loss)
    }
    let slots = try Self.forwardSignature.bind(arguments, function: module.typeName)
    return .tensor(try module(try forwardTensor(slots[0], "input", module)))
  }

  /// `forward(input)` of a built-in layer, and `forward(input, target)` of a loss.
  static let forwardSignature = Signature([.init("input")])
  static let lossSignature = Signature([.init("input"), .init("target")])

  private func forwardTensor(_ value: Value?, _ name: String, _ module: Module) throws -> Tensor {
    guard case .tensor(let tensor)? = value else {
      throw PythonException.type(
        "\(module.typeName)(): argument '\(name)' must be Tensor, not "
          + typeName(of: value ?? .none))
    }
    return tensor
  }

  func callFunction(
    _ function: Function, _ arguments: Arguments, receiver: Value?, span: SourceSpan
  ) throws
    -> Value
  {
    var arguments = arguments
    if let receiver { arguments.positional.insert(receiver, at: 0) }
    guard frames.count < Interpreter.maximumCallDepth else {
      throw PythonException(
        .recursionError, "maximum recursion depth exceeded",
        notes: ["lessons allow \(Interpreter.maximumCallDepth) nested calls; use a loop instead"])
    }
    let scope = Scope(parent: function.closure)
    try bindParameters(function, arguments, into: scope)
    frames.append((function, scope))
    defer { frames.removeLast() }
    do {
      if let expression = function.lambdaBody { return try evaluate(expression, in: scope) }
      try execute(function.body, in: scope)
      return .none
    } catch ControlFlowSignal.returnValue(let value) {
      return value
    } catch var diagnostic as Diagnostic {
      if let location = diagnostic.span, location.file !== span.file || location.line != span.line {
        diagnostic.appendCallNote("in \(function.name)(), called from \(span)")
      }
      throw diagnostic
    }
  }

  /// Binds a call's arguments to a lesson function's parameters, by the same rules (and with
  /// the same messages) as builtins; parameters not passed take their defaults.
  private func bindParameters(_ function: Function, _ arguments: Arguments, into scope: Scope)
    throws
  {
    let slots = try function.signature.bind(arguments, function: function.name)
    for (parameter, slot) in zip(function.signature.parameters, slots) {
      guard let value = slot ?? function.defaults[parameter.name] else { continue }
      scope.variables[parameter.name] = value
    }
  }

  func evaluateDefaults(_ parameters: Parameters, in scope: Scope) throws -> [String: Value] {
    var defaults: [String: Value] = [:]
    for parameter in parameters.positional + parameters.keywordOnly {
      if let expression = parameter.defaultValue {
        defaults[parameter.name] = try evaluate(expression, in: scope)
      }
    }
    return defaults
  }

  func makeFunction(_ definition: FunctionDefinition, in scope: Scope) throws -> Function {
    Function(
      name: definition.name, parameters: definition.parameters,
      defaults: try evaluateDefaults(definition.parameters, in: scope), body: definition.body,
      lambdaBody: nil, closure: scope, span: definition.nameSpan)
  }

  /// Runs a class body and builds the class: methods and class attributes from its top level.
  func makeClass(_ definition: ClassDefinition, in scope: Scope) throws -> ClassObject {
    var base: ClassObject?
    var isModule = false
    for argument in definition.bases {
      guard case .positional(let expression) = argument.kind else {
        throw Diagnostic(
          PythonException(.typeError, "class keywords are not supported in lessons"),
          at: argument.span)
      }
      switch try evaluate(expression, in: scope) {
      case .classObject(let classObject):
        base = classObject
        isModule = isModule || classObject.isModule
      case .builtin(let builtin) where builtin.name == "torch.nn.Module":
        isModule = true
      case .builtin(let builtin) where builtin.name == "builtins.object":
        break
      default:
        throw Diagnostic(
          PythonException(
            .typeError, "lesson classes can derive from nn.Module, object or another lesson class"),
          at: expression.span)
      }
    }
    let body = Scope(parent: scope)
    try execute(definition.body, in: body)
    let classObject = ClassObject(
      name: definition.name, base: base, isModule: isModule, attributes: body.variables)
    for case .function(let method) in body.variables.values { method.definingClass = classObject }
    return classObject
  }

  /// `Net()`: makes an instance (a `ScriptModule` for nn.Module classes) and runs `__init__`.
  func instantiate(_ classObject: ClassObject, _ arguments: Arguments, span: SourceSpan) throws
    -> Value
  {
    let instance: Value =
      classObject.isModule
      ? .module(ScriptModule(classObject: classObject, interpreter: self))
      : .instance(Instance(classObject: classObject))
    if case .function(let initializer)? = classObject.lookup("__init__") {
      _ = try callFunction(initializer, arguments, receiver: instance, span: span)
    } else if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
      throw PythonException.type("\(classObject.name)() takes no arguments")
    }
    return instance
  }
}

extension Diagnostic {
  /// Adds a "called from" note, folding a run of identical ones (deep recursion) into one line
  /// and a count, as Python's traceback does.
  mutating func appendCallNote(_ note: String) {
    let prefix = "[previous note repeated "
    if notes.last == note {
      notes.append(prefix + "1 more time]")
    } else if let last = notes.last, last.hasPrefix(prefix), notes.dropLast().last == note {
      let count = Int(last.dropFirst(prefix.count).prefix { $0.isNumber }) ?? 1
      notes[notes.count - 1] = prefix + "\(count + 1) more times]"
    } else {
      notes.append(note)
    }
  }
}

extension Value {
  var asScriptModule: ScriptModule? {
    if case .module(let module) = self { return module as? ScriptModule }
    return nil
  }
}
