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
    #expect(run.code == .checkFailed)
    #expect(run.stdout.contains("l.md: rewrote 1 output block(s)"))
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
