/// A matplotlib figure: a size, an optional suptitle and axes placed on subplot grids.
///
/// A value: the interpreter holds the current figure and refers to an axes by its index in
/// `axes` (what `subplots` and `subplot` return).
public struct Figure: Equatable, Sendable {
  /// matplotlib's figure number (1, 2, ... in the order figures were made).
  public var number: Int
  /// Width in inches (matplotlib's default 6.4).
  public let width: Double
  /// Height in inches (matplotlib's default 4.8).
  public let height: Double
  /// Dots per inch (default 100).
  public let dpi: Double
  /// `suptitle`.
  public var suptitle: String?
  /// The axes, in creation order.
  public var axes: [Axes] = []
  /// The index in `axes` of the current axes (`gca`), nil while there are none.
  public var currentAxesIndex: Int?
  /// Whether `tight_layout()` was called (the layouts here are always tight).
  public var usesTightLayout = false
  /// A convolution or pooling "in action" (`cnn_lesson.animate`): a figure that is an
  /// animation instead of axes.
  public var animation: WindowAnimation?

  /// `plt.figure(figsize=(width, height), dpi=)`; throws matplotlib's error for a size that
  /// is not positive and finite.
  public init(number: Int = 1, width: Double = 6.4, height: Double = 4.8, dpi: Double = 100)
    throws(FigureError)
  {
    guard width > 0, height > 0, width.isFinite, height.isFinite else {
      throw FigureError(
        .valueError,
        "figure size must be positive finite not (\(formatNumber(width)), \(formatNumber(height)))")
    }
    guard dpi > 0, dpi.isFinite else {
      throw FigureError(.valueError, "dpi must be positive finite, not \(formatNumber(dpi))")
    }
    // matplotlib's Agg limit, checked here so that `pixelSize` always fits an Int.
    guard width * dpi < Figure.maximumPixels, height * dpi < Figure.maximumPixels else {
      throw FigureError(
        .valueError,
        "Image size of \(formatNumber((width * dpi).rounded()))x"
          + "\(formatNumber((height * dpi).rounded())) pixels is too large. It must be less than "
          + "2^16 in each direction.")
    }
    self.number = number
    self.width = width
    self.height = height
    self.dpi = dpi
  }

  /// `fig.subplots(nrows, ncols)`: adds a full grid of axes and returns their indices, row by
  /// row (the first becomes current).
  public mutating func subplots(nrows: Int = 1, ncols: Int = 1) throws(FigureError) -> [Int] {
    try Figure.checkGrid(nrows: nrows, ncols: ncols)
    let first = axes.count
    for index in 1...(nrows * ncols) {
      axes.append(Axes(position: SubplotPosition(nrows: nrows, ncols: ncols, index: index)))
    }
    currentAxesIndex = first
    return Array(first..<axes.count)
  }

  /// `plt.subplot(nrows, ncols, index)`: the axes at that cell (made if new), now current.
  ///
  /// Throws matplotlib's errors: `Number of rows must be a positive integer, not 0`,
  /// `num must be an integer with 1 <= num <= 6, not 7`.
  public mutating func subplot(_ nrows: Int, _ ncols: Int, _ index: Int) throws(FigureError) -> Int
  {
    try Figure.checkGrid(nrows: nrows, ncols: ncols)
    let cells = nrows * ncols
    guard index >= 1, index <= cells else {
      throw FigureError(
        .valueError, "num must be an integer with 1 <= num <= \(cells), not \(index)",
        note: "subplot numbers count from 1, row by row")
    }
    let position = SubplotPosition(nrows: nrows, ncols: ncols, index: index)
    if let existing = axes.firstIndex(where: { $0.position == position }) {
      currentAxesIndex = existing
      return existing
    }
    axes.append(Axes(position: position))
    currentAxesIndex = axes.count - 1
    return axes.count - 1
  }

  /// `plt.subplot(231)`: the three-digit form.
  public mutating func subplot(_ code: Int) throws(FigureError) -> Int {
    guard code >= 111, code <= 999 else {
      throw FigureError(
        .valueError, "Integer subplot specification must be a three-digit number, not \(code)")
    }
    return try subplot(code / 100, code / 10 % 10, code % 10)
  }

  /// `plt.gca()`: the current axes, making a 1x1 one when there is none.
  public mutating func gca() -> Int {
    if let currentAxesIndex { return currentAxesIndex }
    axes.append(Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1)))
    currentAxesIndex = axes.count - 1
    return axes.count - 1
  }

  /// The common grid `(nrows, ncols)` when every axes sits on the same one, else nil.
  public var grid: (nrows: Int, ncols: Int)? {
    guard let first = axes.first?.position else { return nil }
    guard axes.allSatisfy({ $0.position.nrows == first.nrows && $0.position.ncols == first.ncols })
    else { return nil }
    return (first.nrows, first.ncols)
  }

  /// Pixels in each direction must stay below this (matplotlib's 2^16).
  public static let maximumPixels = 65536.0

  /// Size in pixels (`width * dpi` by `height * dpi`).
  public var pixelSize: (width: Int, height: Int) {
    (Int((width * dpi).rounded()), Int((height * dpi).rounded()))
  }

  static func checkGrid(nrows: Int, ncols: Int) throws(FigureError) {
    guard nrows >= 1 else {
      throw FigureError(.valueError, "Number of rows must be a positive integer, not \(nrows)")
    }
    guard ncols >= 1 else {
      throw FigureError(.valueError, "Number of columns must be a positive integer, not \(ncols)")
    }
    guard nrows <= 1000, ncols <= 1000, nrows * ncols <= 10_000 else {
      throw FigureError(
        .valueError, "a \(nrows)x\(ncols) grid of subplots is too large",
        note: "use at most 10000 subplots")
    }
  }
}
