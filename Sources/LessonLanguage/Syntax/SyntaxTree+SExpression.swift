/// A compact S-expression rendering of syntax trees, for tests and debugging.
///
/// Names print bare (`x`), literals as Python would write them (`1`, `0.5`, `"text"`, `None`),
/// and every other node as `(head children...)`: `(call (. F relu) x)`, `(+ a b)`,
/// `(compare 0 < x < 5)`, `(= (tuple a b) value)`, `(def f (x (= y 1)) body...)`.

extension Expression {
  /// The S-expression of this expression, e.g. `(call (. nn Linear) 320 10)`.
  public var sExpression: String {
    switch kind {
    case .name(let name): return name
    case .int(let value): return String(value)
    case .float(let value): return String(value)
    case .string(let text): return quoted(text)
    case .formattedString(let parts): return list("f", parts.map(\.sExpression))
    case .bool(let value): return value ? "True" : "False"
    case .none: return "None"
    case .ellipsis: return "..."
    case .list(let elements): return list("list", elements.map(\.sExpression))
    case .tuple(let elements): return list("tuple", elements.map(\.sExpression))
    case .set(let elements): return list("set", elements.map(\.sExpression))
    case .dict(let items): return list("dict", items.map(\.sExpression))
    case .attribute(let value, let name): return list(".", [value.sExpression, name])
    case .subscript(let value, let index):
      return list("index", [value.sExpression, index.sExpression])
    case .slice(let lower, let upper, let step):
      return list("slice", [lower, upper, step].map { $0?.sExpression ?? "_" })
    case .call(let function, let arguments):
      return list("call", [function.sExpression] + arguments.map(\.sExpression))
    case .starred(let value): return list("*", [value.sExpression])
    case .unary(let op, let operand): return list(op.rawValue, [operand.sExpression])
    case .binary(let op, let left, let right):
      return list(op.rawValue, [left.sExpression, right.sExpression])
    case .boolean(let op, let left, let right):
      return list(op.rawValue, [left.sExpression, right.sExpression])
    case .compare(let first, let links):
      return list(
        "compare", [first.sExpression] + links.map { "\($0.op.rawValue) \($0.operand.sExpression)" }
      )
    default: return compoundSExpression
    }
  }

  private var compoundSExpression: String {
    switch kind {
    case .conditional(let condition, let body, let orElse):
      return list("if", [condition.sExpression, body.sExpression, orElse.sExpression])
    case .lambda(let parameters, let body):
      return list("lambda", [parameters.sExpression, body.sExpression])
    case .listComprehension(let element, let clauses):
      return list("listcomp", [element.sExpression] + clauses.map(\.sExpression))
    case .setComprehension(let element, let clauses):
      return list("setcomp", [element.sExpression] + clauses.map(\.sExpression))
    case .dictComprehension(let key, let value, let clauses):
      return list("dictcomp", [key.sExpression, value.sExpression] + clauses.map(\.sExpression))
    case .generator(let element, let clauses):
      return list("genexp", [element.sExpression] + clauses.map(\.sExpression))
    default: return "?"
    }
  }
}

extension Statement {
  /// The S-expression of this statement; blocks print as `(block ...)`.
  public var sExpression: String {
    switch kind {
    case .expression(let expression): return expression.sExpression
    case .assign(let targets, let value): return list("=", (targets + [value]).map(\.sExpression))
    case .augmentedAssign(let target, let op, let value):
      return list(op.rawValue + "=", [target.sExpression, value.sExpression])
    case .annotatedAssign(let target, let annotation, let value):
      return list(
        ":", [target.sExpression, annotation.sExpression] + [value?.sExpression].compactMap { $0 })
    case .functionDefinition(let definition): return definition.sExpression
    case .classDefinition(let definition): return definition.sExpression
    case .return(let value): return list("return", [value?.sExpression].compactMap { $0 })
    case .if(let condition, let body, let orElse):
      return list(
        "if", [condition.sExpression, block(body)] + (orElse.isEmpty ? [] : [block(orElse)]))
    case .for(let target, let iterable, let body, let orElse):
      return list(
        "for",
        [target.sExpression, iterable.sExpression, block(body)]
          + (orElse.isEmpty ? [] : [block(orElse)]))
    case .break: return "(break)"
    case .continue: return "(continue)"
    case .pass: return "(pass)"
    case .with(let items, let body):
      return list("with", items.map(\.sExpression) + [block(body)])
    case .import(let names): return list("import", names.map(\.sExpression))
    case .importFrom(let module, let names, let level):
      return list(
        "from", [String(repeating: ".", count: level) + module] + names.map(\.sExpression))
    case .assert(let condition, let message):
      return list("assert", [condition.sExpression] + [message?.sExpression].compactMap { $0 })
    case .delete(let targets): return list("del", targets.map(\.sExpression))
    case .global(let names): return list("global", names)
    case .while(let condition, let body, let orElse):
      return list(
        "while", [condition.sExpression, block(body)] + (orElse.isEmpty ? [] : [block(orElse)]))
    case .try(let body, let handlers, let orElse, let finally):
      let clauses = handlers.map { handler in
        list(
          "except",
          [handler.type?.sExpression, handler.name.map { "as " + $0 }].compactMap { $0 }
            + [block(handler.body)])
      }
      return list(
        "try",
        [block(body)] + clauses + (orElse.isEmpty ? [] : [list("else", [block(orElse)])])
          + (finally.isEmpty ? [] : [list("finally", [block(finally)])]))
    case .raise(let exception, let cause):
      return list(
        "raise",
        [exception?.sExpression, cause.map { list("from", [$0.sExpression]) }].compactMap { $0 })
    }
  }

