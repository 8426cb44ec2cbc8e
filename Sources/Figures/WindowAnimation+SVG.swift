/// A window animation as an animated SVG: SMIL only, no script, so it plays in any browser and
/// an `<img>` and shows its first step wherever animation does not run.

extension WindowAnimation {
  /// Seconds each window position is shown.
  static let secondsPerStep = 1.2
  /// The side of one grid cell, in pixels.
  static let cellSide = 34.0

  /// The animation as a standalone SVG document.
  ///
  /// Left, the padded input (padding cells dashed), with the window's taps highlighted; for
  /// `conv2d`, the kernel's weights; right, the output, each cell appearing when the window
  /// reaches it, the current one outlined; below, the arithmetic of the current step. The
  /// window moves in discrete steps and the loop holds the full output for one step before it
  /// starts again. At time zero (and without animation) it shows the first step.
  public func svg() -> String {
    let cell = Self.cellSide
    let margin = 16.0
    let top = 44.0
    let padded = paddedSize
    let inputWidth = Double(padded.width) * cell
    var x = margin + inputWidth + 36
    let kernelX = kernel == nil ? nil : Optional(x)
    if kernel != nil { x += Double(kernelSize.width) * cell + 36 }
    let outputX = x
    let gridBottom =
      top + Double(max(padded.height, kernelSize.height, outputSize.height)) * cell
    let longest = steps.map(\.equation.count).max() ?? 0
    let width = max(
      outputX + Double(outputSize.width) * cell + margin, Double(longest) * 7.4 + 2 * margin)
    let height = gridBottom + 52
    let frames = steps.count + 1
    let duration = svgNumber(Double(frames) * Self.secondsPerStep) + "s"

    var svg = SVGBuilder()
    svg.add(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" "
        + "viewBox=\"0 0 \(svgNumber(width)) \(svgNumber(height))\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">"
    )
    svg.add(
      "<rect width=\"\(svgNumber(width))\" height=\"\(svgNumber(height))\" fill=\"#ffffff\"/>")
    svg.text(caption, x: margin, y: 20, size: 13)
    svg.text(padding == Pair(0, 0) ? "input" : "input, padded", x: margin, y: top - 8, size: 11)
    svg.text("output", x: outputX, y: top - 8, size: 11)

    // The padded input, padding dashed and grey.
    for row in 0..<padded.height {
      for column in 0..<padded.width {
        let isPadding =
          Self.value(input, padding: padding, at: (row, column)) == nil
        let value = paddedValue(row: row, column: column)
        svg.gridCell(
          x: margin + Double(column) * cell, y: top + Double(row) * cell, side: cell,
          fill: isPadding ? "#f2f2f2" : "#eef3fb", dashed: isPadding,
          text: value.map(animationNumber) ?? "", textColor: isPadding ? "#999999" : "#000000")
      }
    }
    // The kernel.
    if let kernel, let kernelX {
      svg.text("kernel", x: kernelX, y: top - 8, size: 11)
      svg.text("∗", x: kernelX - 18, y: top + cell * 0.6, size: 16, anchor: "middle")
      for (row, weights) in kernel.enumerated() {
        for (column, weight) in weights.enumerated() {
          svg.gridCell(
            x: kernelX + Double(column) * cell, y: top + Double(row) * cell, side: cell,
            fill: "#fdf0dc", dashed: false, text: animationNumber(weight), textColor: "#000000")
        }
      }
    }
    svg.text("=", x: outputX - 18, y: top + cell * 0.6, size: 16, anchor: "middle")
    // The output cells, each shown from its step on.
    for (index, step) in steps.enumerated() {
      let cellX = outputX + Double(step.column) * cell
      let cellY = top + Double(step.row) * cell
      let appear =
        index == 0
        ? ""
        : "<animate attributeName=\"opacity\" values=\"0;1\" keyTimes=\"0;\(Self.fraction(index, of: frames))\" "
          + "calcMode=\"discrete\" dur=\"\(duration)\" repeatCount=\"indefinite\"/>"
      svg.add("<g opacity=\"\(index == 0 ? 1 : 0)\">\(appear)")
      svg.gridCell(
        x: cellX, y: cellY, side: cell, fill: "#fff1c2", dashed: false,
        text: animationNumber(step.value), textColor: "#000000")
      svg.add("</g>")
    }
    // The window over the input and the current output cell, moved step by step (the last
    // position held while the full output shows).
    let held = steps + (steps.last.map { [$0] } ?? [])
    let moves = held.map { step in
      "\(svgNumber(Double(step.column * stride.width) * cell)),\(svgNumber(Double(step.row * stride.height) * cell))"
    }
    svg.add("<g transform=\"translate(\((moves.first ?? "0,0").replacingComma()))\">")
    svg.add(
      "<animateTransform attributeName=\"transform\" type=\"translate\" values=\"\(moves.joined(separator: ";"))\" "
        + "calcMode=\"discrete\" dur=\"\(duration)\" repeatCount=\"indefinite\"/>")
    for a in 0..<kernelSize.height {
      for b in 0..<kernelSize.width {
        svg.add(
          "<rect x=\"\(svgNumber(margin + Double(b * dilation.width) * cell + 1.5))\" "
            + "y=\"\(svgNumber(top + Double(a * dilation.height) * cell + 1.5))\" "
            + "width=\"\(svgNumber(cell - 3))\" height=\"\(svgNumber(cell - 3))\" fill=\"#1f77b4\" "
            + "fill-opacity=\"0.22\" stroke=\"#1f77b4\" stroke-width=\"2.5\"/>")
      }
    }
    svg.add("</g>")
    let outputMoves = held.map { step in
      "\(svgNumber(Double(step.column) * cell)),\(svgNumber(Double(step.row) * cell))"
    }
    svg.add("<g transform=\"translate(\((outputMoves.first ?? "0,0").replacingComma()))\">")
    svg.add(
      "<animateTransform attributeName=\"transform\" type=\"translate\" values=\"\(outputMoves.joined(separator: ";"))\" "
        + "calcMode=\"discrete\" dur=\"\(duration)\" repeatCount=\"indefinite\"/>")
    svg.add(
      "<rect x=\"\(svgNumber(outputX + 1.5))\" y=\"\(svgNumber(top + 1.5))\" width=\"\(svgNumber(cell - 3))\" "
        + "height=\"\(svgNumber(cell - 3))\" fill=\"none\" stroke=\"#d62728\" stroke-width=\"2.5\"/>"
    )
    svg.add("</g>")
    // The arithmetic of the current step.
    for (index, step) in steps.enumerated() {
      let next = Self.fraction(index + 1, of: frames)
      let visibility =
        index == 0
        ? "values=\"1;0\" keyTimes=\"0;\(next)\""
        : "values=\"0;1;0\" keyTimes=\"0;\(Self.fraction(index, of: frames));\(next)\""
      svg.add("<g opacity=\"\(index == 0 ? 1 : 0)\">")
      svg.add(
        "<animate attributeName=\"opacity\" \(visibility) calcMode=\"discrete\" dur=\"\(duration)\" "
          + "repeatCount=\"indefinite\"/>")
      svg.text(
        "step \(index + 1) of \(steps.count): " + step.equation, x: margin, y: gridBottom + 30,
        size: 12)
      svg.add("</g>")
    }
    svg.add("</svg>")
    return svg.lines.joined(separator: "\n") + "\n"
  }

