import Testing

@testable import TensorCore

@Suite struct DropoutTests {
  @Test func zeroesOrRescales() throws {
    let input = Tensor(shape: [1000], floats: [Float](repeating: 1, count: 1000))
    let output = try Functional.dropout(input, p: 0.5, generator: Generator(seed: 1))
    #expect(output.floats.allSatisfy { $0 == 0 || $0 == 2 })
    let kept = output.floats.filter { $0 != 0 }.count
    #expect(kept > 400 && kept < 600)
    let again = try Functional.dropout(input, p: 0.5, generator: Generator(seed: 1))
    #expect(again.floats == output.floats)
    let quarter = try Functional.dropout(input, p: 0.25, generator: Generator(seed: 2))
    #expect(quarter.floats.allSatisfy { $0 == 0 || abs($0 - 4.0 / 3) < 1e-6 })
  }

  @Test func evaluationAndEdgeProbabilities() throws {
    let input = sampleTensor([3, 4])
    let generator = Generator(seed: 1)
    #expect(try Functional.dropout(input, training: false, generator: generator) === input)
    #expect(try Functional.dropout(input, p: 0, generator: generator) === input)
    #expect(try Functional.dropout(input, p: 1, generator: generator).floats.allSatisfy { $0 == 0 })
    #expect(
      performing: { try Functional.dropout(input, p: 1.5, generator: generator) },
      throws: {
        ($0 as? TensorError)?.message
          == "dropout probability has to be between 0 and 1, but got 1.5"
      })
  }

  @Test func dropout2dDropsWholeChannels() throws {
    let input = Tensor(shape: [4, 8, 3, 3], floats: [Float](repeating: 1, count: 288))
    let output = try Functional.dropout2d(input, p: 0.5, generator: Generator(seed: 3))
    for channel in 0..<32 {
      let values = Set(output.floats[channel * 9..<(channel + 1) * 9])
      #expect(values == [0] || values == [2])
    }
    #expect(throws: TensorError.invalidArgument(.dropout2dRank(shape: [2, 3]))) {
      try Functional.dropout2d(sampleTensor([2, 3]), generator: Generator())
    }
  }

  @Test func gradientWithAFixedMask() throws {
    let input = sampleTensor([4, 5])
    try expectGradientsMatch([input]) {
      try Functional.dropout($0[0], p: 0.3, generator: Generator(seed: 7))
    }
    try expectGradientsMatch([sampleTensor([2, 3, 5])]) {
      try Functional.dropout2d($0[0], p: 0.5, generator: Generator(seed: 7))
    }
    let output = try Functional.dropout(input, p: 0.3, generator: Generator(seed: 7))
    #expect(output.gradFn?.name == "MulBackward0")
  }
}
