/// The values of an image: 2-D `(H, W)` scalars, or `(H, W, 3)` RGB / `(H, W, 4)` RGBA.
///
/// Values are row-major (`values[(row * width + column) * channels + channel]`). RGB values are
/// in 0...1, or 0...255 when `isIntegral` (matplotlib's rule for integer arrays); values
/// outside are clipped, as matplotlib clips them.
public struct ImageData: Equatable, Sendable {
  /// Rows.
  public let height: Int
  /// Columns.
  public let width: Int
  /// 1 for scalars, 3 for RGB, 4 for RGBA.
  public let channels: Int
  /// Row-major values.
  public let values: [Double]
  /// Whether the values came from an integer array (RGB then reads 0...255).
  public let isIntegral: Bool

  /// Checks `shape` as matplotlib does: `(H, W)`, `(H, W, 3)` or `(H, W, 4)`, else
  /// `ValueError: Invalid shape (1, 28, 28) for image data`.
  public init(values: [Double], shape: [Int], isIntegral: Bool = false) throws(FigureError) {
    let valid =
      (shape.count == 2 || (shape.count == 3 && (shape[2] == 3 || shape[2] == 4)))
      && shape.allSatisfy { $0 > 0 }
    guard valid else {
      throw FigureError(
        .typeError, "Invalid shape \(pythonTuple(shape)) for image data",
        note: "imshow takes (H, W) values or an (H, W, 3) image; for a (1, H, W) tensor use "
          + "img[0] or img.squeeze(), for (3, H, W) use img.permute(1, 2, 0)")
    }
    let (product, overflow) = shape.reduce((1, false)) { partial, dimension in
      let (result, over) = partial.0.multipliedReportingOverflow(by: dimension)
      return (result, partial.1 || over)
    }
    guard !overflow, product == values.count else {
      throw FigureError(
        .valueError,
        "cannot reshape array of size \(values.count) into shape \(pythonTuple(shape))")
    }
    self.height = shape[0]
    self.width = shape[1]
    self.channels = shape.count == 3 ? shape[2] : 1
    self.values = values
    self.isIntegral = isIntegral
  }

  /// The same from `Float` values (a tensor's storage).
  public init(floats: [Float], shape: [Int], isIntegral: Bool = false) throws(FigureError) {
    try self.init(values: floats.map(Double.init), shape: shape, isIntegral: isIntegral)
  }

  /// The shape, `[H, W]` or `[H, W, C]`.
  public var shape: [Int] { channels == 1 ? [height, width] : [height, width, channels] }
}

/// An image drawn by `imshow`: values, colormap and colour limits, nearest-neighbour cells.
public struct ImageArtist: Equatable, Sendable {
  /// The image values.
  public let data: ImageData
  /// The colormap (ignored for RGB images, as in matplotlib).
  public let colormap: Colormap
  /// The value drawn with the colormap's first colour.
  public let vmin: Double
  /// The value drawn with the colormap's last colour.
  public let vmax: Double
  /// matplotlib's `interpolation=`; every rendering here draws nearest-neighbour cells.
  public let interpolation: String

  /// An image with `vmin`/`vmax` defaulting to the data's finite min and max (matplotlib's
  /// autoscaling); throws when `vmin > vmax`.
  public init(
    data: ImageData, colormap: Colormap = .viridis, vmin: Double? = nil, vmax: Double? = nil,
    interpolation: String = "nearest"
  ) throws(FigureError) {
    let finite = data.channels == 1 ? data.values.filter(\.isFinite) : []
    let low = vmin ?? finite.min() ?? 0
    let high = vmax ?? finite.max() ?? 1
    guard low <= high else {
      throw FigureError(
        .valueError, "minvalue must be less than or equal to maxvalue",
        note: "vmin (\(formatNumber(low))) is above vmax (\(formatNumber(high)))")
    }
    self.data = data
    self.colormap = colormap
    self.vmin = low
    self.vmax = high
    self.interpolation = interpolation
  }

  /// Whether the image is RGB(A) rather than colormapped scalars.
  public var isRGB: Bool { data.channels > 1 }

  /// The colour of one cell; nil where a scalar is NaN (drawn transparent).
  public func color(row: Int, column: Int) -> RGBColor? {
    let base = (row * data.width + column) * data.channels
    guard base >= 0, base + data.channels <= data.values.count else { return nil }
    if !isRGB {
      let value = data.values[base]
      guard !value.isNaN else { return nil }
      let span = vmax - vmin
      return colormap.color(at: span > 0 ? (value - vmin) / span : 0)
    }
    let scale = data.isIntegral ? 255.0 : 1.0
    var rgb = (0..<3).map { clipUnit(data.values[base + $0] / scale) }
    if data.channels == 4 {
      // Alpha composited over a white page.
      let alpha = clipUnit(data.values[base + 3] / scale)
      rgb = rgb.map { $0 * alpha + (1 - alpha) }
    }
    return RGBColor(red: rgb[0], green: rgb[1], blue: rgb[2])
  }

  /// All cell colours, row-major.
  public func colors() -> [RGBColor?] {
    (0..<data.height).flatMap { row in (0..<data.width).map { color(row: row, column: $0) } }
  }
}
