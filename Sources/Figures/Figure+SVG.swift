extension Figure {
  /// The figure as a standalone SVG document, `width * dpi` by `height * dpi` pixels.
  ///
  /// Axes sit where matplotlib puts them (subplot parameters left 0.125, right 0.9, bottom
  /// 0.11, top 0.88, wspace and hspace 0.2). Each axes has a frame with ticks (the image's
  /// first and last pixel, or nice ticks for plots) unless `axis('off')`, its title above and
  /// labels beside; images are an embedded PNG drawn with square, unsmoothed pixels and equal
  /// aspect; lines are polylines, scatter points circles, bars and histograms rects; a
  /// colorbar is a gradient strip at the right. All text is escaped.
  public func svg() -> String {
    if let animation { return animation.svg() }
    let (width, height) = pixelSize
    var svg = SVGBuilder()
    svg.add(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        + "viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"10\">"
    )
    svg.add("<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>")
    if let suptitle {
      svg.text(
        suptitle, x: Double(width) / 2, y: Double(height) * 0.04 + 8, size: 12, anchor: "middle")
    }
    for axes in axes {
      let box = axesBox(axes.position, width: Double(width), height: Double(height))
      svg.drawAxes(axes, in: box)
    }
    svg.add("</svg>")
    return svg.lines.joined(separator: "\n") + "\n"
  }

  /// The axes' rectangle in pixels (origin top left).
  func axesBox(_ position: SubplotPosition, width: Double, height: Double) -> SVGBox {
    let (left, right, bottom, top, space) = (0.125, 0.9, 0.11, 0.88, 0.2)
    let columns = Double(position.ncols)
    let rows = Double(position.nrows)
    let cellWidth = (right - left) / (columns + space * (columns - 1))
    let cellHeight = (top - bottom) / (rows + space * (rows - 1))
    let x = left + Double(position.column) * cellWidth * (1 + space)
    let y = (1 - top) + Double(position.row) * cellHeight * (1 + space)
    return SVGBox(
      x: x * width, y: y * height, width: cellWidth * width, height: cellHeight * height)
  }
}

/// A rectangle in SVG pixels.
struct SVGBox {
  var x: Double
  var y: Double
  var width: Double
  var height: Double
}

/// Collects SVG lines.
struct SVGBuilder {
  var lines: [String] = []

  mutating func add(_ line: String) { lines.append(line) }

  mutating func text(
    _ text: String, x: Double, y: Double, size: Double = 10, anchor: String = "start",
    rotate: Bool = false
  ) {
    let transform = rotate ? " transform=\"rotate(-90 \(svgNumber(x)) \(svgNumber(y)))\"" : ""
    add(
      "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" font-size=\"\(svgNumber(size))\" "
        + "text-anchor=\"\(anchor)\"\(transform)>\(escapeXML(text))</text>")
  }

  mutating func drawAxes(_ axes: Axes, in outer: SVGBox) {
    if let image = axes.images.last {
      drawImage(image, axes: axes, in: outer)
    } else {
      drawPlot(axes, in: outer)
    }
    if let title = axes.title {
      text(title, x: outer.x + outer.width / 2, y: outer.y - 6, size: 12, anchor: "middle")
    }
    if let xlabel = axes.xlabel {
      text(xlabel, x: outer.x + outer.width / 2, y: outer.y + outer.height + 28, anchor: "middle")
    }
    if let ylabel = axes.ylabel {
      text(ylabel, x: outer.x - 34, y: outer.y + outer.height / 2, anchor: "middle", rotate: true)
    }
  }

