extension Figure {
  /// What the figure shows, by meaning, one claim a line, in the form `FigureExpectation`
  /// parses (so a figure always matches its own description):
  ///
  ///     imshow 28x28 gray
  ///     title: a 7
  ///
  ///     2x3 panels, each imshow 24x24 viridis
  ///     suptitle: conv1
  ///     panel 1: title: filter 0
  ///
  ///     line, 9 points, decreasing
  ///     title: Loss
  public var meaningDescription: String { descriptionClaims.map(\.text).joined(separator: "\n") }

  /// The claims of `meaningDescription`.
  public var descriptionClaims: [FigureClaim] {
    var claims: [FigureClaim] = []
    if let animation { return [.animation(AnimationClaim(describing: animation))] }
    if axes.allSatisfy({ $0.artists.isEmpty }) && axes.count <= 1 {
      claims.append(.empty)
    } else if axes.count == 1 {
      claims += axes[0].describingClaims.map { .panel(nil, $0) }
    } else {
      let numbered = numberedAxes
      let artistClaims = numbered.map {
        $0.axes.artists.map { PanelClaim.artist(ArtistClaim(describing: $0)) }
      }
      let shared = artistClaims.first.flatMap { first in
        first.count == 1 && artistClaims.allSatisfy({ $0 == first }) ? first : nil
      }
      claims.append(
        .panels(rows: grid?.nrows, columns: grid?.ncols, count: axes.count, each: shared ?? []))
      for (number, axes) in numbered {
        let own = axes.describingClaims.filter { claim in
          if case .artist = claim { return shared == nil }
          return true
        }
        claims += own.map { .panel(number, $0) }
      }
    }
    if let suptitle { claims.insert(.suptitle(suptitle), at: min(1, claims.count)) }
    return claims
  }

  /// The axes with the numbers claims use: their subplot number on a common grid, else their
  /// place in creation order (from 1).
  var numberedAxes: [(number: Int, axes: Axes)] {
    if grid != nil {
      return axes.map { ($0.position.index, $0) }.sorted { $0.0 < $1.0 }
    }
    return axes.enumerated().map { ($0.offset + 1, $0.element) }
  }
}

extension Axes {
  /// The claims that describe this axes: its artists, then its texts and decorations.
  public var describingClaims: [PanelClaim] {
    var claims = artists.map { PanelClaim.artist(ArtistClaim(describing: $0)) }
    if let title { claims.append(.text(.title, title)) }
    if let xlabel { claims.append(.text(.xlabel, xlabel)) }
    if let ylabel { claims.append(.text(.ylabel, ylabel)) }
    if showsLegend, !legendLabels.isEmpty { claims.append(.legend(legendLabels)) }
    if colorbar != nil { claims.append(.colorbar) }
    if !axisVisible { claims.append(.axisOff) }
    return claims
  }
}

extension FigureClaim {
  /// The claim written out, as `FigureExpectation` parses it.
  public var text: String {
    switch self {
    case .panels(let rows, let columns, let count, let each):
      let layout =
        rows.flatMap { rows in columns.map { "\(rows)x\($0) panels" } } ?? "\(count) panels"
      return each.isEmpty ? layout : layout + ", each " + each.map(\.text).joined(separator: "; ")
    case .suptitle(let text): return "suptitle: " + text
    case .panel(let number, let claim): return (number.map { "panel \($0): " } ?? "") + claim.text
    case .empty: return "empty"
    case .animation(let claim): return claim.text
    }
  }
}
