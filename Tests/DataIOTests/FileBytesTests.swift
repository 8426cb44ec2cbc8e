import Foundation
import Testing

@testable import DataIO

/// Whole files are read in one allocation; anything but a regular file is refused in plain words.
@Suite struct FileBytesTests {
  private func withFolder(_ body: (String) throws -> Void) throws {
    let path = NSTemporaryDirectory() + "cnn-lesson-filebytes-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    try body(path)
  }

  @Test func readsARegularFileWhole() throws {
    try withFolder { dir in
      let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
      try AtomicFile.write(bytes, to: dir + "/data")
      #expect(try FileBytes.read(dir + "/data") == bytes)
      try AtomicFile.write([], to: dir + "/empty")
      #expect(try FileBytes.read(dir + "/empty") == [])
    }
  }

  @Test func missingFoldersFIFOsAndDevicesAreRefused() throws {
    try withFolder { dir in
      #expect(throws: FileReadError(path: dir + "/none", reason: "no such file or folder")) {
        try FileBytes.read(dir + "/none")
      }
      #expect(throws: FileReadError(path: dir, reason: "is a folder")) {
        try FileBytes.read(dir)
      }
      // A FIFO with no writer: refused at once, not waited on.
      #expect(mkfifo(dir + "/pipe", 0o644) == 0)
      #expect(throws: FileReadError(path: dir + "/pipe", reason: "is a FIFO")) {
        try FileBytes.read(dir + "/pipe")
      }
      #expect(throws: FileReadError(path: "/dev/zero", reason: "is a device")) {
        try FileBytes.read("/dev/zero")
      }
    }
  }

  @Test func aFileOverTheLimitIsRefused() throws {
    try withFolder { dir in
      try AtomicFile.write([UInt8](repeating: 1, count: 10), to: dir + "/ten")
      #expect(
        throws: FileReadError(path: dir + "/ten", reason: "larger than the limit of 9 bytes")
      ) { try FileBytes.read(dir + "/ten", limit: 9) }
      #expect(
        FileReadError(path: "p", reason: "permission denied").description
          == "cannot read p: permission denied")
    }
  }

  @Test(.enabled(if: geteuid() != 0, "root may read any file"))
  func anUnreadableFileSaysPermissionDenied() throws {
    try withFolder { dir in
      try AtomicFile.write("secret", to: dir + "/locked")
      chmod(dir + "/locked", 0)
      #expect(throws: FileReadError(path: dir + "/locked", reason: "permission denied")) {
        try FileBytes.read(dir + "/locked")
      }
    }
  }

  @Test func systemReasonsAreInPlainWords() {
    #expect(SystemReason.words(for: EACCES) == "permission denied")
    #expect(SystemReason.words(for: ENOENT) == "no such file or folder")
    #expect(SystemReason.words(for: ENOENT, creating: true) == "no such folder")
    #expect(SystemReason.words(for: ENOSPC) == "no space left on the device")
    #expect(SystemReason.words(for: EISDIR) == "is a folder")
    #expect(SystemReason.words(for: EXDEV) == String(cString: strerror(EXDEV)).lowercased())
  }
}
