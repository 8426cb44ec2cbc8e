import Testing

@testable import TensorCore

/// `F.batch_norm` against PyTorch 2.15: `x = (arange(24) ** 1.5 / 10).reshape(2, 3, 2, 2)`,
/// `weight = [1.5, -0.5, 2]`, `bias = [0.1, 0.2, -0.3]`, `running_mean = [0.5, -1, 2]`,
/// `running_var = [2, 0.5, 4]`, `eps = 1e-3`.
@Suite struct BatchNormTests {
  static func input() -> Tensor {
    Tensor(
      shape: [2, 3, 2, 2], floats: (0..<24).map { Float(Double($0).squareRoot() * Double($0) / 10) }
    )
  }
  static let weight: [Float] = [1.5, -0.5, 2]
  static let bias: [Float] = [0.1, 0.2, -0.3]
  static func running() -> (mean: Tensor, variance: Tensor) {
    (Tensor(shape: [3], floats: [0.5, -1, 2]), Tensor(shape: [3], floats: [2, 0.5, 4]))
  }
  /// `sin(arange(24))`, the gradient sent back.
  static let upstream = (0..<24).map { Float(sin(Double($0))) }

  @Test func trainingUsesBatchStatisticsAndUpdatesTheRunningOnes() throws {
    let x = Self.input()
    let (w, b) = (Tensor(shape: [3], floats: Self.weight), Tensor(shape: [3], floats: Self.bias))
    try x.setRequiresGrad()
    try w.setRequiresGrad()
    try b.setRequiresGrad()
    let (mean, variance) = Self.running()
    let y = try Functional.batchNorm(
      x, runningMean: mean, runningVar: variance, weight: w, bias: b, training: true,
      momentum: 0.3, eps: 1e-3)
    expectClose(
      y.floats,
      [
        -1.512755, -1.450709, -1.337263, -1.190356, 0.774502, 0.722610, 0.665231, 0.602847,
        -2.645892, -2.401579, -2.143286, -1.871734, 1.066439, 1.395465, 1.737401, 2.091779,
        -0.139229, -0.238643, -0.341025, -0.446293, 1.087339, 1.466800, 1.855406, 2.252947,
      ])
    #expect(y.gradFn?.name == "NativeBatchNormBackward0")
    // The running variance is updated with the unbiased variance (n / (n - 1)).
    expectClose(mean.floats, [1.1297897, 0.5962886, 3.3383870])
    expectClose(variance.floats, [3.4035356, 3.5691848, 7.1925969])
    #expect(!mean.requiresGrad && !variance.requiresGrad)
    try y.backward(gradient: Tensor(shape: y.shape, floats: Self.upstream))
    expectClose(
      try #require(x.grad).floats,
      [
        -0.256675, 0.265104, 0.306604, -0.170773, 0.059743, 0.092606, -0.018396, -0.171326,
        0.498339, 0.176014, -0.358006, -0.612550, -0.602853, -0.010928, 0.341248, 0.128273,
        -0.018820, 0.090848, 0.056286, -0.090941, 0.458720, 0.416407, -0.055691, -0.523234,
      ], tolerance: 1e-4)
    expectClose(try #require(w.grad).floats, [0.0994169, -0.0551163, -0.0235942], tolerance: 1e-4)
    expectClose(try #require(b.grad).floats, [3.4163778, -3.1885667, 0.7519946], tolerance: 1e-4)
  }

  /// With the running statistics the training step above left.
  @Test func evaluationUsesTheRunningStatistics() throws {
    let x = Self.input()
    try x.setRequiresGrad()
    let mean = Tensor(shape: [3], floats: [1.1297897, 0.5962886, 3.3383870])
    let variance = Tensor(shape: [3], floats: [3.4035356, 3.5691848, 7.1925969])
    let y = try Functional.batchNorm(
      x, runningMean: mean, runningVar: variance, weight: Tensor(shape: [3], floats: Self.weight),
      bias: Tensor(shape: [3], floats: Self.bias), training: false, eps: 1e-3)
    expectClose(
      y.floats,
      [
        -0.818459, -0.737165, -0.588523, -0.396040, 0.146094, 0.061935, -0.031122, -0.132295,
        -1.102096, -0.776037, -0.431323, -0.068911, 2.560899, 2.992000, 3.440018, 3.904337,
        -1.335785, -1.497014, -1.663056, -1.833778, 3.880239, 4.386663, 4.905293, 5.435849,
      ])
    #expect(mean.floats == [1.1297897, 0.5962886, 3.3383870])
    try y.backward(gradient: Tensor(shape: y.shape, floats: Self.upstream))
    expectClose(
      try #require(x.grad).floats,
      [
        0, 0.684071, 0.739211, 0.114723, 0.200266, 0.253752, 0.073939, -0.173853, 0.737752,
        0.307312, -0.405670, -0.745680, -0.436205, 0.341574, 0.805311, 0.528650, 0.076185,
        0.254406, 0.198727, -0.039661, 0.680772, 0.623884, -0.006600, -0.631016,
      ], tolerance: 1e-4)
  }

  /// Without weight and bias: `F.batch_norm([[1, 2], [3, 7]], None, None, training=True)`.
  @Test func withoutParametersOrRunningStatistics() throws {
    let y = try Functional.batchNorm(
      Tensor(shape: [2, 2], floats: [1, 2, 3, 7]), runningMean: nil, runningVar: nil,
      training: true)
    expectClose(y.floats, [-1, -1, 1, 1], tolerance: 1e-4)
  }

  @Test(arguments: [true, false])
  func gradientsMatchFiniteDifferences(training: Bool) throws {
    let (mean, variance) = Self.running()
    try expectGradientsMatch(
      [
        sampleTensor([3, 3, 2, 2], seed: 4), sampleTensor([3], seed: 5), sampleTensor([3], seed: 6),
      ]
    ) { inputs in
      try Functional.batchNorm(
        inputs[0], runningMean: mean.detached(), runningVar: variance.detached(),
        weight: inputs[1], bias: inputs[2], training: training, eps: 1e-3)
    }
    try expectGradientsMatch([sampleTensor([4, 2, 3], seed: 7)]) { inputs in
      try Functional.batchNorm(inputs[0], runningMean: nil, runningVar: nil, training: true)
    }
  }

  @Test func errorsInPyTorchsWords() {
    let x = Tensor(shape: [4, 3], floats: [Float](repeating: 1, count: 12))
    let three = Tensor(shape: [3], floats: [0, 0, 0])
    let two = Tensor(shape: [2], floats: [1, 1])
    func message(_ body: () throws -> Tensor) -> String? {
      do {
        _ = try body()
        return nil
      } catch let error as TensorError {
        return "\(error.category.rawValue): \(error.message)"
      } catch { return "\(error)" }
    }
    #expect(
      message {
        try Functional.batchNorm(
          x, runningMean: three, runningVar: three, weight: two, training: true)
      } == "RuntimeError: weight should contain 3 elements not 2")
    #expect(
      message { try Functional.batchNorm(x, runningMean: two, runningVar: three) }
        == "RuntimeError: running_mean should contain 3 elements not 2")
    #expect(
      message { try Functional.batchNorm(x, runningMean: nil, runningVar: nil) }
        == "RuntimeError: running_mean must be defined in evaluation mode")
    #expect(
      message {
        try Functional.batchNorm(
          Tensor(shape: [1, 2], floats: [1, 2]), runningMean: nil, runningVar: nil, training: true)
      }
        == "ValueError: Expected more than 1 value per channel when training, got input size torch.Size([1, 2])"
    )
    #expect(
      message { try Functional.batchNorm(three, runningMean: nil, runningVar: nil, training: true) }
        == "IndexError: Dimension out of range (expected to be in range of [-1, 0], but got 1)")
  }
}
