import Testing

@testable import TensorCore

@Test func sameSeedRepeatsBitForBit() {
  let a = Generator(seed: 7)
  let b = Generator(seed: 7)
  #expect((0..<100).map { _ in a.nextBits() } == (0..<100).map { _ in b.nextBits() })
  a.manualSeed(7)
  let c = Generator(seed: 7)
  #expect(a.nextNormal() == c.nextNormal())
}

@Test func uniformStaysInRangeWithMeanOneHalf() {
  let generator = Generator(seed: 1)
  let values = (0..<20_000).map { _ in generator.nextUniform() }
  #expect(values.allSatisfy { $0 >= 0 && $0 < 1 })
  let mean = values.reduce(0, +) / Float(values.count)
  #expect(abs(mean - 0.5) < 0.01)
}

@Test func normalHasUnitVariance() {
  let generator = Generator(seed: 2)
  let values = (0..<20_000).map { _ in Double(generator.nextNormal()) }
  let mean = values.reduce(0, +) / Double(values.count)
  let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)
  #expect(abs(mean) < 0.03)
  #expect(abs(variance - 1) < 0.05)
}

@Test func permutationHoldsEachIndexOnce() {
  let generator = Generator(seed: 3)
  let perm = generator.permutation(1000)
  #expect(perm.sorted() == Array(0..<1000))
  #expect(perm != Array(0..<1000))
}
