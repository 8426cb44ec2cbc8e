/// A claim that cannot be read (located by `FigureExpectation.init(parsing:)`).
struct ClaimSyntaxError: Error {
  let message: String
  let note: String?
}

extension FigureExpectation {
  static let formNote =
    "write claims such as 'imshow 28x28 gray', '2x3 panels, each imshow 24x24', "
    + "'line, 9 points, decreasing', 'title: Loss'"

  static func parseClaim(_ line: String) throws(ClaimSyntaxError) -> FigureClaim {
    if line == "empty" { return .empty }
    if let animation = try parseAnimation(line) { return animation }
    if let text = value(of: "suptitle", in: line) { return .suptitle(text) }
    if line.hasPrefix("panel "), let colon = line.firstIndex(of: ":") {
      let number = line[line.index(line.startIndex, offsetBy: 6)..<colon].trimmingSpaces
      guard let index = Int(number), index >= 1 else {
        throw ClaimSyntaxError(
          message: "'\(number)' is not a panel number",
          note: "write 'panel 1: ...' (panels count from 1)")
      }
      return .panel(index, try parsePanelClaim(line[line.index(after: colon)...].trimmingSpaces))
    }
    if let panels = try parsePanels(line) { return panels }
    return .panel(nil, try parsePanelClaim(line))
  }

  /// `RxC panels[, each ...]` or `N panels[, each ...]`; nil when the line is not a layout.
  static func parsePanels(_ line: String) throws(ClaimSyntaxError) -> FigureClaim? {
    let (head, rest) = splitFirst(line, ",")
    let words = head.split(separator: " ")
    guard words.count == 2, words[1] == "panels" || words[1] == "panel" else { return nil }
    var each: [PanelClaim] = []
    if let rest {
      guard rest.hasPrefix("each ") else {
        throw ClaimSyntaxError(
          message: "expected 'each' after '\(head),'", note: "write '\(head), each imshow 24x24'")
      }
      for part in rest.dropFirst(5).split(separator: ";") {
        each.append(try parsePanelClaim(part.trimmingSpaces))
      }
    }
    if let count = Int(words[0]), count >= 1 {
      return .panels(rows: nil, columns: nil, count: count, each: each)
    }
    guard let (rows, columns) = dimensions(words[0]) else {
      throw ClaimSyntaxError(
        message: "'\(words[0])' is not a panel layout", note: "write '2x3 panels' or '6 panels'")
    }
    return .panels(rows: rows, columns: columns, count: rows * columns, each: each)
  }

  static func parsePanelClaim(_ text: String) throws(ClaimSyntaxError) -> PanelClaim {
    for field in [PanelClaim.TextField.title, .xlabel, .ylabel] {
      if let value = value(of: field.rawValue, in: text) { return .text(field, value) }
    }
    if let labels = value(of: "legend", in: text) {
      return .legend(labels.split(separator: ",").map { $0.trimmingSpaces })
    }
    if text == "colorbar" { return .colorbar }
    if text == "axis off" { return .axisOff }
    return .artist(try parseArtistClaim(text))
  }

  static func parseArtistClaim(_ text: String) throws(ClaimSyntaxError) -> ArtistClaim {
    let parts = text.split(separator: ",").map { $0.trimmingSpaces }
    let words = (parts.first ?? "").split(separator: " ").map(String.init)
    guard let kindWord = words.first, let kind = ArtistClaim.Kind(rawValue: kindWord) else {
      throw ClaimSyntaxError(message: "cannot read the figure claim '\(text)'", note: formNote)
    }
    var claim = ArtistClaim(kind: kind)
    var details = Array(words.dropFirst()) + parts.dropFirst()
    if kind == .imshow, let size = details.first {
      let numbers = size.split(separator: "x").map { Int($0) }
      guard numbers.count == 2 || numbers.count == 3, numbers.allSatisfy({ ($0 ?? 0) > 0 }) else {
        throw ClaimSyntaxError(
          message: "'\(size)' is not an image size",
          note: "write 'imshow 28x28' or 'imshow 32x32x3'")
      }
      claim.size = (numbers[0] ?? 0, numbers[1] ?? 0)
      claim.channels = numbers.count == 3 ? numbers[2] : nil
      details.removeFirst()
    }
    for detail in details {
      try apply(detail, to: &claim)
    }
    return claim
  }

  static func apply(_ detail: String, to claim: inout ArtistClaim) throws(ClaimSyntaxError) {
    if let trend = Trend(rawValue: detail), claim.kind == .line {
      claim.trend = trend
      return
    }
    let words = detail.split(separator: " ")
    let nouns: [ArtistClaim.Kind: [Substring]] = [
      .line: ["point", "points"], .scatter: ["point", "points"], .bar: ["bar", "bars"],
      .hist: ["bin", "bins"],
    ]
    if words.count == 2, let count = Int(words[0]), count >= 0,
      nouns[claim.kind]?.contains(words[1]) == true
    {
      claim.count = count
      return
    }
    if claim.kind == .imshow, claim.colormap == nil, (try? Colormap(named: detail)) != nil {
      claim.colormap = detail
      return
    }
    throw ClaimSyntaxError(
      message: "cannot read '\(detail)' in a \(claim.kind.rawValue) claim", note: formNote)
  }

  /// The text after `name:` when `line` starts with it.
  static func value(of name: String, in line: String) -> String? {
    guard line.hasPrefix(name + ":") else { return nil }
    return line.dropFirst(name.count + 1).trimmingSpaces
  }

  static func splitFirst(_ line: String, _ separator: Character) -> (String, String?) {
    guard let index = line.firstIndex(of: separator) else { return (line, nil) }
    return (line[..<index].trimmingSpaces, line[line.index(after: index)...].trimmingSpaces)
  }

  static func dimensions(_ word: Substring) -> (Int, Int)? {
    let numbers = word.split(separator: "x").compactMap { Int($0) }
    guard numbers.count == 2, numbers[0] >= 1, numbers[1] >= 1, !word.hasPrefix("x") else {
      return nil
    }
    return (numbers[0], numbers[1])
  }
}