  mutating func drawImage(_ image: ImageArtist, axes: Axes, in outer: SVGBox) {
    let columns = Double(image.data.width)
    let rows = Double(image.data.height)
    let scale = min(outer.width / columns, outer.height / rows)
    let box = SVGBox(
      x: outer.x + (outer.width - columns * scale) / 2,
      y: outer.y + (outer.height - rows * scale) / 2,
      width: columns * scale, height: rows * scale)
    let bytes = image.colors().flatMap { ($0 ?? RGBColor(red: 1, green: 1, blue: 1)).bytes }
    if let png = try? PNGEncoder.encode(
      width: image.data.width, height: image.data.height, rgb: bytes)
    {
      add(
        "<image x=\"\(svgNumber(box.x))\" y=\"\(svgNumber(box.y))\" width=\"\(svgNumber(box.width))\" "
          + "height=\"\(svgNumber(box.height))\" preserveAspectRatio=\"none\" "
          + "style=\"image-rendering:pixelated\" href=\"data:image/png;base64,\(base64(png))\"/>")
    }
    if axes.axisVisible {
      frame(box)
      for (value, label) in [(0.0, "0"), (columns - 1, formatNumber(columns - 1))] {
        let x = box.x + (value + 0.5) * scale
        add(tickLine(x, box.y + box.height, x, box.y + box.height + 3.5))
        text(label, x: x, y: box.y + box.height + 14, anchor: "middle")
      }
      for (value, label) in [(0.0, "0"), (rows - 1, formatNumber(rows - 1))] {
        let y = box.y + (value + 0.5) * scale
        add(tickLine(box.x - 3.5, y, box.x, y))
        text(label, x: box.x - 5, y: y + 3.5, anchor: "end")
      }
    }
    if let colorbar = axes.colorbar { drawColorbar(colorbar, beside: box) }
  }

  mutating func drawColorbar(_ colorbar: ColorbarInfo, beside box: SVGBox) {
    let strip = SVGBox(x: box.x + box.width + 10, y: box.y, width: 12, height: box.height)
    let bytes = (0..<256).reversed().flatMap { colorbar.colormap.color(at: Double($0) / 255).bytes }
    if let png = try? PNGEncoder.encode(width: 1, height: 256, rgb: bytes) {
      add(
        "<image x=\"\(svgNumber(strip.x))\" y=\"\(svgNumber(strip.y))\" width=\"12\" "
          + "height=\"\(svgNumber(strip.height))\" preserveAspectRatio=\"none\" "
          + "href=\"data:image/png;base64,\(base64(png))\"/>")
    }
    frame(strip)
    text(formatNumber(colorbar.vmax), x: strip.x + 16, y: strip.y + 8)
    text(formatNumber(colorbar.vmin), x: strip.x + 16, y: strip.y + strip.height)
  }

  mutating func drawPlot(_ axes: Axes, in box: SVGBox) {
    let limits = DataLimits(axes.artists)
    // matplotlib's default 5% margins.
    let xPad = (limits.x.upperBound - limits.x.lowerBound) * 0.05
    let yPad = (limits.y.upperBound - limits.y.lowerBound) * 0.05
    let x0 = limits.x.lowerBound - xPad
    let x1 = limits.x.upperBound + xPad
    let y0 = limits.y.lowerBound - yPad
    let y1 = limits.y.upperBound + yPad
    func px(_ x: Double) -> Double { box.x + (x - x0) / (x1 - x0) * box.width }
    func py(_ y: Double) -> Double { box.y + (y1 - y) / (y1 - y0) * box.height }
    for artist in axes.artists {
      switch artist {
      case .image: break
      case .line(let line):
        let points = zip(line.x, line.y).filter { $0.0.isFinite && $0.1.isFinite }
          .map { "\(svgNumber(px($0.0))),\(svgNumber(py($0.1)))" }.joined(separator: " ")
        add(
          "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.color.hex)\" stroke-width=\"1.5\"/>"
        )
        if line.marker != nil {
          for (x, y) in zip(line.x, line.y) where x.isFinite && y.isFinite {
            add(
              "<circle cx=\"\(svgNumber(px(x)))\" cy=\"\(svgNumber(py(y)))\" r=\"3\" fill=\"\(line.color.hex)\"/>"
            )
          }
        }
      case .scatter(let scatter):
        for (x, y) in zip(scatter.x, scatter.y) where x.isFinite && y.isFinite {
          add(
            "<circle cx=\"\(svgNumber(px(x)))\" cy=\"\(svgNumber(py(y)))\" r=\"3\" fill=\"\(scatter.color.hex)\"/>"
          )
        }
      case .bar(let bar):
        for (x, height) in zip(bar.x, bar.heights) {
          rect(
            px(x - bar.width / 2), py(max(height, 0)), px(x + bar.width / 2), py(min(height, 0)),
            bar.color)
        }
      case .histogram(let histogram):
        for (index, count) in histogram.counts.enumerated() {
          rect(
            px(histogram.edges[index]), py(Double(count)), px(histogram.edges[index + 1]), py(0),
            histogram.color)
        }
      }
    }
    guard axes.axisVisible else { return }
    frame(box)
    for tick in niceTicks(low: x0, high: x1) {
      add(tickLine(px(tick), box.y + box.height, px(tick), box.y + box.height + 3.5))
      text(formatNumber(tick), x: px(tick), y: box.y + box.height + 14, anchor: "middle")
    }
    for tick in niceTicks(low: y0, high: y1) {
      add(tickLine(box.x - 3.5, py(tick), box.x, py(tick)))
      text(formatNumber(tick), x: box.x - 5, y: py(tick) + 3.5, anchor: "end")
    }
    if axes.showsLegend { drawLegend(axes, in: box) }
  }

