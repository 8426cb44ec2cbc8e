import Testing

@testable import LessonRunner

@Test func pathsJoinWithoutDoubledSlashes() {
  #expect(joinPath("", "08.md") == "08.md")
  #expect(joinPath("lessons", "08.md") == "lessons/08.md")
  #expect(joinPath("lessons/", "08.md") == "lessons/08.md")
  #expect(joinPath("lessons", "") == "lessons")
}

@Test func theLayoutComesWithTheProtocol() throws {
  let source = MemorySource(
    name: "built-in",
    files: [
      "09.md": "# 9", "08.md": "# 8", "notes.txt": "", "scripts/08_cnn_mnist.py": "",
      "scripts/README": "", "exercises/8-1/exercise.md": "# E",
    ])
  #expect(source.lessonPaths() == ["08.md", "09.md"])
  #expect(source.scriptPaths() == ["scripts/08_cnn_mnist.py"])
  #expect(try source.read("08.md").path == "built-in/08.md")
  #expect(ExerciseCatalog(source: source).ids() == ["8-1"])
}
