/// The names a block of statements binds in the scope it runs in, read from the syntax tree alone:
/// what a cell would have defined had it run to the end (an exercise uses this to tell a check
/// that failed on its own from one that only lacks a name an earlier, failed cell was to define).

extension Statement {
  /// The names `statements` bind in their own scope, in order of first appearance: assignment
  /// targets (`x = ...`, `a, b = ...`, `x += 1`), `for` and `with ... as` targets, `def` and
  /// `class` names, imports (`import torch.nn as nn` binds `nn`, `import torch.nn` binds
  /// `torch`), and those of the blocks of `if`, `for` and `with`. Not the names bound inside a
  /// function or class body, nor attributes and subscripts (`self.x = ...`, `d[k] = ...`).
  public static func boundNames(_ statements: [Statement]) -> [String] {
    var names: [String] = []
    var seen: Set<String> = []
    // An explicit worklist of blocks: nesting depth is bounded by the parser, but no recursion
    // is needed either.
    var pending = [statements[...]]
    while var block = pending.popLast() {
      guard let statement = block.popFirst() else { continue }
      pending.append(block)
      let (bound, blocks) = statement.kind.bindings
      for name in bound where seen.insert(name).inserted { names.append(name) }
      // Pushed in reverse so that the first block's names come first.
      pending.append(contentsOf: blocks.reversed().map { $0[...] })
    }
    return names
  }
}

extension Statement.Kind {
  /// The names this statement binds itself, and the blocks it holds that run in the same scope.
  fileprivate var bindings: (names: [String], blocks: [[Statement]]) {
    switch self {
    case .assign(let targets, _):
      return (targets.flatMap(\.targetNames), [])
    case .augmentedAssign(let target, _, _), .annotatedAssign(let target, _, _):
      return (target.targetNames, [])
    case .functionDefinition(let definition):
      return ([definition.name], [])
    case .classDefinition(let definition):
      return ([definition.name], [])
    case .if(_, let body, let orElse):
      return ([], [body, orElse])
    case .for(let target, _, let body, let orElse):
      return (target.targetNames, [body, orElse])
    case .while(_, let body, let orElse):
      return ([], [body, orElse])
    case .try(let body, let handlers, let orElse, let finally):
      return (handlers.compactMap(\.name), [body] + handlers.map(\.body) + [orElse, finally])
    case .with(let items, let body):
      return (items.flatMap { $0.target?.targetNames ?? [] }, [body])
    case .import(let imported):
      return (
        imported.map { $0.alias ?? String($0.name.split(separator: ".").first ?? "") }
          .filter { !$0.isEmpty }, []
      )
    case .importFrom(_, let imported, _):
      return (imported.map { $0.alias ?? $0.name }.filter { $0 != "*" }, [])
    case .expression, .return, .break, .continue, .pass, .assert, .delete, .global, .raise:
      return ([], [])
    }
  }
}

extension Expression {
  /// The names an assignment to this target binds: a name, or the names inside a tuple, list or
  /// starred target; none for an attribute or subscript.
  fileprivate var targetNames: [String] {
    var names: [String] = []
    var pending = [self]
    while let target = pending.popLast() {
      switch target.kind {
      case .name(let name): names.append(name)
      case .tuple(let elements), .list(let elements):
        pending.append(contentsOf: elements.reversed())
      case .starred(let inner): pending.append(inner)
      default: break
      }
    }
    return names
  }
}
