import Testing

@testable import NeuralNet

@Suite struct LayersConv2dTests {
  func conv(
    _ inChannels: Int = 2, _ outChannels: Int = 4, kernel: Size2D = Size2D(3),
    stride: Size2D = Size2D(1), padding: Conv2dPadding = .explicit(Size2D(0)),
    dilation: Size2D = Size2D(1), groups: Int = 1
  ) throws -> Conv2d {
    try Conv2d(
      inChannels: inChannels, outChannels: outChannels, kernelSize: kernel, stride: stride,
      padding: padding, dilation: dilation, groups: groups, generator: Generator(seed: 1))
  }

  @Test func weightAndBiasAreTheRegisteredParameters() throws {
    let layer = try conv(groups: 2)
    #expect(layer.weight.shape == [4, 1, 3, 3] && layer.bias?.shape == [4])
    #expect(layer.weight === layer.parameter(named: "weight"))
    // fan_in = in_channels / groups * 3 * 3 = 9.
    #expect(layer.weight.floats.allSatisfy { abs($0) <= 1 / 3 })
    let replacement = Tensor(shape: [4, 1, 3, 3], floats: [Float](repeating: 0, count: 36))
    try layer.registerParameter("weight", replacement)
    #expect(layer.weight === replacement)
    #expect(throws: NeuralNetError.requiredParameter(module: "Conv2d", name: "weight")) {
      try layer.unregister("weight")
    }
  }

  @Test func callingTheLayerRunsForward() throws {
    let layer = try conv()
    let x = try Tensor.randn([1, 2, 5, 5], generator: Generator(seed: 2))
    #expect(try layer(x).shape == [1, 4, 3, 3])
    #expect(try layer(x).floats == layer.forward(x).floats)
  }

  @Test func argumentsConv2dChecksThrowWhenTheLayerIsMade() {
    // The same errors as F.conv2d's, from the same check.
    #expect(throws: TensorError.convolution(.nonPositiveGroups(0))) { try conv(groups: 0) }
    #expect(throws: TensorError.convolution(.nonPositiveStride(Size2D(0, 1)))) {
      try conv(stride: Size2D(0, 1))
    }
    #expect(throws: TensorError.convolution(.nonPositiveDilation(Size2D(0)))) {
      try conv(dilation: Size2D(0))
    }
    #expect(throws: TensorError.convolution(.negativePadding(Size2D(-1, 0)))) {
      try conv(padding: .explicit(Size2D(-1, 0)))
    }
    #expect(throws: TensorError.convolution(.sameWithStride)) {
      try conv(stride: Size2D(2), padding: .same)
    }
  }

  @Test func channelErrors() {
    #expect(throws: NeuralNetError.nonPositiveChannels(inChannels: 0, outChannels: 4)) {
      try conv(0)
    }
    #expect(throws: NeuralNetError.channelsNotDivisible(argument: "in_channels", groups: 2)) {
      try conv(3, 4, groups: 2)
    }
    #expect(throws: NeuralNetError.channelsNotDivisible(argument: "out_channels", groups: 2)) {
      try conv(2, 3, groups: 2)
    }
  }

  @Test func kernelSizesAreCheckedByTheWeightAndTheFirstCall() throws {
    #expect(
      throws: TensorError.invalidShape(.negativeDimension(size: -1, shape: [4, 2, -1, 3]))
    ) { try conv(kernel: Size2D(-1, 3)) }
    // An empty kernel makes an empty weight, as in PyTorch; the first call rejects it.
    let empty = try conv(kernel: Size2D(0))
    #expect(
      throws: TensorError.convolution(.emptyPlanes(weight: [4, 2, 0, 0], input: [1, 2, 5, 5]))
    ) {
      try empty(Tensor.zeros([1, 2, 5, 5]))
    }
  }

  @Test func printedLikePyTorch() throws {
    #expect(
      try conv(padding: .same, groups: 2).description
        == "Conv2d(2, 4, kernel_size=(3, 3), stride=(1, 1), padding=same, groups=2)")
  }
}
