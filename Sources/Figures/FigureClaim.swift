/// One statement of a figure expectation (see `FigureExpectation` for the written form).
public enum FigureClaim: Equatable, Sendable {
  /// `RxC panels` (rows and columns) or `N panels` (count only), each panel satisfying
  /// `each` (`2x3 panels, each imshow 24x24`).
  case panels(rows: Int?, columns: Int?, count: Int, each: [PanelClaim])
  /// `suptitle: TEXT`.
  case suptitle(String)
  /// `panel K: CLAIM` (K counts from 1 as `subplot` does), or, with no number, a claim about
  /// the figure's only axes (with several axes: about at least one of them).
  case panel(Int?, PanelClaim)
  /// `empty`: nothing drawn.
  case empty
  /// `animation conv2d 5x5 -> 3x3, kernel 3x3, stride 2, padding 1`: a window animation.
  case animation(AnimationClaim)
}

/// A statement about one axes.
public enum PanelClaim: Equatable, Sendable {
  /// An artist of a kind, with optional details.
  case artist(ArtistClaim)
  /// `title: TEXT`, `xlabel: TEXT`, `ylabel: TEXT`.
  case text(TextField, String)
  /// `legend: A, B`.
  case legend([String])
  /// `colorbar`.
  case colorbar
  /// `axis off`.
  case axisOff

  /// The axes texts a claim can name.
  public enum TextField: String, Equatable, Sendable {
    /// `set_title`.
    case title
    /// `set_xlabel`.
    case xlabel
    /// `set_ylabel`.
    case ylabel
  }

  /// The claim written out, as `FigureExpectation` parses it.
  public var text: String {
    switch self {
    case .artist(let artist): artist.text
    case .text(let field, let value): "\(field.rawValue): \(value)"
    case .legend(let labels): "legend: " + labels.joined(separator: ", ")
    case .colorbar: "colorbar"
    case .axisOff: "axis off"
    }
  }
}

/// Whether a line goes down or up overall.
public enum Trend: String, Equatable, Sendable {
  /// Ends lower than it starts and its least-squares slope is negative.
  case decreasing
  /// Ends higher than it starts and its least-squares slope is positive.
  case increasing

  /// The trend of `values`, or nil when it is neither (or there are fewer than 2 values).
  public init?(of values: [Double]) {
    guard values.count >= 2, let first = values.first, let last = values.last else { return nil }
    let n = Double(values.count)
    let meanX = (n - 1) / 2
    let meanY = values.reduce(0, +) / n
    var slope = 0.0
    for (index, value) in values.enumerated() { slope += (Double(index) - meanX) * (value - meanY) }
    if slope < 0 && last < first {
      self = .decreasing
    } else if slope > 0 && last > first {
      self = .increasing
    } else {
      return nil
    }
  }
}

/// A claim about one artist: its kind and, optionally, its size, colormap, count or trend.
public struct ArtistClaim: Equatable, Sendable {
  /// The artist kinds, named as the `pyplot` functions that draw them.
  public enum Kind: String, Equatable, Sendable, CaseIterable {
    /// `imshow`.
    case imshow
    /// `plot`.
    case line
    /// `scatter`.
    case scatter
    /// `bar`.
    case bar
    /// `hist`.
    case hist
  }

  /// The kind.
  public var kind: Kind
  /// Image rows and columns, when claimed.
  public var size: (height: Int, width: Int)?
  /// Image channels when claimed as `HxWx3` (or `x4`).
  public var channels: Int?
  /// The colormap name, when claimed.
  public var colormap: String?
  /// Points (line, scatter), bars or bins, when claimed.
  public var count: Int?
  /// The line's trend, when claimed.
  public var trend: Trend?

  /// A claim of `kind` with the details given.
  public init(
    kind: Kind, size: (height: Int, width: Int)? = nil, channels: Int? = nil,
    colormap: String? = nil, count: Int? = nil, trend: Trend? = nil
  ) {
    self.kind = kind
    self.size = size
    self.channels = channels
    self.colormap = colormap
    self.count = count
    self.trend = trend
  }

  /// Equal when every detail is equal.
  public static func == (lhs: ArtistClaim, rhs: ArtistClaim) -> Bool {
    lhs.kind == rhs.kind && lhs.size?.height == rhs.size?.height
      && lhs.size?.width == rhs.size?.width && lhs.channels == rhs.channels
      && lhs.colormap == rhs.colormap && lhs.count == rhs.count && lhs.trend == rhs.trend
  }

  /// The claim written out: `imshow 28x28 gray`, `line, 9 points, decreasing`.
  public var text: String {
    var head = kind.rawValue
    if let size {
      head += " \(size.height)x\(size.width)" + (channels.map { "x\($0)" } ?? "")
    }
    if let colormap { head += " " + colormap }
    var parts = [head]
    if let count {
      let noun: String
      switch kind {
      case .bar: noun = count == 1 ? "bar" : "bars"
      case .hist: noun = count == 1 ? "bin" : "bins"
      default: noun = count == 1 ? "point" : "points"
      }
      parts.append("\(count) \(noun)")
    }
    if let trend { parts.append(trend.rawValue) }
    return parts.joined(separator: ", ")
  }

  /// The claim that describes `artist` fully (what `Figure.meaningDescription` writes).
  public init(describing artist: Artist) {
    switch artist {
    case .image(let image):
      self.init(
        kind: .imshow, size: (image.data.height, image.data.width),
        channels: image.isRGB ? image.data.channels : nil,
        colormap: image.isRGB ? nil : image.colormap.name)
    case .line(let line): self.init(kind: .line, count: line.y.count, trend: Trend(of: line.y))
    case .scatter(let scatter): self.init(kind: .scatter, count: scatter.x.count)
    case .bar(let bar): self.init(kind: .bar, count: bar.heights.count)
    case .histogram(let histogram): self.init(kind: .hist, count: histogram.counts.count)
    }
  }

  /// Whether `artist` is of this kind and has every detail claimed.
  public func isSatisfied(by artist: Artist) -> Bool {
    let actual = ArtistClaim(describing: artist)
    guard actual.kind == kind else { return false }
    if let size, actual.size?.height != size.height || actual.size?.width != size.width {
      return false
    }
    if let channels, actual.channels != channels { return false }
    if channels == nil, size != nil, actual.channels != nil { return false }
    if let colormap, actual.colormap != colormap { return false }
    if let count, actual.count != count { return false }
    if let trend, actual.trend != trend { return false }
    return true
  }
}
