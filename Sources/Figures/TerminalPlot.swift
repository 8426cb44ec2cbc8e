/// The data limits of an axes' line, scatter, bar and histogram artists (`0...1` when empty;
/// a single value `v` widens to `v - 0.5 ... v + 0.5`).
struct DataLimits: Equatable {
  var x: ClosedRange<Double>
  var y: ClosedRange<Double>

  init(_ artists: [Artist]) {
    let (xs, ys) = Self.values(of: artists)
    x = DataLimits.range(xs.filter(\.isFinite))
    y = DataLimits.range(ys.filter(\.isFinite))
  }

  /// The x and y values the artists span: line and scatter points, bar edges and heights (and
  /// 0), a histogram's outer edges and counts (and 0); images span none.
  static func values(of artists: [Artist]) -> (xs: [Double], ys: [Double]) {
    var xs: [Double] = []
    var ys: [Double] = []
    for artist in artists {
      switch artist {
      case .image: break
      case .line(let line):
        xs += line.x
        ys += line.y
      case .scatter(let scatter):
        xs += scatter.x
        ys += scatter.y
      case .bar(let bar):
        xs += bar.x.flatMap { [$0 - bar.width / 2, $0 + bar.width / 2] }
        ys += bar.heights + [0]
      case .histogram(let histogram):
        xs += [histogram.edges.first ?? 0, histogram.edges.last ?? 1]
        ys += histogram.counts.map(Double.init) + [0]
      }
    }
    return (xs, ys)
  }

  static func range(_ values: [Double]) -> ClosedRange<Double> {
    guard var low = values.min(), var high = values.max() else { return 0...1 }
    // Limits stay within ±1e300, so that their span (and every position computed from it)
    // is finite even for values near Double's largest.
    low = min(max(low, -1e300), 1e300)
    high = min(max(high, -1e300), 1e300)
    return low == high ? (low - 0.5)...(high + 0.5) : low...high
  }
}

extension Axes {
  /// The x and y values this axes' artists span (see `DataLimits.values(of:)`), for limits.
  public var dataValues: (xs: [Double], ys: [Double]) { DataLimits.values(of: artists) }
}

/// Draws an axes' lines, points, bars and histograms on a braille canvas, `width` columns in
/// all, with the y limits left of the frame and the x limits under it:
///
///     ylabel
///     3 ┤⠑⠢⡀
///       │  ⠈⠑⠢⡀
///     1 ┤     ⠈⠑
///       └───────
///       0      2
///          xlabel
///     ── train
///
/// With `axis('off')` only the canvas is drawn.
func renderPlot(_ axes: Axes, width: Int, height: Int, style: TerminalStyle) -> TextBlock {
  let limits = DataLimits(axes.artists)
  let top = formatNumber(limits.y.upperBound)
  let bottom = formatNumber(limits.y.lowerBound)
  let labelWidth = axes.axisVisible ? max(top.count, bottom.count) : 0
  let margin = axes.axisVisible ? labelWidth + 2 : 0
  let canvasColumns = max(width - margin, 4)
  var canvas = BrailleCanvas(columns: canvasColumns, rows: height)
  draw(axes.artists, limits: limits, on: &canvas)
  var block = TextBlock(width: margin + canvasColumns)
  if let ylabel = axes.ylabel, axes.axisVisible { block.append(plain: ylabel) }
  for (row, text) in canvas.lines(style: style).enumerated() {
    guard axes.axisVisible else {
      block.lines.append(text)
      continue
    }
    let label = row == 0 ? top : row == height - 1 ? bottom : ""
    let tick = row == 0 || row == height - 1 ? "┤" : "│"
    block.lines.append(
      fit(String(repeating: " ", count: labelWidth - label.count) + label, to: labelWidth) + " "
        + tick + text)
  }
  guard axes.axisVisible else { return block }
  let indent = String(repeating: " ", count: labelWidth + 1)
  block.lines.append(indent + "└" + String(repeating: "─", count: canvasColumns))
  let (left, right) = xLimitLabels(axes.artists, limits: limits)
  let gap = max(canvasColumns + 1 - left.count - right.count, 1)
  block.append(plain: indent + left + String(repeating: " ", count: gap) + right)
  if let xlabel = axes.xlabel {
    block.append(plain: indent + fit(xlabel, to: canvasColumns + 1, centered: true))
  }
  if axes.showsLegend, !axes.legendLabels.isEmpty {
    let entries = axes.artists.compactMap { artist -> String? in
      guard let label = artist.legendLabel else { return nil }
      let mark = artist.color.map { style.foreground($0) + "──" + style.reset } ?? "──"
      return mark + " " + label
    }
    let visible = axes.legendLabels.map { $0.count + 3 }.reduce(0, +) + 2 * (entries.count - 1)
    let line = indent + " " + entries.joined(separator: "  ")
    let shown = indent.count + 1 + visible
    block.lines.append(
      shown <= block.width
        ? line + String(repeating: " ", count: block.width - shown)
        : fit(indent + " " + axes.legendLabels.joined(separator: ", "), to: block.width))
  }
  return block
}

