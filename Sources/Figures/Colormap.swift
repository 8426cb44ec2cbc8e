/// A matplotlib colormap: maps 0...1 to a colour.
///
/// Each channel is piecewise linear between control points (matplotlib's segment data, or the
/// evenly spaced colours of a listed map). As in matplotlib, a value is first quantised to one
/// of 256 lookup-table entries (`Int(x * 256)`, clipped to 0...255), so `color(at: 1)` is the
/// last entry and values outside 0...1 take the end colours.
public struct Colormap: Equatable, Sendable {
  /// One control point of a channel: the channel is `value` at `position`.
  public struct Stop: Equatable, Sendable {
    /// Where, in 0...1.
    public var position: Double
    /// The channel's value there, in 0...1.
    public var value: Double
  }

  /// The name matplotlib uses (`viridis`, `gray_r`, ...).
  public let name: String
  let red: [Stop]
  let green: [Stop]
  let blue: [Stop]

  /// The number of lookup-table entries, as matplotlib's default `N`.
  public static let lutSize = 256

  /// The colormap matplotlib calls `name`; a name ending in `_r` is the reversed map.
  ///
  /// Throws matplotlib's `ValueError` for an unknown name:
  /// `'foo' is not a valid value for cmap; supported values are 'Blues', 'Blues_r', ...`.
  public init(named name: String) throws(FigureError) {
    let baseName = name.hasSuffix("_r") ? String(name.dropLast(2)) : name
    guard let channels = Colormap.data[baseName] else {
      let supported = Colormap.supportedNames.map { "'\($0)'" }.joined(separator: ", ")
      throw FigureError(
        .valueError, "'\(name)' is not a valid value for cmap; supported values are \(supported)",
        note: "use one of the colormaps listed, for example cmap='gray' or cmap='viridis'")
    }
    let reverse = baseName != name
    func stops(_ channel: [Stop]) -> [Stop] {
      reverse
        ? channel.reversed().map { Stop(position: 1 - $0.position, value: $0.value) } : channel
    }
    self.name = name
    self.red = stops(channels[0])
    self.green = stops(channels[1])
    self.blue = stops(channels[2])
  }

  /// matplotlib's default colormap for `imshow`.
  public static var viridis: Colormap { (try? Colormap(named: "viridis")) ?? .gray }

  /// The gray colormap (black to white).
  public static var gray: Colormap {
    let ramp = [Stop(position: 0, value: 0), Stop(position: 1, value: 1)]
    return Colormap(name: "gray", red: ramp, green: ramp, blue: ramp)
  }

  init(name: String, red: [Stop], green: [Stop], blue: [Stop]) {
    self.name = name
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// The names this module knows, with their `_r` variants, sorted as Python sorts them.
  public static var supportedNames: [String] {
    data.keys.flatMap { [$0, $0 + "_r"] }.sorted {
      Array($0.utf8).lexicographicallyPrecedes($1.utf8)
    }
  }

  /// The colour for `x` (0...1; outside takes the end colours; NaN takes the first).
  public func color(at x: Double) -> RGBColor {
    let scaled = x.isNaN ? 0 : min(max(x, 0), 1) * Double(Colormap.lutSize)
    let index = min(Int(scaled), Colormap.lutSize - 1)
    let t = Double(index) / Double(Colormap.lutSize - 1)
    return RGBColor(
      red: Colormap.interpolate(red, t), green: Colormap.interpolate(green, t),
      blue: Colormap.interpolate(blue, t))
  }

  /// The reversed map (`name_r`; reversing `name_r` gives `name`).
  public var reversed: Colormap {
    let flipped = name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r"
    func flip(_ channel: [Stop]) -> [Stop] {
      channel.reversed().map { Stop(position: 1 - $0.position, value: $0.value) }
    }
    return Colormap(name: flipped, red: flip(red), green: flip(green), blue: flip(blue))
  }

  static func interpolate(_ stops: [Stop], _ t: Double) -> Double {
    guard let first = stops.first, let last = stops.last else { return 0 }
    if t <= first.position { return first.value }
    for (lower, upper) in zip(stops, stops.dropFirst()) where t <= upper.position {
      let span = upper.position - lower.position
      return span > 0
        ? lower.value + (upper.value - lower.value) * (t - lower.position) / span
        : upper.value
    }
    return last.value
  }
}
