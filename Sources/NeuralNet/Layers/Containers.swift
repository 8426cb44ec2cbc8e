/// `nn.ModuleList`: a list of submodules registered as `0`, `1`, ..., indexable and iterable; it
/// has no `forward` of its own.
public final class ModuleList: Module {
  public init(_ modules: [Module] = []) {
    super.init()
    for module in modules { append(module) }
  }

  /// The modules in order.
  public var items: [Module] { namedChildren.map(\.module) }

  /// `append(module)`: registers `module` under the next index.
  public func append(_ module: Module) {
    registerModule(String(namedChildren.count), module)
  }

  /// `modules[index] = module`, for an index already checked to be in range.
  public func replace(at index: Int, with module: Module) {
    registerModule(String(index), module)
  }

  /// PyTorch's ModuleList printing: consecutive children that print alike are one line,
  /// `(0-1): 2 x Linear(...)`.
  public override var childDescriptions: [(label: String, text: String)] {
    let texts = namedChildren.map(\.module.description)
    var result: [(label: String, text: String)] = []
    var start = 0
    while start < texts.count {
      var end = start
      while end + 1 < texts.count && texts[end + 1] == texts[start] { end += 1 }
      result.append(
        end == start
          ? (String(start), texts[start])
          : ("\(start)-\(end)", "\(end - start + 1) x \(texts[start])"))
      start = end + 1
    }
    return result
  }
}

/// `nn.ModuleDict`: submodules by string key, in insertion order; it has no `forward` of its own.
public final class ModuleDict: Module {
  public init(_ modules: [(key: String, module: Module)] = []) {
    super.init()
    for (key, module) in modules { registerModule(key, module) }
  }

  /// The keys in insertion order.
  public var keys: [String] { namedChildren.map(\.name) }
}

/// `nn.Identity(*args, **kwargs)`: returns its input (the arguments are ignored, as PyTorch's).
public final class Identity: Module {
  public override init() {}

  public override func forward(_ input: Tensor) throws -> Tensor { input }
}
