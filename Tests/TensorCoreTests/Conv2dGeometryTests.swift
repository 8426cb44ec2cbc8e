import Testing

@testable import TensorCore

@Suite struct Conv2dGeometryTests {
  func geometry(
    _ input: [Int], _ weight: [Int], padding: Conv2dPadding = .explicit(Size2D(0)),
    dilation: Size2D = Size2D(1), groups: Int = 1
  ) throws -> Conv2dGeometry {
    try Conv2dGeometry(
      input: input, weight: weight, bias: nil, stride: Size2D(1), padding: padding,
      dilation: dilation, groups: groups)
  }

  @Test func samePaddingSplitsOddTotalsAfter() throws {
    // Kernel 4 (total 3): 1 before, 2 after. Kernel 3 dilation 2 (total 4): 2 and 2.
    let even = try geometry([1, 1, 6, 6], [1, 1, 4, 3], padding: .same, dilation: Size2D(1, 2))
    #expect(even.window.rows.padBegin == 1 && even.window.rows.padEnd == 2)
    #expect(even.window.cols.padBegin == 2 && even.window.cols.padEnd == 2)
    #expect(even.outputShape == [1, 1, 6, 6])
  }

  @Test func groupSizes() throws {
    let grouped = try geometry([2, 6, 5, 5], [4, 3, 3, 3], groups: 2)
    #expect(grouped.inChannelsPerGroup == 3 && grouped.outChannelsPerGroup == 2)
    #expect(grouped.columnRows == 27 && grouped.outputShape == [2, 4, 3, 3])
  }

  @Test func weightErrors() throws {
    #expect(
      performing: { try geometry([1, 3, 5, 5], [4, 3, 3]) },
      throws: {
        ($0 as? TensorError)?.message
          == "Expected 3-dimensional input for 3-dimensional weight [4, 3, 3], but got 4-dimensional input of size [1, 3, 5, 5] instead"
      })
    #expect(
      performing: { try geometry([1, 3, 5, 5], [1, 1, 3, 3], groups: 3) },
      throws: {
        ($0 as? TensorError)?.message
          == "Given groups=3, expected weight to be at least 3 at dimension 0, but got weight of size [1, 1, 3, 3] instead"
      })
    #expect(
      throws: TensorError.convolution(.emptyPlanes(weight: [4, 3, 0, 3], input: [1, 3, 5, 5]))
    ) { try geometry([1, 3, 5, 5], [4, 3, 0, 3]) }
  }
}
