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
      throw DatasetError(
        "cannot read \(path)",
        notes: ["the file exists but could not be read; check its permissions"])
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
        throw DatasetError(
          "\(name) is not a valid gzip file: \(error.message)", notes: Self.damagedNotes)
      }
    }
    let dimensions = try Self.readHeader(raw, name: name, rank: rank)
    self.dimensions = dimensions
    self.bytes = Array(raw[(4 + 4 * dimensions.count)...])
  }

  /// What to do about a file that is not what it should be.
  static let damagedNotes = [
    "the file is damaged or is not an MNIST file; delete it and download it again (download=True), "
      + "or point --data (or CNN_LESSON_DATA) at a folder holding the original files"
  ]

  /// Checks the magic number, reads the dimensions and checks that the data fills them exactly.
  private static func readHeader(_ raw: [UInt8], name: String, rank: Int?) throws -> [Int] {
    let kind = rank == 1 ? "labels" : rank == 3 ? "images" : "an array"
    guard raw.count >= 4, raw[0] == 0, raw[1] == 0, raw[2] == 0x08, raw[3] >= 1 else {
      let magic = raw.prefix(4).map { String(format: "%02x", $0) }.joined()
      throw DatasetError(
        "\(name) is not an IDX file of \(kind): its magic number is 0x\(magic), expected "
          + (rank == 1 ? "0x00000801" : rank == 3 ? "0x00000803" : "0x000008nn"),
        notes: damagedNotes)
    }
    let dimensionCount = Int(raw[3])
    if let rank, rank != dimensionCount {
      throw DatasetError(
        "\(name) holds a \(dimensionCount)-dimensional array, expected \(rank) dimensions (\(kind))",
        notes: [
          "is this the \(rank == 1 ? "labels" : "images") file? its name may be swapped with another"
        ])
    }
    let headerSize = 4 + 4 * dimensionCount
    guard raw.count >= headerSize else {
      throw DatasetError("\(name) is truncated: its header is incomplete", notes: damagedNotes)
    }
    let dimensions = (0..<dimensionCount).map { axis in
      (0..<4).reduce(0) { $0 << 8 | Int(raw[4 + 4 * axis + $1]) }
    }
    let expected = dimensions.reduce(1) { product, size in
      let (result, overflow) = product.multipliedReportingOverflow(by: size)
      return overflow ? Int.max : result
    }
    let actual = raw.count - headerSize
    guard actual == expected else {
      let shape = dimensions.map(String.init).joined(separator: " x ")
      throw DatasetError(
        "\(name) is \(actual < expected ? "truncated" : "longer than its header says"): the header "
          + "promises \(shape) = \(expected) bytes of data but the file holds \(actual)",
        notes: damagedNotes)
    }
    return dimensions
  }
}
