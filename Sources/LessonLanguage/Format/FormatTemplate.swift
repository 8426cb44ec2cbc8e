/// Python's `str.format` templates: literal text, `{{` / `}}` escapes, and replacement fields
/// `{[name][!conversion][:spec]}` numbered automatically (`{}`) or by hand (`{0}`, `{1:>4}`).

/// The argument a replacement field names: a position or a keyword.
public enum FormatArgument: Equatable, Sendable {
  /// A positional argument, numbered automatically (`{}`) or by hand (`{0}`).
  case index(Int)
  /// A keyword argument (`{name}`).
  case keyword(String)
}

/// An attribute (`{0.shape}`) or item (`{0[1]}`, `{d[key]}`) looked up on the argument.
public enum FormatAccessor: Equatable, Sendable {
  /// `.name`
  case attribute(String)
  /// A subscript by integer, as Python reads all-digit keys.
  case index(Int)
  /// A subscript by string (any key that is not all digits, taken as is).
  case key(String)
}

/// One replacement field, resolved: which argument, what to look up on it, the `!r` / `!s` / `!a`
/// conversion, and the format spec (nested `{}` fields already expanded).
public struct FormatField: Equatable, Sendable {
  /// The argument the field names.
  public var argument: FormatArgument
  /// Attribute and item lookups applied to the argument, in order.
  public var accessors: [FormatAccessor]
  /// `r`, `s` or `a` from `!r`, `!s`, `!a`; nil when there is none.
  public var conversion: Character?
  /// The format spec after `:`, with nested fields replaced; empty when there is none.
  public var spec: String

  /// A field for `argument`, with optional lookups, conversion and spec.
  public init(
    argument: FormatArgument, accessors: [FormatAccessor] = [], conversion: Character? = nil,
    spec: String = ""
  ) {
    self.argument = argument
    self.accessors = accessors
    self.conversion = conversion
    self.spec = spec
  }
}

/// Python's `template.format(*args, **kwargs)`: copies the literal text and replaces each field by
/// `render(field)`, which looks the value up, applies the conversion and formats it by the spec
/// (throwing `FormatError(.keyError, "'name'")` for a missing keyword).
///
/// Checks what Python checks: unbalanced braces, mixing `{}` with `{0}`, positional indices past
/// `positionalCount` (`Replacement index 2 out of range for positional args tuple`).
public func pythonFormatTemplate(
  _ template: String, positionalCount: Int, render: (FormatField) throws -> String
) throws -> String {
  var parser = TemplateParser(positionalCount: positionalCount)
  return try parser.expand(Array(template), depth: 2, render: render)
}

/// Walks a template, keeping the automatic-numbering state across nested specs.
private struct TemplateParser {
  let positionalCount: Int
  /// Next automatic index; nil once a manual index has been used.
  var nextAutomatic: Int? = 0
  var usedManual = false

  init(positionalCount: Int) {
    self.positionalCount = positionalCount
  }

  mutating func expand(
    _ chars: [Character], depth: Int, render: (FormatField) throws -> String
  ) throws -> String {
    guard depth > 0 else { throw FormatError.value("Max string recursion exceeded") }
    var output = ""
    var pos = 0
    while pos < chars.count {
      let char = chars[pos]
      pos += 1
      if char == "}" {
        guard pos < chars.count, chars[pos] == "}" else {
          throw FormatError.value("Single '}' encountered in format string")
        }
        output.append("}")
        pos += 1
      } else if char != "{" {
        output.append(char)
      } else if pos < chars.count, chars[pos] == "{" {
        output.append("{")
        pos += 1
      } else {
        guard pos < chars.count else {
          throw FormatError.value("Single '{' encountered in format string")
        }
        let end = try fieldEnd(chars, from: pos)
        let field = try parseField(Array(chars[pos..<end]), depth: depth, render: render)
        output += try render(field)
        pos = end + 1
      }
    }
    return output
  }

  /// The index of the `}` closing the field that starts at `start`, counting nested braces.
  func fieldEnd(_ chars: [Character], from start: Int) throws -> Int {
    var level = 1
    for index in start..<chars.count {
      if chars[index] == "{" { level += 1 }
      if chars[index] == "}" {
        level -= 1
        if level == 0 { return index }
      }
    }
    throw FormatError.value("expected '}' before end of string")
  }

