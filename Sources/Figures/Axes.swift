/// Where an axes sits: cell `index` (1-based, row by row) of an `nrows` x `ncols` grid.
public struct SubplotPosition: Equatable, Hashable, Sendable {
  /// Grid rows.
  public let nrows: Int
  /// Grid columns.
  public let ncols: Int
  /// 1-based cell number, counted row by row as `subplot` counts it.
  public let index: Int
  /// 0-based row.
  public var row: Int { (index - 1) / ncols }
  /// 0-based column.
  public var column: Int { (index - 1) % ncols }
}

/// A matplotlib colorbar: the image's colormap between its limits.
public struct ColorbarInfo: Equatable, Sendable {
  /// The colormap shown.
  public let colormap: Colormap
  /// The value at the bottom.
  public let vmin: Double
  /// The value at the top.
  public let vmax: Double
}

/// One plot area of a figure, with its artists and texts (matplotlib's `Axes`).
public struct Axes: Equatable, Sendable {
  /// Where the axes sits in its figure.
  public let position: SubplotPosition
  /// What was drawn, in order.
  public private(set) var artists: [Artist] = []
  /// `set_title`.
  public var title: String?
  /// `set_xlabel`.
  public var xlabel: String?
  /// `set_ylabel`.
  public var ylabel: String?
  /// Whether `legend()` was called.
  public private(set) var showsLegend = false
  /// False after `axis('off')`.
  public private(set) var axisVisible = true
  /// Set by `colorbar`.
  public private(set) var colorbar: ColorbarInfo?
  private var cycleIndex = 0

  /// An empty axes at `position`.
  public init(position: SubplotPosition) {
    self.position = position
  }

  /// `imshow(values, cmap=, vmin=, vmax=, interpolation=)`: `cmap` nil means viridis;
  /// returns the artist (for `colorbar`).
  @discardableResult
  public mutating func imshow(
    _ data: ImageData, cmap: String? = nil, vmin: Double? = nil, vmax: Double? = nil,
    interpolation: String? = nil
  ) throws(FigureError) -> ImageArtist {
    let colormap =
      try cmap.map { name throws(FigureError) in try Colormap(named: name) } ?? .viridis
    let known = ["nearest", "none", "antialiased", "auto", "bilinear", "bicubic"]
    if let interpolation, !known.contains(interpolation) {
      throw FigureError(
        .valueError, "Interpolation '\(interpolation)' not in list of valid interpolations",
        note: "use interpolation='nearest'")
    }
    let image = try ImageArtist(
      data: data, colormap: colormap, vmin: vmin, vmax: vmax,
      interpolation: interpolation ?? "nearest")
    artists.append(.image(image))
    return image
  }

  /// `plot(x, y, label=, marker=, color=)`; `x` nil means `0..<y.count` (`plot(y)`).
  public mutating func plot(
    x: [Double]? = nil, y: [Double], label: String? = nil, marker: String? = nil,
    color: RGBColor? = nil
  ) throws(FigureError) {
    let xs = x ?? y.indices.map(Double.init)
    guard xs.count == y.count else {
      throw FigureError(
        .valueError,
        "x and y must have same first dimension, but have shapes \(pythonTuple([xs.count])) "
          + "and \(pythonTuple([y.count]))")
    }
    let markers: Set<String> = [
      "o", ".", ",", "x", "+", "s", "^", "v", "<", ">", "*", "D", "d", "p", "h", "H", "|", "_",
      "1", "2", "3", "4", "8", "P", "X", "None", "none", "",
    ]
    if let marker, !markers.contains(marker) {
      throw FigureError(
        .valueError, "Unrecognized marker style '\(marker)'",
        note: "use a marker such as 'o', '.', 'x', '+', 's' or '^'")
    }
    let shownMarker = marker.flatMap { ["None", "none", ""].contains($0) ? nil : $0 }
    artists.append(
      .line(LineArtist(x: xs, y: y, label: label, marker: shownMarker, color: color ?? nextColor()))
    )
  }

  /// `scatter(x, y, label=, color=)`.
  public mutating func scatter(
    x: [Double], y: [Double], label: String? = nil, color: RGBColor? = nil
  ) throws(FigureError) {
    guard x.count == y.count else {
      throw FigureError(.valueError, "x and y must be the same size")
    }
    artists.append(.scatter(ScatterArtist(x: x, y: y, label: label, color: color ?? nextColor())))
  }

