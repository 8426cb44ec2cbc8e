import Testing

@testable import Figures

@Suite struct FigureRasterTests {
  func pixel(_ raster: (width: Int, height: Int, rgb: [UInt8]), _ x: Int, _ y: Int) -> [UInt8] {
    let base = (y * raster.width + x) * 3
    return Array(raster.rgb[base..<(base + 3)])
  }

  @Test func anImageFillsItsAxesWithEqualAspect() throws {
    var figure = try Figure(width: 2, height: 2, dpi: 50)
    let index = figure.gca()
    try figure.axes[index].imshow(
      ImageData(values: [0, 1, 1, 0], shape: [2, 2]), cmap: "gray")
    try figure.axes[index].axis("off")
    let raster = try figure.raster()
    #expect(raster.width == 100 && raster.height == 100)
    #expect(raster.rgb.count == 100 * 100 * 3)
    // The axes box is x 12.5...90, y 12...89 (matplotlib's subplot parameters); the 2x2 image
    // is centred in it: black top left, white top right.
    #expect(pixel(raster, 30, 30) == [0, 0, 0])
    #expect(pixel(raster, 70, 30) == [255, 255, 255])
    #expect(pixel(raster, 30, 70) == [255, 255, 255])
    #expect(pixel(raster, 2, 2) == [255, 255, 255], "the page is white")
  }

  @Test func linesBarsAndFramesAreDrawn() throws {
    var figure = try Figure(width: 2, height: 1, dpi: 50)
    let index = figure.gca()
    try figure.axes[index].bar(
      x: [0, 1], heights: [1, 2], color: RGBColor(red: 1, green: 0, blue: 0))
    let raster = try figure.raster()
    let red = raster.rgb.indices.filter { $0 % 3 == 0 }.filter {
      raster.rgb[$0] == 255 && raster.rgb[$0 + 1] == 0 && raster.rgb[$0 + 2] == 0
    }
    #expect(!red.isEmpty, "the bars are red")
    let black = raster.rgb.indices.filter { $0 % 3 == 0 }.filter {
      raster.rgb[$0] == 0 && raster.rgb[$0 + 1] == 0 && raster.rgb[$0 + 2] == 0
    }
    #expect(!black.isEmpty, "the frame is black")
  }

  @Test func aHugeFigureIsRefusedBeforeAnythingIsAllocated() throws {
    let figure = try Figure(width: 600, height: 600, dpi: 100)
    #expect(figure.rasterByteCount == nil)
    #expect(throws: FigureError.self) { _ = try figure.raster() }
  }

  @Test func aRasterEncodesAsPNG() throws {
    var figure = try Figure(width: 1, height: 1, dpi: 20)
    let index = figure.gca()
    try figure.axes[index].plot(y: [1, 3, 2], marker: "o")
    let raster = try figure.raster()
    let png = try PNGEncoder.encode(width: raster.width, height: raster.height, rgb: raster.rgb)
    #expect(Array(png[16..<24]) == [0, 0, 0, 20, 0, 0, 0, 20])
  }
}
