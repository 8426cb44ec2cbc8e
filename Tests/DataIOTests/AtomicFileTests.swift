import Foundation
import Testing

@testable import DataIO

/// Files are replaced whole, keep their mode and links, and devices or read-only files are refused.
@Suite struct AtomicFileTests {
  private func folder() throws -> String {
    let path = NSTemporaryDirectory() + "cnn-lesson-atomic-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  private func entries(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  @Test func writesANewFileAndReplacesAnOldOne() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/a.txt"
    try AtomicFile.write("one\r\n", to: path)
    try AtomicFile.write("two\r\n", to: path)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "two\r\n")
    #expect(entries(dir) == ["a.txt"], "no temporary file is left")
  }

  @Test func keepsTheModeOfAnExistingFile() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/script.py"
    try AtomicFile.write("x", to: path)
    chmod(path, 0o750)
    try AtomicFile.write("y", to: path)
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o750)
  }

  @Test func aSymbolicLinkStaysALink() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try AtomicFile.write("old", to: dir + "/real.md")
    try FileManager.default.createSymbolicLink(
      atPath: dir + "/link.md", withDestinationPath: "real.md")
    try AtomicFile.write("new", to: dir + "/link.md")
    let destination = try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.md")
    #expect(destination == "real.md")
    #expect(try String(contentsOfFile: dir + "/real.md", encoding: .utf8) == "new")
  }

  @Test func devicesFoldersAndReadOnlyFilesAreRefused() throws {
    #expect(throws: FileWriteError.notARegularFile(path: "/dev/full", kind: "a device")) {
      try AtomicFile.write("x", to: "/dev/full")
    }
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(throws: FileWriteError.notARegularFile(path: dir, kind: "a folder")) {
      try AtomicFile.write("x", to: dir)
    }
    let locked = dir + "/locked.md"
    try AtomicFile.write("keep", to: locked)
    chmod(locked, 0o444)
    #expect(throws: FileWriteError.readOnly(path: locked)) { try AtomicFile.write("x", to: locked) }
    #expect(try String(contentsOfFile: locked, encoding: .utf8) == "keep")
    #expect(entries(dir) == ["locked.md"])
  }

  @Test func aMissingFolderIsAPlainError() {
    do {
      try AtomicFile.write("x", to: "/nonexistent-folder-cnn/x.xml")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description
          == "cannot create /nonexistent-folder-cnn/x.xml: no such folder")
    }
  }

  @Test func aFIFOAndDevNullAreRefusedAndKept() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let fifo = dir + "/pipe"
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(throws: FileWriteError.notARegularFile(path: fifo, kind: "a FIFO")) {
      try AtomicFile.write("x", to: fifo)
    }
    #expect(throws: FileWriteError.notARegularFile(path: "/dev/null", kind: "a device")) {
      try AtomicFile.write("x", to: "/dev/null")
    }
    var info = stat()
    #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    #expect(entries(dir) == ["pipe"])
  }

  @Test func aLinkToADeviceIsRefused() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    #expect(symlink("/dev/full", dir + "/out.xml") == 0)
    #expect(throws: FileWriteError.notARegularFile(path: dir + "/out.xml", kind: "a device")) {
      try AtomicFile.write("x", to: dir + "/out.xml")
    }
    #expect(entries(dir) == ["out.xml"])
  }

  @Test func createFoldersMakesParentsAndRefusesAFileInTheWay() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try AtomicFile.createFolders(dir + "/a/b/c")
    try AtomicFile.createFolders(dir + "/a/b/c")
    var info = stat()
    #expect(stat(dir + "/a/b/c", &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
    try AtomicFile.write("x", to: dir + "/file")
    #expect(throws: FileWriteError.notARegularFolder(path: dir + "/file", kind: "a regular file")) {
      try AtomicFile.createFolders(dir + "/file/sub")
    }
    #expect(
      FileWriteError.notARegularFolder(path: "p", kind: "a regular file").reason
        == "is a regular file, not a folder")
  }
}