  /// The statements of a program, one S-expression per line.
  public static func sExpression(_ statements: [Statement]) -> String {
    statements.map(\.sExpression).joined(separator: "\n")
  }
}

extension FunctionDefinition {
  /// `(def name (parameters) body...)`, with `(-> annotation)` after the parameters if present.
  var sExpression: String {
    let returns = returns.map { [list("->", [$0.sExpression])] } ?? []
    return list("def", [name, parameters.sExpression] + returns + body.map(\.sExpression))
  }
}

extension ClassDefinition {
  /// `(class Name (bases) body...)`.
  var sExpression: String {
    list(
      "class",
      [name, "(" + bases.map(\.sExpression).joined(separator: " ") + ")"] + body.map(\.sExpression))
  }
}

extension Parameters {
  /// `(a (= b 1) (* args) * c (** kwargs))`; a bare `*` marks keyword-only parameters.
  var sExpression: String {
    var items = positional.map(\.sExpression)
    if let variadic {
      items.append(list("*", [variadic.sExpression]))
    } else if !keywordOnly.isEmpty {
      items.append("*")
    }
    items += keywordOnly.map(\.sExpression)
    if let keywordVariadic { items.append(list("**", [keywordVariadic.sExpression])) }
    return "(" + items.joined(separator: " ") + ")"
  }
}

extension Parameter {
  /// `x`, `(: x int)`, `(= x 1)`.
  var sExpression: String {
    var text = name
    if let annotation { text = list(":", [text, annotation.sExpression]) }
    if let defaultValue { text = list("=", [text, defaultValue.sExpression]) }
    return text
  }
}

extension Argument {
  /// `x`, `(= name value)`, `(* args)`, `(** kwargs)`.
  var sExpression: String {
    switch kind {
    case .positional(let value): return value.sExpression
    case .keyword(let name, let value): return list("=", [name, value.sExpression])
    case .unpacked(let value): return list("*", [value.sExpression])
    case .unpackedKeywords(let value): return list("**", [value.sExpression])
    }
  }
}

extension DictionaryItem {
  /// `(key value)` or `(** mapping)`.
  var sExpression: String {
    "(" + (key?.sExpression ?? "**") + " " + value.sExpression + ")"
  }
}

extension Comprehension {
  /// `(for target iterable (if condition)...)`.
  var sExpression: String {
    list(
      "for",
      [target.sExpression, iterable.sExpression] + conditions.map { list("if", [$0.sExpression]) })
  }
}

extension FStringPart {
  /// `"text"` or `(format value !r (spec ...))`.
  var sExpression: String {
    switch self {
    case .literal(let text): return quoted(text)
    case .value(let value):
      var items = [value.expression.sExpression]
      if let conversion = value.conversion { items.append("!\(conversion)") }
      if let spec = value.formatSpec { items.append(list("spec", spec.map(\.sExpression))) }
      return list("format", items)
    }
  }
}

extension WithItem {
  /// `(as context target)` or the bare context.
  var sExpression: String {
    target.map { list("as", [context.sExpression, $0.sExpression]) } ?? context.sExpression
  }
}

extension ImportedName {
  /// `a.b` or `(as a.b c)`.
  var sExpression: String { alias.map { list("as", [name, $0]) } ?? name }
}

private func list(_ head: String, _ items: [String]) -> String {
  "(" + ([head] + items).joined(separator: " ") + ")"
}

private func block(_ statements: [Statement]) -> String {
  list("block", statements.map(\.sExpression))
}

/// A double-quoted string with `\`, `"`, newline and tab escaped.
private func quoted(_ text: String) -> String {
  var result = "\""
  for character in text {
    switch character {
    case "\\": result += "\\\\"
    case "\"": result += "\\\""
    case "\n": result += "\\n"
    case "\t": result += "\\t"
    default: result.append(character)
    }
  }
  return result + "\""
}
