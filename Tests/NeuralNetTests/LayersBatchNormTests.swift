import Testing

@testable import NeuralNet

/// `nn.BatchNorm1d` / `nn.BatchNorm2d` against PyTorch 2.15.
@Suite struct LayersBatchNormTests {
  /// `(arange(24) ** 1.5 / 10).reshape(2, 3, 2, 2)`.
  static func images() -> Tensor {
    Tensor(
      shape: [2, 3, 2, 2], floats: (0..<24).map { Float(Double($0).squareRoot() * Double($0) / 10) }
    )
  }

  @Test func parametersBuffersAndPrintedForm() throws {
    let norm = try BatchNorm2d(numFeatures: 3)
    #expect(norm.namedParameters().map(\.name) == ["weight", "bias"])
    #expect(
      norm.namedBuffers().map(\.name) == ["running_mean", "running_var", "num_batches_tracked"])
    #expect(norm.weight?.floats == [1, 1, 1] && norm.bias?.floats == [0, 0, 0])
    #expect(norm.buffer(named: "running_var")?.floats == [1, 1, 1])
    #expect(norm.buffer(named: "num_batches_tracked")?.dtype == .int64)
    #expect(
      norm.description
        == "BatchNorm2d(3, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)"
    )
    let plain = try BatchNorm1d(
      numFeatures: 4, eps: 1e-3, momentum: nil, affine: false, trackRunningStats: false)
    #expect(
      plain.description
        == "BatchNorm1d(4, eps=0.001, momentum=None, affine=False, bias=False, track_running_stats=False)"
    )
    #expect(plain.namedParameters().isEmpty && plain.namedBuffers().isEmpty)
    let sequential = Sequential([
      try Linear(inFeatures: 2, outFeatures: 2, generator: Generator()), plain, norm,
    ])
    #expect(sequential.namedBuffers().map(\.name).first == "2.running_mean")
  }

  @Test func trainThenEval() throws {
    let norm = try BatchNorm2d(numFeatures: 3)
    let x = Self.images()
    let y = try norm(x)
    expectNear(Array(y.floats[0..<4]), [-1.075261, -1.033894, -0.958257, -0.860310])
    expectNear(norm.buffer(named: "running_mean")?.floats ?? [], [0.259930, 0.432096, 0.646129])
    expectNear(norm.buffer(named: "running_var")?.floats ?? [], [1.567845, 1.973062, 2.364199])
    #expect(norm.buffer(named: "num_batches_tracked")?.ints == [1])
    norm.eval()
    let z = try norm(x)
    expectNear(Array(z.floats[0..<4]), [-0.207588, -0.127725, 0.018299, 0.207393])
    #expect(norm.buffer(named: "num_batches_tracked")?.ints == [1])
  }

  /// `momentum=None`: the running statistics are the plain average of the batches'.
  @Test func cumulativeAverageWithoutMomentum() throws {
    let norm = try BatchNorm1d(numFeatures: 2, momentum: nil)
    let x = Tensor(shape: [3, 2], floats: [1, 2, 3, 5, 4, 9])
    _ = try norm(x)
    _ = try norm(x.mul(Tensor(Float(2))))
    expectNear(norm.buffer(named: "running_mean")?.floats ?? [], [4, 8])
    expectNear(norm.buffer(named: "running_var")?.floats ?? [], [5.833334, 30.833336])
    #expect(norm.buffer(named: "num_batches_tracked")?.ints == [2])
  }

  @Test func batchNorm1dOnSequencesAndEvalWithoutRunningStats() throws {
    let norm = try BatchNorm1d(numFeatures: 2)
    _ = try norm(Tensor(shape: [3, 2], floats: [1, 2, 3, 5, 4, 9]))
    let sequence = Tensor(shape: [2, 2, 3], floats: (0..<12).map { Float($0 * $0) })
    let y = try norm(sequence)
    expectNear(Array(y.floats[0..<3]), [-1.012282, -0.972842, -0.854524])
    expectNear(norm.buffer(named: "running_mean")?.floats ?? [], [2.806667, 6.346667])
    expectNear(norm.buffer(named: "running_var")?.floats ?? [], [78.166672, 232.186661])
    let untracked = try BatchNorm2d(numFeatures: 3, trackRunningStats: false)
    untracked.eval()
    expectNear(
      Array(try untracked(Self.images()).floats[0..<4]),
      [-1.075261, -1.033894, -0.958257, -0.860310])
  }

  @Test func errors() throws {
    #expect(throws: TensorError.normalization(.inputRank(expected: "4D", rank: 3))) {
      try BatchNorm2d(numFeatures: 3)(
        Tensor(shape: [2, 3, 4], floats: [Float](repeating: 0, count: 24)))
    }
    #expect(throws: TensorError.normalization(.inputRank(expected: "2D or 3D", rank: 4))) {
      try BatchNorm1d(numFeatures: 2)(Tensor(shape: [1, 2, 1, 1], floats: [0, 0]))
    }
    #expect(
      throws: TensorError.normalization(.parameterSize(name: "running_mean", expected: 4, got: 3))
    ) {
      try BatchNorm2d(numFeatures: 3)(
        Tensor(shape: [2, 4, 1, 1], floats: [Float](repeating: 0, count: 8)))
    }
    #expect(throws: TensorError.normalization(.singleValuePerChannel(shape: [1, 2]))) {
      try BatchNorm1d(numFeatures: 2)(Tensor(shape: [1, 2], floats: [0, 0]))
    }
    #expect(throws: TensorError.invalidShape(.negativeDimension(size: -1, shape: [-1]))) {
      try BatchNorm2d(numFeatures: -1)
    }
  }
}

/// Expects `actual` to match PyTorch's printed `expected` within 1e-5 relative to max(1, |e|).
private func expectNear(
  _ actual: [Float], _ expected: [Float], sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.count == expected.count, "count", sourceLocation: sourceLocation)
  for (i, (a, e)) in zip(actual, expected).enumerated() {
    #expect(
      abs(a - e) <= 1e-5 * max(1, abs(e)), "[\(i)]: \(a) vs PyTorch \(e)",
      sourceLocation: sourceLocation)
  }
}
