import Testing

@testable import Figures

@Suite struct BrailleCanvasTests {
  @Test func dotsMapToBrailleBits() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.set(x: 0, y: 0, color: nil)
    canvas.set(x: 1, y: 3, color: nil)
    canvas.set(x: 3, y: 3, color: nil)
    #expect(canvas.lines(style: TerminalStyle(colorMode: .plain)) == ["⢁⢀"])
  }

  @Test func aDiagonalLine() {
    var canvas = BrailleCanvas(columns: 2, rows: 1)
    canvas.line(from: (0, 0), to: (3, 3), color: nil)
    #expect(canvas.lines(style: TerminalStyle(colorMode: .plain)) == ["⠑⢄"])
  }

  @Test func colouredCellsEndWithAReset() {
    var canvas = BrailleCanvas(columns: 1, rows: 1)
    canvas.set(x: 0, y: 0, color: RGBColor(red: 1, green: 0, blue: 0))
    #expect(canvas.lines(style: TerminalStyle()) == ["\u{1B}[38;2;255;0;0m⠁\u{1B}[0m"])
  }
}
