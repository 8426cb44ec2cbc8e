import Testing

@testable import Figures

@Suite struct TerminalImageTests {
  func image(_ values: [Double], _ shape: [Int], cmap: String = "gray") throws -> ImageArtist {
    try ImageArtist(
      data: try ImageData(values: values, shape: shape), colormap: try Colormap(named: cmap))
  }

  @Test func halfBlocksInTrueColour() throws {
    // 3 rows x 2 columns: black/white on top, gray below, then one row with no partner.
    let picture = try image([0, 1, 0.5, 0.5, 1, 0], [3, 2])
    let style = TerminalStyle(colorMode: .trueColor, smallImageWidth: 0)
    let block = renderImage(picture, maxWidth: 80, style: style)
    let esc = "\u{1B}["
    #expect(block.width == 2)
    #expect(
      block.lines == [
        "\(esc)38;2;0;0;0m\(esc)48;2;128;128;128m▀\(esc)38;2;255;255;255m▀\(esc)0m",
        "\(esc)38;2;255;255;255m\(esc)49m▀\(esc)38;2;0;0;0m▀\(esc)0m",
      ])
  }

  @Test func plainModeUsesTheRamp() throws {
    let picture = try image([0, 1, 0, 1, 0.5, 0.5], [2, 3])
    let block = renderImage(
      picture, maxWidth: 80, style: TerminalStyle(colorMode: .plain, smallImageWidth: 0))
    #expect(block.lines == ["+#:"])
  }

  @Test func palette256() throws {
    let picture = try image([0, 1], [2, 1])
    let block = renderImage(
      picture, maxWidth: 80, style: TerminalStyle(colorMode: .palette256, smallImageWidth: 0))
    #expect(block.lines == ["\u{1B}[38;5;16m\u{1B}[48;5;231m▀\u{1B}[0m"])
    #expect(palette256Index([0, 0, 0]) == 16)
    #expect(palette256Index([128, 128, 128]) == 244)
  }

  @Test func aDigitIs28ColumnsBy14Rows() throws {
    let digit = try image((0..<784).map { Double($0 % 7) }, [28, 28])
    let block = renderImage(digit, maxWidth: 80, style: TerminalStyle())
    #expect(block.width == 28 && block.lines.count == 14)
  }

  @Test func wideImagesShrinkToTheBudgetAndSmallOnesGrow() throws {
    #expect(
      terminalImageSize(width: 100, height: 50, maxWidth: 80, style: TerminalStyle()) == (80, 40))
    #expect(
      terminalImageSize(width: 3, height: 3, maxWidth: 80, style: TerminalStyle()) == (15, 15))
    #expect(terminalImageSize(width: 3, height: 3, maxWidth: 7, style: TerminalStyle()) == (6, 6))
  }

  @Test func nanCellsAreBlank() throws {
    let picture = try image([.nan, .nan], [2, 1])
    let block = renderImage(picture, maxWidth: 80, style: TerminalStyle(smallImageWidth: 0))
    #expect(block.lines == ["\u{1B}[49m \u{1B}[0m"])
  }

  @Test func colorModeFromTheEnvironment() {
    #expect(
      TerminalStyle.ColorMode.detect(environment: ["TERM": "xterm-256color", "NO_COLOR": "1"])
        == .plain)
    #expect(TerminalStyle.ColorMode.detect(environment: ["TERM": "dumb"]) == .plain)
    #expect(
      TerminalStyle.ColorMode.detect(environment: ["TERM": "xterm", "COLORTERM": "truecolor"])
        == .trueColor)
    #expect(TerminalStyle.ColorMode.detect(environment: ["TERM": "xterm-256color"]) == .palette256)
  }
}
