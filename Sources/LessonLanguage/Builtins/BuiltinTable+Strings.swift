import Foundation

/// Methods of Python's `str` that lecture code uses (`str.format` is in
/// `BuiltinTable+Containers.swift`). Positions count characters, as `len` does.
extension BuiltinTable {
  static let strings: [BuiltinFunction] = [
    .function(
      "builtins.str.join", .string("self").positionalOnly, .value("iterable").positionalOnly
    ) { interpreter, separator, iterable in
      let parts = try interpreter.iterateAll(iterable).enumerated().map { index, item in
        guard case .string(let text) = item else {
          throw PythonException.type(
            "sequence item \(index): expected str instance, \(typeName(of: item)) found")
        }
        return text
      }
      let separators = ValueMemory.product(separator.utf8.count, max(0, parts.count - 1))
      try ValueMemory.checkString(
        bytes: parts.reduce(separators) { ValueMemory.sum($0, $1.utf8.count) })
      return .string(parts.joined(separator: separator))
    },
    .function("builtins.str.upper", .string("self")) { _, text in .string(text.uppercased()) },
    .function("builtins.str.lower", .string("self")) { _, text in .string(text.lowercased()) },
    .function("builtins.str.title", .string("self")) { _, text in .string(titled(text)) },
    .function("builtins.str.capitalize", .string("self")) { _, text in
      .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
    },
    .function("builtins.str.isdigit", .string("self")) { _, text in
      .bool(!text.isEmpty && text.allSatisfy { $0.wholeNumberValue != nil })
    },
    .function("builtins.str.isalpha", .string("self")) { _, text in
      .bool(!text.isEmpty && text.allSatisfy(\.isLetter))
    },
    .function("builtins.str.isspace", .string("self")) { _, text in
      .bool(!text.isEmpty && text.allSatisfy(\.isWhitespace))
    },
    strip("builtins.str.strip", leading: true, trailing: true),
    strip("builtins.str.lstrip", leading: true, trailing: false),
    strip("builtins.str.rstrip", leading: false, trailing: true),
    .function(
      "builtins.str.split", .string("self"), .optionalString("sep"), .int("maxsplit", default: -1)
    ) { _, text, separator, maxsplit in
      let parts = try split(text, separator: separator, maxsplit: maxsplit)
      try ValueMemory.checkItems(parts.count, what: "str.split")
      return .list(ListStorage(parts.map { .string($0) }))
    },
    .function(
      "builtins.str.replace", .string("self").positionalOnly, .string("old").positionalOnly,
      .string("new").positionalOnly, .int("count", default: -1).positionalOnly
    ) { _, text, old, new, count in .string(try replaced(text, old, new, count: count)) },
    .function(
      "builtins.str.count", .string("self").positionalOnly, .string("sub").positionalOnly
    ) { _, text, part in
      .int(part.isEmpty ? text.count + 1 : text.components(separatedBy: part).count - 1)
    },
    .function("builtins.str.find", .string("self").positionalOnly, .string("sub").positionalOnly) {
      _, text, part in .int(position(of: part, in: text, last: false) ?? -1)
    },
    .function("builtins.str.rfind", .string("self").positionalOnly, .string("sub").positionalOnly) {
      _, text, part in .int(position(of: part, in: text, last: true) ?? -1)
    },
    .function(
      "builtins.str.startswith", .string("self").positionalOnly, .value("prefix").positionalOnly
    ) { _, text, prefix in
      .bool(try affixes(prefix, "startswith").contains { text.hasPrefix($0) })
    },
    .function(
      "builtins.str.endswith", .string("self").positionalOnly, .value("suffix").positionalOnly
    ) { _, text, suffix in
      .bool(try affixes(suffix, "endswith").contains { text.hasSuffix($0) })
    },
    pad("builtins.str.ljust") { margin in (0, margin) },
    pad("builtins.str.rjust") { margin in (margin, 0) },
    // CPython's centring: the odd space goes left when the width is odd.
    pad("builtins.str.center") { margin, width in
      let left = margin / 2 + (margin & width & 1)
      return (left, margin - left)
    },
    .function("builtins.str.zfill", .string("self").positionalOnly, .int("width").positionalOnly) {
      _, text, width in
      let margin = width - text.count
      guard margin > 0 else { return .string(text) }
      try ValueMemory.checkString(bytes: ValueMemory.sum(text.utf8.count, margin))
      let zeros = String(repeating: "0", count: margin)
      if let sign = text.first, sign == "+" || sign == "-" {
        return .string(String(sign) + zeros + text.dropFirst())
      }
      return .string(zeros + text)
    },
  ]

