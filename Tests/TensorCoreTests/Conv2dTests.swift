import Testing

@testable import TensorCore

/// One conv2d configuration: shapes and arguments.
struct ConvCase: Sendable, CustomTestStringConvertible {
  var input: [Int]
  var weight: [Int]
  var bias = true
  var stride = Size2D(1)
  var padding = Conv2dPadding.explicit(Size2D(0))
  var dilation = Size2D(1)
  var groups = 1
  var testDescription: String { "input \(input) weight \(weight) groups \(groups)" }

  func run(_ tensors: [Tensor], naive: Bool = false) throws -> Tensor {
    let bias = self.bias ? tensors[2] : nil
    return naive
      ? try naiveConv2d(
        tensors[0], weight: tensors[1], bias: bias, stride: stride, padding: padding,
        dilation: dilation, groups: groups)
      : try Functional.conv2d(
        tensors[0], weight: tensors[1], bias: bias, stride: stride, padding: padding,
        dilation: dilation, groups: groups)
  }

  func tensors() -> [Tensor] {
    [sampleTensor(input, seed: 1), sampleTensor(weight, seed: 2)]
      + (bias ? [sampleTensor([weight[0]], seed: 3)] : [])
  }
}

let awkwardConvCases: [ConvCase] = [
  ConvCase(input: [2, 3, 5, 5], weight: [4, 3, 1, 1]),
  ConvCase(input: [1, 2, 7, 6], weight: [3, 2, 3, 2], bias: false),
  ConvCase(input: [2, 2, 7, 7], weight: [3, 2, 3, 3], stride: Size2D(2)),
  ConvCase(input: [1, 1, 9, 8], weight: [2, 1, 3, 3], dilation: Size2D(2)),
  ConvCase(input: [2, 4, 5, 5], weight: [6, 2, 3, 3], groups: 2),
  ConvCase(input: [1, 3, 5, 4], weight: [2, 3, 3, 3], padding: .explicit(Size2D(1, 2))),
  ConvCase(input: [3, 5, 5], weight: [2, 3, 2, 2], padding: .same),
  ConvCase(
    input: [1, 2, 6, 5], weight: [2, 2, 2, 3], stride: Size2D(2, 1), padding: .explicit(Size2D(1)),
    dilation: Size2D(1, 2)),
]

@Suite struct Conv2dTests {
  @Test func lectureExample() throws {
    let kernel = Tensor(shape: [1, 1, 3, 3], floats: [0, 1, 2, 2, 2, 0, 0, 1, 2])
    let output = try Functional.conv2d(lecture5x5, weight: kernel)
    #expect(output.shape == [1, 3, 3])
    #expect(output.floats == [12, 12, 17, 10, 17, 19, 9, 6, 14])
  }

  @Test func samePaddingIsAsymmetricForEvenKernels() throws {
    // Total padding 1 goes after the input: out[y][x] sums the 2x2 block starting at (y, x).
    let input = Tensor(shape: [1, 1, 2, 2], floats: [1, 2, 3, 4])
    let ones = Tensor(shape: [1, 1, 2, 2], floats: [1, 1, 1, 1])
    let output = try Functional.conv2d(input, weight: ones, padding: .same)
    #expect(output.shape == [1, 1, 2, 2] && output.floats == [10, 6, 7, 4])
    let valid = try Functional.conv2d(
      input, weight: ones, bias: Tensor(shape: [1], floats: [0.5]), padding: .valid)
    #expect(valid.shape == [1, 1, 1, 1] && valid.floats == [10.5])
  }

  @Test(arguments: awkwardConvCases)
  func matchesNaiveReference(_ config: ConvCase) throws {
    let tensors = config.tensors()
    let fast = try config.run(tensors)
    let naive = try config.run(tensors, naive: true)
    #expect(fast.shape == naive.shape)
    expectClose(fast.floats, naive.floats, tolerance: 1e-5)
  }

  @Test(arguments: awkwardConvCases)
  func gradients(_ config: ConvCase) throws {
    try expectGradientsMatch(config.tensors()) { try config.run($0) }
  }

