import Testing

@testable import Figures

@Suite struct FigureExpectationTests {
  func digit(cmap: String = "gray", size: Int = 28) throws -> Figure {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].imshow(
      try ImageData(values: (0..<(size * size)).map(Double.init), shape: [size, size]), cmap: cmap)
    return figure
  }

  func loss(_ values: [Double] = [9, 7, 8, 5, 4, 4, 3, 2, 1]) throws -> Figure {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].plot(y: values)
    figure.axes[index].title = "Loss"
    return figure
  }

  func maps(size: Int = 24) throws -> Figure {
    var figure = try Figure()
    for index in try figure.subplots(nrows: 2, ncols: 3) {
      try figure.axes[index].imshow(
        try ImageData(values: [Double](repeating: 0, count: size * size), shape: [size, size]))
    }
    return figure
  }

  @Test func theIssuesExamplesMatch() throws {
    #expect(try FigureExpectation(parsing: "imshow 28x28 gray").matches(digit()))
    #expect(try FigureExpectation(parsing: "imshow 28x28, gray").matches(digit()))
    #expect(try FigureExpectation(parsing: "2x3 panels, each imshow 24x24").matches(maps()))
    #expect(
      try FigureExpectation(parsing: "line, 9 points, decreasing\ntitle: Loss").matches(loss()))
    #expect(try FigureExpectation(parsing: "6 panels").matches(maps()))
  }

  @Test func mismatchesSayWhatDiffers() throws {
    #expect(
      try FigureExpectation(parsing: "imshow 28x28 gray").mismatches(in: digit(cmap: "viridis"))
        == ["expected imshow 28x28 gray, found imshow 28x28 viridis"])
    #expect(
      try FigureExpectation(parsing: "2x3 panels, each imshow 24x24").mismatches(in: maps(size: 12))
        .first
        == "panel 1: expected imshow 24x24, found imshow 12x12 viridis")
    #expect(
      try FigureExpectation(parsing: "3x2 panels").mismatches(in: maps()) == [
        "expected 3x2 panels, found 2x3 panels"
      ])
    let check = try FigureExpectation(parsing: "line, 9 points, increasing\n\ntitle: loss").check(
      loss())
    #expect(
      check == [
        FigureMismatch(
          line: 1, message: "expected line, 9 points, increasing, found line, 9 points, decreasing"),
        FigureMismatch(line: 3, message: "expected title: loss, found title: Loss"),
      ])
    #expect(
      try FigureExpectation(parsing: "scatter").mismatches(in: loss()) == [
        "expected scatter, found line, 9 points, decreasing"
      ])
    #expect(
      try FigureExpectation(parsing: "colorbar\nxlabel: epoch").mismatches(in: loss())
        == ["expected a colorbar, found none", "expected xlabel: epoch, found no xlabel"])
  }

  @Test func panelClaims() throws {
    var figure = try maps()
    figure.axes[3].title = "map 4"
    #expect(try FigureExpectation(parsing: "panel 4: title: map 4").matches(figure))
    #expect(try FigureExpectation(parsing: "title: map 4").matches(figure))
    #expect(
      try FigureExpectation(parsing: "panel 2: title: map 4").mismatches(in: figure)
        == ["panel 2: expected title: map 4, found no title"])
    #expect(
      try FigureExpectation(parsing: "panel 9: colorbar").mismatches(in: figure)
        == ["expected panel 9 (colorbar), found 2x3 panels"])
  }

  @Test func aFigureMatchesItsOwnDescription() throws {
    var figure = try maps()
    figure.suptitle = "conv1"
    figure.axes[0].title = "filter 0"
    for sample in [try digit(), try loss(), figure, try Figure()] {
      let description = sample.meaningDescription
      #expect(try FigureExpectation(parsing: description).matches(sample), "\(description)")
    }
    #expect(
      figure.meaningDescription
        == "2x3 panels, each imshow 24x24 viridis\nsuptitle: conv1\npanel 1: title: filter 0")
    #expect(try loss().meaningDescription == "line, 9 points, decreasing\ntitle: Loss")
    #expect(try Figure().meaningDescription == "empty")
  }

  @Test func trends() {
    #expect(Trend(of: [1, 2, 3]) == .increasing)
    #expect(Trend(of: [3, 1, 2, 0]) == .decreasing)
    #expect(Trend(of: [1, 3, 1]) == nil)
    #expect(Trend(of: [1]) == nil)
  }

  @Test func unreadableLinesAreLocated() {
    do {
      _ = try FigureExpectation(parsing: "# a comment\n  imshow 28 by 28")
      Issue.record("expected an error")
    } catch {
      #expect(error.line == 2 && error.column == 3)
      #expect(error.message == "'28' is not an image size")
    }
    #expect(throws: FigureExpectationError.self) { _ = try FigureExpectation(parsing: "pie chart") }
    #expect(throws: FigureExpectationError.self) {
      _ = try FigureExpectation(parsing: "line, 9 dots")
    }
    #expect(throws: FigureExpectationError.self) {
      _ = try FigureExpectation(parsing: "2x3 panels, imshow 2x2")
    }
  }
}