/// The x-axis end labels: the first and last category names for categorical bars, else the
/// x limits.
private func xLimitLabels(_ artists: [Artist], limits: DataLimits) -> (String, String) {
  for case .bar(let bar) in artists {
    if let categories = bar.categories, let first = categories.first, let last = categories.last {
      return (first, last)
    }
  }
  return (formatNumber(limits.x.lowerBound), formatNumber(limits.x.upperBound))
}

private func draw(_ artists: [Artist], limits: DataLimits, on canvas: inout BrailleCanvas) {
  let xSpan = limits.x.upperBound - limits.x.lowerBound
  let ySpan = limits.y.upperBound - limits.y.lowerBound
  func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
    guard x.isFinite, y.isFinite else { return nil }
    let column = ((x - limits.x.lowerBound) / xSpan * Double(canvas.dotWidth - 1)).rounded()
    let row = ((limits.y.upperBound - y) / ySpan * Double(canvas.dotHeight - 1)).rounded()
    guard column.isFinite, row.isFinite else { return nil }
    // A point far outside the canvas is drawn at a bounded distance, so a line to it stays short.
    let width = Double(canvas.dotWidth)
    let height = Double(canvas.dotHeight)
    return (Int(min(max(column, -width), 2 * width)), Int(min(max(row, -height), 2 * height)))
  }
  func fill(from left: Double, to right: Double, height: Double, color: RGBColor) {
    guard let start = dot(left, 0), let end = dot(right, height), let base = dot(left, 0) else {
      return
    }
    for x in start.0...max(start.0, end.0) {
      canvas.line(from: (x, base.1), to: (x, end.1), color: color)
    }
  }
  for artist in artists {
    switch artist {
    case .image: break
    case .line(let line):
      let points = zip(line.x, line.y).map { dot($0, $1) }
      for (from, to) in zip(points, points.dropFirst()) {
        if let from, let to { canvas.line(from: from, to: to, color: line.color) }
      }
      if points.count == 1, let only = points[0] {
        canvas.set(x: only.0, y: only.1, color: line.color)
      }
    case .scatter(let scatter):
      for case (let x, let y)? in zip(scatter.x, scatter.y).map({ dot($0, $1) }) {
        canvas.set(x: x, y: y, color: scatter.color)
      }
    case .bar(let bar):
      for (x, height) in zip(bar.x, bar.heights) {
        fill(from: x - bar.width / 2, to: x + bar.width / 2, height: height, color: bar.color)
      }
    case .histogram(let histogram):
      for (index, count) in histogram.counts.enumerated() where count > 0 {
        // Leave the last dot column of each bin empty so neighbouring bars stay apart.
        let left = histogram.edges[index]
        let right = histogram.edges[index + 1] - xSpan / Double(max(canvas.dotWidth - 1, 1))
        fill(from: left, to: max(left, right), height: Double(count), color: histogram.color)
      }
    }
  }
}
