import Testing

@testable import TensorCore

@Suite struct ActivationsTests {
  @Test func reluClampsNegatives() throws {
    let output = try Functional.relu(Tensor(shape: [2, 2], floats: [-1, 0, 2.5, -0.25]))
    #expect(output.shape == [2, 2] && output.floats == [0, 0, 2.5, 0])
    #expect(try Functional.relu(Tensor(shape: [1], floats: [.nan])).floats[0].isNaN)
    let ints = try Functional.relu(Tensor(shape: [3], ints: [-2, 0, 3]))
    #expect(ints.dtype == .int64 && ints.ints == [0, 0, 3])
  }

  @Test func reluGradient() throws {
    // Values k * 0.1 - 0.95: never within a finite-difference step of the kink at 0.
    let input = Tensor(shape: [3, 4], floats: separatedTensor([3, 4]).floats.map { $0 + 0.05 })
    try expectGradientsMatch([input]) { try Functional.relu($0[0]) }
    let output = try Functional.relu(input)
    #expect(output.gradFn?.name == "ReluBackward0")
  }
}
