import Testing

@testable import Figures

@Suite struct FigureSummaryTests {
  @Test func summaries() throws {
    var digit = try Figure(number: 1)
    try digit.axes[digit.gca()].imshow(
      try ImageData(values: [Double](repeating: 0, count: 784), shape: [28, 28]), cmap: "gray")
    #expect(digit.summary == "[figure 1: imshow 28x28, gray]")

    var grid = try Figure(number: 2)
    _ = try grid.subplots(nrows: 2, ncols: 3)
    #expect(grid.summary == "[figure 2: 2x3 panels]")

    var loss = try Figure(number: 3)
    try loss.axes[loss.gca()].plot(y: [9, 8, 7, 6, 5, 4, 3, 2, 1])
    #expect(loss.summary == "[figure 3: line, 9 points]")

    #expect(try Figure(number: 4).summary == "[figure 4: empty]")
  }

  @Test func rgbAndOtherKinds() throws {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].imshow(
      try ImageData(values: [Double](repeating: 0, count: 12), shape: [2, 2, 3]))
    try figure.axes[index].hist([1, 2, 3], bins: 4)
    #expect(figure.summary == "[figure 1: imshow 2x2, rgb + 1 more]")
    #expect(
      Artist.bar(
        BarArtist(
          x: [0], categories: nil, heights: [1], width: 0.8, label: nil, color: RGBColor.cycle[0])
      ).summary == "bar, 1 bar")
  }
}