  /// `str.strip` and its one-sided forms: whitespace, or any of `chars`.
  private static func strip(_ name: String, leading: Bool, trailing: Bool) -> BuiltinFunction {
    .function(name, .string("self").positionalOnly, .optionalString("chars").positionalOnly) {
      _, text, chars in
      let strips: (Character) -> Bool =
        chars.map { set in { set.contains($0) } } ?? { $0.isWhitespace }
      var result = Substring(text)
      if leading { result = result.drop(while: strips) }
      if trailing {
        while let last = result.last, strips(last) { result.removeLast() }
      }
      return .string(String(result))
    }
  }

  /// `str.ljust`, `rjust`, `center`: `text` padded to `width` with `fillchar`, the margin split
  /// by `split(margin, width)` into the left and right fill.
  private static func pad(
    _ name: String, split: @escaping @Sendable (Int, Int) -> (Int, Int)
  ) -> BuiltinFunction {
    .function(
      name, .string("self").positionalOnly, .int("width").positionalOnly,
      .string("fillchar", default: " ").positionalOnly
    ) { _, text, width, fill in
      guard fill.count == 1 else {
        throw PythonException.type("The fill character must be exactly one character long")
      }
      let margin = width - text.count
      guard margin > 0 else { return .string(text) }
      try ValueMemory.checkString(
        bytes: ValueMemory.sum(text.utf8.count, ValueMemory.product(fill.utf8.count, margin)))
      let (left, right) = split(margin, width)
      return .string(
        String(repeating: fill, count: left) + text + String(repeating: fill, count: right))
    }
  }

  private static func pad(_ name: String, split: @escaping @Sendable (Int) -> (Int, Int))
    -> BuiltinFunction
  {
    pad(name) { margin, _ in split(margin) }
  }

  /// The strings `startswith` / `endswith` accept: one, or a tuple of them.
  private static func affixes(_ value: Value, _ method: String) throws -> [String] {
    switch value {
    case .string(let text): return [text]
    case .tuple(let items):
      return try items.map { item in
        guard case .string(let text) = item else {
          throw PythonException.type(
            "tuple for \(method) must only contain str, not \(typeName(of: item))")
        }
        return text
      }
    default:
      throw PythonException.type(
        "\(method) first arg must be str or a tuple of str, not \(typeName(of: value))")
    }
  }

  /// Python's `str.split`: on runs of whitespace (ends dropped) when `separator` is nil, else on
  /// each `separator`; at most `maxsplit` splits when it is not negative.
  static func split(_ text: String, separator: String?, maxsplit: Int) throws -> [String] {
    let limit = maxsplit < 0 ? Int.max : maxsplit
    guard let separator else {
      var parts: [String] = []
      var rest = Substring(text).drop(while: \.isWhitespace)
      while !rest.isEmpty {
        guard parts.count < limit, let end = rest.firstIndex(where: \.isWhitespace) else {
          parts.append(String(rest))
          break
        }
        parts.append(String(rest[..<end]))
        rest = rest[end...].drop(while: \.isWhitespace)
        if parts.count == limit, !rest.isEmpty {
          parts.append(String(rest))
          break
        }
      }
      return parts
    }
    guard !separator.isEmpty else { throw PythonException.value("empty separator") }
    var parts: [String] = []
    var rest = Substring(text)
    while parts.count < limit, let range = rest.range(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }

  /// Python's `str.replace`: at most `count` replacements when it is not negative; an empty
  /// `old` inserts `new` around every character, as Python does.
  private static func replaced(_ text: String, _ old: String, _ new: String, count: Int) throws
    -> String
  {
    let limit = count < 0 ? Int.max : count
    if old.isEmpty {
      let slots = min(limit, text.count + 1)
      try ValueMemory.checkString(
        bytes: ValueMemory.sum(text.utf8.count, ValueMemory.product(new.utf8.count, slots)))
      var result = ""
      var inserted = 0
      for character in text {
        if inserted < slots {
          result += new
          inserted += 1
        }
        result.append(character)
      }
      if inserted < slots { result += new }
      return result
    }
    let pieces = try split(text, separator: old, maxsplit: count)
    let separators = ValueMemory.product(new.utf8.count, pieces.count - 1)
    try ValueMemory.checkString(
      bytes: pieces.reduce(separators) { ValueMemory.sum($0, $1.utf8.count) })
    return pieces.joined(separator: new)
  }

  /// The character position of the first (or last) `part` in `text`.
  private static func position(of part: String, in text: String, last: Bool) -> Int? {
    if part.isEmpty { return last ? text.count : 0 }
    guard let range = text.range(of: part, options: last ? [.backwards, .literal] : [.literal])
    else { return nil }
    return text.distance(from: text.startIndex, to: range.lowerBound)
  }

  /// Python's `str.title`: a letter after a non-letter is upper case, other letters lower case.
  private static func titled(_ text: String) -> String {
    var result = ""
    var previousCased = false
    for character in text {
      result += previousCased ? character.lowercased() : character.uppercased()
      previousCased = character.isLetter
    }
    return result
  }
}