  /// `bar(x, height, width=0.8, label=)` with numeric positions.
  public mutating func bar(
    x: [Double], heights: [Double], width: Double = 0.8, label: String? = nil,
    color: RGBColor? = nil
  ) throws(FigureError) {
    try addBars(x: x, categories: nil, heights: heights, width: width, label: label, color: color)
  }

  /// `bar(names, height)`: categories at 0, 1, ... labelled by name.
  public mutating func bar(
    categories: [String], heights: [Double], width: Double = 0.8, label: String? = nil,
    color: RGBColor? = nil
  ) throws(FigureError) {
    try addBars(
      x: categories.indices.map(Double.init), categories: categories, heights: heights,
      width: width, label: label, color: color)
  }

  private mutating func addBars(
    x: [Double], categories: [String]?, heights: [Double], width: Double, label: String?,
    color: RGBColor?
  ) throws(FigureError) {
    guard x.count == heights.count || heights.count == 1 else {
      throw FigureError(
        .valueError,
        "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between "
          + "arg 0 with shape \(pythonTuple([x.count])) and arg 1 with shape "
          + "\(pythonTuple([heights.count])).")
    }
    let allHeights =
      heights.count == x.count ? heights : Array(repeating: heights[0], count: x.count)
    artists.append(
      .bar(
        BarArtist(
          x: x, categories: categories, heights: allHeights, width: width, label: label,
          color: color ?? nextColor())))
  }

  /// `hist(values, bins=10, range=, label=)` with NumPy's edges.
  public mutating func hist(
    _ values: [Double], bins: Int = 10, range: ClosedRange<Double>? = nil, label: String? = nil,
    color: RGBColor? = nil
  ) throws(FigureError) {
    let (edges, counts) = try histogram(values, bins: bins, range: range)
    artists.append(
      .histogram(
        HistogramArtist(
          values: values, edges: edges, counts: counts, label: label, color: color ?? nextColor())))
  }

  /// `legend()`, or `legend(labels)` which labels the artists in order.
  public mutating func legend(_ labels: [String]? = nil) {
    showsLegend = true
    guard let labels else { return }
    var remaining = labels[...]
    for index in artists.indices {
      guard let label = remaining.popFirst() else { break }
      switch artists[index] {
      case .image: remaining = [label] + remaining
      case .line(var line):
        line.label = label
        artists[index] = .line(line)
      case .scatter(var scatter):
        scatter.label = label
        artists[index] = .scatter(scatter)
      case .bar(var bar):
        bar.label = label
        artists[index] = .bar(bar)
      case .histogram(var histogram):
        histogram.label = label
        artists[index] = .histogram(histogram)
      }
    }
  }

  /// The labels a legend shows, in order.
  public var legendLabels: [String] { artists.compactMap(\.legendLabel) }

  /// `axis('off')` / `axis('on')`; matplotlib's other options (`equal`, `tight`, `image`,
  /// `scaled`, `auto`, `square`) are accepted and change nothing here.
  public mutating func axis(_ option: String) throws(FigureError) {
    switch option {
    case "off": axisVisible = false
    case "on": axisVisible = true
    case "equal", "tight", "image", "scaled", "auto", "square": break
    default:
      throw FigureError(
        .valueError, "Unrecognized string '\(option)' to axis; try 'on' or 'off'")
    }
  }

  /// `colorbar()` for the axes' last image (or `image` when given).
  public mutating func addColorbar(for image: ImageArtist? = nil) throws(FigureError) {
    let mappable =
      image
      ?? artists.reversed().lazy.compactMap { artist -> ImageArtist? in
        if case .image(let image) = artist { return image }
        return nil
      }.first
    guard let mappable else {
      throw FigureError(
        .runtimeError,
        "No mappable was found to use for colorbar creation. First define a mappable such as "
          + "an image (with imshow) or a contour set (with contourf).")
    }
    colorbar = ColorbarInfo(colormap: mappable.colormap, vmin: mappable.vmin, vmax: mappable.vmax)
  }

  /// The images drawn, in order.
  public var images: [ImageArtist] {
    artists.compactMap { if case .image(let image) = $0 { image } else { nil } }
  }

  private mutating func nextColor() -> RGBColor {
    defer { cycleIndex += 1 }
    return RGBColor.cycle[cycleIndex % RGBColor.cycle.count]
  }
}
