/// One value for Python's `format(value, spec)`: the types a lesson formats.
public enum FormatValue: Equatable, Sendable {
  /// A Python `int` (64-bit here).
  case int(Int)
  /// A Python `float`.
  case float(Double)
  /// A Python `str`.
  case string(String)
  /// A Python `bool`: `str()` is `True`/`False`, a non-empty spec formats it as 1/0.
  case bool(Bool)

  /// Python's type name, as error messages show it: `int`, `float`, `str`, `bool`.
  public var typeName: String {
    switch self {
    case .int: return "int"
    case .float: return "float"
    case .string: return "str"
    case .bool: return "bool"
    }
  }

  /// Python's `str(value)`: `3`, `0.1`, `1e-05`, `True`, the string itself.
  public var pythonString: String {
    switch self {
    case .int(let value): return String(value)
    case .float(let value): return pythonRepr(value)
    case .string(let value): return value
    case .bool(let value): return value ? "True" : "False"
    }
  }
}

/// Python's `format(value, spec)`, the engine of `str.format` and f-strings:
/// `pythonFormat(.float(0.5), ".0f")` is `"0"`, `pythonFormat(.int(1234567), ",")` is
/// `"1,234,567"`, with Python's `ValueError`s for specs the type does not take.
public func pythonFormat(_ value: FormatValue, _ spec: String) throws -> String {
  // An empty spec is `str(value)`, even for bools (a non-empty one formats a bool as an int).
  if spec.isEmpty { return value.pythonString }
  switch value {
  case .int(let number):
    return try formatInteger(number, spec: spec, typeName: "int")
  case .bool(let flag):
    return try formatInteger(flag ? 1 : 0, spec: spec, typeName: "bool")
  case .float(let number):
    return try formatFloat(number, spec: FormatSpec(parsing: spec, typeName: "float"))
  case .string(let text):
    return try formatString(text, spec: spec)
  }
}

/// Python's `int.__format__`: `d n b o x X c`, or the float types after conversion.
func formatInteger(_ value: Int, spec text: String, typeName: String) throws -> String {
  let spec = try FormatSpec(parsing: text, typeName: typeName, defaultType: "d")
  let type = spec.type ?? "d"
  if "eEfFgG%".contains(type) {
    return try formatFloat(Double(value), spec: spec, typeName: typeName)
  }
  guard "dnboxXc".contains(type) else { throw unknownFormatCode(type, typeName: typeName) }
  if spec.precision != nil {
    throw FormatError.value("Precision not allowed in integer format specifier")
  }
  if spec.coercesNegativeZero {
    throw FormatError.value("Negative zero coercion (z) not allowed in integer format specifier")
  }
  if type == "c" { return try formatCharacter(value, spec: spec) }
  let radix = type == "b" ? 2 : type == "o" ? 8 : "xX".contains(type) ? 16 : 10
  var digits = String(value.magnitude, radix: radix)
  if type == "X" { digits = digits.uppercased() }
  let prefix = spec.alternate && radix != 10 ? "0" + String(type) : ""
  let parts = NumberParts(
    sign: signText(negative: value < 0, spec: spec), prefix: prefix, integerDigits: digits)
  return layOut(parts, spec: spec, groupSize: radix == 10 ? 3 : 4)
}

/// The `c` type: the character with code point `value`.
private func formatCharacter(_ value: Int, spec: FormatSpec) throws -> String {
  if spec.sign != nil {
    throw FormatError.value("Sign not allowed with integer format specifier 'c'")
  }
  if spec.alternate {
    throw FormatError.value("Alternate form (#) not allowed with integer format specifier 'c'")
  }
  guard value >= 0 && value < 0x11_0000 else {
    throw FormatError(.overflowError, "%c arg not in range(0x110000)")
  }
  guard let scalar = Unicode.Scalar(value) else {
    throw FormatError.value("surrogate code point \(value) cannot be formatted")
  }
  return aligned(
    leading: "", body: String(Character(scalar)), width: spec.width ?? 0, fill: spec.fill ?? " ",
    align: spec.align ?? ">")
}

/// Python's `str.__format__`: type `s` or none; precision truncates; left-aligned by default.
func formatString(_ value: String, spec text: String) throws -> String {
  let spec = try FormatSpec(parsing: text, typeName: "str", defaultType: "s", defaultAlign: "<")
  guard spec.type == "s" else { throw unknownFormatCode(spec.type, typeName: "str") }
  if spec.sign != nil { throw FormatError.value("Sign not allowed in string format specifier") }
  if spec.coercesNegativeZero {
    throw FormatError.value("Negative zero coercion (z) not allowed in format specifier")
  }
  if spec.alternate {
    throw FormatError.value("Alternate form (#) not allowed in string format specifier")
  }
  if spec.align == "=" {
    throw FormatError.value("'=' alignment not allowed in string format specifier")
  }
  let body = spec.precision.map { String(value.prefix($0)) } ?? value
  return aligned(
    leading: "", body: body, width: spec.width ?? 0, fill: spec.fill ?? " ",
    align: spec.align ?? "<")
}
