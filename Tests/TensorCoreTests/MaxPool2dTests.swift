import Testing

@testable import TensorCore

/// A tensor whose elements are distinct and at least 0.1 apart, so a finite-difference step never
/// changes which element of a window is the maximum.
func separatedTensor(_ shape: [Int], seed: UInt64 = 3) -> Tensor {
  let order = Generator(seed: seed).permutation(elementCount(shape))
  return Tensor(shape: shape, floats: order.map { Float($0) * 0.1 - 1 })
}

/// The 4x4 example of the lecture, and the 5x5 one, as (1, H, W) images.
var lecture4x4: Tensor {
  Tensor(shape: [1, 4, 4], floats: [1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4])
}
var lecture5x5: Tensor {
  Tensor(
    shape: [1, 5, 5],
    floats: [3, 3, 2, 1, 0, 0, 0, 1, 3, 1, 3, 1, 2, 2, 3, 2, 0, 0, 2, 2, 2, 0, 0, 0, 1])
}

@Suite struct MaxPool2dTests {
  @Test func lectureTwoByTwoStrideTwo() throws {
    let (output, indices) = try Functional.maxPool2dWithIndices(lecture4x4, kernelSize: Size2D(2))
    #expect(output.shape == [1, 2, 2])
    #expect(output.floats == [6, 8, 3, 4])
    #expect(indices.dtype == .int64 && indices.ints == [5, 7, 8, 15])
  }

  @Test func lectureThreeByThreeStrideOne() throws {
    let output = try Functional.maxPool2d(lecture5x5, kernelSize: Size2D(3), stride: Size2D(1))
    #expect(output.shape == [1, 3, 3])
    #expect(output.floats == [3, 3, 3, 3, 3, 3, 3, 2, 3])
  }

  @Test func ceilModeKeepsPartialWindows() throws {
    let floor = try Functional.maxPool2d(lecture5x5, kernelSize: Size2D(2))
    #expect(floor.shape == [1, 2, 2] && floor.floats == [3, 3, 3, 2])
    let ceil = try Functional.maxPool2d(lecture5x5, kernelSize: Size2D(2), ceilMode: true)
    #expect(ceil.shape == [1, 3, 3] && ceil.floats == [3, 3, 1, 3, 2, 3, 2, 0, 1])
  }

  @Test func paddingCountsAsMinusInfinity() throws {
    let negative = Tensor(shape: [1, 1, 2, 2], floats: [-4, -3, -2, -1])
    let output = try Functional.maxPool2d(
      negative, kernelSize: Size2D(2), stride: Size2D(1), padding: Size2D(1))
    #expect(output.shape == [1, 1, 3, 3])
    #expect(output.floats == [-4, -3, -3, -2, -1, -1, -2, -1, -1])
    let padded = try Functional.maxPool2d(
      lecture4x4, kernelSize: Size2D(3), stride: Size2D(2), padding: Size2D(1), ceilMode: true)
    #expect(padded.shape == [1, 3, 3] && padded.floats == [6, 8, 8, 6, 8, 8, 2, 4, 4])
  }

  @Test func dilationAndBatchedShape() throws {
    let batched = Tensor(shape: [1, 1, 4, 4], floats: lecture4x4.floats)
    let output = try Functional.maxPool2d(
      batched, kernelSize: Size2D(2), stride: Size2D(1), dilation: Size2D(2))
    #expect(output.shape == [1, 1, 2, 2] && output.floats == [3, 4, 7, 8])
  }

  @Test func nanPropagates() throws {
    let input = Tensor(shape: [1, 2, 2], floats: [1, .nan, 3, 2])
    let output = try Functional.maxPool2d(input, kernelSize: Size2D(2))
    #expect(output.floats[0].isNaN)
  }

  @Test func errors() throws {
    #expect(throws: TensorError.pooling(.inputShape([4, 4]))) {
      try Functional.maxPool2d(
        Tensor(shape: [4, 4], floats: .init(repeating: 0, count: 16)), kernelSize: Size2D(2))
    }
    #expect(
      performing: {
        try Functional.maxPool2d(lecture4x4, kernelSize: Size2D(3), padding: Size2D(2))
      },
      throws: {
        ($0 as? TensorError)?.message
          == "pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1"
      })
    let ints = Tensor(shape: [1, 2, 2], ints: [1, 2, 3, 4])
    #expect(throws: TensorError.unsupportedDType(kernel: "max_pool2d", dtype: .int64)) {
      try Functional.maxPool2d(ints, kernelSize: Size2D(2))
    }
    // A kernel and dilation no input could hold: rejected without overflowing.
    #expect {
      try Functional.maxPool2d(lecture4x4, kernelSize: Size2D(1 << 40), dilation: Size2D(1 << 40))
    } throws: { error in
      guard case .pooling(.outputTooSmall) = error as? TensorError else { return false }
      return true
    }
  }

  @Test func gradFnName() throws {
    let input = separatedTensor([1, 1, 4, 4])
    try input.setRequiresGrad()
    let output = try Functional.maxPool2d(input, kernelSize: Size2D(2))
    #expect(output.gradFn?.name == "MaxPool2DWithIndicesBackward0")
  }

  @Test(arguments: [
    (Size2D(2), Size2D?.none, Size2D(0), Size2D(1), false),
    (Size2D(3), Size2D(1), Size2D(1), Size2D(1), false),
    (Size2D(3), Size2D(2), Size2D(1), Size2D(1), true),
    (Size2D(2, 3), Size2D(2, 1), Size2D(0, 1), Size2D(2, 1), true),
  ])
  func gradients(kernel: Size2D, stride: Size2D?, padding: Size2D, dilation: Size2D, ceil: Bool)
    throws
  {
    try expectGradientsMatch([separatedTensor([2, 2, 5, 6])]) {
      try Functional.maxPool2d(
        $0[0], kernelSize: kernel, stride: stride, padding: padding, dilation: dilation,
        ceilMode: ceil)
    }
  }
}
