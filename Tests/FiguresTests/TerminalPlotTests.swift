import Testing

@testable import Figures

@Suite struct TerminalPlotTests {
  @Test func aDecreasingLineWithLabelledAxes() throws {
    var axes = Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1))
    try axes.plot(y: [3, 2, 1])
    axes.xlabel = "step"
    let block = renderPlot(axes, width: 6, height: 2, style: TerminalStyle(colorMode: .plain))
    #expect(
      block.lines == [
        "3 ┤⠑⢄  ",
        "1 ┤  ⠑⢄",
        "  └────",
        "  0   2",
        "  step ",
      ])
  }

  @Test func limitsCoverBarsFromZero() throws {
    var axes = Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1))
    try axes.bar(x: [1, 2], heights: [4, 2])
    let limits = DataLimits(axes.artists)
    #expect(limits.y == 0...4)
    #expect(abs(limits.x.lowerBound - 0.6) < 1e-12 && abs(limits.x.upperBound - 2.4) < 1e-12)
    #expect(DataLimits([]).x == 0...1)
  }

  @Test func legendEntriesFollowThePlot() throws {
    var axes = Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1))
    try axes.plot(y: [1, 2], label: "train")
    axes.legend()
    let block = renderPlot(axes, width: 20, height: 2, style: TerminalStyle(colorMode: .plain))
    #expect(block.lines.last == "   ── train         ")
  }

  @Test func valuesNearDoublesLargestAreDrawnWithoutOverflow() throws {
    var axes = Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1))
    try axes.plot(y: [.infinity, 1e308, -1e308, .nan])
    try axes.bar(x: [0], heights: [1e308], width: 1e308)
    let block = renderPlot(axes, width: 20, height: 4, style: TerminalStyle(colorMode: .plain))
    #expect(block.lines.count > 4)
  }
}
