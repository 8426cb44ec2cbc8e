import Testing

@testable import TensorCore

/// Adaptive pooling against PyTorch 2.15 on `sin(arange(70) ** 1.3).reshape(1, 2, 5, 7)` to
/// `(2, 3)`: rows 0..<3 and 2..<5, columns 0..<3, 2..<5 and 4..<7 (the windows overlap).
@Suite struct AdaptivePool2dTests {
  static func input() -> Tensor {
    Tensor(shape: [1, 2, 5, 7], floats: (0..<70).map { Float(sin(pow(Double($0), 1.3))) })
  }

  @Test func windowsFollowPyTorchsFormula() {
    #expect(AdaptivePlan.windows(input: 5, output: 2) == [0..<3, 2..<5])
    #expect(AdaptivePlan.windows(input: 7, output: 3) == [0..<3, 2..<5, 4..<7])
    #expect(AdaptivePlan.windows(input: 2, output: 4) == [0..<1, 0..<1, 1..<2, 1..<2])
    #expect(AdaptivePlan.windows(input: 0, output: 2) == [0..<0, 0..<0])
  }

  @Test func averageAndMaximum() throws {
    let x = Self.input()
    let average = try Functional.adaptiveAvgPool2d(x, height: 2, width: 3)
    #expect(average.shape == [1, 2, 2, 3])
    expectClose(
      average.floats,
      [
        0.061009690, -0.21642672, -0.12101793, 0.099362910, 0.032509916, -0.10210133,
        0.031708028, -0.0077862144, -0.024194749, 0.0093826186, -0.060383361, 0.12120464,
      ], tolerance: 1e-4)
    let (maximum, indices) = try Functional.adaptiveMaxPool2dWithIndices(x, height: 2, width: 3)
    expectClose(
      maximum.floats,
      [
        0.84147096, 0.89259368, 0.96908528, 0.99964935, 0.99964935, 0.91836649, 0.91736537,
        0.60133678, 0.99982435, 0.96660870, 0.96660870, 0.89563030,
      ], tolerance: 1e-4)
    #expect(indices.dtype == .int64 && indices.shape == [1, 2, 2, 3])
    // The same maximum found from two overlapping windows has one index.
    #expect(indices.ints[3] == indices.ints[4])
    // None keeps the input's size; a 3-D input gives a 3-D result.
    #expect(try Functional.adaptiveAvgPool2d(x, height: nil, width: 2).shape == [1, 2, 5, 2])
    let unbatched = Tensor(shape: [1, 3, 4], floats: (0..<12).map(Float.init))
    #expect(
      try Functional.adaptiveAvgPool2d(unbatched, height: nil, width: 2).floats == [
        0.5, 2.5, 4.5, 6.5, 8.5, 10.5,
      ])
    let (values, positions) = try Functional.adaptiveMaxPool2dWithIndices(
      unbatched, height: 2, width: 2)
    #expect(values.floats == [5, 7, 9, 11] && positions.ints == [5, 7, 9, 11])
  }

  @Test func gradientsMatchFiniteDifferences() throws {
    try expectGradientsMatch([sampleTensor([2, 2, 5, 7], seed: 3)]) { inputs in
      try Functional.adaptiveAvgPool2d(inputs[0], height: 2, width: 3)
    }
    try expectGradientsMatch([sampleTensor([2, 3, 4], seed: 4)]) { inputs in
      try Functional.adaptiveAvgPool2d(inputs[0], height: 5, width: 2)
    }
    try expectGradientsMatch([sampleTensor([1, 2, 5, 7], seed: 5)]) { inputs in
      try Functional.adaptiveMaxPool2d(inputs[0], height: 2, width: 3)
    }
    let x = sampleTensor([1, 1, 4, 4], seed: 6)
    try x.setRequiresGrad()
    let y = try Functional.adaptiveAvgPool2d(x, height: 2, width: 3)
    #expect(y.gradFn?.name == "AdaptiveAvgPool2DBackward0")
    #expect(
      try Functional.adaptiveMaxPool2d(x, height: 1, width: 1).gradFn?.name
        == "AdaptiveMaxPool2DBackward0")
  }

  @Test func errorsInPyTorchsWords() {
    func message(_ body: () throws -> Tensor) -> String? {
      do {
        _ = try body()
        return nil
      } catch let error as TensorError {
        return error.message
      } catch { return "\(error)" }
    }
    let flat = Tensor(shape: [3, 4], floats: [Float](repeating: 0, count: 12))
    #expect(
      message { try Functional.adaptiveAvgPool2d(flat, height: 2, width: 2) }
        == "adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got [3, 4]")
    #expect(
      message {
        try Functional.adaptiveMaxPool2d(Tensor(shape: [2], floats: [0, 0]), height: 1, width: 1)
      }
        == "adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [2]")
    let image = Tensor(shape: [1, 2, 3], floats: [Float](repeating: 0, count: 6))
    #expect(
      message { try Functional.adaptiveAvgPool2d(image, height: -1, width: -1) }
        == "adaptive_avg_pool2d: elements of output_size must be greater than or equal to 0 but received {-1, -1}"
    )
    #expect(
      message {
        try Functional.adaptiveMaxPool2d(Tensor(shape: [1, 0, 3], floats: []), height: 1, width: 1)
      }
        == "adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [1, 0, 3] with dimension 1 being empty"
    )
    #expect(
      message { try Functional.adaptiveMaxPool2d(image, height: -2, width: -2) }
        == "Trying to create tensor with negative dimension -2: [1, -2, -2]")
    #expect(
      message { try Functional.adaptiveAvgPool2d(image, height: 1 << 15, width: 1 << 15) }?
        .hasPrefix(
          "DefaultCPUAllocator") == true)
    // Empty batches and planes give empty or NaN results, as in PyTorch, rather than a crash.
    #expect(
      (try? Functional.adaptiveAvgPool2d(Tensor(shape: [0, 2, 3], floats: []), height: 1, width: 1))?
        .shape == [0, 1, 1])
    #expect(
      (try? Functional.adaptiveAvgPool2d(Tensor(shape: [1, 0, 3], floats: []), height: 1, width: 1))?
        .floats.first?.isNaN == true)
  }
}
