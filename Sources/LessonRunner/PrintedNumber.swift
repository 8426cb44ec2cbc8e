/// Numbers as printed, and the tolerance their printing implies.

import Foundation

/// A number as it appears in output (`1.7`, `6.`, `1.2346e-03`, `-inf`), with its value and the
/// tolerance an expected number written this way allows.
struct PrintedNumber: Sendable, Equatable {
  /// The text as printed.
  let text: String
  /// The value (`nan` and `inf` included).
  let value: Double

  init?(_ text: String) {
    switch text {
    case "nan", "-nan": value = .nan
    case "inf": value = .infinity
    case "-inf": value = -.infinity
    default:
      guard let value = Double(text) else { return nil }
      self.value = value
    }
    self.text = text
  }

  /// Written without a decimal point or exponent (`6`, `-3`, `59520`).
  var isInteger: Bool {
    value.isFinite && !text.contains(".") && !text.contains("e") && !text.contains("E")
  }

  /// The digits after the decimal point of the mantissa (`1.7` -> 1, `1.2346e-03` -> 4, `6.` -> 0).
  var decimals: Int {
    let mantissa = text.split(whereSeparator: { $0 == "e" || $0 == "E" }).first ?? ""
    guard let dot = mantissa.firstIndex(of: ".") else { return 0 }
    return mantissa[mantissa.index(after: dot)...].count
  }

  /// The exponent (`1.2346e-03` -> -3; 0 without one).
  private var exponent: Int {
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return 0 }
    return Int(text[text.index(after: e)...]) ?? 0
  }

  /// The float32 floor every comparison allows: `1e-5 * max(1, |value|)`.
  var floor: Double { 1e-5 * max(1, abs(value)) }

  /// How far an actual value may be from this expected one.
  ///
  /// Half a unit of the last printed digit (`1.7` -> 0.05, `1.2346e-03` -> 5e-08), never less than
  /// the float32 floor. Whole numbers (`6`, and `6.` as PyTorch prints whole floats) must be equal:
  /// they allow only the floor, capped below 0.5 so two different integers never match.
  var tolerance: Double {
    let hasExponent = text.contains("e") || text.contains("E")
    if !hasExponent && decimals == 0 { return min(floor, 0.49) }
    let halfUnit = Double("5e\(exponent - decimals - 1)") ?? 0
    return max(halfUnit, floor)
  }

  /// True when `actual` is within `tolerance` of this value; `nan` matches only `nan`.
  func accepts(_ actual: Double) -> Bool {
    if value.isNaN || actual.isNaN { return value.isNaN && actual.isNaN }
    if value.isInfinite || actual.isInfinite { return value == actual }
    // A tiny relative slack absorbs the binary rounding of decimal bounds (1.65 vs 1.7 +- 0.05).
    return abs(actual - value) <= tolerance * (1 + 1e-9) + 1e-300
  }

  /// `1.9 (±0.05)`, or just `6` for whole numbers.
  var describedWithTolerance: String {
    guard value.isFinite, !(isWholeForm) else { return text }
    return "\(text) (±\(Self.format(tolerance)))"
  }

  private var isWholeForm: Bool {
    !(text.contains("e") || text.contains("E")) && decimals == 0
  }

  /// A short rendering of a tolerance or bound (`0.05`, `5e-08`, `1.9e-05`).
  static func format(_ number: Double) -> String {
    String(format: "%g", number)
  }
}
