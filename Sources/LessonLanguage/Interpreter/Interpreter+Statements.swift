// MARK: - Statements

extension Interpreter {
  /// Runs statements in order in `scope`.
  func execute(_ statements: [Statement], in scope: Scope) throws {
    for statement in statements { try execute(statement, in: scope) }
  }

  func execute(_ statement: Statement, in scope: Scope) throws {
    try at(statement.span) {
      try stackGuard.check()
      try watchdog.check()
    }
    switch statement.kind {
    case .expression(let expression):
      _ = try evaluate(expression, in: scope)
    case .assign(let targets, let value):
      let result = try evaluate(value, in: scope)
      for target in targets { try assign(result, to: target, in: scope) }
    case .augmentedAssign(let target, let op, let value):
      try augmentedAssign(target, op, value, in: scope)
    case .annotatedAssign(let target, _, let value):
      if let value { try assign(try evaluate(value, in: scope), to: target, in: scope) }
    case .functionDefinition(let definition):
      let function = try makeFunction(definition, in: scope)
      try assign(.function(function), toName: definition.name, in: scope)
    case .classDefinition(let definition):
      let classObject = try makeClass(definition, in: scope)
      try assign(.classObject(classObject), toName: definition.name, in: scope)
    case .return(let expression):
      throw ControlFlowSignal.returnValue(
        try expression.map { try evaluate($0, in: scope) } ?? .none)
    case .if(let condition, let body, let orElse):
      let test = try evaluate(condition, in: scope)
      try execute(try at(condition.span) { try truthy(test) } ? body : orElse, in: scope)
    case .for(let target, let iterable, let body, let orElse):
      try executeFor(target: target, iterable: iterable, body: body, orElse: orElse, in: scope)
    case .break:
      throw ControlFlowSignal.breakLoop
    case .continue:
      throw ControlFlowSignal.continueLoop
    case .pass:
      break
    case .with(let items, let body):
      try executeWith(items[...], body: body, in: scope)
    case .import(let names):
      for name in names { try importModule(name, in: scope) }
    case .importFrom(let module, let names, let level):
      try importNames(from: module, names: names, level: level, span: statement.span, in: scope)
    case .assert(let condition, let message):
      let test = try evaluate(condition, in: scope)
      if try !at(condition.span, { try truthy(test) }) {
        let text = try message.map { try str(evaluate($0, in: scope)) } ?? ""
        throw Diagnostic(PythonException(.assertionError, text), at: statement.span)
      }
    case .delete(let targets):
      for target in targets { try delete(target, in: scope) }
    case .global(let names):
      scope.globalNames.formUnion(names)
    case .raise(let expression, _):
      throw try raised(expression, at: statement.span, in: scope)
    case .while(let condition, let body, let orElse):
      try executeWhile(condition: condition, body: body, orElse: orElse, in: scope)
    case .try(let body, let handlers, let orElse, let finally):
      try executeTry(body: body, handlers: handlers, orElse: orElse, finally: finally, in: scope)
    }
  }

  private func executeFor(
    target: Expression, iterable: Expression, body: [Statement], orElse: [Statement],
    in scope: Scope
  ) throws {
    let sequence = try evaluate(iterable, in: scope)
    let iterator = try at(iterable.span) { try makeIterator(sequence) }
    while let item = try at(iterable.span, { try iterator.next() }) {
      try assign(item, to: target, in: scope)
      guard try runLoopBody(body, in: scope) else { return }
    }
    try execute(orElse, in: scope)
  }

  /// One pass of a loop's body: false when it ended with `break`; `continue` ends the pass.
  func runLoopBody(_ body: [Statement], in scope: Scope) throws -> Bool {
    do {
      try execute(body, in: scope)
    } catch ControlFlowSignal.breakLoop {
      return false
    } catch ControlFlowSignal.continueLoop {
      return true
    }
    return true
  }

  private func executeWith(_ items: ArraySlice<WithItem>, body: [Statement], in scope: Scope) throws
  {
    guard let item = items.first else {
      try execute(body, in: scope)
      return
    }
    let context = try evaluate(item.context, in: scope)
    guard case .object(let object) = context, let manager = object as? ContextManager else {
      throw Diagnostic(
        PythonException(
          .typeError,
          "'\(typeName(of: context))' object does not support the context manager protocol",
          notes: ["lessons support 'with torch.no_grad():' and 'with torch.enable_grad():'"]),
        at: item.context.span)
    }
    if let target = item.target { try assign(context, to: target, in: scope) }
    try manager.run { try executeWith(items.dropFirst(), body: body, in: scope) }
  }

