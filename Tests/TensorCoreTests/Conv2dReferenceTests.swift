import Testing

@testable import TensorCore

@Suite struct Conv2dReferenceTests {
  @Test func strideTwoWithPaddingByHand() throws {
    // 3x3 input 1...9, 2x2 kernel of ones, stride 2, padding 1: windows start at -1 and 1.
    let input = Tensor(shape: [1, 1, 3, 3], floats: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    let weight = Tensor(shape: [1, 1, 2, 2], floats: [1, 1, 1, 1])
    let output = try naiveConv2d(
      input, weight: weight, bias: Tensor(shape: [1], floats: [1]), stride: Size2D(2),
      padding: .explicit(Size2D(1)))
    #expect(output.shape == [1, 1, 2, 2])
    #expect(output.floats == [2, 6, 12, 29])
  }

  @Test func groupsKeepChannelsApart() throws {
    // Two 1x1 groups: output channel 0 sees only input channel 0, output channel 1 only channel 1.
    let input = Tensor(shape: [1, 2, 1, 2], floats: [1, 2, 10, 20])
    let weight = Tensor(shape: [2, 1, 1, 1], floats: [3, -1])
    let output = try naiveConv2d(input, weight: weight, groups: 2)
    #expect(output.floats == [3, 6, -10, -20])
  }
}
