import Foundation
import Testing

@testable import LessonRunner

@Suite struct FolderSourceTests {
  /// A fresh folder with `lessons/08.md` and `lessons/exercises/8-1/exercise.md`.
  static func folder() throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cnn-lesson-source-\(UUID().uuidString)")
    let exercise = root.appendingPathComponent("lessons/exercises/8-1")
    try FileManager.default.createDirectory(at: exercise, withIntermediateDirectories: true)
    try "# 8\n".write(
      to: root.appendingPathComponent("lessons/08.md"), atomically: true, encoding: .utf8)
    try "# E\n".write(
      to: exercise.appendingPathComponent("exercise.md"), atomically: true, encoding: .utf8)
    return root.path
  }

  @Test func pathsAreResolvedInTheFolderAndNamedAsTheUserWroteThem() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let workingDirectory = FolderSource(root: root)
    #expect(workingDirectory.entry(at: "lessons") == .folder)
    #expect(workingDirectory.entry(at: "lessons/08.md") == .file)
    #expect(workingDirectory.entry(at: "nope.md") == nil)
    #expect(try workingDirectory.read("lessons/08.md").path == "lessons/08.md")
    #expect(try workingDirectory.read(root + "/lessons/08.md").path == root + "/lessons/08.md")
    let lessons = workingDirectory.folder("lessons/")
    #expect(lessons.lessonPaths() == ["08.md"])
    #expect(try lessons.read("08.md").path == "lessons/08.md")
    #expect(lessons.location(of: "08.md") == root + "/lessons/08.md")
    #expect(ExerciseCatalog(source: lessons).displayPath(of: "8-1") == "lessons/exercises/8-1")
    #expect(throws: SourceError.notFound("lessons/exercises")) { try lessons.read("exercises") }
  }

  @Test func aWalkDoesNotFollowLinkedFolders() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let manager = FileManager.default
    try manager.createDirectory(
      atPath: root + "/lessons/sub", withIntermediateDirectories: true)
    try "# s\n".write(toFile: root + "/lessons/sub/s.md", atomically: true, encoding: .utf8)
    try manager.createSymbolicLink(atPath: root + "/lessons/loop", withDestinationPath: root)
    try manager.createSymbolicLink(
      atPath: root + "/lessons/linked.md", withDestinationPath: root + "/lessons/08.md")
    let lessons = FolderSource(root: root).folder("lessons")
    #expect(lessons.isSymbolicLink(at: "loop"))
    #expect(!lessons.isSymbolicLink(at: "sub"))
    let tree = lessons.lessonTree()
    #expect(tree.lessonPaths == ["08.md", "linked.md", "sub/s.md"], "a linked file is read")
    #expect(tree.exerciseFolders == ["exercises"])
  }

  @Test func writesAndRemovesFiles() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let source = FolderSource(root: root)
    try source.write("print(1)\n", to: "mine.py")
    #expect(try source.text(at: "mine.py") == "print(1)\n")
    #expect(FileManager.default.fileExists(atPath: root + "/mine.py"))
    source.remove("mine.py")
    #expect(source.entry(at: "mine.py") == nil)
  }
}
