import Testing

@testable import TensorCore

@Suite struct LinearTests {
  @Test func byHand() throws {
    let input = Tensor(shape: [2, 2], floats: [1, 2, -1, 0])
    let weight = Tensor(shape: [3, 2], floats: [1, 0, 0, 1, 1, 1])
    let bias = Tensor(shape: [3], floats: [0.5, 0, -1])
    let output = try Functional.linear(input, weight: weight, bias: bias)
    #expect(output.shape == [2, 3] && output.floats == [1.5, 2, 2, -0.5, 0, -2])
    let noBias = try Functional.linear(
      Tensor(shape: [2], floats: [1, 2]), weight: weight, bias: nil)
    #expect(noBias.shape == [3] && noBias.floats == [1, 2, 3])
  }

  @Test func leadingDimensionsAreKept() throws {
    let output = try Functional.linear(
      sampleTensor([2, 3, 4]), weight: sampleTensor([5, 4]), bias: nil)
    #expect(output.shape == [2, 3, 5])
  }

  @Test func zeroInputFeaturesGiveTheBias() throws {
    let output = try Functional.linear(
      Tensor(shape: [2, 0], floats: []), weight: Tensor(shape: [3, 0], floats: []),
      bias: Tensor(shape: [3], floats: [1, 2, 3]))
    #expect(output.shape == [2, 3] && output.floats == [1, 2, 3, 1, 2, 3])
  }

  @Test func sizeMismatchReadsLikeTheLecture() throws {
    let error = try #require(throws: TensorError.self) {
      try Functional.linear(
        sampleTensor([64, 320]), weight: sampleTensor([10, 100]), bias: sampleTensor([10]))
    }
    #expect(error == .linear(.shapeMismatch(input: [64, 320], weight: [10, 100])))
    #expect(error.message == "size mismatch, m1: [64 x 320], m2: [100 x 10]")
    #expect(
      error.notes == [
        "mat1 and mat2 shapes cannot be multiplied (64x320 and 100x10)",
        "the layer expects 100 input features, but the input has 320",
      ])
    #expect(throws: TensorError.linear(.biasShape(outFeatures: 3, bias: [4], inputRank: 2))) {
      try Functional.linear(
        sampleTensor([2, 4]), weight: sampleTensor([3, 4]), bias: sampleTensor([4]))
    }
    #expect(throws: TensorError.linear(.dtypeMismatch(input: .int64, parameter: .float32))) {
      try Functional.linear(
        Tensor(shape: [1, 4], ints: [1, 2, 3, 4]), weight: sampleTensor([3, 4]), bias: nil)
    }
  }

  @Test func gradFnNames() throws {
    let weight = sampleTensor([3, 4])
    try weight.setRequiresGrad()
    #expect(
      try Functional.linear(sampleTensor([2, 4]), weight: weight, bias: sampleTensor([3])).gradFn?
        .name == "AddmmBackward0")
    #expect(
      try Functional.linear(sampleTensor([2, 4]), weight: weight, bias: nil).gradFn?.name
        == "MmBackward0")
  }

  @Test func gradients() throws {
    try expectGradientsMatch([
      sampleTensor([3, 4], seed: 1), sampleTensor([5, 4], seed: 2), sampleTensor([5], seed: 3),
    ]) {
      try Functional.linear($0[0], weight: $0[1], bias: $0[2])
    }
    try expectGradientsMatch([sampleTensor([2, 2, 3], seed: 4), sampleTensor([2, 3], seed: 5)]) {
      try Functional.linear($0[0], weight: $0[1], bias: nil)
    }
  }
}
