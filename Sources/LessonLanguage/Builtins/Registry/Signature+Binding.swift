/// The one argument binder: Python's rules for matching a call's arguments to a signature, and
/// Python's `TypeError` messages when they do not fit. Builtins and lesson `def`s both use it.
extension Signature {
  /// One value per parameter, in order: the argument passed, nil where none was (its default
  /// applies); `*args` as a tuple and `**kwargs` as a dict, possibly empty.
  ///
  /// `function` names the callable in messages (`conv2d`, `Net.forward`). Linear in the number
  /// of arguments.
  public func bind(_ arguments: Arguments, function: String) throws -> [Value?] {
    var slots = [Value?](repeating: nil, count: parameters.count)
    try bindPositional(arguments.positional, into: &slots, function: function)
    try bindKeywords(arguments.keywords, into: &slots, function: function)
    try checkRequired(slots, function: function)
    return slots
  }

  private func bindPositional(_ values: [Value], into slots: inout [Value?], function: String)
    throws
  {
    let positional = parameters.indices.filter { parameters[$0].isPositional }
    for (index, value) in zip(positional, values) { slots[index] = value }
    guard values.count > positional.count else { return }
    guard let variadic = parameters.firstIndex(where: { $0.kind == .variadic }) else {
      let required = positional.count { parameters[$0].defaultText == nil }
      throw PythonException.type(
        positionalCountMessage(
          function, required: required, total: positional.count, given: values.count))
    }
    slots[variadic] = .tuple(Array(values[positional.count...]))
  }

  private func bindKeywords(
    _ keywords: [(name: String, value: Value)], into slots: inout [Value?], function: String
  ) throws {
    let keywordVariadic = parameters.firstIndex { $0.kind == .keywordVariadic }
    let extra = DictStorage()
    var extraNames: Set<String> = []
    var positionalOnlyPassed: [String] = []
    for (name, value) in keywords {
      if let index = parameters.firstIndex(where: { $0.name == name && $0.acceptsKeyword }) {
        guard slots[index] == nil else {
          throw PythonException.type("\(function)() got multiple values for argument '\(name)'")
        }
        slots[index] = value
      } else if keywordVariadic != nil {
        guard extraNames.insert(name).inserted else {
          throw PythonException.type(
            "\(function)() got multiple values for keyword argument '\(name)'")
        }
        extra.append(.string(name), value)
      } else if parameters.contains(where: { $0.name == name && $0.kind == .positionalOnly }) {
        positionalOnlyPassed.append(name)
      } else {
        let names = parameters.filter(\.acceptsKeyword).map(\.name)
        throw PythonException.type(
          "\(function)() got an unexpected keyword argument '\(name)'",
          notes: didYouMean(name, in: names))
      }
    }
    if !positionalOnlyPassed.isEmpty {
      throw PythonException.type(
        "\(function)() got some positional-only arguments passed as keyword arguments: "
          + positionalOnlyPassed.map { "'\($0)'" }.joined(separator: ", "))
    }
    if let keywordVariadic { slots[keywordVariadic] = .dict(extra) }
    if let variadic = parameters.firstIndex(where: { $0.kind == .variadic }),
      slots[variadic] == nil
    {
      slots[variadic] = .tuple([])
    }
  }

  private func checkRequired(_ slots: [Value?], function: String) throws {
    for (kind, label) in [(true, "positional"), (false, "keyword-only")] {
      let missing = parameters.indices.filter {
        parameters[$0].isRequired && slots[$0] == nil
          && (parameters[$0].kind == .keywordOnly) != kind
      }.map { "'\(parameters[$0].name)'" }
      guard !missing.isEmpty else { continue }
      throw PythonException.type(
        "\(function)() missing \(missing.count) required \(label) argument"
          + (missing.count == 1 ? "" : "s") + ": " + Self.englishList(missing))
    }
  }

  /// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`, as Python lists missing arguments.
  static func englishList(_ items: [String]) -> String {
    switch items.count {
    case 0: ""
    case 1: items[0]
    case 2: "\(items[0]) and \(items[1])"
    default: items.dropLast().joined(separator: ", ") + ", and " + (items.last ?? "")
    }
  }
}

/// Python's "f() takes 2 positional arguments but 3 were given" (or "from 1 to 2 ...").
func positionalCountMessage(_ function: String, required: Int, total: Int, given: Int) -> String {
  let range = required == total ? "\(total)" : "from \(required) to \(total)"
  return "\(function)() takes \(range) positional argument\(total == 1 ? "" : "s") but \(given) "
    + (given == 1 ? "was given" : "were given")
}
