import TensorCore

/// Python's `format(float, spec)` for the types `e E f F g G n %` and none.
func formatFloat(_ value: Double, spec: FormatSpec, typeName: String = "float") throws -> String {
  let type = spec.type
  guard type == nil || "eEfFgGn%".contains(type ?? " ") else {
    throw unknownFormatCode(type, typeName: typeName)
  }
  let number = type == "%" ? value * 100 : value
  var negative = number.sign == .minus && !number.isNaN
  var body: String
  if number.isNaN {
    body = "nan"
  } else if number.isInfinite {
    body = "inf"
  } else {
    body = floatBody(abs(number), type: type, precision: spec.precision, alternate: spec.alternate)
  }
  if let type, "EFG".contains(type) { body = body.uppercased() }
  if type == "%" { body += "%" }
  if negative && spec.coercesNegativeZero && !body.contains(where: { "123456789".contains($0) }) {
    negative = false
  }
  let integerDigits = String(body.prefix { $0.isASCII && $0.isNumber })
  let parts = NumberParts(
    sign: signText(negative: negative, spec: spec), integerDigits: integerDigits,
    rest: String(body.dropFirst(integerDigits.count)))
  return layOut(parts, spec: spec)
}

/// The sign a number gets: `-` when negative, else `+` or a space when the spec asks.
func signText(negative: Bool, spec: FormatSpec) -> String {
  if negative { return "-" }
  return spec.sign == "+" ? "+" : spec.sign == " " ? " " : ""
}

/// Python's `Unknown format code` error.
func unknownFormatCode(_ type: Character?, typeName: String) -> FormatError {
  let code = type.map { String($0) } ?? ""
  return FormatError.value("Unknown format code '\(code)' for object of type '\(typeName)'")
}

/// The digits of a finite, non-negative `magnitude` in the spec's notation (before case and `%`).
private func floatBody(_ magnitude: Double, type: Character?, precision: Int?, alternate: Bool)
  -> String
{
  let flag = alternate ? "#" : ""
  switch type {
  case "e", "E":
    return formatC("%\(flag).\(precision ?? 6)e", magnitude)
  case "f", "F", "%":
    return formatC("%\(flag).\(precision ?? 6)f", magnitude)
  case "g", "G", "n":
    return generalText(
      magnitude, precision: max(1, precision ?? 6), alternate: alternate, addDotZero: false)
  default:
    guard let precision else { return pythonReprMagnitude(magnitude) }
    return generalText(
      magnitude, precision: max(1, precision), alternate: alternate, addDotZero: true)
  }
}

/// Python's `g` notation with `precision` significant digits. With `addDotZero` (no type but a
/// precision), whole numbers keep a `.0` and exponent form starts one digit earlier.
func generalText(_ magnitude: Double, precision: Int, alternate: Bool, addDotZero: Bool) -> String {
  var (digits, point) = roundedDigits(magnitude, significant: precision)
  if alternate {
    digits += String(repeating: "0", count: max(0, precision - digits.count))
  } else {
    while digits.count > 1 && digits.hasSuffix("0") { digits.removeLast() }
  }
  let useExponent = point <= -4 || point > (addDotZero ? precision - 1 : precision)
  return decimalText(
    digits: digits, point: point, useExponent: useExponent, alternate: alternate,
    addDotZero: addDotZero)
}

/// `magnitude` correctly rounded to `significant` digits: the digits and the position of the
/// decimal point (`value = 0.DIGITS x 10^point`).
func roundedDigits(_ magnitude: Double, significant: Int) -> (digits: String, point: Int) {
  let text = formatC("%.\(significant - 1)e", magnitude)
  let pieces = text.split(separator: "e")
  let digits = pieces[0].filter { $0 != "." }
  let exponent = pieces.count > 1 ? Int(pieces[1]) ?? 0 : 0
  return (String(digits), exponent + 1)
}

/// Writes `0.DIGITS x 10^point` as Python does: `d.ddde+XX` in exponent form, otherwise plain
/// decimals padded with zeros (`.0` added when `addDotZero`, a bare `.` when `alternate`).
func decimalText(
  digits: String, point: Int, useExponent: Bool, alternate: Bool, addDotZero: Bool
) -> String {
  if useExponent {
    let exponent = point - 1
    let mantissa =
      digits.count > 1 || alternate ? "\(digits.prefix(1)).\(digits.dropFirst())" : digits
    let exponentDigits = String(abs(exponent))
    return mantissa + (exponent < 0 ? "e-" : "e+")
      + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
  }
  if point <= 0 {
    return "0." + String(repeating: "0", count: -point) + digits
  }
  if point < digits.count {
    return "\(digits.prefix(point)).\(digits.dropFirst(point))"
  }
  let whole = digits + String(repeating: "0", count: point - digits.count)
  return whole + (addDotZero ? ".0" : alternate ? "." : "")
}
