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

@Test func aWalkFindsLessonsAndExerciseFoldersInSubFolders() {
  let source = MemorySource(
    files: [
      "09.md": "", "08.md": "", "a/b/deep.md": "", "a/notes.txt": "", "a/lesson.md": "",
      "datasets/mnist/README.md": "", "data/x.md": "", ".git/x.md": "", "a/.hidden/x.md": "",
      "exercises/8-1/exercise.md": "", "exercises/8-1/notes.md": "",
      "exercises/9-1/exercise.md": "",
      "more/extra/2-1/exercise.md": "", "b/c/d/e.md": "",
    ])
  let tree = source.lessonTree()
  #expect(tree.lessonPaths == ["08.md", "09.md", "a/b/deep.md", "a/lesson.md", "b/c/d/e.md"])
  #expect(tree.exerciseFolders == ["exercises", "more/extra"])
  #expect(tree.tooDeep.isEmpty)
  #expect(!tree.isExerciseFolder)
  let shallow = source.lessonTree(maximumDepth: 1)
  #expect(shallow.lessonPaths == ["08.md", "09.md", "a/lesson.md"])
  #expect(shallow.tooDeep == ["a/b", "b/c", "more/extra"])
  let exercise = source.lessonTree(in: "exercises/8-1")
  #expect(exercise.isExerciseFolder && exercise.lessonPaths.isEmpty)
}
