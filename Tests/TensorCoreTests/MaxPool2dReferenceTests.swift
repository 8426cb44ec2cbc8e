import Testing

@testable import TensorCore

/// The direct max-pool kernel (eight planes per SIMD pass, one or two threads, plus a scalar
/// remainder) against the gather-table reference, including NaN, -inf and ties.
@Suite struct MaxPool2dReferenceTests {
  @Test(arguments: [
    ([2, 5, 24, 24], Size2D(2), Size2D(2), Size2D(0), Size2D(1), false),
    ([3, 3, 7, 9], Size2D(3), Size2D(2), Size2D(1), Size2D(1), true),
    ([1, 17, 6, 5], Size2D(2, 3), Size2D(1, 2), Size2D(1, 1), Size2D(2, 1), false),
    ([9, 1, 4, 4], Size2D(1), Size2D(1), Size2D(0), Size2D(1), false),
    // The 2x2 stride-2 path: two threads, 13 windows a row (a scalar one after three passes),
    // an odd input row and column left out.
    ([8, 40, 27, 27], Size2D(2), Size2D(2), Size2D(0), Size2D(1), false),
    ([1, 3, 5, 9], Size2D(2), Size2D(2), Size2D(0), Size2D(1), true),
    // Large enough for two threads; 51 planes leave a scalar remainder of 3.
    ([3, 17, 40, 40], Size2D(3), Size2D(1), Size2D(1), Size2D(1), false),
  ])
  func fastMatchesReference(
    shape: [Int], kernel: Size2D, step: Size2D, padding: Size2D, dilation: Size2D, ceil: Bool
  ) throws {
    var values = sampleTensor(shape, seed: 4).floats.map { ($0 * 4).rounded() }  // many ties
    for i in stride(from: 0, to: values.count, by: 37) { values[i] = .nan }
    for i in stride(from: 5, to: values.count, by: 41) { values[i] = -.infinity }
    let layout = try #require(ImageLayout(shape))
    let window = try Window2D.pooling(
      layout, kernel: kernel, stride: step, padding: padding, dilation: dilation, ceilMode: ceil)
    let (planes, planeSize) = (shape[0] * shape[1], shape[2] * shape[3])
    let fast = Functional.maxPool2dForward(
      window, planes: planes, planeSize: planeSize, input: values)
    let naive = Functional.naiveMaxPool2dForward(
      window, planes: planes, planeSize: planeSize, input: values)
    #expect(fast.indices == naive.indices)
    #expect(fast.values.map(\.bitPattern) == naive.values.map(\.bitPattern))
  }
}
