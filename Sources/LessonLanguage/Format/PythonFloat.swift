import TensorCore

/// Python's `repr(x)` / `str(x)` of a float: the shortest text that reads back as `x`, in plain
/// decimals from 1e-4 up to 1e16 (`0.1`, `100.0`) and in exponent form outside (`1e-05`, `1e+16`).
public func pythonRepr(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  return (value.sign == .minus ? "-" : "") + pythonReprMagnitude(abs(value))
}

/// `pythonRepr` of a finite, non-negative value.
func pythonReprMagnitude(_ magnitude: Double) -> String {
  let (digits, point) = shortestDigits(magnitude)
  return decimalText(
    digits: digits, point: point, useExponent: point <= -4 || point > 16, alternate: false,
    addDotZero: true)
}

/// The shortest digits that round-trip a finite, non-negative `magnitude`, and the position of the
/// decimal point (`value = 0.DIGITS x 10^point`), read off Swift's own shortest description.
func shortestDigits(_ magnitude: Double) -> (digits: String, point: Int) {
  let text = magnitude.description.lowercased()
  let pieces = text.split(separator: "e")
  let mantissa = Array(pieces[0])
  let exponent = pieces.count > 1 ? Int(pieces[1]) ?? 0 : 0
  var point = (mantissa.firstIndex(of: ".") ?? mantissa.count) + exponent
  var digits = mantissa.filter { $0 != "." }
  while let first = digits.first, first == "0" {
    digits.removeFirst()
    point -= 1
  }
  while let last = digits.last, last == "0" { digits.removeLast() }
  return digits.isEmpty ? ("0", 1) : (String(digits), point)
}

/// Python's `round(x, ndigits)` for a float: `x` rounded to `ndigits` decimals (negative for tens,
/// hundreds...), halfway cases to even on the exact binary value (`round(2.675, 2)` is `2.67`).
public func pythonRound(_ value: Double, digits: Int) -> Double {
  guard value.isFinite && value != 0 else { return value }
  // Past these, every double is already a multiple of 10^-digits, or rounds to zero.
  if digits > 323 { return value }
  if digits < -308 { return value.sign == .minus ? -0.0 : 0.0 }
  if digits >= 0 {
    return parseDouble(formatC("%.\(digits)f", value)) ?? value
  }
  let (_, point) = roundedDigits(abs(value), significant: 40)
  let kept = point + digits
  if kept > 0 {
    return parseDouble(formatC("%.\(kept - 1)e", value)) ?? value
  }
  // Only the next power of ten up, or zero, is left: compare against half of it.
  let unit = parseDouble("1e\(-digits)") ?? .infinity
  let rounded: Double = kept == 0 && abs(value) > unit / 2 ? unit : 0
  return value.sign == .minus ? -rounded : rounded
}

/// Python's `round(x)`: the nearest integer, halfway cases to even, with Python's errors for
/// `nan` and `inf` (and, unlike Python's unbounded ints, for values outside 64 bits).
public func pythonRound(_ value: Double) throws -> Int {
  if value.isNaN { throw FormatError.value("cannot convert float NaN to integer") }
  if value.isInfinite {
    throw FormatError(.overflowError, "cannot convert float infinity to integer")
  }
  let rounded = value.rounded(.toNearestOrEven)
  guard let result = Int(exactly: rounded) else {
    throw FormatError(.overflowError, "integer result too large for a lesson (64-bit) int")
  }
  return result
}

/// Python's `round(n, ndigits)` for an int: unchanged for `ndigits >= 0`, otherwise rounded to a
/// multiple of 10^-ndigits, halfway cases to even (`round(1250, -2)` is `1200`); nil when the
/// result leaves 64 bits.
public func pythonRound(_ value: Int, digits: Int) -> Int? {
  guard digits < 0 else { return value }
  guard digits >= -18 else { return 0 }
  var unit = 1
  for _ in 0..<(-digits) { unit *= 10 }
  let quotient = value / unit
  let remainder = value % unit
  var down = remainder < 0 ? quotient - 1 : quotient
  let rest = remainder < 0 ? remainder + unit : remainder
  if rest * 2 > unit || (rest * 2 == unit && down % 2 != 0) { down += 1 }
  let (result, overflow) = down.multipliedReportingOverflow(by: unit)
  return overflow ? nil : result
}

/// The double a decimal text stands for (C's `strtod`, correctly rounded).
func parseDouble(_ text: String) -> Double? {
  text.withCString { start in
    var end: UnsafeMutablePointer<CChar>?
    let value = strtod(start, &end)
    return end.map { $0 != UnsafeMutablePointer(mutating: start) } == true ? value : nil
  }
}
