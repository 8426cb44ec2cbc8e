extension Figure {
  /// The most pixels `raster()` draws (64 Mi, 192 MiB of RGB): larger figures throw.
  public static let maximumRasterPixels = 1 << 26

  /// The bytes `raster()` needs for this figure (`width * height * 3`), or nil past
  /// `maximumRasterPixels`.
  public var rasterByteCount: Int? {
    let (width, height) = pixelSize
    let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
    guard !overflow, pixels <= Figure.maximumRasterPixels else { return nil }
    return pixels * 3
  }

  /// The figure as row-major RGB bytes, `pixelSize` large, for `savefig('x.png')`.
  ///
  /// The same layout as `svg()` (axes boxes at matplotlib's subplot parameters), drawn without
  /// text: images as nearest-neighbour pixels with equal aspect, lines joined point to point,
  /// scatter points as 5x5 squares, bars and histograms as filled rectangles, and a frame
  /// unless `axis('off')`. Throws for a figure over `maximumRasterPixels`.
  public func raster() throws(FigureError) -> (width: Int, height: Int, rgb: [UInt8]) {
    guard animation == nil else {
      throw FigureError(
        .valueError, "an animation cannot be saved as PNG", note: "save it as SVG: savefig('x.svg')"
      )
    }
    let (width, height) = pixelSize
    guard width > 0, height > 0, rasterByteCount != nil else {
      throw FigureError(
        .valueError, "a \(width)x\(height) figure is too large to save as PNG",
        note: "use a smaller figsize or dpi, or save as SVG")
    }
    var canvas = RasterCanvas(width: width, height: height)
    for axes in axes {
      let box = axesBox(axes.position, width: Double(width), height: Double(height))
      canvas.draw(axes, in: box)
    }
    return (width, height, canvas.rgb)
  }
}

