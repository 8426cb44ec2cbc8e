import Testing

@testable import LessonRunner

@Test func LessonRunnerModuleLinksTensorCore() {
  #expect(elementCount([2, 3]) == 6)
}
