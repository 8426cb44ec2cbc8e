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

  /// A gzip member of `count` zero bytes in one fixed-Huffman block (a literal 0, then matches of
  /// 258 bytes at distance 1, about 13 bits each): a "decompression bomb" of ratio ~160:1. Its
  /// trailer holds the right CRC only for small counts (the tests that use big ones stop early).
  static func gzipRun(count: Int) -> [UInt8] {
    var writer = BitWriter()
    writer.add(1, bits: 1)  // BFINAL
    writer.add(1, bits: 2)  // BTYPE 01: fixed Huffman
    writer.addCode(0x30, length: 8)  // literal 0
    var left = count - 1
    while left > 0 {
      let length = min(left, 258)
      guard length >= 3 else {
        for _ in 0..<length { writer.addCode(0x30, length: 8) }
        break
      }
      // Length codes 257...285 with their extra bits (RFC 1951 3.2.5), then distance code 0.
      let (symbol, extra, extraBits) = lengthSymbol(length)
      if symbol < 280 {
        writer.addCode(symbol - 256, length: 7)
      } else {
        writer.addCode(0xC0 + symbol - 280, length: 8)
      }
      writer.add(extra, bits: extraBits)
      writer.addCode(0, length: 5)
      left -= length
    }
    writer.addCode(0, length: 7)  // end of block
    let crc = count <= 1 << 20 ? CRC32.checksum([UInt8](repeating: 0, count: count)) : 0
    return [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3] + writer.bytes + littleEndian32(crc)
      + littleEndian32(UInt32(truncatingIfNeeded: count))
  }

  private static func lengthSymbol(_ length: Int) -> (Int, Int, Int) {
    let bases = [
      3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
      131, 163, 195, 227, 258,
    ]
    let extras = [
      0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    let index = bases.lastIndex { $0 <= length } ?? 0
    return (257 + index, length - bases[index], extras[index])
  }

  /// DEFLATE's bit order: values least significant bit first, Huffman codes most significant first.
  struct BitWriter {
    var bytes: [UInt8] = []
    private var used = 0

    mutating func add(_ value: Int, bits: Int) {
      for bit in 0..<bits { push((value >> bit) & 1) }
    }

    mutating func addCode(_ code: Int, length: Int) {
      for bit in (0..<length).reversed() { push((code >> bit) & 1) }
    }

    private mutating func push(_ bit: Int) {
      if used == 0 { bytes.append(0) }
      bytes[bytes.count - 1] |= UInt8(bit) << UInt8(used)
      used = (used + 1) % 8
    }
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
