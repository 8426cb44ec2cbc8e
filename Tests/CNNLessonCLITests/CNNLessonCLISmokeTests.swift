import Testing

@testable import CNNLessonCLI

@Test func CNNLessonCLIModuleLinksTensorCore() {
  #expect(elementCount([2, 3]) == 6)
}
