import Testing

@testable import Figures

@Suite struct AxesTests {
  func axes() -> Axes { Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1)) }

  @Test func plotOfYUsesIndicesAndTheColourCycle() throws {
    var axes = axes()
    try axes.plot(y: [3, 2, 1])
    try axes.plot(y: [1, 2, 3], label: "up", marker: "o")
    guard case .line(let first) = axes.artists[0], case .line(let second) = axes.artists[1] else {
      Issue.record("expected lines")
      return
    }
    #expect(first.x == [0, 1, 2])
    #expect(first.color.hex == "#1f77b4" && second.color.hex == "#ff7f0e")
    #expect(second.marker == "o" && axes.legendLabels == ["up"])
  }

  @Test func plotChecksLengthsAndMarkers() {
    var axes = axes()
    #expect(
      throws: FigureError(
        .valueError, "x and y must have same first dimension, but have shapes (3,) and (4,)")
    ) {
      try axes.plot(x: [1, 2, 3], y: [1, 2, 3, 4])
    }
    #expect(throws: FigureError.self) { try axes.plot(y: [1], marker: "q") }
    #expect(throws: FigureError(.valueError, "x and y must be the same size")) {
      try axes.scatter(x: [1], y: [1, 2])
    }
  }

  @Test func imshowDefaultsToTheDataRangeAndViridis() throws {
    var axes = axes()
    let image = try axes.imshow(try ImageData(values: [1, 2, 3, 5], shape: [2, 2]))
    #expect(image.vmin == 1 && image.vmax == 5 && image.colormap.name == "viridis")
    #expect(image.color(row: 0, column: 0)?.hex == "#440154")
    #expect(image.color(row: 1, column: 1)?.hex == "#fde724")
  }

  @Test func imshowRejectsChannelFirstImages() {
    #expect(throws: FigureError.self) {
      _ = try ImageData(values: [Double](repeating: 0, count: 12), shape: [3, 2, 2])
    }
    do {
      _ = try ImageData(values: [Double](repeating: 0, count: 784), shape: [1, 28, 28])
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "Invalid shape (1, 28, 28) for image data")
    }
  }

  @Test func rgbImagesClipAndReadIntegersAs255() throws {
    let floats = try ImageArtist(data: try ImageData(values: [1.5, 0, 0.5], shape: [1, 1, 3]))
    #expect(floats.color(row: 0, column: 0)?.hex == "#ff0080")
    let bytes = try ImageArtist(
      data: try ImageData(values: [255, 0, 51], shape: [1, 1, 3], isIntegral: true))
    #expect(bytes.color(row: 0, column: 0)?.hex == "#ff0033")
  }

  @Test func vminAboveVmaxIsAnError() {
    #expect(throws: FigureError.self) {
      _ = try ImageArtist(data: try ImageData(values: [1, 2], shape: [1, 2]), vmin: 3, vmax: 1)
    }
  }

  @Test func axisAndColorbarErrors() throws {
    var axes = axes()
    #expect(throws: FigureError(.valueError, "Unrecognized string 'of' to axis; try 'on' or 'off'"))
    {
      try axes.axis("of")
    }
    #expect(throws: FigureError.self) { try axes.addColorbar() }
    try axes.imshow(try ImageData(values: [0, 1], shape: [1, 2]), cmap: "gray")
    try axes.addColorbar()
    #expect(axes.colorbar?.colormap.name == "gray")
    try axes.axis("off")
    #expect(!axes.axisVisible)
  }

  @Test func barBroadcastsOneHeight() throws {
    var axes = axes()
    try axes.bar(categories: ["a", "b"], heights: [2])
    guard case .bar(let bar) = axes.artists[0] else { return }
    #expect(bar.heights == [2, 2] && bar.x == [0, 1])
    #expect(throws: FigureError.self) { try axes.bar(x: [1, 2, 3], heights: [1, 2]) }
  }

  @Test func legendLabelsArtistsInOrder() throws {
    var axes = axes()
    try axes.plot(y: [1, 2])
    try axes.plot(y: [2, 1])
    axes.legend(["train", "test"])
    #expect(axes.legendLabels == ["train", "test"] && axes.showsLegend)
  }
}
