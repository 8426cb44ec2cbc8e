import Testing

@testable import Figures

@Suite struct FigureTerminalTests {
  @Test func titleAboveAnImage() throws {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].imshow(
      try ImageData(values: [0, 1, 1, 0], shape: [2, 2]), cmap: "gray")
    figure.axes[index].title = "x"
    let text = figure.renderTerminal(
      style: TerminalStyle(colorMode: .plain, width: 10, smallImageWidth: 0))
    #expect(text == "x\n++")
  }

  @Test func panelsSideBySide() throws {
    var figure = try Figure()
    figure.suptitle = "maps"
    for index in try figure.subplots(nrows: 1, ncols: 2) {
      try figure.axes[index].imshow(
        try ImageData(values: [1, 1, 0, 0], shape: [2, 2]), cmap: "gray")
    }
    let text = figure.renderTerminal(
      style: TerminalStyle(colorMode: .plain, width: 12, smallImageWidth: 0))
    #expect(text == "    maps\n++     ++")
  }

  @Test func aDigitFitsItsPanel() throws {
    var figure = try Figure()
    let indices = try figure.subplots(nrows: 2, ncols: 3)
    for index in indices {
      try figure.axes[index].imshow(
        try ImageData(values: [0] + [Double](repeating: 1, count: 783), shape: [28, 28]),
        cmap: "gray")
    }
    let lines = figure.renderTerminal(style: TerminalStyle(colorMode: .plain)).split(
      separator: "\n", omittingEmptySubsequences: false)
    // Panels are 25 columns: each digit is sampled down to 25x25, i.e. 13 text rows.
    #expect(lines.count == 13 + 1 + 13)
    let panel = "+" + String(repeating: "@", count: 24)
    #expect(lines[0] == panel + "  " + panel + "  " + panel)
  }

  @Test func colorbarUnderTheImage() throws {
    var figure = try Figure()
    let index = figure.gca()
    try figure.axes[index].imshow(try ImageData(values: [0, 10], shape: [1, 2]), cmap: "gray")
    try figure.axes[index].addColorbar()
    let text = figure.renderTerminal(style: TerminalStyle(colorMode: .plain, smallImageWidth: 0))
    #expect(text == " @\n  .:-=+*#%@@\n0         10")
  }
}
