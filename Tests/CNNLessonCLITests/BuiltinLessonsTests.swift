import Foundation
import Testing

@testable import BuiltinLessons
@testable import CNNLessonCLI

/// The lessons built into the tool, run from folders outside the checkout.
@Suite struct BuiltinLessonsTests {
  /// The files of the checkout's lessons/ folder that are built in (not the datasets).
  private func filesOnDisk() throws -> [String: String] {
    let root = packageRoot + "/lessons/"
    var files: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let path = enumerator?.nextObject() as? String {
      if path == "datasets" || path == "data" {
        enumerator?.skipDescendants()
        continue
      }
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: root + path, isDirectory: &isFolder),
        !isFolder.boolValue, !(path as NSString).lastPathComponent.hasPrefix(".")
      else { continue }
      files[path] = try String(contentsOfFile: root + path, encoding: .utf8)
    }
    return files
  }

  @Test func theBuiltInFilesAreTheCheckoutsLessons() throws {
    let disk = try filesOnDisk()
    #expect(BuiltinLessons.files.keys.sorted() == disk.keys.sorted())
    for (path, text) in disk { #expect(BuiltinLessons.files[path] == text, "\(path)") }
    #expect(BuiltinLessons.files["08.md"]?.hasPrefix("# Lecture 8") == true)
    #expect(BuiltinLessons.buildFolder == packageRoot + "/lessons")
    #expect(BuiltinLessons.decodeBase64("aGk=") == Array("hi".utf8))
    #expect(BuiltinLessons.decodeBase64("a?==") == nil)
  }

  @Test func lessonsAreNamedByNumberOrFileName() throws {
    #expect(LessonLibrary.candidateNames("8") == ["8", "8.md", "08.md"])
    #expect(LessonLibrary.candidateNames("lessons/08.md") == ["08.md"])
    #expect(
      LessonLibrary.candidateNames("08_cnn_mnist.py") == [
        "08_cnn_mnist.py", "scripts/08_cnn_mnist.py",
      ])
    #expect(LessonLibrary.candidateNames("../08.md").isEmpty)
    #expect(LessonLibrary.candidateNames("/etc/passwd").isEmpty)
  }

  @Test func theListShowsEveryLessonExerciseAndScriptFromAnyFolder() throws {
    let elsewhere = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let run = runTool(["lessons"], workingDirectory: elsewhere.path)
    #expect(run.code == .success, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("Built-in lessons\n"))
    #expect(
      run.stdout.contains("  08  Lecture 8: Basic CNN\n      31 checks, needs MNIST (not found"))
    #expect(run.stdout.contains("  09  Lecture 9: Advanced CNN"))
    #expect(run.stdout.contains("  8-1  Exercise 8-1"))
    #expect(run.stdout.contains("  08_cnn_mnist.py"))
    let checkout = runTool(["lessons"])
    #expect(checkout.stdout.hasPrefix("Lessons in lessons/"))
  }

  @Test func lesson08RunsFromAnyFolder() throws {
    let elsewhere = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let run = runTool(["run", "08"], workingDirectory: elsewhere.path)
    #expect(run.code == .success, "\(run.stdout)\n\(run.stderr)")
    #expect(run.stdout.contains("--- built-in/08.md:"))
    #expect(run.stdout.hasSuffix(" passed, 0 failed, 5 skipped\n"))
    let missing = runTool(["run", "10"], workingDirectory: elsewhere.path)
    #expect(missing.code == .fileNotFound)
    #expect(missing.stderr.contains("note: built-in lessons: 08, 09"))
    let bless = runTool(["run", "--bless", "08"], workingDirectory: elsewhere.path)
    #expect(bless.code == .usage)
    #expect(bless.stderr.contains("cnn-lesson init"))
  }

  @Test func aLessonOnDiskWinsOverTheBuiltInOne() throws {
    let course = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: course) }
    try FileManager.default.createDirectory(
      at: course.appendingPathComponent("lessons"), withIntermediateDirectories: true)
    try "# Mine\n\n```python\nprint(6 * 7)\n```\n```output\n42\n```\n".write(
      to: course.appendingPathComponent("lessons/08.md"), atomically: true, encoding: .utf8)
    let run = runTool(["run", "8"], workingDirectory: course.path)
    #expect(run.code == .success, "\(run.stderr)")
    #expect(run.stdout.contains("--- lessons/08.md:"))
    #expect(run.stdout.hasSuffix("1 passed, 0 failed\n"))
  }

  @Test func anExerciseStartsAndIsCheckedFromAnyFolder() throws {
    let elsewhere = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let start = runTool(["exercise", "8-1", "x.py"], workingDirectory: elsewhere.path)
    #expect(start.code == .success, "\(start.stderr)")
    let starter = try String(contentsOfFile: elsewhere.path + "/x.py", encoding: .utf8)
    #expect(starter.hasPrefix("# cnn-lesson exercise 8-1"))
    let check = runTool(["check", "x.py"], workingDirectory: elsewhere.path)
    #expect(check.code != .usage && check.code != .fileNotFound, "\(check.stderr)")
    #expect(check.stdout.contains("exercise 8-1"))
  }

  @Test func relativePathsInALessonAreInItsOwnFolder() throws {
    let course = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: course) }
    let folder = course.appendingPathComponent("week8")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try """
    ```python
    import matplotlib.pyplot as plt
    plt.plot([1, 2, 3])
    plt.savefig('loss.svg')
    ```
    """.write(to: folder.appendingPathComponent("plots.md"), atomically: true, encoding: .utf8)
    let run = runTool(["run", "week8/plots.md"], workingDirectory: course.path)
    #expect(run.code == .success, "\(run.stdout)\n\(run.stderr)")
    #expect(FileManager.default.fileExists(atPath: folder.path + "/loss.svg"))
    #expect(!FileManager.default.fileExists(atPath: course.path + "/loss.svg"))
  }

  @Test func initWritesAWorkspaceAndNeverOverwrites() throws {
    let root = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: root) }
    // A checkout whose shipped data is one small file with its SHA256SUMS.
    let mnist = root.appendingPathComponent("checkout/lessons/datasets/mnist")
    try FileManager.default.createDirectory(at: mnist, withIntermediateDirectories: true)
    try "x".write(to: mnist.appendingPathComponent("SHA256SUMS"), atomically: true, encoding: .utf8)
    func initialize(_ arguments: [String]) -> ToolRun {
      let out = StringSink()
      let err = StringSink()
      let context = ProcessContext(
        workingDirectory: root.path, shippedLessonsFolder: root.path + "/checkout/lessons")
      let code = CommandLineTool(arguments: arguments, context: context, stdout: out, stderr: err)
        .run()
      return ToolRun(code: code, stdout: out.text, stderr: err.text)
    }
    let first = initialize(["init"])
    #expect(first.code == .success, "\(first.stderr)")
    let count = BuiltinLessons.files.count + 2
    #expect(first.stdout.hasPrefix("cnn-lessons: wrote \(count) file(s)\n"))
    let workspace = root.path + "/cnn-lessons"
    #expect(
      try String(contentsOfFile: workspace + "/lessons/08.md", encoding: .utf8)
        == BuiltinLessons.files["08.md"])
    #expect(FileManager.default.fileExists(atPath: workspace + "/README.md"))
    #expect(
      FileManager.default.fileExists(atPath: workspace + "/lessons/datasets/mnist/SHA256SUMS"))
    try "# Mine\n".write(
      toFile: workspace + "/lessons/08.md", atomically: true, encoding: .utf8)
    let again = initialize(["init", "cnn-lessons"])
    #expect(again.code == .success)
    #expect(
      again.stdout.hasPrefix("cnn-lessons: wrote 0 file(s), kept \(count) that were already there:")
    )
    #expect(try String(contentsOfFile: workspace + "/lessons/08.md", encoding: .utf8) == "# Mine\n")
    #expect(initialize(["init", "a", "b"]).code == .usage)
  }
}
