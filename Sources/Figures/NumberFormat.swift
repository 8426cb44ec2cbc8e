/// A short label for a tick or value: integers without a decimal point (`12`, `-3`), others
/// with up to 4 significant digits and trailing zeros dropped (`0.25`, `2.333`, `0.001`),
/// very large or small magnitudes in exponent form (`1.5e+07`), `nan`, `inf`, `-inf`.
public func formatNumber(_ value: Double) -> String {
  if value.isNaN { return "nan" }
  if value.isInfinite { return value < 0 ? "-inf" : "inf" }
  if value == 0 { return "0" }
  let magnitude = abs(value)
  if magnitude >= 1e6 || magnitude < 1e-4 { return exponentForm(value) }
  // Digits after the point for 4 significant digits, at most 6.
  let decimals = min(max(3 - decimalExponent(magnitude).exponent, 0), 6)
  return fixed(value, decimals: decimals)
}

/// `magnitude` (finite, > 0) as `mantissa * 10^exponent` with `1 <= mantissa < 10`.
func decimalExponent(_ magnitude: Double) -> (mantissa: Double, exponent: Int) {
  var exponent = 0
  var mantissa = magnitude
  while mantissa >= 10 {
    mantissa /= 10
    exponent += 1
  }
  while mantissa < 1 {
    mantissa *= 10
    exponent -= 1
  }
  return (mantissa, exponent)
}

/// `value` with `decimals` digits after the point, trailing zeros (and a bare point) dropped.
func fixed(_ value: Double, decimals: Int) -> String {
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let scaled = (abs(value) * scale).rounded()
  guard scaled < 9e15 else { return exponentForm(value) }
  var digits = String(Int64(scaled))
  if decimals > 0 {
    if digits.count <= decimals {
      digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
    }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
    while digits.hasSuffix("0") { digits.removeLast() }
    if digits.hasSuffix(".") { digits.removeLast() }
  }
  return (value < 0 && digits != "0" ? "-" : "") + digits
}

/// `1.5e+07`, `-2e-05`: Python's `%g`-like exponent form.
func exponentForm(_ value: Double) -> String {
  var (mantissa, exponent) = decimalExponent(abs(value))
  var text = fixed(mantissa, decimals: 3)
  if text == "10" {
    text = "1"
    exponent += 1
  }
  let sign = exponent < 0 ? "-" : "+"
  let power = String(abs(exponent))
  return (value < 0 ? "-" : "") + text + "e" + sign + (power.count == 1 ? "0" + power : power)
}

/// Up to about `count` "nice" tick values (steps of 1, 2, 2.5 or 5 times a power of ten)
/// inside `low...high`, as matplotlib's default locator chooses them.
public func niceTicks(low: Double, high: Double, count: Int = 5) -> [Double] {
  guard low.isFinite, high.isFinite, high > low, count >= 1 else { return [low] }
  let rough = (high - low) / Double(count)
  var power = 1.0
  while power * 10 <= rough { power *= 10 }
  while power > rough { power /= 10 }
  let step = [1.0, 2, 2.5, 5, 10].map { $0 * power }.first { $0 >= rough } ?? power * 10
  var ticks: [Double] = []
  var tick = (low / step).rounded(.up) * step
  while tick <= high + step * 1e-9 && ticks.count < 50 {
    ticks.append(abs(tick) < step * 1e-9 ? 0 : tick)
    tick += step
  }
  return ticks
}
