import Testing

@testable import TensorCore

@Suite struct SoftmaxTests {
  @Test func knownValues() throws {
    let input = Tensor(shape: [3], floats: [1, 2, 3])
    expectClose(try Functional.softmax(input, dim: 0).floats, [0.09003057, 0.24472847, 0.66524096])
    expectClose(
      try Functional.logSoftmax(input, dim: -1).floats, [-2.4076059, -1.4076059, -0.4076059])
  }

  @Test func alongTheFirstDimension() throws {
    // Columns [0, ln 3]: softmax 1/4, 3/4.
    let input = Tensor(shape: [2, 2], floats: [0, 5, log(3), 5])
    expectClose(try Functional.softmax(input, dim: 0).floats, [0.25, 0.5, 0.75, 0.5])
  }

  @Test func stableForLargeInputs() throws {
    expectClose(
      try Functional.softmax(Tensor(shape: [2], floats: [1000, 1000]), dim: 0).floats, [0.5, 0.5])
    let logs = try Functional.logSoftmax(Tensor(shape: [2], floats: [0, -1000]), dim: 0).floats
    expectClose(logs, [0, -1000])
  }

  @Test func errorsAndGradFns() throws {
    let input = sampleTensor([2, 3])
    #expect(
      performing: { try Functional.softmax(input, dim: 2) },
      throws: {
        ($0 as? TensorError)?.message
          == "Dimension out of range (expected to be in range of [-2, 1], but got 2)"
      })
    #expect(
      throws: TensorError.unsupportedDType(kernel: "softmax_lastdim_kernel_impl", dtype: .int64)
    ) {
      try Functional.softmax(Tensor(shape: [2], ints: [1, 2]), dim: 0)
    }
    try input.setRequiresGrad()
    #expect(try Functional.softmax(input, dim: 1).gradFn?.name == "SoftmaxBackward0")
    #expect(try Functional.logSoftmax(input, dim: 1).gradFn?.name == "LogSoftmaxBackward0")
    #expect(try Functional.softmax(Tensor(Float(2)), dim: 0).floats == [1])
  }

  @Test(arguments: [0, 1, -1])
  func gradients(dim: Int) throws {
    try expectGradientsMatch([sampleTensor([2, 3, 4])]) { try Functional.softmax($0[0], dim: dim) }
    try expectGradientsMatch([sampleTensor([2, 3, 4])]) {
      try Functional.logSoftmax($0[0], dim: dim)
    }
  }
}
