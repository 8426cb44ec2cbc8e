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

/// The eight-lane relu kernels against their scalar definitions, on lengths around the vector
/// width, with NaN, infinities and signed zeros.
@Test(arguments: [0, 1, 7, 8, 9, 31])
func reluKernelsMatchTheDefinition(count: Int) {
  let specials: [Float] = [.nan, -.infinity, .infinity, -0.0, 0, -1e-30, 1e-30]
  let x = (0..<count).map { i in i % 5 == 4 ? specials[i % specials.count] : Float(i % 7) - 3.5 }
  let dy = (0..<count).map { Float($0) + 0.5 }
  let y = Functional.reluForward(x)
  #expect(y.count == count)
  for i in 0..<count {
    let expected: Float = x[i].isNaN || x[i] > 0 ? x[i] : 0
    #expect(y[i].bitPattern == expected.bitPattern || (y[i].isNaN && expected.isNaN))
  }
  let dx = Functional.reluBackward(dy, output: y)
  #expect(dx == (0..<count).map { y[$0] > 0 ? dy[$0] : 0 })
}
