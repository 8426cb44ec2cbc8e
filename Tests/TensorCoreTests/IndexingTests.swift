import Testing

@testable import TensorCore

/// `x` = arange(24).reshape(2, 3, 4) as float32.
private func grid() -> Tensor {
  floats([2, 3, 4], (0..<24).map { Float($0) })
}

@Test func basicIndexingByHand() throws {
  let x = grid()
  #expect(try x.indexed([.index(1)]).shape == [3, 4])
  #expect(try x.indexed([.index(1), .index(2)]).floats == [20, 21, 22, 23])
  #expect(try x.indexed([.index(0), .index(2), .index(3)]).floats == [11])
  #expect(try x.indexed([.index(0), .index(2), .index(3)]).shape == [])
  #expect(
    try x.indexed([.slice(start: nil, stop: nil, step: nil), .index(1)]).floats == [
      4, 5, 6, 7, 16, 17, 18, 19,
    ])
  #expect(try x.indexed([.ellipsis, .index(-1)]).floats == [3, 7, 11, 15, 19, 23])
  #expect(try x.indexed([.newAxis]).shape == [1, 2, 3, 4])
  #expect(
    try x.indexed([
      .index(-1), .slice(start: 1, stop: 100, step: 1), .slice(start: nil, stop: nil, step: 2),
    ]).floats == [16, 18, 20, 22])
  #expect(
    try x.indexed([.index(0), .slice(start: -2, stop: nil, step: nil), .index(0)]).floats == [4, 8])
  #expect(try x.indexed([.slice(start: 5, stop: 9, step: nil)]).shape == [0, 3, 4])
}

@Test func hugeArgumentsThrowOrClampInsteadOfTrapping() throws {
  let x = grid()
  #expect(try x.indexed([.slice(start: 1, stop: nil, step: Int.max)]).shape == [1, 3, 4])
  #expect(try x.indexed([.slice(start: Int.min, stop: Int.max, step: nil)]).shape == [2, 3, 4])
  expectTensorError("numel: integer multiplication overflow") { try x.reshaped([1 << 62, 8, -1]) }
  expectTensorError("invalid size, possible overflow?") {
    try Tensor.arange(start: 0, end: 1e300, step: 1e-300, dtype: .float32)
  }
}

@Test func indexingErrors() {
  let x = floats([3, 2], [0, 1, 2, 3, 4, 5])
  expectTensorError("index 5 is out of bounds for dimension 0 with size 3") {
    try x.indexed([.index(5)])
  }
  expectTensorError("index -3 is out of bounds for dimension 1 with size 2") {
    try x.indexed([.index(0), .index(-3)])
  }
  expectTensorError("too many indices for tensor of dimension 2") {
    try x.indexed([.index(0), .index(0), .index(0)])
  }
  expectTensorError("step must be greater than zero") {
    try x.indexed([.slice(start: nil, stop: nil, step: -1)])
  }
  expectTensorError("index 3 is out of bounds for dimension 0 with size 3") {
    try x.indexed([.tensor(longs([2], [0, 3]))])
  }
}

@Test func tensorIndicesGatherAndMask() throws {
  let x = grid()
  let picked = try x.indexed([.tensor(longs([2], [1, 0]))])
  #expect(picked.shape == [2, 3, 4] && picked.floats[0] == 12)
  // x[:, [2, 0], 1] -> shape [2, 2]
  let columns = try x.indexed([
    .slice(start: nil, stop: nil, step: nil), .tensor(longs([2], [2, 0])), .index(1),
  ])
  #expect(columns.shape == [2, 2] && columns.floats == [9, 1, 21, 13])
  // x[[0, 1], [2, 0]] pairs the indices: rows x[0, 2] and x[1, 0].
  let pairs = try x.indexed([.tensor(longs([2], [0, 1])), .tensor(longs([2], [2, 0]))])
  #expect(pairs.shape == [2, 4] && pairs.floats == [8, 9, 10, 11, 12, 13, 14, 15])
  // Non-adjacent tensor indices put the index dims first: x[[0, 1], :, [3, 0]] -> [2, 3].
  let apart = try x.indexed([
    .tensor(longs([2], [0, 1])), .slice(start: nil, stop: nil, step: nil),
    .tensor(longs([2], [3, 0])),
  ])
  #expect(apart.shape == [2, 3] && apart.floats == [3, 7, 11, 12, 16, 20])
  let mask = try x.gt(Tensor(Float(20)))
  #expect(try x.indexed([.tensor(mask)]).floats == [21, 22, 23])
  let rowMask = Tensor(shape: [2], ints: [0, 1], dtype: .bool)
  #expect(try x.indexed([.tensor(rowMask)]).shape == [1, 3, 4])
  #expect(
    try longs([3], [5, 6, 7]).indexed([.tensor(longs([2, 2], [2, 2, 0, 1]))]).ints == [7, 7, 5, 6])
}

@Test func indexingGradientsAndNames() throws {
  let x = sampleTensor([3, 5], seed: 61)
  try expectGradientsMatch([x]) { try $0[0].indexed([.index(1)]) }
  try expectGradientsMatch([x]) {
    try $0[0].indexed([.slice(start: 1, stop: nil, step: 2), .index(-1)])
  }
  try expectGradientsMatch([x]) {
    try $0[0].indexed([.ellipsis, .slice(start: 0, stop: 4, step: 3)])
  }
  // Repeated indices accumulate.
  try expectGradientsMatch([x]) { try $0[0].indexed([.tensor(longs([4], [2, 0, 2, 2]))]) }
  try expectGradientsMatch([x]) {
    try $0[0].indexed([.tensor(longs([2], [0, 2])), .tensor(longs([2], [4, 4]))])
  }
  #expect(try x.indexed([.index(0)]).gradFn?.name == "SelectBackward0")
  #expect(try x.indexed([.slice(start: 1, stop: nil, step: nil)]).gradFn?.name == "SliceBackward0")
  #expect(try x.indexed([.newAxis]).gradFn?.name == "UnsqueezeBackward0")
  #expect(try x.indexed([.tensor(longs([1], [0]))]).gradFn?.name == "IndexBackward0")
}

@Test func assignWritesInPlace() throws {
  let x = try Tensor.zeros([3, 4])
  try x.assign(Tensor(Float(1)), at: [.index(1)])
  try x.assign(floats([3], [7, 8, 9]), at: [.slice(start: nil, stop: nil, step: nil), .index(0)])
  try x.assign(Tensor(Int64(5)), at: [.index(2), .index(3)])
  #expect(x.floats == [7, 0, 0, 0, 8, 1, 1, 1, 9, 0, 0, 5])
  let labels = longs([4], [0, 0, 0, 0])
  try labels.assign(Tensor(Float(2.9)), at: [.tensor(longs([2], [1, 3]))])
  #expect(labels.ints == [0, 2, 0, 2])
  expectTensorError(
    "shape mismatch: value tensor of shape [2] cannot be broadcast to indexing result of shape [4]"
  ) {
    try x.assign(floats([2], [1, 2]), at: [.index(0)])
  }
  let weight = sampleTensor([2])
  try weight.setRequiresGrad()
  expectTensorError("a leaf Variable that requires grad is being used in an in-place operation.") {
    try weight.assign(Tensor(Float(0)), at: [.index(0)])
  }
  try GradMode.withoutGrad { try weight.assign(Tensor(Float(0)), at: [.index(0)]) }
  #expect(weight.floats[0] == 0)
}