/// An RGB canvas, white to start with.
struct RasterCanvas {
  let width: Int
  let height: Int
  var rgb: [UInt8]

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
    self.rgb = Array(repeating: 255, count: width * height * 3)
  }

  mutating func set(_ x: Int, _ y: Int, _ color: RGBColor) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let base = (y * width + x) * 3
    let bytes = color.bytes
    rgb[base] = bytes[0]
    rgb[base + 1] = bytes[1]
    rgb[base + 2] = bytes[2]
  }

  /// Fills the pixels whose centres lie in `x0..<x1`, `y0..<y1` (clipped to the canvas).
  mutating func fill(x0: Double, y0: Double, x1: Double, y1: Double, _ color: RGBColor) {
    guard [x0, y0, x1, y1].allSatisfy(\.isFinite) else { return }
    let left = Int(max(min(x0, x1), 0).rounded())
    let right = Int(min(max(x0, x1), Double(width)).rounded())
    let top = Int(max(min(y0, y1), 0).rounded())
    let bottom = Int(min(max(y0, y1), Double(height)).rounded())
    guard left < right, top < bottom else { return }
    for y in top..<bottom {
      for x in left..<right { set(x, y, color) }
    }
  }

  /// A one-pixel line from `(x0, y0)` to `(x1, y1)` (Bresenham), clipped to the canvas.
  mutating func line(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ color: RGBColor) {
    let limit = Double(max(width, height) * 2)
    guard [x0, y0, x1, y1].allSatisfy({ $0.isFinite && abs($0) < limit }) else { return }
    var (x, y) = (Int(x0.rounded()), Int(y0.rounded()))
    let (endX, endY) = (Int(x1.rounded()), Int(y1.rounded()))
    let (dx, dy) = (abs(endX - x), -abs(endY - y))
    let (stepX, stepY) = (x < endX ? 1 : -1, y < endY ? 1 : -1)
    var error = dx + dy
    while true {
      set(x, y, color)
      if x == endX && y == endY { return }
      let doubled = 2 * error
      if doubled >= dy {
        error += dy
        x += stepX
      }
      if doubled <= dx {
        error += dx
        y += stepY
      }
    }
  }

  mutating func frame(_ box: SVGBox) {
    let black = RGBColor(red: 0, green: 0, blue: 0)
    let (x0, y0, x1, y1) = (box.x, box.y, box.x + box.width, box.y + box.height)
    line(x0, y0, x1, y0, black)
    line(x1, y0, x1, y1, black)
    line(x1, y1, x0, y1, black)
    line(x0, y1, x0, y0, black)
  }

  mutating func draw(_ axes: Axes, in box: SVGBox) {
    if let image = axes.images.last {
      drawImage(image, in: box, framed: axes.axisVisible)
      return
    }
    guard !axes.artists.isEmpty || axes.axisVisible else { return }
    drawPlot(axes.artists, in: box)
    if axes.axisVisible { frame(box) }
  }

  mutating func drawImage(_ image: ImageArtist, in outer: SVGBox, framed: Bool) {
    let columns = Double(image.data.width)
    let rows = Double(image.data.height)
    let scale = min(outer.width / columns, outer.height / rows)
    let box = SVGBox(
      x: outer.x + (outer.width - columns * scale) / 2,
      y: outer.y + (outer.height - rows * scale) / 2,
      width: columns * scale, height: rows * scale)
    let left = max(Int(box.x.rounded()), 0)
    let top = max(Int(box.y.rounded()), 0)
    let right = min(Int((box.x + box.width).rounded()), width)
    let bottom = min(Int((box.y + box.height).rounded()), height)
    guard scale > 0, left < right, top < bottom else { return }
    for y in top..<bottom {
      let row = min(Int((Double(y) + 0.5 - box.y) / scale), image.data.height - 1)
      for x in left..<right {
        let column = min(Int((Double(x) + 0.5 - box.x) / scale), image.data.width - 1)
        if let color = image.color(row: max(row, 0), column: max(column, 0)) {
          set(x, y, color)
        }
      }
    }
    if framed { frame(box) }
  }

  mutating func drawPlot(_ artists: [Artist], in box: SVGBox) {
    let limits = DataLimits(artists)
    let xPad = (limits.x.upperBound - limits.x.lowerBound) * 0.05
    let yPad = (limits.y.upperBound - limits.y.lowerBound) * 0.05
    let (x0, x1) = (limits.x.lowerBound - xPad, limits.x.upperBound + xPad)
    let (y0, y1) = (limits.y.lowerBound - yPad, limits.y.upperBound + yPad)
    func px(_ x: Double) -> Double { box.x + (x - x0) / (x1 - x0) * box.width }
    func py(_ y: Double) -> Double { box.y + (y1 - y) / (y1 - y0) * box.height }
    for artist in artists {
      switch artist {
      case .image: break
      case .line(let line):
        let points = zip(line.x, line.y).map { (px($0), py($1)) }
        for (start, end) in zip(points, points.dropFirst()) {
          self.line(start.0, start.1, end.0, end.1, line.color)
        }
        if line.marker != nil {
          for (x, y) in points { fill(x0: x - 2, y0: y - 2, x1: x + 3, y1: y + 3, line.color) }
        }
      case .scatter(let scatter):
        for (x, y) in zip(scatter.x, scatter.y) {
          let (cx, cy) = (px(x), py(y))
          fill(x0: cx - 2, y0: cy - 2, x1: cx + 3, y1: cy + 3, scatter.color)
        }
      case .bar(let bar):
        for (x, height) in zip(bar.x, bar.heights) {
          fill(
            x0: px(x - bar.width / 2), y0: py(height), x1: px(x + bar.width / 2), y1: py(0),
            bar.color)
        }
      case .histogram(let histogram):
        for (index, count) in histogram.counts.enumerated() {
          fill(
            x0: px(histogram.edges[index]), y0: py(Double(count)),
            x1: px(histogram.edges[index + 1]), y1: py(0), histogram.color)
        }
      }
    }
  }
}
