import DataIO
import Foundation
import Testing

@testable import NeuralNet

/// Helpers shared by the dataset tests: a minimal gzip writer, synthetic IDX files, temp folders,
/// and the location of the real MNIST files.
enum DataTestSupport {
  /// A valid gzip member holding `bytes` in stored (uncompressed) DEFLATE blocks of at most
  /// `blockSize` bytes, so tests can write `.gz` files without a compressor.
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

  static func bigEndian32(_ value: Int) -> [UInt8] {
    (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
  }

  /// An IDX file of unsigned bytes: magic 0x0000_08_<rank>, the big-endian dims, the data.
  static func idx(dims: [Int], data: [UInt8]) -> [UInt8] {
    [0, 0, 8, UInt8(dims.count)] + dims.flatMap(bigEndian32) + data
  }

  /// `count` synthetic 28x28 images (image i has pixel p = (i * 7 + p) % 256) and labels i % 10.
  static func syntheticSplit(count: Int, rows: Int = 28, columns: Int = 28) -> (
    images: [UInt8], labels: [UInt8]
  ) {
    let pixels = rows * columns
    let images = (0..<count * pixels).map { UInt8(($0 / pixels * 7 + $0 % pixels) % 256) }
    let labels = (0..<count).map { UInt8($0 % 10) }
    return (idx(dims: [count, rows, columns], data: images), idx(dims: [count], data: labels))
  }

  /// Runs `body` with a fresh empty directory under the system temp folder, removed afterwards
  /// (also when `body` throws).
  static func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let path = NSTemporaryDirectory() + "cnn-lesson-data-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
  }

  static func write(_ bytes: [UInt8], to path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  /// Writes the four MNIST files (`count` train and `count / 2 + 1` test images) into `directory`.
  static func writeSyntheticMNIST(into directory: String, count: Int = 5, gzip: Bool = true) throws
  {
    let train = syntheticSplit(count: count)
    let test = syntheticSplit(count: count / 2 + 1)
    let files = [
      ("train-images-idx3-ubyte", train.images), ("train-labels-idx1-ubyte", train.labels),
      ("t10k-images-idx3-ubyte", test.images), ("t10k-labels-idx1-ubyte", test.labels),
    ]
    for (name, bytes) in files {
      try write(gzip ? gzipStored(bytes) : bytes, to: directory + "/" + name + (gzip ? ".gz" : ""))
    }
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

  /// The folder with the real Fashion-MNIST files: `$CNN_LESSON_FASHION_MNIST`, else where Debian's
  /// `dataset-fashion-mnist` package installs them; nil when absent.
  static var realFashionMNISTDirectory: String? {
    let fromEnvironment = ProcessInfo.processInfo.environment["CNN_LESSON_FASHION_MNIST"]
    return [fromEnvironment, "/usr/share/datasets/fashion-mnist"].compactMap { $0 }.first {
      FileManager.default.fileExists(atPath: $0 + "/t10k-labels-idx1-ubyte.gz")
    }
  }

  static func readBytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }
}
