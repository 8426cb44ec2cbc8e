/// Assignment targets: parsing the ones that need care (`for` targets), and checking that an
/// expression can be assigned to, with Python's messages.
extension Parser {
  /// Where a target appears, which decides Python's wording.
  enum TargetContext {
    /// `a = ...`: "cannot assign to X here. Maybe you meant '==' instead of '='?"
    case assignment
    /// `for`, comprehension and `with ... as` targets: "cannot assign to X".
    case loop
    /// `del`: "cannot delete X".
    case delete
  }

  /// `a`, `a, b`, `(a, b), c`, `*rest`: a target list that stops before `in` (it is parsed
  /// above comparisons, as Python's `star_targets` are).
  mutating func parseTargetList() throws -> Expression {
    let start = current.span
    let first = try parseTarget()
    guard check(",") else { return first }
    var elements = [first]
    while accept(",") != nil && !check("in") && !check("=") {
      elements.append(try parseTarget())
    }
    return Expression(.tuple(elements), span: span(from: start))
  }

  mutating func parseTarget() throws -> Expression {
    guard let star = accept("*") else { return try parseBitwiseOr() }
    let value = try parseBitwiseOr()
    return Expression(.starred(value), span: span(from: star.span))
  }

  /// Throws unless `target` is a name, attribute, subscript, or a tuple/list of targets with at
  /// most one starred element.
  func checkAssignable(_ target: Expression, context: TargetContext) throws {
    switch target.kind {
    case .name, .attribute, .subscript:
      return
    case .tuple(let elements), .list(let elements):
      let starred = elements.filter {
        if case .starred = $0.kind { return true } else { return false }
      }
      if context != .delete, starred.count > 1 {
        throw Diagnostic("multiple starred expressions in assignment", at: starred[1].span)
      }
      for element in elements { try checkAssignable(element, context: context) }
    case .starred(let value) where context != .delete:
      try checkAssignable(value, context: context)
    default:
      let what = describe(target)
      switch context {
      case .assignment where what == "True" || what == "False" || what == "None":
        throw Diagnostic("cannot assign to \(what)", at: target.span)
      case .assignment:
        throw Diagnostic(
          "cannot assign to \(what) here. Maybe you meant '==' instead of '='?", at: target.span)
      case .loop: throw Diagnostic("cannot assign to \(what)", at: target.span)
      case .delete: throw Diagnostic("cannot delete \(what)", at: target.span)
      }
    }
  }

  /// `x += 1` needs a single name, attribute or subscript.
  func checkAugmentable(_ target: Expression) throws {
    switch target.kind {
    case .name, .attribute, .subscript: return
    default:
      throw Diagnostic(
        "'\(describe(target))' is an illegal expression for augmented assignment",
        at: target.span)
    }
  }

  /// `x: int = 1` needs a single name, attribute or subscript.
  func checkAnnotatable(_ target: Expression) throws {
    switch target.kind {
    case .name, .attribute, .subscript: return
    case .tuple:
      throw Diagnostic("only single target (not tuple) can be annotated", at: target.span)
    case .list: throw Diagnostic("only single target (not list) can be annotated", at: target.span)
    default: throw Diagnostic("illegal target for annotation", at: target.span)
    }
  }

  /// Python's name for an expression in target errors ("function call", "literal", ...).
  func describe(_ expression: Expression) -> String {
    switch expression.kind {
    case .call: return "function call"
    case .int, .float, .string: return "literal"
    case .bool(let value): return value ? "True" : "False"
    case .none: return "None"
    case .ellipsis: return "ellipsis"
    case .formattedString: return "f-string expression"
    case .compare: return "comparison"
    case .conditional: return "conditional expression"
    case .lambda: return "lambda"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .tuple: return "tuple"
    case .list: return "list"
    case .listComprehension: return "list comprehension"
    case .setComprehension: return "set comprehension"
    case .dictComprehension: return "dict comprehension"
    case .generator: return "generator expression"
    case .starred: return "starred"
    default: return "expression"
    }
  }
}
