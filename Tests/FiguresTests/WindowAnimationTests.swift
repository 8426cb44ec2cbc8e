import Testing

@testable import Figures

/// The lecture's 3x3 image holding 1 to 9.
private let image: [[Double]] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
private let ones: [[Double]] = [[1, 1], [1, 1]]

@Suite struct WindowAnimationTests {
  @Test func convolutionStepsSumTheProductsUnderTheWindow() throws {
    let animation = try WindowAnimation(
      .conv2d, input: image, kernel: ones, kernelSize: .init(2, 2), stride: .init(1, 1))
    #expect(animation.output == [[12, 16], [24, 28]])
    #expect(animation.steps.count == 4)
    #expect(animation.steps[0].equation == "1×1 + 2×1 + 4×1 + 5×1 = 12")
    #expect(
      animation.steps[3].taps.map { [$0.row, $0.column] } == [[1, 1], [1, 2], [2, 1], [2, 2]])
    #expect(animation.caption == "conv2d 3x3 -> 2x2, kernel 2x2, stride 1")
  }

  /// Values from PyTorch: `F.conv2d(arange(1., 10.).view(1,1,3,3), ones(1,1,2,2), padding=1)`
  /// and `F.conv2d(arange(25.).view(1,1,5,5), edges, stride=2, padding=1)`.
  @Test func paddingStrideAndDilationFollowPyTorch() throws {
    let padded = try WindowAnimation(
      .conv2d, input: image, kernel: ones, kernelSize: .init(2, 2), stride: .init(1, 1),
      padding: .init(1, 1))
    #expect(padded.output == [[1, 3, 5, 3], [5, 12, 16, 9], [11, 24, 28, 15], [7, 15, 17, 9]])
    #expect(padded.steps[0].equation == "0×1 + 0×1 + 0×1 + 1×1 = 1")
    #expect(padded.paddedValue(row: 0, column: 0) == 0)
    let grid = (0..<5).map { row in (0..<5).map { Double(row * 5 + $0) } }
    let edges: [[Double]] = [[1, 0, -1], [1, 0, -1], [1, 0, -1]]
    let strided = try WindowAnimation(
      .conv2d, input: grid, kernel: edges, kernelSize: .init(3, 3), stride: .init(2, 2),
      padding: .init(1, 1))
    #expect(strided.output == [[-7, -4, 11], [-33, -6, 39], [-37, -4, 41]])
    #expect(strided.steps[0].equation.hasPrefix("0×1 + 0×0 + 0×(-1) + 0×1 + 0×0 + 1×(-1)"))
    // Dilation 2: a 3x3 kernel's taps two apart cover 5x5 (PyTorch: 12 * 9 = 108 for arange).
    let dilated = try WindowAnimation(
      .conv2d, input: grid, kernel: [[Double]](repeating: [1, 1, 1], count: 3),
      kernelSize: .init(3, 3), stride: .init(1, 1), dilation: .init(2, 2))
    #expect(dilated.output == [[108]])
    #expect(dilated.steps[0].taps.map(\.column) == [0, 2, 4, 0, 2, 4, 0, 2, 4])
  }

  /// `F.max_pool2d` and `F.avg_pool2d` of the lecture's 5x5 input, kernel 3, stride 1; the
  /// average counts padding (PyTorch's `count_include_pad=True`), max pooling ignores it.
  @Test func poolingKeepsTheLargestOrTheMean() throws {
    let x: [[Double]] = [
      [3, 3, 2, 1, 0], [0, 0, 1, 3, 1], [3, 1, 2, 2, 3], [2, 0, 0, 2, 2], [2, 0, 0, 0, 1],
    ]
    let maximum = try WindowAnimation(
      .maxPool2d, input: x, kernelSize: .init(3, 3), stride: .init(1, 1))
    #expect(maximum.output == [[3, 3, 3], [3, 3, 3], [3, 2, 3]])
    #expect(maximum.steps[0].equation == "max(3, 3, 2, 0, 0, 1, 3, 1, 2) = 3")
    let mean = try WindowAnimation(
      .avgPool2d, input: x, kernelSize: .init(3, 3), stride: .init(1, 1))
    #expect(mean.steps[0].equation == "(3 + 3 + 2 + 0 + 0 + 1 + 3 + 1 + 2) / 9 = 1.667")
    #expect(abs(mean.output[1][2] - 16.0 / 9) < 1e-12)
    let square: [[Double]] = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]]
    let paddedMean = try WindowAnimation(
      .avgPool2d, input: square, kernelSize: .init(2, 2), stride: .init(2, 2),
      padding: .init(1, 1))
    #expect(paddedMean.output == [[0, 0.75, 0.75], [3, 7.5, 4.5], [3, 6.75, 3.75]])
    let paddedMax = try WindowAnimation(
      .maxPool2d, input: square, kernelSize: .init(2, 2), stride: .init(2, 2),
      padding: .init(1, 1))
    #expect(paddedMax.output == [[0, 2, 3], [8, 10, 11], [12, 14, 15]])
    #expect(paddedMax.paddedValue(row: 0, column: 0) == nil, "max pooling has no padding value")
    #expect(paddedMax.steps[0].equation == "max(0) = 0")
  }

  @Test func geometryPyTorchRejectsIsAnErrorAndSoIsAnInputTooLargeToRead() {
    func message(_ make: () throws -> WindowAnimation) -> String {
      do {
        _ = try make()
        return ""
      } catch { return (error as? FigureError)?.message ?? "\(error)" }
    }
    #expect(
      message {
        try WindowAnimation(
          .conv2d, input: image, kernel: ones, kernelSize: .init(2, 2), stride: .init(0, 1))
      } == "stride must be greater than zero, but got 0x1")
    #expect(
      message {
        try WindowAnimation(
          .maxPool2d, input: image, kernelSize: .init(2, 2), stride: .init(1, 1),
          padding: .init(2, 2))
      }.hasPrefix("pad should be at most half of effective kernel size"))
    #expect(
      message {
        try WindowAnimation(.maxPool2d, input: image, kernelSize: .init(4, 4), stride: .init(1, 1))
      }.hasSuffix("Kernel size can't be greater than actual input size"))
    let big = [[Double]](repeating: [Double](repeating: 0, count: 17), count: 2)
    #expect(
      message {
        try WindowAnimation(.avgPool2d, input: big, kernelSize: .init(1, 1), stride: .init(1, 1))
      }
      .hasPrefix("an animation draws at most 16x16 input cells"))
    let wide = [[Double]](repeating: [Double](repeating: 0, count: 16), count: 16)
    #expect(
      message {
        try WindowAnimation(.avgPool2d, input: wide, kernelSize: .init(1, 1), stride: .init(1, 1))
      }
        == "an animation shows at most 64 window positions, this one has 16 x 16 = 256")
    #expect(
      message {
        try WindowAnimation(
          .conv2d, input: image, kernelSize: .init(1, 1), stride: .init(1, 1),
          padding: .init(Int.max, 0))
      }.hasPrefix("an animation draws at most"), "no overflow")
    #expect(
      message {
        try WindowAnimation(.conv2d, input: [], kernelSize: .init(1, 1), stride: .init(1, 1))
      } != "")
  }

  @Test func theSVGMovesTheWindowStepByStepWithoutScript() throws {
    let animation = try WindowAnimation(
      .conv2d, input: image, kernel: ones, kernelSize: .init(2, 2), stride: .init(1, 1))
    let svg = animation.svg()
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(!svg.contains("<script"))
    // The window and the current output cell: 4 steps and the held last one, 6 s in all.
    #expect(
      svg.contains(
        "<animateTransform attributeName=\"transform\" type=\"translate\" "
          + "values=\"0,0;34,0;0,34;34,34;34,34\" calcMode=\"discrete\" dur=\"6s\" repeatCount=\"indefinite\"/>"
      ))
    // Output cells 2 to 4 appear at their step; the first shows from the start.
    #expect(svg.contains("keyTimes=\"0;0.2\""))
    #expect(svg.contains("keyTimes=\"0;0.6\""))
    #expect(svg.components(separatedBy: "<g opacity=\"0\">").count - 1 == 6)
    #expect(svg.contains(">step 1 of 4: 1×1 + 2×1 + 4×1 + 5×1 = 12</text>"))
    #expect(svg.contains(">28</text>"))
    // A figure holding it is drawn as it, and cannot be saved as PNG.
    var figure = try Figure()
    figure.animation = animation
    #expect(figure.svg() == svg)
    #expect(figure.summary == "[figure 1: animation conv2d 3x3 -> 2x2, kernel 2x2, stride 1]")
    #expect(throws: FigureError.self) { try figure.raster() }
  }

  @Test func theTerminalShowsTheFirstStepsAsFrames() throws {
    let animation = try WindowAnimation(
      .conv2d, input: image, kernel: ones, kernelSize: .init(2, 2), stride: .init(1, 1))
    let frames = animation.terminalFrames(style: TerminalStyle(colorMode: .plain, width: 60))
    #expect(
      frames.hasPrefix(
        """
        step 1 of 4
          [ 1][ 2]  3     [12]  .
          [ 4][ 5]  6       .   .
            7   8   9
          1×1 + 2×1 + 4×1 + 5×1 = 12

        step 2 of 4
            1 [ 2][ 3]     12 [16]
        """))
    let many = try WindowAnimation(
      .avgPool2d, input: [[Double]](repeating: [Double](repeating: 1, count: 8), count: 8),
      kernelSize: .init(2, 2), stride: .init(2, 2))
    let text = many.terminalFrames(style: TerminalStyle(colorMode: .plain, width: 60))
    #expect(text.components(separatedBy: "step ").count - 1 == 9)
    #expect(text.hasSuffix("... 7 more steps (cnn-lesson render shows them all)"))
  }

  @Test func figureBlocksCheckAnimationsByMeaning() throws {
    let animation = try WindowAnimation(
      .conv2d, input: image, kernel: ones, kernelSize: .init(2, 2), stride: .init(1, 1),
      padding: .init(1, 1))
    var figure = try Figure()
    figure.animation = animation
    #expect(
      figure.meaningDescription == "animation conv2d 3x3 -> 4x4, kernel 2x2, stride 1, padding 1")
    let holds = try FigureExpectation(parsing: figure.meaningDescription)
    #expect(holds.check(figure).isEmpty)
    #expect(try FigureExpectation(parsing: "animation conv2d").check(figure).isEmpty)
    #expect(try FigureExpectation(parsing: "animation conv2d, dilation 1").check(figure).isEmpty)
    let wrong = try FigureExpectation(parsing: "animation conv2d 3x3 -> 4x4, stride 2")
    #expect(
      wrong.check(figure).map(\.message) == [
        "expected animation conv2d 3x3 -> 4x4, stride 2, found animation conv2d 3x3 -> 4x4, "
          + "kernel 2x2, stride 1, padding 1"
      ])
    #expect(try !FigureExpectation(parsing: "animation max_pool2d").check(figure).isEmpty)
    #expect(try !FigureExpectation(parsing: "empty").check(figure).isEmpty)
    #expect(try !FigureExpectation(parsing: "animation conv2d").check(Figure()).isEmpty)
    #expect(throws: FigureExpectationError.self) {
      try FigureExpectation(parsing: "animation conv3d")
    }
    #expect(throws: FigureExpectationError.self) {
      try FigureExpectation(parsing: "animation conv2d 3x3 4x4")
    }
    #expect(throws: FigureExpectationError.self) {
      try FigureExpectation(parsing: "animation conv2d, speed 2")
    }
  }
}
