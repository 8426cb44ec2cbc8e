import Testing

@testable import TensorCore

/// The packed convolution kernels (`Conv2dPacking.swift`, `Conv2dPlan.swift`) against the naive
/// forward and backward references, on shapes that exercise every path: padding copies, position
/// blocks beyond 256, two threads, groups, strides, dilation, 1x1 kernels, batch 1.
@Suite struct Conv2dPackingTests {
  static let cases: [ConvCase] =
    awkwardConvCases + [
      // 6 x 16 x 576 x 36 multiply-adds: two threads; P = 576 > one block of 256 positions.
      ConvCase(input: [6, 4, 24, 24], weight: [16, 4, 3, 3], padding: .explicit(Size2D(1))),
      // The lecture's convolutions, on a small batch.
      ConvCase(input: [3, 1, 28, 28], weight: [10, 1, 5, 5]),
      ConvCase(input: [3, 10, 12, 12], weight: [20, 10, 5, 5]),
      ConvCase(input: [1, 3, 17, 19], weight: [7, 3, 1, 1], stride: Size2D(2)),
      ConvCase(
        input: [5, 6, 9, 10], weight: [9, 2, 3, 2], stride: Size2D(1, 2),
        padding: .explicit(Size2D(2, 1)), dilation: Size2D(2, 1), groups: 3),
    ]

  @Test(arguments: cases)
  func forwardMatchesNaive(_ config: ConvCase) throws {
    let tensors = config.tensors()
    let fast = try config.run(tensors)
    let naive = try config.run(tensors, naive: true)
    #expect(fast.shape == naive.shape)
    expectClose(fast.floats, naive.floats, tolerance: 1e-4)
  }

  @Test(arguments: cases)
  func backwardMatchesNaive(_ config: ConvCase) throws {
    let tensors = config.tensors()
    for tensor in tensors { try tensor.setRequiresGrad() }
    let output = try config.run(tensors)
    let dy = sampleTensor(output.shape, seed: 9)
    try output.backward(gradient: dy)
    let expected = try naiveConv2dGradients(
      tensors[0], weight: tensors[1], gradOutput: dy.floats, stride: config.stride,
      padding: config.padding, dilation: config.dilation, groups: config.groups)
    expectClose(try #require(tensors[0].grad).floats, expected.input, tolerance: 1e-4)
    expectClose(try #require(tensors[1].grad).floats, expected.weight, tolerance: 1e-4)
    if config.bias {
      expectClose(try #require(tensors[2].grad).floats, expected.bias, tolerance: 1e-4)
    }
  }

  @Test func onlyTheWeightGradientWhenTheInputIsData() throws {
    // conv1 of the lecture: the images do not require grad, so no input gradient is formed.
    let (x, w) = (sampleTensor([4, 1, 28, 28], seed: 1), sampleTensor([10, 1, 5, 5], seed: 2))
    try w.setRequiresGrad()
    let output = try Functional.conv2d(x, weight: w)
    let dy = sampleTensor(output.shape, seed: 3)
    try output.backward(gradient: dy)
    let expected = try naiveConv2dGradients(x, weight: w, gradOutput: dy.floats)
    #expect(x.grad == nil)
    expectClose(try #require(w.grad).floats, expected.weight, tolerance: 1e-4)
  }

  @Test func emptyBatch() throws {
    let output = try Functional.conv2d(
      Tensor(shape: [0, 2, 5, 5], floats: []), weight: sampleTensor([3, 2, 3, 3]))
    #expect(output.shape == [0, 3, 3, 3] && output.floats.isEmpty)
  }
}
