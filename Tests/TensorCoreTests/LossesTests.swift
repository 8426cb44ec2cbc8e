import Testing

@testable import TensorCore

@Suite struct LossesTests {
  let logProbabilities = Tensor(shape: [2, 3], floats: [-1, -2, -3, -0.5, -1.5, -2.5])
  let targets = Tensor(shape: [2], ints: [2, 0])

  @Test func nllReductions() throws {
    let mean = try Functional.nllLoss(logProbabilities, target: targets)
    #expect(mean.shape == [] && mean.floats == [1.75])
    #expect(
      try Functional.nllLoss(logProbabilities, target: targets, reduction: .sum).floats == [3.5])
    let none = try Functional.nllLoss(logProbabilities, target: targets, reduction: .none)
    #expect(none.shape == [2] && none.floats == [3, 0.5])
    let unbatched = try Functional.nllLoss(
      Tensor(shape: [3], floats: [-1, -2, -3]), target: Tensor(Int64(1)))
    #expect(unbatched.shape == [] && unbatched.floats == [2])
  }

  @Test func ignoreIndexSkipsAndRescales() throws {
    let ignored = Tensor(shape: [2], ints: [2, -100])
    #expect(try Functional.nllLoss(logProbabilities, target: ignored).floats == [3])
    let all = Tensor(shape: [2], ints: [1, 1])
    #expect(try Functional.nllLoss(logProbabilities, target: all, ignoreIndex: 1).floats[0].isNaN)
  }

  @Test func errorsReadLikePyTorch() throws {
    func message(_ body: () throws -> Tensor) -> String? {
      do { _ = try body() } catch let error as TensorError { return error.message } catch {
        return "\(error)"
      }
      return nil
    }
    let scores = sampleTensor([64, 10])
    #expect(
      message {
        try Functional.nllLoss(
          scores, target: Tensor(shape: [64], ints: [Int64](repeating: 10, count: 64)))
      }
        == "Target 10 is out of bounds.")
    #expect(
      message {
        try Functional.crossEntropy(
          scores, target: Tensor(shape: [64], ints: [Int64](repeating: -1, count: 64)))
      }
        == "Target -1 is out of bounds.")
    #expect(
      message { try Functional.nllLoss(scores, target: sampleTensor([64])) }
        == "expected scalar type Long but found Float")
    #expect(
      message {
        try Functional.crossEntropy(
          scores, target: Tensor(shape: [32], ints: [Int64](repeating: 0, count: 32)))
      }
        == "Expected input batch_size (64) to match target batch_size (32).")
    #expect(
      message {
        try Functional.nllLoss(sampleTensor([2, 3, 4]), target: Tensor(shape: [2], ints: [0, 1]))
      }
        == "input tensor should be 1D or 2D")
  }

  @Test func crossEntropyIsLogSoftmaxPlusNll() throws {
    let loss = try Functional.crossEntropy(
      Tensor(shape: [1, 3], floats: [1, 2, 3]), target: Tensor(shape: [1], ints: [2]))
    expectClose(loss.floats, [0.4076059])
    let scores = sampleTensor([1, 3])
    try scores.setRequiresGrad()
    #expect(
      try Functional.crossEntropy(scores, target: Tensor(shape: [1], ints: [0])).gradFn?.name
        == "NllLossBackward0")
  }

  @Test(arguments: [Reduction.mean, .sum, .none])
  func gradients(reduction: Reduction) throws {
    let target = Tensor(shape: [4], ints: [0, 3, -100, 1])
    try expectGradientsMatch([sampleTensor([4, 5])]) {
      try Functional.nllLoss($0[0], target: target, reduction: reduction)
    }
    try expectGradientsMatch([sampleTensor([4, 5])]) {
      try Functional.crossEntropy($0[0], target: target, reduction: reduction)
    }
  }
}

/// `F.mse_loss` against PyTorch 2.15: `a = [[1, 2], [3, 5]]`, `b = [[0, 2.5], [1, 1]]`.
@Suite struct MSELossTests {
  static let a: [Float] = [1, 2, 3, 5]
  static let b: [Float] = [0, 2.5, 1, 1]

  @Test func reductionsAndGradient() throws {
    let input = Tensor(shape: [2, 2], floats: Self.a)
    let target = Tensor(shape: [2, 2], floats: Self.b)
    try input.setRequiresGrad()
    let loss = try Functional.mseLoss(input, target: target)
    #expect(loss.shape == [] && loss.floats == [5.3125])
    #expect(loss.gradFn?.name == "MseLossBackward0")
    #expect(try Functional.mseLoss(input, target: target, reduction: .sum).floats == [21.25])
    #expect(
      try Functional.mseLoss(input, target: target, reduction: .none).floats == [1, 0.25, 4, 16])
    try loss.backward()
    #expect(input.grad?.floats == [0.5, -0.25, 1, 2])
  }

  @Test func broadcastsAndChecksShapes() throws {
    let loss = try Functional.mseLoss(Tensor(shape: [2], floats: [1, 2]), target: Tensor(Float(1)))
    #expect(loss.floats == [0.5])
    #expect(throws: TensorError.broadcastMismatch(lhs: [2], rhs: [3], dim: 0)) {
      try Functional.mseLoss(
        Tensor(shape: [2], floats: [1, 1]), target: Tensor(shape: [3], floats: [1, 1, 1]))
    }
  }

  @Test(arguments: [Reduction.mean, .sum, .none])
  func gradientsMatchFiniteDifferences(reduction: Reduction) throws {
    try expectGradientsMatch([sampleTensor([3, 4], seed: 1), sampleTensor([3, 4], seed: 2)]) {
      try Functional.mseLoss($0[0], target: $0[1], reduction: reduction)
    }
    try expectGradientsMatch([sampleTensor([3, 4], seed: 3), sampleTensor([4], seed: 4)]) {
      try Functional.mseLoss($0[0], target: $0[1], reduction: reduction)
    }
  }
}
