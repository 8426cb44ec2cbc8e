import Testing

@testable import TensorCore

/// `flip`, `where`, `var`, `std`, `isclose` and `linspace`, with values from PyTorch 2.15 and
/// finite-difference gradients.
@Suite struct SelectionTests {
  static var x: Tensor { Tensor(shape: [2, 3], floats: [1, 2, 4, 3, 5, 9]) }

  @Test func flipReversesTheGivenDims() throws {
    let grid = Tensor(shape: [2, 3], ints: [0, 1, 2, 3, 4, 5])
    #expect(try grid.flipped([0, 1]).ints == [5, 4, 3, 2, 1, 0])
    #expect(try Self.x.flipped([1]).floats == [4, 2, 1, 9, 5, 3])
    #expect(try Self.x.flipped([-2]).floats == [3, 5, 9, 1, 2, 4])
    #expect(try Tensor(shape: [0, 2], floats: []).flipped([0]).shape == [0, 2])
    #expect(throws: TensorError.reduction(.duplicateDim(0))) { try Self.x.flipped([0, -2]) }
    #expect(throws: TensorError.dimensionOutOfRange(dim: 2, rank: 2)) { try Self.x.flipped([2]) }
    try expectGradientsMatch([sampleTensor([2, 3, 4])]) { try $0[0].flipped([0, 2]) }
  }

  @Test func whereSelectsAndRoutesGradients() throws {
    let condition = try Self.x.gt(Tensor(Float(2)))
    let picked = try Tensor.selecting(condition, Self.x, Tensor(shape: [1], floats: [0]))
    #expect(picked.floats == [0, 0, 4, 3, 5, 9])
    let ints = try Tensor.selecting(
      Tensor(shape: [2], ints: [1, 0], dtype: .bool), Tensor(Int64(1)), Tensor(Int64(0)))
    #expect(ints.dtype == .int64 && ints.ints == [1, 0])
    #expect(throws: TensorError.unsupportedOperation(.whereCondition(.float32))) {
      try Tensor.selecting(Self.x, Self.x, Self.x)
    }
    try expectGradientsMatch([sampleTensor([2, 3], seed: 2), sampleTensor([3], seed: 3)]) {
      try Tensor.selecting(condition, $0[0], $0[1])
    }
  }

  @Test func varianceAndStandardDeviation() throws {
    expectClose(try Self.x.variance().floats, [8])
    expectClose(try Self.x.standardDeviation().floats, [2.8284271])
    expectClose(try Self.x.variance(dims: [1]).floats, [2.3333333, 9.3333333])
    expectClose(try Self.x.variance(dims: [1], correction: 0).floats, [1.5555556, 6.2222222])
    let std = try Self.x.standardDeviation(dims: [0], keepDim: true)
    #expect(std.shape == [1, 3])
    expectClose(std.floats, [1.4142135, 2.1213203, 3.5355339])
    #expect(try Tensor(shape: [1], floats: [1]).variance().floats.first?.isNaN == true)
    let leaf = sampleTensor([3, 4], seed: 4)
    try leaf.setRequiresGrad()
    #expect(try leaf.variance().gradFn?.name == "VarBackward0")
    #expect(try leaf.standardDeviation().gradFn?.name == "StdBackward0")
    try expectGradientsMatch([sampleTensor([3, 4], seed: 5)]) { try $0[0].variance(dims: [1]) }
    try expectGradientsMatch([sampleTensor([3, 4], seed: 6)]) {
      try $0[0].standardDeviation(dims: [0], correction: 0, keepDim: true)
    }
  }

  @Test func isCloseAndLinspace() throws {
    let a = Tensor(shape: [3], floats: [1, .nan, .infinity])
    let b = Tensor(shape: [3], floats: [1.000001, .nan, .infinity])
    #expect(try a.isClose(b).ints == [1, 0, 1])
    #expect(try a.isClose(b, equalNaN: true).ints == [1, 1, 1])
    #expect(try a.isClose(Tensor(Float(1.1))).ints == [0, 0, 0])
    expectClose(try Tensor.linspace(start: 0, end: 1, steps: 5).floats, [0, 0.25, 0.5, 0.75, 1])
    expectClose(
      try Tensor.linspace(start: -1, end: 1, steps: 4).floats, [-1, -0.33333334, 0.33333334, 1])
    #expect(try Tensor.linspace(start: 3, end: 3, steps: 1).floats == [3])
    #expect(try Tensor.linspace(start: 0, end: 1, steps: 0).shape == [0])
    #expect(throws: TensorError.invalidArgument(.negativeSteps)) {
      try Tensor.linspace(start: 0, end: 1, steps: -1)
    }
  }
}

/// `sort` and `topk` against PyTorch 2.15 on `[[3, 1, 2], [0, 5, 4]]`.
@Suite struct SortingTests {
  static var x: Tensor { Tensor(shape: [2, 3], floats: [3, 1, 2, 0, 5, 4]) }

  @Test func sortAndTopk() throws {
    let (values, indices) = try Self.x.sorted()
    #expect(values.floats == [1, 2, 3, 0, 4, 5] && indices.ints == [1, 2, 0, 0, 2, 1])
    #expect(try Self.x.sorted(dim: 0, descending: true).indices.ints == [0, 1, 1, 1, 0, 0])
    let top = try Self.x.topk(2)
    #expect(top.values.floats == [3, 2, 5, 4] && top.indices.ints == [0, 2, 1, 2])
    let bottom = try Self.x.topk(1, dim: 0, largest: false)
    #expect(bottom.values.shape == [1, 3] && bottom.indices.ints == [1, 0, 0])
    let withNaN = try Tensor(shape: [3], floats: [2, .nan, 1]).sorted()
    #expect(withNaN.indices.ints == [2, 0, 1])
    #expect(try Tensor(shape: [4], floats: [1, 0, 1, 0]).sorted().indices.ints == [1, 3, 0, 2])
    #expect(try Tensor(Float(7)).sorted().values.floats == [7])
    #expect(throws: TensorError.invalidArgument(.topkOutOfRange)) { try Self.x.topk(4) }
  }

  @Test func gradientsGoBackToTheOriginalPositions() throws {
    try expectGradientsMatch([sampleTensor([3, 4], seed: 8)]) { try $0[0].sorted(dim: 0).values }
    try expectGradientsMatch([sampleTensor([3, 4], seed: 9)]) { try $0[0].topk(2).values }
    let leaf = sampleTensor([2, 2])
    try leaf.setRequiresGrad()
    #expect(try leaf.sorted().values.gradFn?.name == "SortBackward0")
    #expect(try leaf.topk(1).values.gradFn?.name == "TopkBackward0")
  }
}
