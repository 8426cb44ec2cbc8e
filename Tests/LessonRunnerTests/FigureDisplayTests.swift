import Figures
import Testing

@testable import LessonRunner

@Test func figuresAreDrawnOnlyOnATerminal() {
  let environment = ["TERM": "xterm-256color", "COLORTERM": "truecolor", "COLUMNS": "100"]
  #expect(
    FigureDisplay.forOutput(isTerminal: false, colorEnabled: true, environment: environment)
      == .summary)
  #expect(
    FigureDisplay.forOutput(isTerminal: true, colorEnabled: true, environment: environment)
      == .drawn(colors: .trueColor, width: 100))
  #expect(
    FigureDisplay.forOutput(
      isTerminal: true, colorEnabled: true, environment: ["TERM": "xterm-256color"])
      == .drawn(colors: .palette256, width: 80))
  // NO_COLOR, TERM=dumb and --no-color turn colour off: the character ramp.
  for (environment, color) in [
    (["TERM": "xterm", "NO_COLOR": "1"], true), (["TERM": "dumb"], true),
    (["TERM": "xterm"], false),
  ] {
    #expect(
      FigureDisplay.forOutput(isTerminal: true, colorEnabled: color, environment: environment)
        == .drawn(colors: .plain, width: 80))
  }
}

private func digit() throws -> Figure {
  var figure = try Figure()
  let axes = figure.gca()
  let values = (0..<16).map { Double($0) }
  try figure.axes[axes].imshow(ImageData(values: values, shape: [4, 4]), cmap: "gray")
  return figure
}

@Test func aSummaryIsOneLineAndADrawingFollowsIt() throws {
  let figure = try digit()
  #expect(FigureDisplay.summary.text(for: figure) == "[figure 1: imshow 4x4, gray]\n")
  let colored = FigureDisplay.drawn(colors: .trueColor, width: 40).text(for: figure)
  #expect(colored.hasPrefix("[figure 1: imshow 4x4, gray]\n"))
  #expect(colored.contains("\u{1B}[38;2;"))
  let palette = FigureDisplay.drawn(colors: .palette256, width: 40).text(for: figure)
  #expect(palette.contains("\u{1B}[38;5;"))
  let plain = FigureDisplay.drawn(colors: .plain, width: 40).text(for: figure)
  #expect(!plain.contains("\u{1B}"))
  #expect(plain.split(separator: "\n").count > 2, "the ramp draws the image")
}

@Test func theTextRendererShowsFiguresIndentedUnderTheCell() throws {
  let lesson = try LessonParser.parse(SourceFile(path: "f.md", text: "```python\nx\n```\n"))
  let cell = try #require(lesson.cells.first)
  var piped = LessonTextRenderer(lesson: lesson)
  _ = piped.render(.cellStarted(cell))
  _ = piped.render(.output(cell, .text("partial")))
  let line = piped.render(.output(cell, .figure(try digit()))).plain
  #expect(line == "\n    [figure 1: imshow 4x4, gray]\n")
  var drawn = LessonTextRenderer(
    lesson: lesson, figureDisplay: .drawn(colors: .plain, width: 40))
  _ = drawn.render(.cellStarted(cell))
  let picture = drawn.render(.output(cell, .figure(try digit()))).plain
  #expect(picture.hasPrefix("    [figure 1: imshow 4x4, gray]\n    "))
  #expect(picture.split(separator: "\n").allSatisfy { $0.hasPrefix("    ") })
}

@Test func aTerminalThatShowsPicturesGetsThemAndAnAnimationStaysText() throws {
  let kitty = FigureDisplay.forOutput(
    isTerminal: true, colorEnabled: true, environment: ["TERM": "xterm-kitty", "COLUMNS": "100"])
  #expect(kitty == .image(.kitty, width: 100))
  #expect(
    FigureDisplay.forOutput(
      isTerminal: true, colorEnabled: false, environment: ["TERM": "xterm-kitty"])
      == .drawn(colors: .plain, width: 80), "no colour, no pictures")
  #expect(kitty.narrowed(by: 4) == .image(.kitty, width: 96))
  var figure = try Figure()
  let axes = figure.gca()
  try figure.axes[axes].plot(y: [1, 2])
  let text = kitty.text(for: figure)
  #expect(text.hasPrefix("[figure 1: line, 2 points]\n\u{1B}_Ga=T,f=100,q=2,c=72,"))
  var animated = try Figure()
  animated.animation = try WindowAnimation(
    .maxPool2d, input: [[1, 2], [3, 4]], kernelSize: .init(2, 2), stride: .init(2, 2))
  #expect(kitty.text(for: animated).contains("step 1 of 1"))
}
