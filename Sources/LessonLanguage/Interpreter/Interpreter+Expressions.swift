// MARK: - Expressions

extension Interpreter {
  /// Evaluates an expression. Errors come out as `Diagnostic`s located at the innermost expression
  /// that raised them.
  func evaluate(_ expression: Expression, in scope: Scope) throws -> Value {
    let span = expression.span
    try at(span) { try stackGuard.check() }
    switch expression.kind {
    case .name(let name):
      return try lookup(name, span: span, in: scope)
    case .int(let value): return .int(value)
    case .float(let value): return .float(value)
    case .string(let value): return .string(value)
    case .bool(let value): return .bool(value)
    case .none: return .none
    case .ellipsis: return .ellipsis
    case .formattedString(let parts):
      return .string(try formatParts(parts, in: scope))
    case .list(let elements):
      return .list(ListStorage(try evaluateElements(elements, in: scope)))
    case .tuple(let elements):
      return .tuple(try evaluateElements(elements, in: scope))
    case .set(let elements):
      let items = try evaluateElements(elements, in: scope)
      return .set(try at(span) { try SetStorage.of(items) })
    case .dict(let items):
      return .dict(try evaluateDict(items, in: scope))
    case .attribute(let objectExpression, let name):
      let object = try evaluate(objectExpression, in: scope)
      return try at(span) { try getAttribute(object, name) }
    case .subscript(let objectExpression, let indexExpression):
      let object = try evaluate(objectExpression, in: scope)
      let index = try evaluate(indexExpression, in: scope)
      return try at(span) { try getItem(object, index, span: span) }
    case .slice(let lower, let upper, let step):
      return .slice(
        try sliceBound(lower, in: scope), try sliceBound(upper, in: scope),
        try sliceBound(step, in: scope))
    case .call(let callee, let arguments):
      return try evaluateCall(callee, arguments, span: span, in: scope)
    case .starred:
      throw Diagnostic(PythonException(.syntaxError, "can't use starred expression here"), at: span)
    case .unary(let op, let operandExpression):
      let operand = try evaluate(operandExpression, in: scope)
      return try at(span) { try unaryOperation(op, operand) }
    case .binary(let op, let left, let right):
      let lhs = try evaluate(left, in: scope)
      let rhs = try evaluate(right, in: scope)
      return try at(span) { try binaryOperation(op, lhs, rhs) }
    case .boolean(let op, let left, let right):
      let lhs = try evaluate(left, in: scope)
      let isTrue = try at(left.span) { try truthy(lhs) }
      switch op {
      case .and: return isTrue ? try evaluate(right, in: scope) : lhs
      case .or: return isTrue ? lhs : try evaluate(right, in: scope)
      }
    case .compare(let first, let links):
      var left = try evaluate(first, in: scope)
      var result: Value = .bool(true)
      for link in links {
        let right = try evaluate(link.operand, in: scope)
        result = try at(span) { try compare(link.op, left, right) }
        if case .tensor = result { return result }
        if try !truthy(result) { return result }
        left = right
      }
      return result
    case .conditional(let condition, let body, let orElse):
      let test = try evaluate(condition, in: scope)
      return try at(condition.span) { try truthy(test) }
        ? try evaluate(body, in: scope) : try evaluate(orElse, in: scope)
    case .lambda(let parameters, let body):
      let defaults = try evaluateDefaults(parameters, in: scope)
      return .function(
        Function(
          name: "<lambda>", parameters: parameters, defaults: defaults, body: [], lambdaBody: body,
          closure: scope, span: span))
    case .listComprehension(let element, let clauses), .setComprehension(let element, let clauses),
      .generator(let element, let clauses):
      var items: [Value] = []
      try comprehend(clauses[...], in: Scope(parent: scope)) { inner in
        let item = try evaluate(element, in: inner)
        // A growing array holds up to twice its count, and while it grows its old buffer too.
        try at(span) {
          try ValueMemory.check(
            bytes: ValueMemory.bytes(items: ValueMemory.product(items.count + 1, 3)),
            what: "a comprehension", elements: items.count + 1)
        }
        items.append(item)
      }
      if case .generator = expression.kind { return .tuple(items) }
      if case .setComprehension = expression.kind {
        return .set(try at(span) { try SetStorage.of(items) })
      }
      return .list(ListStorage(items))
    case .dictComprehension(let key, let value, let clauses):
      let storage = DictStorage()
      try comprehend(clauses[...], in: Scope(parent: scope)) { inner in
        let k = try evaluate(key, in: inner)
        let v = try evaluate(value, in: inner)
        try at(span) {
          try ValueMemory.checkItems(ValueMemory.product(storage.count + 1, 3), what: "a dict")
        }
        storage[k] = v
      }
      return .dict(storage)
    }
  }

