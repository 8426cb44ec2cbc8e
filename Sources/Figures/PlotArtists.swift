/// A line from `plot(x, y)`: points joined in order, with an optional marker at each.
public struct LineArtist: Equatable, Sendable {
  /// x coordinates (`0..<n` for `plot(y)`).
  public let x: [Double]
  /// y coordinates.
  public let y: [Double]
  /// The legend label, or nil.
  public var label: String?
  /// matplotlib's marker code (`o`, `x`, `.`, ...), or nil for none.
  public let marker: String?
  /// The line colour (the axes' next cycle colour unless given).
  public let color: RGBColor
}

/// Points from `scatter(x, y)`.
public struct ScatterArtist: Equatable, Sendable {
  /// x coordinates.
  public let x: [Double]
  /// y coordinates.
  public let y: [Double]
  /// The legend label, or nil.
  public var label: String?
  /// The marker colour.
  public let color: RGBColor
}

/// Bars from `bar(x, height)`, centred on `x` with matplotlib's default width 0.8.
public struct BarArtist: Equatable, Sendable {
  /// Bar centres (0, 1, ... when the x values are category names).
  public let x: [Double]
  /// Category names, when `bar` was given strings.
  public let categories: [String]?
  /// Bar heights.
  public let heights: [Double]
  /// Bar width.
  public let width: Double
  /// The legend label, or nil.
  public var label: String?
  /// The bar colour.
  public let color: RGBColor
}

/// A histogram from `hist(values, bins)`: NumPy's bin edges and counts.
public struct HistogramArtist: Equatable, Sendable {
  /// The values counted.
  public let values: [Double]
  /// `bins + 1` edges, increasing.
  public let edges: [Double]
  /// The count in each bin (the last bin includes its right edge).
  public let counts: [Int]
  /// The legend label, or nil.
  public var label: String?
  /// The bar colour.
  public let color: RGBColor
}

/// Something drawn on an axes.
public enum Artist: Equatable, Sendable {
  /// `imshow`.
  case image(ImageArtist)
  /// `plot`.
  case line(LineArtist)
  /// `scatter`.
  case scatter(ScatterArtist)
  /// `bar`.
  case bar(BarArtist)
  /// `hist`.
  case histogram(HistogramArtist)

  /// The legend label, if the artist has one that matplotlib would show (not starting `_`).
  public var legendLabel: String? {
    let label: String?
    switch self {
    case .image: label = nil
    case .line(let line): label = line.label
    case .scatter(let scatter): label = scatter.label
    case .bar(let bar): label = bar.label
    case .histogram(let histogram): label = histogram.label
    }
    guard let label, !label.hasPrefix("_") else { return nil }
    return label
  }

  /// The artist's colour for a legend entry (images have none).
  public var color: RGBColor? {
    switch self {
    case .image: nil
    case .line(let line): line.color
    case .scatter(let scatter): scatter.color
    case .bar(let bar): bar.color
    case .histogram(let histogram): histogram.color
    }
  }
}