  @Test func unbatchedShapesAndGradFn() throws {
    let input = sampleTensor([3, 6, 6])
    let weight = sampleTensor([5, 3, 3, 3])
    try weight.setRequiresGrad()
    let output = try Functional.conv2d(
      input, weight: weight, stride: Size2D(2), padding: .explicit(Size2D(1)))
    #expect(output.shape == [5, 3, 3])
    #expect(output.gradFn?.name == "ConvolutionBackward0")
  }

  @Test func channelMismatchReadsLikePyTorch() throws {
    let error = try #require(throws: TensorError.self) {
      try Functional.conv2d(sampleTensor([3, 5, 5]), weight: sampleTensor([4, 2, 3, 3]))
    }
    #expect(
      error.message
        == "Given groups=1, weight of size [4, 2, 3, 3], expected input[1, 3, 5, 5] to have 2 channels, but got 3 channels instead"
    )
    #expect(error.notes == ["the weight expects 2 input channels, the input has 3"])
  }

  @Test func otherErrors() throws {
    func message(_ body: () throws -> Tensor) -> String? {
      do { _ = try body() } catch let error as TensorError { return error.message } catch {
        return "\(error)"
      }
      return nil
    }
    let input = sampleTensor([1, 4, 5, 5])
    #expect(
      message {
        try Functional.conv2d(
          input, weight: sampleTensor([2, 4, 3, 3]), stride: Size2D(2), padding: .same)
      }
        == "padding='same' is not supported for strided convolutions")
    #expect(
      message { try Functional.conv2d(input, weight: sampleTensor([3, 2, 3, 3]), groups: 2) }
        == "Given groups=2, expected weight to be divisible by 2 at dimension 0, but got weight of size [[3, 2, 3, 3]] instead"
    )
    #expect(
      message { try Functional.conv2d(input, weight: sampleTensor([2, 4, 7, 7])) }
        == "Calculated padded input size per channel: (5 x 5). Kernel size: (7 x 7). Kernel size can't be greater than actual input size"
    )
    #expect(
      message {
        try Functional.conv2d(input, weight: sampleTensor([2, 4, 3, 3]), bias: sampleTensor([3]))
      }
        == "Given weight of size [2, 4, 3, 3], expected bias to be 1-dimensional with 2 elements, but got bias of size [3] instead"
    )
    #expect(
      message { try Functional.conv2d(sampleTensor([4, 5]), weight: sampleTensor([2, 4, 3, 3])) }
        == "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [4, 5]")
    #expect(
      message {
        try Functional.conv2d(input, weight: sampleTensor([2, 4, 3, 3]), stride: Size2D(0))
      }
        == "non-positive stride is not supported")
    #expect(
      message { try Functional.conv2d(input, weight: sampleTensor([2, 4, 3, 3]), groups: 0) }
        == "non-positive groups is not supported")
    #expect(
      throws: TensorError.convolution(.emptyPlanes(weight: [2, 4, 3, 0], input: [1, 4, 5, 5]))
    ) { try Functional.conv2d(input, weight: sampleTensor([2, 4, 3, 0])) }
    // An unbatched input is reported as the batch of one PyTorch checks.
    #expect(
      throws: TensorError.convolution(.weightRank(weight: [2, 4, 3], input: [1, 4, 5, 5]))
    ) { try Functional.conv2d(sampleTensor([4, 5, 5]), weight: sampleTensor([2, 4, 3])) }
  }

  @Test func hugeArgumentsThrowInsteadOfOverflowing() {
    let input = sampleTensor([1, 1, 3, 3])
    let weight = sampleTensor([1, 1, 1, 1])
    // The padded plane, 32771 x 32771, is more than a tensor may hold.
    #expect(
      throws: TensorError.allocationTooLarge(
        elements: 32771 * 32771, limit: maximumElementCount, shape: [32771, 32771])
    ) { try Functional.conv2d(input, weight: weight, padding: .explicit(Size2D(1 << 14))) }
    #expect(
      throws: TensorError.invalidShape(.elementCountOverflow(shape: [Int.max, Int.max]))
    ) {
      try Functional.conv2d(
        input, weight: sampleTensor([1, 1, 3, 3]), padding: .same, dilation: Size2D(1 << 62))
    }
    #expect {
      try Functional.conv2d(input, weight: sampleTensor([1, 1, 2, 2]), dilation: Size2D(1 << 62))
    } throws: { error in
      guard case .convolution(.kernelTooLarge) = error as? TensorError else { return false }
      return true
    }
  }
}
