import Testing

@testable import Figures

@Suite struct FigureTests {
  @Test func defaultsAreMatplotlibs() throws {
    let figure = try Figure()
    #expect(figure.width == 6.4 && figure.height == 4.8 && figure.dpi == 100)
    #expect(figure.pixelSize == (640, 480))
  }

  @Test func subplotsMakesAGridRowByRow() throws {
    var figure = try Figure()
    let indices = try figure.subplots(nrows: 2, ncols: 3)
    #expect(indices == [0, 1, 2, 3, 4, 5])
    #expect(figure.axes[4].position.row == 1 && figure.axes[4].position.column == 1)
    #expect(figure.grid?.nrows == 2 && figure.grid?.ncols == 3)
  }

  @Test func subplotChecksItsNumber() throws {
    var figure = try Figure()
    #expect(
      throws: FigureError(
        .valueError, "num must be an integer with 1 <= num <= 6, not 7",
        note: "subplot numbers count from 1, row by row")
    ) {
      _ = try figure.subplot(2, 3, 7)
    }
    #expect(throws: FigureError(.valueError, "Number of rows must be a positive integer, not 0")) {
      _ = try figure.subplots(nrows: 0, ncols: 2)
    }
    #expect(
      throws: FigureError(.valueError, "Number of columns must be a positive integer, not -1")
    ) {
      _ = try figure.subplot(1, -1, 1)
    }
  }

  @Test func subplotReusesTheAxesAtTheSameCell() throws {
    var figure = try Figure()
    let first = try figure.subplot(2, 2, 3)
    let second = try figure.subplot(223)
    #expect(first == second && figure.axes.count == 1)
    #expect(figure.currentAxesIndex == first)
  }

  @Test func gcaMakesOneAxes() throws {
    var figure = try Figure()
    #expect(figure.gca() == 0)
    #expect(figure.gca() == 0)
    #expect(figure.axes.count == 1)
  }

  @Test func figsizeMustBePositive() {
    #expect(throws: FigureError.self) { _ = try Figure(width: -1, height: 2) }
  }

  @Test func figureSizesStayBelowMatplotlibsPixelLimit() throws {
    #expect(
      throws: FigureError(
        .valueError,
        "Image size of 100000x100 pixels is too large. It must be less than 2^16 in each "
          + "direction.")
    ) { _ = try Figure(width: 1000, height: 1) }
    #expect(throws: FigureError.self) { _ = try Figure(width: 1e300, height: 1) }
    #expect(throws: FigureError.self) { _ = try Figure(width: 1, height: 1, dpi: 1e300) }
    #expect(try Figure(width: 655, height: 655).pixelSize == (65500, 65500))
  }

  @Test func colorbarWithoutAnImageIsMatplotlibsRuntimeError() {
    var axes = Axes(position: SubplotPosition(nrows: 1, ncols: 1, index: 1))
    #expect(throws: FigureError.self) { try axes.addColorbar() }
    do {
      try axes.addColorbar()
    } catch {
      #expect(error.kind == .runtimeError)
    }
  }
}
