import Testing

@testable import LessonLanguage

@Test func LessonLanguageModuleLinksTensorCore() {
  #expect(elementCount([2, 3]) == 6)
}
