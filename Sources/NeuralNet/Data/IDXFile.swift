import DataIO
import Foundation

/// An array in the IDX format of the MNIST files: a big-endian header (two zero bytes, a type
/// byte, the number of dimensions, then each dimension as a 32-bit integer) followed by the
/// elements row-major. Only unsigned bytes (type 0x08) are read: magic 0x00000801 for label files
/// `(N)`, 0x00000803 for image files `(N, rows, columns)`.
public struct IDXFile: Sendable {
  /// The size of each dimension, e.g. `[60000, 28, 28]`.
  public let dimensions: [Int]
  /// The elements, row-major; `bytes.count` is the product of `dimensions`.
  public let bytes: [UInt8]

  /// Reads `path`, gunzipping it when it starts with gzip's magic number (whatever its name).
  /// `rank` (1 for labels, 3 for images) is the number of dimensions the caller expects.
  public init(contentsOf path: String, rank: Int? = nil) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DatasetError.damagedFile(path: path, problem: .unreadable)
    }
    try self.init(data: [UInt8](data), name: path, rank: rank)
  }

  /// Parses IDX bytes, gzipped or plain; `name` (a path) is used in error messages.
  public init(data: [UInt8], name: String, rank: Int? = nil) throws {
    var raw = data
    if Gzip.hasMagic(data) {
      do {
        raw = try Gzip.decompress(data)
      } catch let error as InflateError {
        throw DatasetError.damagedFile(path: name, problem: .invalidGzip(error))
      }
    }
    let dimensions = try Self.readHeader(raw, name: name, rank: rank)
    self.dimensions = dimensions
    self.bytes = Array(raw[(4 + 4 * dimensions.count)...])
  }

  /// Checks the magic number, reads the dimensions and checks that the data fills them exactly.
  private static func readHeader(_ raw: [UInt8], name: String, rank: Int?) throws -> [Int] {
    guard raw.count >= 4, raw[0] == 0, raw[1] == 0, raw[2] == 0x08, raw[3] >= 1 else {
      throw DatasetError.damagedFile(
        path: name, problem: .badMagic(magic: Array(raw.prefix(4)), rank: rank))
    }
    let dimensionCount = Int(raw[3])
    if let rank, rank != dimensionCount {
      throw DatasetError.damagedFile(
        path: name, problem: .wrongRank(found: dimensionCount, expected: rank))
    }
    let headerSize = 4 + 4 * dimensionCount
    guard raw.count >= headerSize else {
      throw DatasetError.damagedFile(path: name, problem: .truncatedHeader)
    }
    let dimensions = (0..<dimensionCount).map { axis in
      (0..<4).reduce(0) { $0 << 8 | Int(raw[4 + 4 * axis + $1]) }
    }
    let actual = raw.count - headerSize
    guard actual == DatasetError.FileProblem.byteCount(dimensions) else {
      throw DatasetError.damagedFile(
        path: name, problem: .wrongLength(dimensions: dimensions, bytes: actual))
    }
    return dimensions
  }
}