  private func augmentedAssign(
    _ target: Expression, _ op: BinaryOperator, _ value: Expression, in scope: Scope
  ) throws {
    let current = try evaluate(target, in: scope)
    let operand = try evaluate(value, in: scope)
    // A list `+=` extends in place, as in Python; everything else rebinds the target.
    if op == .add, case .list(let storage) = current {
      let items = try at(value.span) { try iterateAll(operand) }
      storage.items.append(contentsOf: items)
      return
    }
    let result = try at(target.span) { try binaryOperation(op, current, operand) }
    try assign(result, to: target, in: scope)
  }

  // MARK: - Assignment targets

  /// Binds `value` to an assignment target: a name, attribute, subscript, or tuple/list to unpack.
  func assign(_ value: Value, to target: Expression, in scope: Scope) throws {
    switch target.kind {
    case .name(let name):
      try assign(value, toName: name, in: scope)
    case .attribute(let objectExpression, let name):
      let object = try evaluate(objectExpression, in: scope)
      try at(target.span) { try setAttribute(object, name, value) }
    case .subscript(let objectExpression, let indexExpression):
      let object = try evaluate(objectExpression, in: scope)
      let index = try evaluate(indexExpression, in: scope)
      try at(target.span) { try setItem(object, index, value) }
    case .tuple(let elements), .list(let elements):
      let items = try at(target.span) { try iterateAll(value) }
      try unpack(items, to: elements, span: target.span, in: scope)
    default:
      throw Diagnostic(
        PythonException(.syntaxError, "cannot assign to this expression"), at: target.span)
    }
  }

  /// `a, b = pair` and `first, *rest = items`.
  private func unpack(
    _ items: [Value], to elements: [Expression], span: SourceSpan, in scope: Scope
  ) throws {
    let starred = elements.firstIndex {
      if case .starred = $0.kind { return true } else { return false }
    }
    guard let starred else {
      guard items.count == elements.count else {
        throw Diagnostic(
          PythonException(
            .valueError,
            items.count > elements.count
              ? "too many values to unpack (expected \(elements.count))"
              : "not enough values to unpack (expected \(elements.count), got \(items.count))"),
          at: span)
      }
      for (item, element) in zip(items, elements) { try assign(item, to: element, in: scope) }
      return
    }
    let after = elements.count - starred - 1
    guard items.count >= elements.count - 1 else {
      throw Diagnostic(
        PythonException(
          .valueError,
          "not enough values to unpack (expected at least \(elements.count - 1), got \(items.count))"
        ), at: span)
    }
    for (item, element) in zip(items, elements[..<starred]) {
      try assign(item, to: element, in: scope)
    }
    if case .starred(let inner) = elements[starred].kind {
      let rest = Array(items[starred..<(items.count - after)])
      try assign(.list(ListStorage(rest)), to: inner, in: scope)
    }
    for (item, element) in zip(items.suffix(after), elements.suffix(after)) {
      try assign(item, to: element, in: scope)
    }
  }

  func assign(_ value: Value, toName name: String, in scope: Scope) throws {
    if scope.globalNames.contains(name) {
      scope.root.variables[name] = value
    } else {
      scope.variables[name] = value
    }
  }

  private func delete(_ target: Expression, in scope: Scope) throws {
    switch target.kind {
    case .name(let name):
      guard scope.variables.removeValue(forKey: name) != nil else {
        throw Diagnostic(
          PythonException(.nameError, "name '\(name)' is not defined"), at: target.span)
      }
    case .subscript(let objectExpression, let indexExpression):
      let object = try evaluate(objectExpression, in: scope)
      let index = try evaluate(indexExpression, in: scope)
      try at(target.span) { try deleteItem(object, index) }
    case .tuple(let elements), .list(let elements):
      for element in elements { try delete(element, in: scope) }
    default:
      throw Diagnostic(
        PythonException(.syntaxError, "cannot delete this expression"), at: target.span)
    }
  }
}
