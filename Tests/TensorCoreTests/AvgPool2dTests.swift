import Testing

@testable import TensorCore

@Suite struct AvgPool2dTests {
  @Test func lectureThreeByThreeStrideOne() throws {
    // Window sums, worked by hand: 15 15 15 / 9 11 16 / 10 7 12.
    let output = try Functional.avgPool2d(lecture5x5, kernelSize: Size2D(3), stride: Size2D(1))
    #expect(output.shape == [1, 3, 3])
    expectClose(output.floats, [15, 15, 15, 9, 11, 16, 10, 7, 12].map { $0 / 9 })
  }

  @Test func ceilModeDividesByTheClippedWindow() throws {
    // 5x5, k2 s2, ceil: the last row and column of windows hold 2 (or 1) elements.
    let output = try Functional.avgPool2d(lecture5x5, kernelSize: Size2D(2), ceilMode: true)
    #expect(output.shape == [1, 3, 3])
    expectClose(output.floats, [1.5, 1.75, 0.5, 1.5, 1.5, 2.5, 1, 0, 1])
  }

  @Test func paddingWithAndWithoutCount() throws {
    // 4x4, k3 s2 p1: windows cover 2x2, 2x3, 3x2, 3x3 input elements, sums 13, 28, 19, 33.
    let included = try Functional.avgPool2d(
      lecture4x4, kernelSize: Size2D(3), stride: Size2D(2), padding: Size2D(1))
    expectClose(included.floats, [13, 28, 19, 33].map { $0 / 9 })
    let excluded = try Functional.avgPool2d(
      lecture4x4, kernelSize: Size2D(3), stride: Size2D(2), padding: Size2D(1),
      countIncludePad: false)
    expectClose(excluded.floats, [13.0 / 4, 28.0 / 6, 19.0 / 6, 33.0 / 9])
    let overridden = try Functional.avgPool2d(
      lecture4x4, kernelSize: Size2D(3), stride: Size2D(2), padding: Size2D(1), divisorOverride: 2)
    expectClose(overridden.floats, [6.5, 14, 9.5, 16.5])
  }

  @Test func ceilModeWithPaddingClipsToThePaddedInput() throws {
    // The third window starts at 3 and spans rows 3..5 of which 3..4 lie in input + padding: 2.
    let output = try Functional.avgPool2d(
      lecture4x4, kernelSize: Size2D(3), stride: Size2D(2), padding: Size2D(1), ceilMode: true)
    #expect(output.shape == [1, 3, 3])
    expectClose(output.floats, [13.0 / 9, 28.0 / 9, 2, 19.0 / 9, 33.0 / 9, 2, 0.5, 1.5, 1])
  }

  @Test func errorsAndGradFn() throws {
    #expect(
      performing: {
        try Functional.avgPool2d(lecture4x4, kernelSize: Size2D(2), divisorOverride: 0)
      },
      throws: {
        ($0 as? TensorError)?.message == "divisor must be not zero"
      })
    #expect(
      performing: {
        try Functional.avgPool2d(lecture4x4, kernelSize: Size2D(2), padding: Size2D(2))
      },
      throws: {
        ($0 as? TensorError)?.message
          == "pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1"
      })
    // The gather table would need an offset for each of 2^40 taps of each window.
    #expect(
      throws: TensorError.allocationTooLarge(
        elements: 1 << 40, limit: maximumElementCount, shape: [1 << 20, 1 << 20, 1, 1])
    ) {
      try Functional.avgPool2d(lecture4x4, kernelSize: Size2D(1 << 20), padding: Size2D(1 << 19))
    }
    let input = sampleTensor([1, 1, 4, 4])
    try input.setRequiresGrad()
    #expect(
      try Functional.avgPool2d(input, kernelSize: Size2D(2)).gradFn?.name == "AvgPool2DBackward0")
  }

  @Test(arguments: [
    (Size2D(2), Size2D?.none, Size2D(0), false, true, Int?.none),
    (Size2D(3), Size2D(2), Size2D(1), true, true, nil),
    (Size2D(3), Size2D(2), Size2D(1), true, false, nil),
    (Size2D(3, 2), Size2D(1, 2), Size2D(1, 0), false, false, nil),
    (Size2D(2), Size2D(1), Size2D(1), false, true, 3),
  ])
  func gradients(
    kernel: Size2D, stride: Size2D?, padding: Size2D, ceil: Bool, countPad: Bool, divisor: Int?
  ) throws {
    try expectGradientsMatch([sampleTensor([2, 2, 5, 6])]) {
      try Functional.avgPool2d(
        $0[0], kernelSize: kernel, stride: stride, padding: padding, ceilMode: ceil,
        countIncludePad: countPad, divisorOverride: divisor)
    }
  }
}