  /// `index / count` with 4 decimals, for `keyTimes`.
  static func fraction(_ index: Int, of count: Int) -> String {
    fixed(Double(index) / Double(max(count, 1)), decimals: 4)
  }
}

extension SVGBuilder {
  /// A square grid cell with its number centred.
  mutating func gridCell(
    x: Double, y: Double, side: Double, fill: String, dashed: Bool, text: String,
    textColor: String
  ) {
    add(
      "<rect x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" width=\"\(svgNumber(side))\" height=\"\(svgNumber(side))\" "
        + "fill=\"\(fill)\" stroke=\"#888888\" stroke-width=\"1\""
        + (dashed ? " stroke-dasharray=\"3 2\"" : "") + "/>")
    guard !text.isEmpty else { return }
    add(
      "<text x=\"\(svgNumber(x + side / 2))\" y=\"\(svgNumber(y + side / 2 + 4))\" font-size=\"\(text.count > 4 ? 9 : 12)\" "
        + "text-anchor=\"middle\" fill=\"\(textColor)\">\(escapeXML(text))</text>")
  }
}

extension String {
  /// `x,y` as `x y`, for a `translate(...)` attribute.
  fileprivate func replacingComma() -> String {
    String(map { $0 == "," ? " " : $0 })
  }
}
