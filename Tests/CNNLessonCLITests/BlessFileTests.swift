import Foundation
import Testing

@testable import CNNLessonCLI

/// `run --bless` and `verify --junit` on the command line: the files they write keep their bytes,
/// line endings, mode and links, and what must not be written is refused with exit 73.
@Suite struct BlessFileTests {
  let failing = ["```python", "print(1)", "```", "```output", "2", "```"]

  @Test func blessKeepsCRLFModeAndTheMissingFinalNewline() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("l.md").path
    try Data(failing.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
    #expect(chmod(path, 0o640) == 0)
    let run = runTool(["run", "--bless", "l.md"], workingDirectory: dir.path)
    #expect(run.code == .success, "checked again after bless, the lesson passes")
    #expect(run.stdout.contains("l.md: rewrote 1 block; checked again: 1 passed, 0 failed"))
    let blessed = try Data(contentsOf: URL(fileURLWithPath: path))
    let expected = ["```python", "print(1)", "```", "```output", "1", "```"]
      .joined(separator: "\r\n")
    #expect(blessed == Data(expected.utf8))
    var info = stat()
    #expect(stat(path, &info) == 0 && info.st_mode & 0o7777 == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["l.md"])
  }

  @Test func blessWritesThroughASymlinkAndRefusesAReadOnlyFile() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("real.md").path
    try Data((failing.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: target))
    #expect(symlink("real.md", dir.appendingPathComponent("link.md").path) == 0)
    _ = runTool(["run", "--bless", "link.md"], workingDirectory: dir.path)
    let link = try FileManager.default.destinationOfSymbolicLink(
      atPath: dir.appendingPathComponent("link.md").path)
    #expect(link == "real.md")
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("```output\n1\n```\n"))

    try Data((failing.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: target))
    #expect(chmod(target, 0o444) == 0)
    let refused = runTool(["run", "--bless", "real.md"], workingDirectory: dir.path)
    #expect(refused.code == .cannotWrite)
    #expect(refused.stderr.contains("real.md is read-only"))
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("```output\n2\n```\n"))
  }

  @Test func blessRefusesAFileThatIsNotUTF8() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("l.md").path
    let bytes =
      Data("# caf".utf8) + Data([0xE9]) + Data(("\n" + failing.joined(separator: "\n")).utf8)
    try bytes.write(to: URL(fileURLWithPath: path))
    let run = runTool(["run", "--bless", "l.md"], workingDirectory: dir.path)
    #expect(run.code == .cannotWrite)
    #expect(run.stderr.contains("cannot bless l.md: it is not UTF-8 text"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }

  @Test func junitToADeviceIsRefusedAndTheDeviceKept() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("```python\nprint(1)\n```\n".utf8).write(
      to: dir.appendingPathComponent("l.md"))
    let run = runTool(["verify", ".", "--junit", "/dev/full"], workingDirectory: dir.path)
    #expect(run.code == .cannotWrite)
    #expect(run.stderr.contains("/dev/full is a device, not a regular file"))
    var info = stat()
    #expect(stat("/dev/full", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
  }
}

/// Bless as an author uses it: the diff, `--dry-run`, the check after, and lesson 08 restored.
@Suite struct BlessInTheAuthorsFormatTests {
  @Test func dryRunPrintsTheDiffAndWritesNothing() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("l.md").path
    let text = "# T\n\n```python\nprint(1)\nprint(2.5)\n```\n\n```output\n1\n2.0 +- 0.1\n```\n"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    let dry = runTool(["run", "--bless", "--dry-run", "l.md"], workingDirectory: dir.path)
    #expect(dry.code == .checkFailed, "nothing was written, so the check still fails")
    #expect(
      dry.stdout.contains(
        "--- a/l.md\n+++ b/l.md\n@@ -7,5 +7,5 @@\n \n ```output\n 1\n-2.0 +- 0.1\n+2.5 +- 0.1\n ```\n"
      ))
    #expect(dry.stdout.contains("l.md: --dry-run: would rewrite 1 block; nothing written"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == text)

    let blessed = runTool(["run", "--bless", "l.md"], workingDirectory: dir.path)
    #expect(blessed.code == .success, "after bless, the file is checked again and passes")
    #expect(blessed.stdout.contains("l.md: rewrote 1 block; checked again: 1 passed, 0 failed"))
    #expect(blessed.stdout.hasSuffix("1 passed, 0 failed\n"))
    #expect(
      try String(contentsOfFile: path, encoding: .utf8)
        == text.replacingOccurrences(of: "2.0 +- 0.1", with: "2.5 +- 0.1"))
    #expect(
      runTool(["run", "--dry-run", "l.md"], workingDirectory: dir.path).code == .usage,
      "--dry-run goes with --bless")
  }

  @Test func blessStillFailingSaysWhatItKept() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "```python\nprint('acc', 97)\nprint(3)\n```\n\n```output\nacc {int >= 98}\n4\n```\n"
    try Data(text.utf8).write(to: dir.appendingPathComponent("l.md"))
    let run = runTool(["run", "--bless", "l.md"], workingDirectory: dir.path)
    #expect(run.code == .checkFailed)
    #expect(run.stdout.contains("l.md: rewrote 1 block; checked again: 0 passed, 1 failed"))
    #expect(run.stdout.contains("still failing: l.md:7:5: expected {int >= 98}, got 97"))
    #expect(run.stdout.contains("bless keeps placeholders"))
  }

  /// Lesson 08 with three numbers changed (a 3-D grid, a band and a printed tensor) and a
  /// fourth (a 2-D grid): bless restores the file byte for byte.
  @Test func blessRestoresLesson08() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let original = try String(contentsOfFile: packageRoot + "/lessons/08.md", encoding: .utf8)
    var changed = original
    for (old, new) in [
      ("120 160  90\n240 280 150\n150 170  90\n", "120 160  90\n240 280 150\n150 170  19\n"),
      ("difference 0 +- 0.1", "difference 1 +- 0.1"),
      (
        "tensor([[[[12., 16.],\n          [24., 28.]]]])",
        "tensor([[[[12., 16.],\n          [24., 29.]]]])"
      ),
      ("12 16\n24 28\n```", "12 16\n24 27\n```"),
    ] {
      #expect(changed.components(separatedBy: old).count == 2, "lesson 08 holds \(old) once")
      changed = changed.replacingOccurrences(of: old, with: new)
    }
    let path = dir.appendingPathComponent("08.md").path
    try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
    let run = runTool(["run", "--bless", "08.md", "--data", "none"], workingDirectory: dir.path)
    #expect(run.stdout.contains("08.md: rewrote 4 blocks; checked again:"))
    #expect(run.code == .success)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(original.utf8))
  }
}
