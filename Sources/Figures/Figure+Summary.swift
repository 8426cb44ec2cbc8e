extension Figure {
  /// The one line that stands for the figure in piped output, so checked output stays
  /// stable: `[figure 1: imshow 28x28, gray]`, `[figure 2: 2x3 panels]`,
  /// `[figure 3: line, 9 points]`, `[figure 4: empty]`.
  public var summary: String {
    let content: String
    if let animation {
      content = "animation " + animation.caption
    } else if axes.count > 1 {
      if let grid {
        content = "\(grid.nrows)x\(grid.ncols) panels"
      } else {
        content = "\(axes.count) panels"
      }
    } else if let only = axes.first, let first = only.artists.first {
      let more = only.artists.count - 1
      content = first.summary + (more > 0 ? " + \(more) more" : "")
    } else {
      content = "empty"
    }
    return "[figure \(number): \(content)]"
  }
}

extension Artist {
  /// `imshow 28x28, gray`, `imshow 32x32, rgb`, `line, 9 points`, `scatter, 5 points`,
  /// `bar, 3 bars`, `hist, 10 bins`.
  public var summary: String {
    switch self {
    case .image(let image):
      "imshow \(image.data.height)x\(image.data.width), \(image.isRGB ? "rgb" : image.colormap.name)"
    case .line(let line): "line, \(points(line.y.count))"
    case .scatter(let scatter): "scatter, \(points(scatter.x.count))"
    case .bar(let bar): "bar, \(bar.heights.count) bar\(bar.heights.count == 1 ? "" : "s")"
    case .histogram(let histogram):
      "hist, \(histogram.counts.count) bin\(histogram.counts.count == 1 ? "" : "s")"
    }
  }
}

func points(_ count: Int) -> String { "\(count) point\(count == 1 ? "" : "s")" }
