import Foundation
import Testing

@testable import CNNLessonCLI

/// `run` shows a lesson's figures: one line each when piped, drawn on a terminal.
@Suite struct FigureOutputTests {
  static let lesson = """
    # Digit
    ```python
    import matplotlib.pyplot as plt
    import torch
    plt.imshow(torch.arange(16.).view(4, 4), cmap='gray')
    print('drawn')
    ```
    ```output
    drawn
    ```
    ```figure
    imshow 4x4 gray
    ```
    """

  func run(isTerminal: Bool, environment: [String: String]) throws -> ToolRun {
    let folder = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Self.lesson.write(
      to: folder.appendingPathComponent("digit.md"), atomically: true, encoding: .utf8)
    let out = StringSink(isTerminal: isTerminal)
    let err = StringSink()
    let context = ProcessContext(
      workingDirectory: folder.path,
      environment: environment.merging(["CNN_LESSON_OFFLINE": "1"]) { a, _ in a })
    let code = CommandLineTool(
      arguments: ["run", "digit.md"], context: context, stdout: out, stderr: err
    )
    .run()
    return ToolRun(code: code, stdout: out.text, stderr: err.text)
  }

  @Test func pipedOutputShowsOneLinePerFigure() throws {
    let result = try run(isTerminal: false, environment: [:])
    #expect(result.code == .success, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("    drawn\n    [figure 1: imshow 4x4, gray]\nok\n"))
    #expect(!result.stdout.contains("\u{1B}"))
  }

  @Test func aTerminalDrawsTheFigureInPlace() throws {
    let result = try run(
      isTerminal: true, environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"])
    #expect(result.code == .success)
    #expect(result.stdout.contains("[figure 1: imshow 4x4, gray]\n    \u{1B}[38;2;"))
  }

  @Test func noColorDrawsTheCharacterRamp() throws {
    let result = try run(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"])
    #expect(result.code == .success)
    #expect(!result.stdout.contains("\u{1B}"))
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let header = try #require(lines.firstIndex { $0.contains("[figure 1: imshow 4x4, gray]") })
    #expect(lines[header + 1].hasPrefix("    ") && lines[header + 1].count > 4)
  }
}
