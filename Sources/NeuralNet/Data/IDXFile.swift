import DataIO
import TensorCore

/// An array in the IDX format of the MNIST files: a big-endian header (two zero bytes, a type
/// byte, the number of dimensions, then each dimension as a 32-bit integer) followed by the
/// elements row-major. Only unsigned bytes (type 0x08) are read: magic 0x00000801 for label files
/// `(N)`, 0x00000803 for image files `(N, rows, columns)`.
///
/// Reading is bounded by what the header announces: a gzipped file is decoded straight into an
/// array of the announced size, and decoding stops as soon as the data would pass it, so memory
/// stays at the data plus the compressed file, whatever the file holds.
public struct IDXFile: Sendable {
  /// The size of each dimension, e.g. `[60000, 28, 28]`.
  public let dimensions: [Int]
  /// The elements, row-major; `bytes.count` is the product of `dimensions`.
  public let bytes: [UInt8]

  /// The longest header: the magic number and 255 dimensions.
  static let maximumHeaderSize = 4 + 4 * 255

  /// Reads `path`, gunzipping it when it starts with gzip's magic number (whatever its name).
  /// `rank` (1 for labels, 3 for images) is the number of dimensions the caller expects.
  ///
  /// When `checksums` lists the file (a `SHA256SUMS` beside it, as the shipped copy has), its
  /// bytes must have that SHA-256.
  public init(contentsOf path: String, rank: Int? = nil, checksums: SHA256Sums? = nil) throws {
    let data: [UInt8]
    do {
      data = try FileBytes.read(path)
    } catch {
      throw DatasetError.damagedFile(path: path, problem: .unreadable(error.reason))
    }
    let name = String(path.split(separator: "/").last ?? Substring(path))
    if let expected = checksums?.digests[name] {
      let actual = SHA256.hexDigest(data)
      guard actual == expected else {
        throw DatasetError.damagedFile(
          path: path, problem: .checksumMismatch(actual: actual, expected: expected))
      }
    }
    try self.init(data: data, name: path, rank: rank)
  }

  /// Parses IDX bytes, gzipped or plain; `name` (a path) is used in error messages.
  public init(data: consuming [UInt8], name: String, rank: Int? = nil) throws {
    var raw = data
    if Gzip.hasMagic(raw) {
      raw = try Self.gunzip(raw, name: name, rank: rank)
    }
    let dimensions = try Self.readHeader(raw, name: name, rank: rank)
    let headerSize = 4 + 4 * dimensions.count
    let expected = DatasetError.FileProblem.byteCount(dimensions)
    guard raw.count - headerSize == expected else {
      throw DatasetError.damagedFile(
        path: name, problem: .wrongLength(dimensions: dimensions, bytes: raw.count - headerSize))
    }
    self.dimensions = dimensions
    // In place: `raw` is the only reference to its storage here.
    raw.removeFirst(headerSize)
    self.bytes = raw
  }

  /// The decompressed IDX bytes of gzipped `data`: its header first (decoding only that far),
  /// then exactly the size the header announces, refused as soon as the data is longer (or when
  /// the header promises more than the compressed bytes can hold), and checked against the lesson's memory budget before the array is allocated.
  static func gunzip(_ data: [UInt8], name: String, rank: Int?) throws -> [UInt8] {
    do {
      let header = try Gzip.prefix(data, count: maximumHeaderSize)
      let dimensions = try readHeader(header, name: name, rank: rank)
      let (total, overflow) = (4 + 4 * dimensions.count).addingReportingOverflow(
        DatasetError.FileProblem.byteCount(dimensions))
      // DEFLATE's best ratio is 1032:1: a header promising more than that is forged.
      let (reachable, tooLarge) = data.count.multipliedReportingOverflow(by: 1032)
      guard !overflow, total <= Gzip.defaultLimit, tooLarge || total <= reachable else {
        throw DatasetError.damagedFile(
          path: name, problem: .implausibleSize(dimensions: dimensions))
      }
      try MemoryBudget.current?.check(adding: total, what: "reading \(name)", elements: total)
      do {
        return try Gzip.decompress(data, expectedSize: total)
      } catch InflateError.limitExceeded {
        throw DatasetError.damagedFile(
          path: name, problem: .longerThanHeader(dimensions: dimensions))
      }
    } catch let error as InflateError {
      throw DatasetError.damagedFile(path: name, problem: .invalidGzip(error))
    }
  }

  /// Checks the magic number and reads the dimensions.
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
    guard raw.count >= 4 + 4 * dimensionCount else {
      throw DatasetError.damagedFile(path: name, problem: .truncatedHeader)
    }
    return (0..<dimensionCount).map { axis in
      (0..<4).reduce(0) { $0 << 8 | Int(raw[4 + 4 * axis + $1]) }
    }
  }
}
