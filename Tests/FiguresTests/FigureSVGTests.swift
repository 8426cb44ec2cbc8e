import Testing

@testable import Figures

@Suite struct FigureSVGTests {
  @Test func aPlotIsWellFormedAndEscaped() throws {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].plot(y: [3, 2, 1], label: "a<b")
    figure.axes[index].legend()
    figure.axes[index].title = "Loss & \"acc\""
    let svg = figure.svg()
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"480\""))
    #expect(svg.hasSuffix("</svg>\n"))
    #expect(svg.contains("<polyline points="))
    #expect(svg.contains(">Loss &amp; &quot;acc&quot;</text>"))
    #expect(svg.contains(">a&lt;b</text>"))
    #expect(!svg.contains("a<b"))
    // Every element that opens is closed: count tags.
    let opens = svg.components(separatedBy: "<text").count - 1
    #expect(opens == svg.components(separatedBy: "</text>").count - 1)
  }

  @Test func imagesAreEmbeddedPNGs() throws {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].imshow(
      try ImageData(values: [0, 1, 2, 3], shape: [2, 2]), cmap: "gray")
    try figure.axes[index].addColorbar()
    let svg = figure.svg()
    #expect(svg.components(separatedBy: "href=\"data:image/png;base64,iVBORw0KGgo").count - 1 == 2)
    #expect(svg.contains("image-rendering:pixelated"))
  }

  @Test func axesSitWhereMatplotlibPutsThem() throws {
    let figure = try Figure()
    let box = figure.axesBox(SubplotPosition(nrows: 1, ncols: 1, index: 1), width: 640, height: 480)
    #expect(box.x == 80 && abs(box.width - 496) < 1e-9)
    #expect(abs(box.y - 57.6) < 1e-9 && abs(box.height - 369.6) < 1e-9)
  }

  @Test func base64AndEscaping() {
    #expect(base64(Array("Man".utf8)) == "TWFu")
    #expect(base64(Array("Ma".utf8)) == "TWE=")
    #expect(base64(Array("M".utf8)) == "TQ==")
    #expect(escapeXML("<&'>") == "&lt;&amp;&#39;&gt;")
  }
}
