/// The syntax tree of a lesson program: the subset of Python that PyTorch lecture code uses.
///
/// Every node carries a `SourceSpan`. A span starts at the node's first character and covers the node
/// up to its last character when that is on the same line, otherwise up to the end of its first line
/// (a `SourceSpan` is one line). So an error about `self.fc(x)` underlines the whole call, an error
/// about `a + b` underlines the whole sum. Nodes that need a finer caret carry an extra span
/// (`Argument.span`, `Parameter.span`, `FormattedValue.span`, the `nameSpan` of definitions).

/// An expression with the span that locates it in the user's file.
public struct Expression: Sendable {
  /// What the expression is.
  public var kind: Kind
  /// The whole expression (see the file comment for multi-line expressions).
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(_ kind: Kind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The kinds of expression. Operands of operators are full `Expression`s with their own spans.
  public indirect enum Kind: Sendable {
    /// A variable: `x`, `nn`, `self`.
    case name(String)
    /// An integer literal: `10`, `1_000`, `0xff`. Lesson integers are 64-bit.
    case int(Int)
    /// A float literal: `1.`, `.5`, `1e-3`.
    case float(Double)
    /// A string literal with escapes decoded; adjacent literals are already joined (`'a' 'b'`).
    case string(String)
    /// An f-string (or adjacent literals of which at least one is an f-string), as literal text and
    /// replacement fields in order.
    case formattedString([FStringPart])
    /// `True` or `False`.
    case bool(Bool)
    /// `None`.
    case none
    /// `...` (used in subscripts: `x[..., None]`).
    case ellipsis
    /// `[a, b]`; elements may be `.starred`.
    case list([Expression])
    /// `(a, b)`, `a, b`, `()`; elements may be `.starred`.
    case tuple([Expression])
    /// `{k: v, **other}`.
    case dict([DictionaryItem])
    /// `{a, b}`; elements may be `.starred`.
    case set([Expression])
    /// `value.name`.
    case attribute(Expression, name: String)
    /// `value[index]`. Several indices form a `.tuple` index: `x[1:3, ::2]` has index
    /// `.tuple([.slice, .slice])`, like Python's `ast.Subscript`.
    case `subscript`(Expression, index: Expression)
    /// `lower:upper:step` inside a subscript; each part may be missing. Only appears as a subscript
    /// index or an element of a tuple index.
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
    /// `function(arguments)`.
    case call(Expression, arguments: [Argument])
    /// `*value` in a display, a call target list or an assignment target.
    case starred(Expression)
    /// `-x`, `+x`, `~x`, `not x`.
    case unary(UnaryOperator, Expression)
    /// `a + b`, `a ** b`, `a @ b`, ...
    case binary(BinaryOperator, Expression, Expression)
    /// `a and b`, `a or b` (left-associative: `a or b or c` is `(a or b) or c`).
    case boolean(BooleanOperator, Expression, Expression)
    /// A comparison chain: `0 < x < 5` is `.compare(0, [(<, x), (<, 5)])`; each operand is
    /// evaluated once and the chain stops at the first false link, as in Python.
    case compare(Expression, [Comparison])
    /// `body if condition else orElse`.
    case conditional(condition: Expression, body: Expression, orElse: Expression)
    /// `lambda parameters: body`.
    case lambda(Parameters, body: Expression)
    /// `[element for ... in ... if ...]`.
    case listComprehension(Expression, [Comprehension])
    /// `{element for ... in ...}`.
    case setComprehension(Expression, [Comprehension])
    /// `{key: value for ... in ...}`.
    case dictComprehension(key: Expression, value: Expression, [Comprehension])
    /// `(element for ... in ...)`, also the bare form `sum(x for x in xs)`.
    case generator(Expression, [Comprehension])
  }
}

/// A piece of an f-string.
public enum FStringPart: Sendable {
  /// Literal text, escapes and `{{`/`}}` already decoded.
  case literal(String)
  /// A replacement field `{value!r:spec}`.
  case value(FormattedValue)
}

/// A replacement field of an f-string: `{expression!conversion:spec}`.
///
/// A self-documenting field `{x=}` is stored as the literal `"x="` followed by a field with
/// conversion `r` (when it has neither conversion nor spec), as Python does.
public struct FormattedValue: Sendable {
  /// The expression between the braces.
  public var expression: Expression
  /// `"r"`, `"s"` or `"a"` from `!r`, `!s`, `!a`; nil when absent.
  public var conversion: Character?
  /// The format spec after `:`, which may itself hold fields (`{x:{width}}`); nil when absent.
  public var formatSpec: [FStringPart]?
  /// The braces and their contents.
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(
    expression: Expression, conversion: Character?, formatSpec: [FStringPart]?, span: SourceSpan
  ) {
    self.expression = expression
    self.conversion = conversion
    self.formatSpec = formatSpec
    self.span = span
  }
}

/// An entry of a dict display: `key: value`, or `**value` when `key` is nil.
public struct DictionaryItem: Sendable {
  /// The key, or nil for a `**mapping` unpacking.
  public var key: Expression?
  /// The value, or the mapping unpacked by `**`.
  public var value: Expression

