import Foundation
import Testing

@testable import CNNLessonCLI

/// The package root, found from this file's path (Tests/CNNLessonCLITests/...).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent()
  .deletingLastPathComponent().path

/// What one in-process run of the command line printed and returned.
struct ToolRun {
  let code: ExitCode
  let stdout: String
  let stderr: String
}

/// Runs `cnn-lesson ARGUMENTS` in process, in `workingDirectory` (default: the package root),
/// without colour and offline (the training cells of lessons are skipped: debug builds are too slow
/// for them; CI verifies them). The process's own working directory is never changed, so tests
/// run side by side.
func runTool(
  _ arguments: [String], environment: [String: String] = ["CNN_LESSON_OFFLINE": "1"],
  workingDirectory: String = packageRoot
) -> ToolRun {
  let out = StringSink()
  let err = StringSink()
  let context = ProcessContext(workingDirectory: workingDirectory, environment: environment)
  let code = CommandLineTool(arguments: arguments, context: context, stdout: out, stderr: err).run()
  return ToolRun(code: code, stdout: out.text, stderr: err.text)
}

/// A temporary directory for one test, removed by the caller with `cleanUp`.
func makeTemporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "cnn-lesson-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}