  mutating func drawLegend(_ axes: Axes, in box: SVGBox) {
    let entries = axes.artists.compactMap { artist in artist.legendLabel.map { ($0, artist.color) }
    }
    guard !entries.isEmpty else { return }
    let width = 40 + 6 * Double(entries.map(\.0.count).max() ?? 0)
    let x = box.x + box.width - width - 6
    add(
      "<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(box.y + 6))\" width=\"\(svgNumber(width))\" "
        + "height=\"\(svgNumber(Double(entries.count) * 14 + 6))\" fill=\"#ffffff\" fill-opacity=\"0.8\" stroke=\"#cccccc\"/>"
    )
    for (index, entry) in entries.enumerated() {
      let y = box.y + 16 + Double(index) * 14
      add(
        "<line x1=\"\(svgNumber(x + 5))\" y1=\"\(svgNumber(y - 3))\" x2=\"\(svgNumber(x + 25))\" "
          + "y2=\"\(svgNumber(y - 3))\" stroke=\"\((entry.1 ?? RGBColor.cycle[0]).hex)\" stroke-width=\"1.5\"/>"
      )
      text(entry.0, x: x + 30, y: y)
    }
  }

  mutating func rect(
    _ left: Double, _ top: Double, _ right: Double, _ bottom: Double, _ color: RGBColor
  ) {
    add(
      "<rect x=\"\(svgNumber(min(left, right)))\" y=\"\(svgNumber(min(top, bottom)))\" "
        + "width=\"\(svgNumber(abs(right - left)))\" height=\"\(svgNumber(abs(bottom - top)))\" fill=\"\(color.hex)\"/>"
    )
  }

  mutating func frame(_ box: SVGBox) {
    add(
      "<rect x=\"\(svgNumber(box.x))\" y=\"\(svgNumber(box.y))\" width=\"\(svgNumber(box.width))\" "
        + "height=\"\(svgNumber(box.height))\" fill=\"none\" stroke=\"#000000\" stroke-width=\"0.8\"/>"
    )
  }

  func tickLine(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
    "<line x1=\"\(svgNumber(x1))\" y1=\"\(svgNumber(y1))\" x2=\"\(svgNumber(x2))\" y2=\"\(svgNumber(y2))\" stroke=\"#000000\" stroke-width=\"0.8\"/>"
  }
}

/// A coordinate with at most 2 decimals.
func svgNumber(_ value: Double) -> String { value.isFinite ? fixed(value, decimals: 2) : "0" }

/// `text` with `& < > " '` escaped for XML text and attributes.
public func escapeXML(_ text: String) -> String {
  var result = ""
  for character in text {
    switch character {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&#39;"
    default: result.append(character)
    }
  }
  return result
}

/// Standard base64 (RFC 4648) with padding.
public func base64(_ bytes: [UInt8]) -> String {
  let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
  var result = ""
  var index = 0
  while index < bytes.count {
    let count = min(3, bytes.count - index)
    var group = 0
    for offset in 0..<3 { group = group << 8 | (offset < count ? Int(bytes[index + offset]) : 0) }
    for position in 0..<4 {
      result.append(position <= count ? alphabet[(group >> (18 - 6 * position)) & 63] : "=")
    }
    index += 3
  }
  return result
}
