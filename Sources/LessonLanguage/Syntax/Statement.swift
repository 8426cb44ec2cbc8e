/// Statements of a lesson program (see `SyntaxTree.swift` for how spans are chosen).

/// A statement with the span that locates it: from its first token to the end of its first line.
public struct Statement: Sendable {
  /// What the statement is.
  public var kind: Kind
  /// The statement's first line, from its first token.
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(_ kind: Kind, span: SourceSpan) {
    self.kind = kind
    self.span = span
  }

  /// The kinds of statement. Blocks are arrays of statements, never empty for a parsed program.
  public indirect enum Kind: Sendable {
    /// An expression evaluated for its effect (a call), or a docstring.
    case expression(Expression)
    /// `a = b = value`: `targets` in source order (`[a, b]`), each a name, attribute, subscript,
    /// or a tuple/list of targets (one of which may be `.starred`).
    case assign(targets: [Expression], value: Expression)
    /// `target op= value`, e.g. `x += 1`; the target is a name, attribute or subscript.
    case augmentedAssign(target: Expression, BinaryOperator, value: Expression)
    /// `target: annotation = value` (the value may be missing); the annotation is not evaluated
    /// by lessons but is kept so it can be checked.
    case annotatedAssign(target: Expression, annotation: Expression, value: Expression?)
    /// `def name(parameters): body`.
    case functionDefinition(FunctionDefinition)
    /// `class name(bases): body`.
    case classDefinition(ClassDefinition)
    /// `return` or `return value` (`return a, b` returns a `.tuple`).
    case `return`(Expression?)
    /// `if condition: body else: orElse`; an `elif` is an `.if` that is the only statement of
    /// `orElse`, as in Python's `ast.If`. `orElse` is empty without `else`.
    case `if`(condition: Expression, body: [Statement], orElse: [Statement])
    /// `for target in iterable: body else: orElse` (`orElse` is empty without `else`).
    case `for`(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement])
    /// `break`.
    case `break`
    /// `continue`.
    case `continue`
    /// `pass`.
    case pass
    /// `with a as x, b: body`.
    case with([WithItem], body: [Statement])
    /// `import a.b.c as d, e`.
    case `import`([ImportedName])
    /// `from module import a as b, c`; `level` counts the leading dots of a relative import and
    /// `module` is empty for `from . import x`. `from m import *` has the single name `*`.
    case importFrom(module: String, names: [ImportedName], level: Int)
    /// `assert condition, message`.
    case assert(Expression, message: Expression?)
    /// `del a, b[0]`: each target is a name, attribute, subscript, or a tuple/list of them.
    case delete([Expression])
    /// `global a, b`.
    case global([String])
    /// `raise`, `raise exception`, `raise exception from cause`.
    case raise(Expression?, cause: Expression?)
    /// `while condition: body`, with the `else:` block run when the condition turns false.
    case `while`(condition: Expression, body: [Statement], orElse: [Statement])
    /// `try: body`, its `except` clauses in order, the `else:` block (run when the body raised
    /// nothing) and the `finally:` block (run always).
    case `try`(
      body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement])
  }
}

/// One `except` clause: `except:`, `except ValueError:`, `except (KeyError, IndexError) as e:`.
public struct ExceptHandler: Sendable {
  /// The class or tuple of classes it catches; nil for a bare `except:`.
  public var type: Expression?
  /// The name after `as`.
  public var name: String?
  /// The clause's statements.
  public var body: [Statement]
  /// The clause's first line, from `except`.
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(type: Expression?, name: String?, body: [Statement], span: SourceSpan) {
    self.type = type
    self.name = name
    self.body = body
    self.span = span
  }
}

/// A `def`: its name, parameters and body.
public struct FunctionDefinition: Sendable {
  /// The function's name.
  public var name: String
  /// The name as written after `def`, for errors about the function itself.
  public var nameSpan: SourceSpan
  /// The parameter list.
  public var parameters: Parameters
  /// The `-> annotation`, if any (not evaluated by lessons).
  public var returns: Expression?
  /// The statements of the body; a docstring is its first `.expression(.string)`.
  public var body: [Statement]

  /// Creates the node from its parts (documented on the properties above).
  public init(
    name: String, nameSpan: SourceSpan, parameters: Parameters, returns: Expression?,
    body: [Statement]
  ) {
    self.name = name
    self.nameSpan = nameSpan
    self.parameters = parameters
    self.returns = returns
    self.body = body
  }
}

/// A `class`: its name, bases and body.
public struct ClassDefinition: Sendable {
  /// The class's name.
  public var name: String
  /// The name as written after `class`.
  public var nameSpan: SourceSpan
  /// The arguments in the parentheses: usually positional bases (`nn.Module`); keywords such as
  /// `metaclass=` are kept as written.
  public var bases: [Argument]
  /// The statements of the body (methods are `.functionDefinition`s).
  public var body: [Statement]

  /// Creates the node from its parts (documented on the properties above).
  public init(name: String, nameSpan: SourceSpan, bases: [Argument], body: [Statement]) {
    self.name = name
    self.nameSpan = nameSpan
    self.bases = bases
    self.body = body
  }
}

/// The parameters of a `def` or `lambda`: `(a, b=1, *args, c, d=2, **kwargs)`.
public struct Parameters: Sendable {
  /// Parameters before `*` or `*args`, which may be passed by position or keyword.
  public var positional: [Parameter]
  /// `*args`, if any.
  public var variadic: Parameter?
  /// Parameters after `*` or `*args`, passed only by keyword (they may lack a default).
  public var keywordOnly: [Parameter]
  /// `**kwargs`, if any.
  public var keywordVariadic: Parameter?

  /// Creates the node from its parts (documented on the properties above).
  public init(
    positional: [Parameter] = [], variadic: Parameter? = nil, keywordOnly: [Parameter] = [],
    keywordVariadic: Parameter? = nil
  ) {
    self.positional = positional
    self.variadic = variadic
    self.keywordOnly = keywordOnly
    self.keywordVariadic = keywordVariadic
  }
}

/// One parameter: its name, annotation and default value.
public struct Parameter: Sendable {
  /// The parameter's name.
  public var name: String
  /// `: annotation`, if any (not evaluated by lessons).
  public var annotation: Expression?
  /// `= default`, if any; evaluated once, when the `def` runs, as in Python.
  public var defaultValue: Expression?
  /// The name as written.
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(name: String, annotation: Expression?, defaultValue: Expression?, span: SourceSpan) {
    self.name = name
    self.annotation = annotation
    self.defaultValue = defaultValue
    self.span = span
  }
}

/// One item of a `with` statement: `context as target`.
public struct WithItem: Sendable {
  /// The context manager expression (`torch.no_grad()`).
  public var context: Expression
  /// The `as` target, if any (a name, attribute, subscript or tuple of targets).
  public var target: Expression?

  /// Creates the node from its parts (documented on the properties above).
  public init(context: Expression, target: Expression?) {
    self.context = context
    self.target = target
  }
}

/// A name in an import: the dotted module or imported name, and its `as` alias.
public struct ImportedName: Sendable {
  /// `torch.nn.functional` in `import torch.nn.functional as F`; `Variable` in
  /// `from torch.autograd import Variable`.
  public var name: String
  /// `F` in `import torch.nn.functional as F`; nil without `as`.
  public var alias: String?
  /// The name as written (with its alias).
  public var span: SourceSpan

  /// Creates the node from its parts (documented on the properties above).
  public init(name: String, alias: String?, span: SourceSpan) {
    self.name = name
    self.alias = alias
    self.span = span
  }

}