  /// Splits `name[!c][:spec]` (a `[...]` subscript may hold `!` and `:`) and resolves each part.
  mutating func parseField(
    _ chars: [Character], depth: Int, render: (FormatField) throws -> String
  ) throws -> FormatField {
    var pos = 0
    while pos < chars.count, chars[pos] != "!", chars[pos] != ":" {
      if chars[pos] == "{" { throw FormatError.value("unexpected '{' in field name") }
      if chars[pos] == "[" {
        while pos < chars.count, chars[pos] != "]" { pos += 1 }
      }
      if pos < chars.count { pos += 1 }
    }
    let name = Array(chars[0..<pos])
    var conversion: Character?
    if pos < chars.count, chars[pos] == "!" {
      guard pos + 1 < chars.count else {
        throw FormatError.value("end of string while looking for conversion specifier")
      }
      conversion = chars[pos + 1]
      pos += 2
      guard pos == chars.count || chars[pos] == ":" else {
        throw FormatError.value("expected ':' after conversion specifier")
      }
    }
    var field = try resolveName(name)
    if let conversion {
      guard "rsa".contains(conversion) else {
        throw FormatError.value("Unknown conversion specifier \(conversion)")
      }
    }
    field.conversion = conversion
    if pos < chars.count {
      field.spec = try expand(Array(chars[(pos + 1)...]), depth: depth - 1, render: render)
    }
    return field
  }

  /// The argument and accessors of a field name such as ``, `0`, `name`, `0.shape`, `x[1]`.
  mutating func resolveName(_ name: [Character]) throws -> FormatField {
    let firstEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.count
    let first = String(name[0..<firstEnd])
    let argument: FormatArgument
    if first.isEmpty {
      argument = .index(try automaticIndex())
    } else if let index = decimalValue(first) {
      argument = .index(try manualIndex(index))
    } else {
      argument = .keyword(first)
    }
    return FormatField(argument: argument, accessors: try accessors(Array(name[firstEnd...])))
  }

  mutating func automaticIndex() throws -> Int {
    guard let index = nextAutomatic, !usedManual else {
      throw FormatError.value(
        "cannot switch from manual field specification to automatic field numbering")
    }
    nextAutomatic = index + 1
    return try checked(index)
  }

  mutating func manualIndex(_ index: Int) throws -> Int {
    if nextAutomatic != 0 {
      throw FormatError.value(
        "cannot switch from automatic field numbering to manual field specification")
    }
    usedManual = true
    return try checked(index)
  }

  func checked(_ index: Int) throws -> Int {
    guard index < positionalCount else {
      throw FormatError(
        .indexError, "Replacement index \(index) out of range for positional args tuple")
    }
    return index
  }

  /// `.attr` and `[key]` parts after the first name.
  func accessors(_ chars: [Character]) throws -> [FormatAccessor] {
    var result: [FormatAccessor] = []
    var pos = 0
    while pos < chars.count {
      let opener = chars[pos]
      pos += 1
      let start = pos
      if opener == "." {
        while pos < chars.count, chars[pos] != ".", chars[pos] != "[" { pos += 1 }
        guard pos > start else { throw FormatError.value("Empty attribute in format string") }
        result.append(.attribute(String(chars[start..<pos])))
      } else if opener == "[" {
        while pos < chars.count, chars[pos] != "]" { pos += 1 }
        guard pos < chars.count else { throw FormatError.value("Missing ']' in format string") }
        guard pos > start else { throw FormatError.value("Empty attribute in format string") }
        let key = String(chars[start..<pos])
        result.append(decimalValue(key).map { .index($0) } ?? .key(key))
        pos += 1
      } else {
        throw FormatError.value("Only '.' or '[' may follow ']' in format field specifier")
      }
    }
    return result
  }
}

/// The value of an all-ASCII-digit string, or nil (a name, or too many digits).
private func decimalValue(_ text: String) -> Int? {
  guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
  return Int(text)
}
