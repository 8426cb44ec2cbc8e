import Foundation
import Testing

@testable import CNNLessonCLI

/// Ctrl-C during `run` or `verify`: the interrupted cell says where it stopped, the later cells
/// and lessons are not run, the report is still printed, and the exit code is 130.
@Suite struct InterruptionTests {
  let lesson = """
    ```python
    print(1)
    ```
    ```output
    1
    ```
    ```python
    print(2)
    ```
    ```output
    2
    ```

    """

  /// Runs `arguments` in `dir` with Ctrl-C already pressed, so the first statement is interrupted.
  func runInterrupted(_ arguments: [String], in dir: URL) -> ToolRun {
    let interruption = Interruption()
    interruption.request()
    let out = StringSink()
    let err = StringSink()
    let context = ProcessContext(
      workingDirectory: dir.path, environment: ["CNN_LESSON_OFFLINE": "1"],
      interruption: interruption)
    let code = CommandLineTool(arguments: arguments, context: context, stdout: out, stderr: err)
      .run()
    return ToolRun(code: code, stdout: out.text, stderr: err.text)
  }

  @Test func runSkipsTheRestAndExits130() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(lesson.utf8).write(to: dir.appendingPathComponent("a.md"))
    try Data(lesson.utf8).write(to: dir.appendingPathComponent("b.md"))
    let run = runInterrupted(["run", "a.md", "b.md"], in: dir)
    #expect(run.code == .interrupted)
    #expect(run.code.rawValue == 130)
    #expect(run.stdout.contains("a.md:2:1: error: KeyboardInterrupt"))
    #expect(run.stdout.contains("(interrupted)"))
    #expect(!run.stdout.contains("b.md"))
  }

  @Test func verifyStopsAfterTheInterruptedLesson() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(lesson.utf8).write(to: dir.appendingPathComponent("a.md"))
    try Data(lesson.utf8).write(to: dir.appendingPathComponent("b.md"))
    let run = runInterrupted(["verify", "."], in: dir)
    #expect(run.code == .interrupted)
    #expect(run.stdout.hasSuffix("0 passed, 1 failed, 1 skipped (interrupted)\n"))
  }
}
