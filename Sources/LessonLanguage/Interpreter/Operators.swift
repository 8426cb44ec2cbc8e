/// Python's operators over lesson values: numbers, strings, sequences and tensors.

extension Interpreter {
  func binaryOperation(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws -> Value {
    if isTensorLike(lhs) || isTensorLike(rhs), let a = asTensor(lhs), let b = asTensor(rhs) {
      let result = try tensorOperation(op, a, b)
      // A number on the left is PyTorch's reflected op, with its own node name.
      guard !isTensorLike(lhs), let name = Self.reflectedNodes[op] else { return .tensor(result) }
      return .tensor(result.recordedAs(name))
    }
    // `3 * 'ab'` and `3 * [0]` repeat as `'ab' * 3` does.
    if op == .multiply, case .int = lhs {
      switch rhs {
      case .string, .list, .tuple: return try binaryOperation(op, rhs, lhs)
      default: break
      }
    }
    if let sequence = try sequenceOperation(op, lhs, rhs) { return sequence }
    if case .set(let a) = lhs, case .set(let b) = rhs, let set = try setOperation(op, a, b) {
      return .set(set)
    }
    if let a = numeric(lhs), let b = numeric(rhs) {
      return try numberOperation(op, a, b)
    }
    throw PythonException.type(
      "unsupported operand type(s) for \(op.rawValue): '\(typeName(of: lhs))' and '\(typeName(of: rhs))'"
    )
  }

  /// `|`, `&`, `-` and `^` of sets: Python's union, intersection and differences, in the left
  /// operand's order then the right's; nil for other operators.
  private func setOperation(_ op: BinaryOperator, _ a: SetStorage, _ b: SetStorage) throws
    -> SetStorage?
  {
    switch op {
    case .bitwiseOr: return try SetStorage.of(a.items + b.items)
    case .bitwiseAnd: return try SetStorage.of(a.items.filter { b.contains($0) })
    case .subtract: return try SetStorage.of(a.items.filter { !b.contains($0) })
    case .bitwiseXor:
      return try SetStorage.of(
        a.items.filter { !b.contains($0) } + b.items.filter { !a.contains($0) })
    default: return nil
    }
  }

  /// `+` and `*` of strings, lists and tuples, checked against the memory budget before the
  /// result is built; nil for other operands.
  private func sequenceOperation(_ op: BinaryOperator, _ lhs: Value, _ rhs: Value) throws -> Value?
  {
    switch (lhs, rhs) {
    case (.string(let a), .string(let b)) where op == .add:
      try ValueMemory.checkString(bytes: ValueMemory.sum(a.utf8.count, b.utf8.count))
      return .string(a + b)
    case (.string(let a), .int(let n)) where op == .multiply:
      try ValueMemory.checkString(bytes: ValueMemory.product(a.utf8.count, n))
      return .string(String(repeating: a, count: max(0, n)))
    case (.string(let template), _) where op == .remainder:
      return .string(try percentFormat(template, rhs))
    case (.list(let a), .list(let b)) where op == .add:
      try ValueMemory.checkItems(ValueMemory.sum(a.items.count, b.items.count), what: "a list")
      return .list(ListStorage(a.items + b.items))
    case (.list(let a), .int(let n)) where op == .multiply:
      try ValueMemory.checkItems(ValueMemory.product(a.items.count, n), what: "a list")
      return .list(ListStorage(Array(repeatElement(a.items, count: max(0, n)).joined())))
    case (.tuple(let a), .tuple(let b)) where op == .add:
      try ValueMemory.checkItems(ValueMemory.sum(a.count, b.count), what: "a tuple")
      return .tuple(a + b)
    case (.tuple(let a), .int(let n)) where op == .multiply:
      try ValueMemory.checkItems(ValueMemory.product(a.count, n), what: "a tuple")
      return .tuple(Array(repeatElement(a, count: max(0, n)).joined()))
    case (.size(let a), .size(let b)) where op == .add:
      try ValueMemory.checkItems(ValueMemory.sum(a.count, b.count), what: "a torch.Size")
      return .size(a + b)
    default: return nil
    }
  }

  /// The backward nodes PyTorch records for `number OP tensor` where they differ from
  /// `tensor OP tensor`'s (`2 / a` is computed as `a.reciprocal() * 2`).
  static let reflectedNodes: [BinaryOperator: String] = [
    .subtract: "RsubBackward1", .divide: "MulBackward0", .power: "PowBackward2",
  ]

  private func tensorOperation(_ op: BinaryOperator, _ a: Tensor, _ b: Tensor) throws -> Tensor {
    switch op {
    case .add: return try a.add(b)
    case .subtract: return try a.sub(b)
    case .multiply: return try a.mul(b)
    case .divide: return try a.div(b)
    case .floorDivide: return try a.floorDivide(b)
    case .remainder: return try a.remainder(b)
    case .power: return try a.pow(b)
    case .matrixMultiply: return try a.matmul(b)
    case .bitwiseAnd: return try a.logicalAnd(b)
    case .bitwiseOr: return try a.logicalOr(b)
    default:
      throw PythonException.unsupported(
        "the operator \(op.rawValue) is not supported on tensors in lessons")
    }
  }

  /// Python arithmetic on ints (64-bit, overflow is an error) and floats.
  private func numberOperation(_ op: BinaryOperator, _ a: Number, _ b: Number) throws -> Value {
    if case .int(let x) = a, case .int(let y) = b {
      return try integerOperation(op, x, y)
    }
    let x = a.double
    let y = b.double
    switch op {
    case .add: return .float(x + y)
    case .subtract: return .float(x - y)
    case .multiply: return .float(x * y)
    case .divide:
      guard y != 0 else { throw PythonException(.zeroDivisionError, "float division by zero") }
      return .float(x / y)
    case .floorDivide:
      guard y != 0 else {
        throw PythonException(.zeroDivisionError, "float floor division by zero")
      }
      return .float((x / y).rounded(.down))
    case .remainder:
      guard y != 0 else { throw PythonException(.zeroDivisionError, "float modulo") }
      let r = x.truncatingRemainder(dividingBy: y)
      return .float(r != 0 && (r < 0) != (y < 0) ? r + y : r)
    case .power:
      if x == 0 && y < 0 {
        throw PythonException(.zeroDivisionError, "0.0 cannot be raised to a negative power")
      }
      return .float(Glibc.pow(x, y))
    default:
      throw PythonException.type(
        "unsupported operand type(s) for \(op.rawValue): 'float' and 'float'")
    }
  }

  private func integerOperation(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
    func checked(_ result: (partialValue: Int, overflow: Bool)) throws -> Value {
      guard !result.overflow else {
        throw PythonException.integerOverflow
      }
      return .int(result.partialValue)
    }
    switch op {
    case .add: return try checked(x.addingReportingOverflow(y))
    case .subtract: return try checked(x.subtractingReportingOverflow(y))
    case .multiply: return try checked(x.multipliedReportingOverflow(by: y))
    case .divide:
      guard y != 0 else { throw PythonException(.zeroDivisionError, "division by zero") }
      return .float(Double(x) / Double(y))
    case .floorDivide, .remainder:
      guard y != 0 else {
        throw PythonException(.zeroDivisionError, "integer division or modulo by zero")
      }
      if y == -1 {
        return op == .floorDivide ? try checked((0).subtractingReportingOverflow(x)) : .int(0)
      }
      var quotient = x / y
      var remainder = x % y
      if remainder != 0 && (remainder < 0) != (y < 0) {
        quotient -= 1
        remainder += y
      }
      return .int(op == .floorDivide ? quotient : remainder)
    case .power:
      if y < 0 { return .float(Glibc.pow(Double(x), Double(y))) }
      return .int(try integerPower(x, y))
    case .bitwiseAnd: return .int(x & y)
    case .bitwiseOr: return .int(x | y)
    case .bitwiseXor: return .int(x ^ y)
    case .leftShift:
      guard y >= 0 else { throw PythonException.value("negative shift count") }
      guard x != 0 else { return .int(0) }
      // Exact only when shifting back gives x again (no bits, and no sign, lost).
      guard y < 64, (x << y) >> y == x else {
        throw PythonException.integerOverflow
      }
      return .int(x << y)
    case .rightShift:
      guard y >= 0 else { throw PythonException.value("negative shift count") }
      return .int(y < 64 ? x >> y : (x < 0 ? -1 : 0))
    case .matrixMultiply:
      throw PythonException.type("unsupported operand type(s) for @: 'int' and 'int'")
    }
  }

  /// `x ** y` for `y >= 0` by repeated squaring (so `1 ** 10**18` is immediate), with
  /// `OverflowError` past 64 bits.
  private func integerPower(_ x: Int, _ y: Int) throws -> Int {
    var (result, base, exponent) = (1, x, y)
    let overflow = PythonException.integerOverflow
    while exponent > 0 {
      if exponent & 1 == 1 {
        let (product, overflowed) = result.multipliedReportingOverflow(by: base)
        guard !overflowed else { throw overflow }
        result = product
      }
      exponent >>= 1
      guard exponent > 0 else { break }
      let (square, overflowed) = base.multipliedReportingOverflow(by: base)
      guard !overflowed else { throw overflow }
      base = square
    }
    return result
  }

  func unaryOperation(_ op: UnaryOperator, _ operand: Value) throws -> Value {
    switch (op, operand) {
    case (.not, _): return .bool(!(try truthy(operand)))
    case (.plus, .int), (.plus, .float), (.plus, .tensor): return operand
    case (.negate, .int(let v)):
      let (negated, overflow) = (0).subtractingReportingOverflow(v)
      guard !overflow else {
        throw PythonException.integerOverflow
      }
      return .int(negated)
    case (.negate, .float(let v)): return .float(-v)
    case (.negate, .bool(let v)): return .int(v ? -1 : 0)
    case (.negate, .tensor(let t)): return .tensor(try t.neg())
    case (.invert, .int(let v)): return .int(~v)
    case (.invert, .bool(let v)): return .int(v ? -2 : -1)
    case (.invert, .tensor(let t)) where t.dtype == .bool: return .tensor(t.logicalNot())
    default:
      throw PythonException.type(
        "bad operand type for unary \(op.rawValue): '\(typeName(of: operand))'")
    }
  }

  /// A comparison: numbers, strings and sequences as Python compares them; tensors element-wise.
  func compare(_ op: ComparisonOperator, _ lhs: Value, _ rhs: Value) throws -> Value {
    switch op {
    case .is: return .bool(identical(lhs, rhs))
    case .isNot: return .bool(!identical(lhs, rhs))
    case .in: return .bool(try contains(rhs, lhs))
    case .notIn: return .bool(!(try contains(rhs, lhs)))
    default: break
    }
    if isTensorLike(lhs) || isTensorLike(rhs), let a = asTensor(lhs), let b = asTensor(rhs) {
      switch op {
      case .equal: return .tensor(try a.eq(b))
      case .notEqual: return .tensor(try a.ne(b))
      case .less: return .tensor(try a.lt(b))
      case .lessOrEqual: return .tensor(try a.le(b))
      case .greater: return .tensor(try a.gt(b))
      default: return .tensor(try a.ge(b))
      }
    }
    if op == .equal { return .bool(try equalValues(lhs, rhs)) }
    if op == .notEqual { return .bool(!(try equalValues(lhs, rhs))) }
    let order = try ordering(lhs, rhs)
    switch op {
    case .less: return .bool(order < 0)
    case .lessOrEqual: return .bool(order <= 0)
    case .greater: return .bool(order > 0)
    default: return .bool(order >= 0)
    }
  }

  /// -1, 0 or 1 for values Python can order (ints exactly, not as doubles).
  func ordering(_ lhs: Value, _ rhs: Value) throws -> Int {
    try ordering(lhs, rhs, depth: 0)
  }

  private func ordering(_ lhs: Value, _ rhs: Value, depth: Int) throws -> Int {
    guard depth < maximumComparisonDepth else {
      throw PythonException(.recursionError, "maximum recursion depth exceeded in comparison")
    }
    switch (numeric(lhs), numeric(rhs)) {
    case (.int(let a)?, .int(let b)?): return a < b ? -1 : (a > b ? 1 : 0)
    case (let a?, let b?): return a.double < b.double ? -1 : (a.double > b.double ? 1 : 0)
    default: break
    }
    if case .string(let a) = lhs, case .string(let b) = rhs { return a < b ? -1 : (a > b ? 1 : 0) }
    switch (lhs, rhs) {
    case (.tuple(let a), .tuple(let b)): return try lexicographicOrdering(a, b, depth: depth)
    case (.list(let a), .list(let b)):
      return try lexicographicOrdering(a.items, b.items, depth: depth)
    default:
      throw PythonException.type(
        "'<' not supported between instances of '\(typeName(of: lhs))' and '\(typeName(of: rhs))'")
    }
  }

  /// As Python orders sequences: the first items that are not equal (`==`, so an item that is
  /// the same object on both sides is skipped) decide, else the shorter sequence is smaller.
  private func lexicographicOrdering(_ a: [Value], _ b: [Value], depth: Int) throws -> Int {
    for (x, y) in zip(a, b) where !(try equalValues(x, y, depth: depth + 1)) {
      return try ordering(x, y, depth: depth + 1)
    }
    return a.count < b.count ? -1 : (a.count > b.count ? 1 : 0)
  }

  private func contains(_ container: Value, _ item: Value) throws -> Bool {
    switch container {
    case .string(let text):
      guard case .string(let part) = item else {
        throw PythonException.type(
          "'in <string>' requires string as left operand, not \(typeName(of: item))")
      }
      return part.isEmpty || text.contains(part)
    case .dict(let storage): return storage.index(of: item) != nil
    case .set(let storage): return storage.contains(item)
    case .tensor(let tensor):
      guard let value = numeric(item) else { return false }
      return (0..<tensor.count).contains { tensor.value(at: $0) == value.double }
    default:
      return try iterateAll(container).contains { try equalValues($0, item) }
    }
  }

  private func identical(_ lhs: Value, _ rhs: Value) -> Bool {
    if let same = sameProvidedObject(lhs, rhs) { return same }
    if case .builtin = lhs, case .builtin = rhs { return false }
    switch (lhs, rhs) {
    case (.none, .none): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.tensor(let a), .tensor(let b)): return a === b
    case (.module(let a), .module(let b)): return a === b
    case (.list(let a), .list(let b)): return a === b
    case (.dict(let a), .dict(let b)): return a === b
    case (.set(let a), .set(let b)): return a === b
    case (.object(let a), .object(let b)): return a === b
    case (.classObject(let a), .classObject(let b)): return a === b
    case (.instance(let a), .instance(let b)): return a === b
    case (.int(let a), .int(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    default: return false
    }
  }

  func truthy(_ value: Value) throws -> Bool {
    switch value {
    case .none: return false
    case .bool(let v): return v
    case .int(let v): return v != 0
    case .float(let v): return v != 0
    case .string(let v): return !v.isEmpty
    case .list(let storage): return !storage.items.isEmpty
    case .tuple(let items): return !items.isEmpty
    case .dict(let storage): return storage.count > 0
    case .set(let storage): return storage.count > 0
    case .size(let dims): return !dims.isEmpty
    case .tensor(let tensor):
      guard tensor.count == 1 else {
        throw PythonException.runtime(
          "Boolean value of Tensor with \(tensor.count == 0 ? "no values" : "more than one value") is ambiguous",
          notes: [
            "reduce it first, e.g. '(x > 0).all()' or '(x > 0).any()', or compare one element"
          ])
      }
      return tensor.value(at: 0) != 0
    default: return true
    }
  }
}

/// A Python number (bool counts as int, as in Python).
enum Number {
  case int(Int)
  case float(Double)

  var double: Double {
    switch self {
    case .int(let v): return Double(v)
    case .float(let v): return v
    }
  }
}

func numeric(_ value: Value) -> Number? {
  switch value {
  case .int(let v): return .int(v)
  case .bool(let v): return .int(v ? 1 : 0)
  case .float(let v): return .float(v)
  default: return nil
  }
}

func isTensorLike(_ value: Value) -> Bool {
  if case .tensor = value { return true }
  return false
}

/// A tensor, or a Python scalar as a 0-d tensor (PyTorch's wrapped numbers).
func asTensor(_ value: Value) -> Tensor? {
  switch value {
  case .tensor(let tensor): return tensor
  case .int(let v): return Tensor(Int64(v))
  case .float(let v): return Tensor(Float(v))
  case .bool(let v): return Tensor(v)
  default: return nil
  }
}

/// Python `==` for values (tensors and other objects by identity); false where Python would
/// raise (containers nested more than `maximumComparisonDepth` deep).
func valuesEqual(_ lhs: Value, _ rhs: Value) -> Bool {
  (try? equalValues(lhs, rhs)) ?? false
}

/// How deeply `==` follows nested containers before Python's `RecursionError`.
let maximumComparisonDepth = 1000

/// Python `==`: numbers by value (ints exactly), strings, tuples, lists and dicts by content, a
/// container compared with itself equal at once (so `x == x` holds for a list that contains
/// itself), everything else by identity.
func equalValues(_ lhs: Value, _ rhs: Value, depth: Int = 0) throws -> Bool {
  guard depth < maximumComparisonDepth else {
    throw PythonException(.recursionError, "maximum recursion depth exceeded in comparison")
  }
  switch (numeric(lhs), numeric(rhs)) {
  case (.int(let a)?, .int(let b)?): return a == b
  case (let a?, let b?): return a.double == b.double
  default: break
  }
  func elementsEqual(_ a: [Value], _ b: [Value]) throws -> Bool {
    guard a.count == b.count else { return false }
    for (x, y) in zip(a, b) where !(try equalValues(x, y, depth: depth + 1)) { return false }
    return true
  }
  if case .builtin(let a) = lhs, case .builtin(let b) = rhs {
    return a.name == b.name && (sameProvidedObject(lhs, rhs) ?? true)
  }
  if let same = sameProvidedObject(lhs, rhs) { return same }
  switch (lhs, rhs) {
  case (.none, .none): return true
  case (.string(let a), .string(let b)): return a == b
  case (.tuple(let a), .tuple(let b)): return try elementsEqual(a, b)
  case (.list(let a), .list(let b)): return try a === b || elementsEqual(a.items, b.items)
  case (.dict(let a), .dict(let b)):
    guard a !== b else { return true }
    guard a.count == b.count else { return false }
    for (key, value) in zip(a.keys, a.values) {
      guard let other = b[key], try equalValues(value, other, depth: depth + 1) else {
        return false
      }
    }
    return true
  case (.set(let a), .set(let b)):
    return a === b || (a.count == b.count && a.items.allSatisfy { b.contains($0) })
  case (.size(let a), .size(let b)): return a == b
  case (.size(let a), .tuple(let b)), (.tuple(let b), .size(let a)):
    return try elementsEqual(a.map { .int($0) }, b)
  case (.tensor(let a), .tensor(let b)): return a === b
  case (.module(let a), .module(let b)): return a === b
  case (.object(let a), .object(let b)): return a === b
  case (.classObject(let a), .classObject(let b)): return a === b
  case (.instance(let a), .instance(let b)): return a === b
  case (.namespace(let a), .namespace(let b)): return a == b
  default: return false
  }
}
