extension FigureExpectation {
  static func mismatches(of claim: FigureClaim, in figure: Figure) -> [String] {
    switch claim {
    case .animation(let animationClaim):
      guard let animation = figure.animation else {
        return ["expected \(animationClaim.text), found " + found(figure)]
      }
      return animationClaim.mismatches(in: animation)
    case .empty:
      let drawn = figure.axes.flatMap(\.artists)
      return drawn.isEmpty && figure.animation == nil
        ? [] : ["expected empty, found " + found(figure)]
    case .suptitle(let text):
      guard figure.suptitle?.trimmingSpaces != text else { return [] }
      return [
        "expected suptitle: \(text), found "
          + (figure.suptitle.map { "suptitle: \($0)" } ?? "no suptitle")
      ]
    case .panels(let rows, let columns, let count, let each):
      var messages: [String] = []
      let layoutHolds =
        if let rows, let columns {
          figure.grid.map { $0.nrows == rows && $0.ncols == columns } == true
            && figure.axes.count == count
        } else {
          figure.axes.count == count
        }
      if !layoutHolds {
        messages.append(
          "expected \(FigureClaim.panels(rows: rows, columns: columns, count: count, each: []).text), found \(layout(figure))"
        )
      }
      for (number, axes) in figure.numberedAxes {
        for panelClaim in each {
          messages += mismatches(of: panelClaim, in: axes).map { "panel \(number): " + $0 }
        }
      }
      return messages
    case .panel(let number?, let panelClaim):
      guard let axes = figure.numberedAxes.first(where: { $0.number == number })?.axes else {
        return ["expected panel \(number) (\(panelClaim.text)), found \(layout(figure))"]
      }
      return mismatches(of: panelClaim, in: axes).map { "panel \(number): " + $0 }
    case .panel(nil, let panelClaim):
      if figure.axes.isEmpty { return ["expected \(panelClaim.text), found an empty figure"] }
      if figure.axes.count == 1 { return mismatches(of: panelClaim, in: figure.axes[0]) }
      let holds = figure.axes.contains { mismatches(of: panelClaim, in: $0).isEmpty }
      return holds
        ? [] : ["expected \(panelClaim.text) in some panel, found none in \(layout(figure))"]
    }
  }

  static func mismatches(of claim: PanelClaim, in axes: Axes) -> [String] {
    switch claim {
    case .artist(let artistClaim):
      if axes.artists.contains(where: artistClaim.isSatisfied(by:)) { return [] }
      let sameKind = axes.artists.first { ArtistClaim(describing: $0).kind == artistClaim.kind }
      let shown = sameKind.map { ArtistClaim(describing: $0).text } ?? found(axes)
      return ["expected \(artistClaim.text), found \(shown)"]
    case .text(let field, let text):
      let actual: String? =
        switch field {
        case .title: axes.title
        case .xlabel: axes.xlabel
        case .ylabel: axes.ylabel
        }
      guard actual?.trimmingSpaces != text else { return [] }
      return [
        "expected \(claim.text), found "
          + (actual.map { "\(field.rawValue): \($0)" } ?? "no \(field.rawValue)")
      ]
    case .legend(let labels):
      let actual = axes.showsLegend ? axes.legendLabels : []
      guard actual != labels else { return [] }
      return [
        "expected \(claim.text), found "
          + (actual.isEmpty ? "no legend" : PanelClaim.legend(actual).text)
      ]
    case .colorbar:
      return axes.colorbar == nil ? ["expected a colorbar, found none"] : []
    case .axisOff:
      return axes.axisVisible ? ["expected axis off, found the axis shown"] : []
    }
  }

  static func layout(_ figure: Figure) -> String {
    if let grid = figure.grid {
      return grid.nrows * grid.ncols == 1 && figure.axes.count == 1
        ? "1 panel" : "\(grid.nrows)x\(grid.ncols) panels"
    }
    return figure.axes.isEmpty ? "no panels" : "\(figure.axes.count) panels"
  }

  static func found(_ figure: Figure) -> String {
    if let animation = figure.animation { return AnimationClaim(describing: animation).text }
    return figure.axes.count == 1 ? found(figure.axes[0]) : layout(figure)
  }

  static func found(_ axes: Axes) -> String {
    axes.artists.isEmpty
      ? "nothing drawn"
      : axes.artists.map { ArtistClaim(describing: $0).text }.joined(separator: "; ")
  }
}