  private func lookup(_ name: String, span: SourceSpan, in scope: Scope) throws -> Value {
    if let value = scope.lookup(name) { return value }
    if let builtin = builtins.pythonBuiltin(name) { return builtin }
    var candidates = Array(scope.root.variables.keys) + builtins.pythonBuiltinNames
    var current: Scope? = scope
    while let inner = current, inner !== scope.root {
      candidates += inner.variables.keys
      current = inner.parent
    }
    var notes = didYouMean(name, in: candidates)
    if let statement = Interpreter.importStatements[name] {
      notes = ["import it first: '\(statement)'"]
    }
    throw Diagnostic(
      PythonException(.nameError, "name '\(name)' is not defined", notes: notes), at: span)
  }

  /// How a lesson imports the names lecture code uses without defining them.
  static let importStatements = [
    "torch": "import torch", "nn": "import torch.nn as nn", "F": "import torch.nn.functional as F",
    "optim": "import torch.optim as optim",
    "datasets": "from torchvision import datasets, transforms",
    "transforms": "from torchvision import datasets, transforms",
    "Variable": "from torch.autograd import Variable",
    "math": "import math",
  ]

  private func evaluateElements(_ elements: [Expression], in scope: Scope) throws -> [Value] {
    var values: [Value] = []
    for element in elements {
      if case .starred(let inner) = element.kind {
        let sequence = try evaluate(inner, in: scope)
        values += try at(element.span) { try iterateAll(sequence) }
      } else {
        values.append(try evaluate(element, in: scope))
      }
    }
    return values
  }

  private func evaluateDict(_ items: [DictionaryItem], in scope: Scope) throws -> DictStorage {
    let storage = DictStorage()
    for item in items {
      let value = try evaluate(item.value, in: scope)
      if let keyExpression = item.key {
        storage[try evaluate(keyExpression, in: scope)] = value
      } else if case .dict(let other) = value {
        for (key, otherValue) in zip(other.keys, other.values) { storage[key] = otherValue }
      } else {
        throw Diagnostic(
          PythonException(.typeError, "'\(typeName(of: value))' object is not a mapping"),
          at: item.value.span)
      }
    }
    return storage
  }

  private func sliceBound(_ expression: Expression?, in scope: Scope) throws -> Int? {
    guard let expression else { return nil }
    let value = try evaluate(expression, in: scope)
    if case .none = value { return nil }
    return try at(expression.span) { try indexValue(value) }
  }

  /// Runs `body` once per combination of the comprehension's loops that passes its filters.
  private func comprehend(
    _ clauses: ArraySlice<Comprehension>, in scope: Scope, _ body: (Scope) throws -> Void
  ) throws {
    guard let clause = clauses.first else {
      try body(scope)
      return
    }
    let sequence = try evaluate(clause.iterable, in: scope)
    let iterator = try at(clause.iterable.span) { try makeIterator(sequence) }
    items: while let item = try at(clause.iterable.span, { try iterator.next() }) {
      try at(clause.iterable.span) { try watchdog.check() }
      try assign(item, to: clause.target, in: scope)
      for condition in clause.conditions {
        let test = try evaluate(condition, in: scope)
        if try !at(condition.span, { try truthy(test) }) { continue items }
      }
      try comprehend(clauses.dropFirst(), in: scope, body)
    }
  }

  /// The text of an f-string: literal parts and formatted fields.
  func formatParts(_ parts: [FStringPart], in scope: Scope) throws -> String {
    var text = ""
    for part in parts {
      switch part {
      case .literal(let literal):
        text += literal
      case .value(let field):
        var value = try evaluate(field.expression, in: scope)
        switch field.conversion {
        case "r": value = .string(repr(value))
        case "s": value = .string(str(value))
        default: break
        }
        let spec = try field.formatSpec.map { try formatParts($0, in: scope) } ?? ""
        text += try at(field.span) { try format(value, spec: spec) }
      }
    }
    return text
  }
}
