/// A colour with red, green and blue in 0...1.
public struct RGBColor: Equatable, Hashable, Sendable {
  /// Red, 0...1.
  public var red: Double
  /// Green, 0...1.
  public var green: Double
  /// Blue, 0...1.
  public var blue: Double

  /// Makes a colour; components are clipped to 0...1.
  public init(red: Double, green: Double, blue: Double) {
    self.red = clipUnit(red)
    self.green = clipUnit(green)
    self.blue = clipUnit(blue)
  }

  /// Parses `#rrggbb` (the `#` is optional); nil for anything else.
  public init?(hex: String) {
    let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
    guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
    self.init(
      red: Double((value >> 16) & 0xff) / 255, green: Double((value >> 8) & 0xff) / 255,
      blue: Double(value & 0xff) / 255)
  }

  /// The 8-bit components, rounded as matplotlib's `to_hex` does.
  public var bytes: [UInt8] { [red, green, blue].map { UInt8(($0 * 255).rounded()) } }

  /// `#rrggbb`, lower case.
  public var hex: String {
    "#"
      + bytes.map { byte in
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
      }.joined()
  }

  /// Relative luminance (Rec. 709 weights), 0...1.
  public var luminance: Double { 0.2126 * red + 0.7152 * green + 0.0722 * blue }

  /// matplotlib's default property cycle (`tab10`): `C0` ... `C9`.
  public static let cycle: [RGBColor] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
    "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
  ].compactMap { RGBColor(hex: $0) }

  /// The colour matplotlib gives a name: single letters (`r`, `b`, `k`, ...), the common CSS
  /// names, `C0`...`C9`, or `#rrggbb`; nil when the name is not one of these.
  public static func named(_ name: String) -> RGBColor? {
    if let colour = RGBColor(hex: name), name.hasPrefix("#") { return colour }
    if name.count == 2, name.hasPrefix("C"), let digit = Int(name.dropFirst()) {
      return cycle[digit]
    }
    let table: [String: String] = [
      "b": "#0000ff", "g": "#008000", "r": "#ff0000", "c": "#00bfbf", "m": "#bf00bf",
      "y": "#bfbf00", "k": "#000000", "w": "#ffffff", "black": "#000000", "white": "#ffffff",
      "red": "#ff0000", "green": "#008000", "blue": "#0000ff", "gray": "#808080",
      "grey": "#808080", "orange": "#ffa500", "purple": "#800080", "yellow": "#ffff00",
      "cyan": "#00ffff", "magenta": "#ff00ff", "brown": "#a52a2a", "pink": "#ffc0cb",
    ]
    return table[name].flatMap { RGBColor(hex: $0) }
  }
}

/// `value` clipped to 0...1 (NaN becomes 0).
func clipUnit(_ value: Double) -> Double {
  value.isNaN ? 0 : min(max(value, 0), 1)
}
