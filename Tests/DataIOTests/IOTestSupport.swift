import Foundation

@testable import DataIO

/// Helpers for the byte-format tests: a minimal gzip writer, little-endian fields, a seeded random
/// source, and the location of the real MNIST files.
enum IOTestSupport {
  /// A valid gzip member holding `bytes` in stored (uncompressed) DEFLATE blocks of at most
  /// `blockSize` bytes, so tests can write `.gz` data without a compressor.
  static func gzipStored(_ bytes: [UInt8], blockSize: Int = 65_535, fileName: String? = nil)
    -> [UInt8]
  {
    var out: [UInt8] = [0x1F, 0x8B, 8, fileName == nil ? 0 : 0x08, 0, 0, 0, 0, 0, 3]
    if let fileName { out += Array(fileName.utf8) + [0] }
    var start = 0
    repeat {
      let end = min(start + blockSize, bytes.count)
      let length = end - start
      out.append(end == bytes.count ? 1 : 0)
      out += littleEndian16(length) + littleEndian16(~length & 0xFFFF)
      out += bytes[start..<end]
      start = end
    } while start < bytes.count
    return out + littleEndian32(CRC32.checksum(bytes)) + littleEndian32(UInt32(bytes.count))
  }

  static func littleEndian16(_ value: Int) -> [UInt8] {
    [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)]
  }

  static func littleEndian32(_ value: UInt32) -> [UInt8] {
    (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
  }

  /// The folder with the real MNIST `.gz` files: `$CNN_LESSON_MNIST`, else `../shared/data/mnist`
  /// beside the package; nil when absent (the tests that need it then skip).
  static var realMNISTDirectory: String? {
    let fromEnvironment = ProcessInfo.processInfo.environment["CNN_LESSON_MNIST"]
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let beside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist")
      .path
    for candidate in [fromEnvironment, beside].compactMap({ $0 })
    where FileManager.default.fileExists(atPath: candidate + "/t10k-labels-idx1-ubyte.gz") {
      return candidate
    }
    return nil
  }

  static func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}

/// A seeded SplitMix64 stream, so the corruption tests flip the same bytes on every run.
final class TestRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A value in `0..<bound` (`bound` > 0).
  func nextInt(below bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
