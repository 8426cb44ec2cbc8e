import Testing

@testable import NeuralNet

@Test func NeuralNetModuleLinksTensorCore() {
  #expect(elementCount([2, 3]) == 6)
}