  /// Creates the node from its parts (documented on the properties above).
  public init(key: Expression?, value: Expression) {
    self.key = key
    self.value = value
  }
}

/// One argument of a call.
public struct Argument: Sendable {
  /// How the argument is passed.
  public enum Kind: Sendable {
    /// `f(x)`.
    case positional(Expression)
    /// `f(kernel_size=5)`.
    case keyword(String, Expression)
    /// `f(*args)`.
    case unpacked(Expression)
    /// `f(**kwargs)`.
    case unpackedKeywords(Expression)
  }

  /// How the argument is passed, and its value.
  public var kind: Kind
  /// The whole argument, including `name=`, `*` or `**`.
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(_ kind: Kind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }
}

/// One link of a comparison chain: the operator and its right operand.
public struct Comparison: Sendable {
  /// The comparison operator.
  public var op: ComparisonOperator
  /// The right operand (the left one is the previous link's operand, or the chain's first operand).
  public var operand: Expression

  /// Creates the node from its parts (documented on the properties above).
  public init(op: ComparisonOperator, operand: Expression) {
    self.op = op
    self.operand = operand
  }
}

/// One `for target in iterable if condition...` clause of a comprehension.
public struct Comprehension: Sendable {
  /// The loop variable(s): a name, or a tuple/list of targets.
  public var target: Expression
  /// What is iterated.
  public var iterable: Expression
  /// The `if` filters, all of which must hold.
  public var conditions: [Expression]

  /// Creates the node from its parts (documented on the properties above).
  public init(target: Expression, iterable: Expression, conditions: [Expression]) {
    self.target = target
    self.iterable = iterable
    self.conditions = conditions
  }
}

/// `-x`, `+x`, `~x`, `not x`.
public enum UnaryOperator: String, Sendable {
  /// `-x`
  case negate = "-"
  /// `+x`
  case plus = "+"
  /// `~x`
  case invert = "~"
  /// `not x`
  case not = "not"
}

/// Arithmetic and bitwise operators; the raw value is the Python spelling.
public enum BinaryOperator: String, Sendable, CaseIterable {
  /// `a + b`
  case add = "+"
  /// `a - b`
  case subtract = "-"
  /// `a * b`
  case multiply = "*"
  /// `a @ b`
  case matrixMultiply = "@"
  /// `a / b`
  case divide = "/"
  /// `a // b`
  case floorDivide = "//"
  /// `a % b`
  case remainder = "%"
  /// `a ** b`
  case power = "**"
  /// `a << b`
  case leftShift = "<<"
  /// `a >> b`
  case rightShift = ">>"
  /// `a & b`
  case bitwiseAnd = "&"
  /// `a | b`
  case bitwiseOr = "|"
  /// `a ^ b`
  case bitwiseXor = "^"
}

/// `and`, `or`.
public enum BooleanOperator: String, Sendable {
  /// `a and b`: `a` if it is false, else `b`.
  case and
  /// `a or b`: `a` if it is true, else `b`.
  case or
}

/// Comparison operators; the raw value is the Python spelling.
public enum ComparisonOperator: String, Sendable {
  /// `a == b`
  case equal = "=="
  /// `a != b`
  case notEqual = "!="
  /// `a < b`
  case less = "<"
  /// `a <= b`
  case lessOrEqual = "<="
  /// `a > b`
  case greater = ">"
  /// `a >= b`
  case greaterOrEqual = ">="
  /// `a in b`
  case `in` = "in"
  /// `a not in b`
  case notIn = "not in"
  /// `a is b`
  case `is` = "is"
  /// `a is not b`
  case isNot = "is not"
}
