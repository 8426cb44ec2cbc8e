/// A DEFLATE (RFC 1951) decoder: stored, fixed-Huffman and dynamic-Huffman blocks.
///
/// Malformed input throws an `InflateError`; every loop consumes input or output, so no input
/// makes it loop forever, and a back-reference never reads before the start of its stream.
public enum Inflate {
  /// Decodes a raw DEFLATE stream that fills `data` (bytes after its last block are an error).
  /// Output beyond `limit` bytes throws rather than exhausting memory.
  public static func decompress(_ data: [UInt8], limit: Int = Gzip.defaultLimit) throws -> [UInt8] {
    var output = ByteBuffer(capacity: data.count * 4, limit: limit)
    defer { output.deallocate() }
    let end = try data.withUnsafeBufferPointer { bytes in
      try decodeStream(bytes, from: 0, into: &output)
    }
    guard end == data.count else {
      throw InflateError.trailingBytes(count: data.count - end)
    }
    return output.bytes()
  }

  /// Decodes the DEFLATE stream starting at byte `start`, appending to `output`; returns the offset
  /// of the first byte after the stream's last block.
  static func decodeStream(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into output: inout ByteBuffer
  ) throws -> Int {
    var reader = BitReader(bytes: bytes, position: start)
    let streamStart = output.count
    var isLast = false
    while !isLast {
      isLast = try reader.take(1) == 1
      switch try reader.take(2) {
      case 0:
        try copyStoredBlock(&reader, bytes, into: &output)
      case 1:
        let (literals, distances) = try fixedTables()
        try decodeBlock(&reader, literals, distances, into: &output, streamStart: streamStart)
      case 2:
        let (literals, distances) = try readDynamicTables(&reader)
        try decodeBlock(&reader, literals, distances, into: &output, streamStart: streamStart)
      default:
        throw InflateError.invalidDeflate(.invalidBlockType)
      }
    }
    reader.alignToByte()
    return reader.bytePosition
  }

  /// A stored block: LEN, its one's complement NLEN, then LEN raw bytes.
  private static func copyStoredBlock(
    _ reader: inout BitReader, _ bytes: UnsafeBufferPointer<UInt8>, into output: inout ByteBuffer
  ) throws {
    reader.alignToByte()
    let length = try reader.take(16)
    let complement = try reader.take(16)
    guard length == ~complement & 0xFFFF else { throw InflateError.invalidDeflate(.storedLengths) }
    let start = reader.bytePosition
    guard start + length <= bytes.count else { throw InflateError.truncated }
    try output.append(UnsafeBufferPointer(rebasing: bytes[start..<start + length]))
    reader.seek(to: start + length)
  }

  // MARK: - Huffman blocks

  /// Decodes literal/length and distance symbols until end-of-block (256).
  private static func decodeBlock(
    _ reader: inout BitReader, _ literals: HuffmanTable, _ distances: HuffmanTable,
    into output: inout ByteBuffer, streamStart: Int
  ) throws {
    while true {
      reader.refill()
      let symbol = try literals.decode(&reader)
      if symbol < 256 {
        try output.append(UInt8(truncatingIfNeeded: symbol))
        continue
      }
      if symbol == 256 { return }
      let lengthCode = symbol - 257
      guard lengthCode < 29 else { throw InflateError.invalidDeflate(.lengthCode) }
      let length = lengthBase[lengthCode] + (try reader.take(lengthExtraBits[lengthCode]))
      let distanceCode = try distances.decode(&reader)
      guard distanceCode < 30 else { throw InflateError.invalidDeflate(.distanceCode) }
      let distance = distanceBase[distanceCode] + (try reader.take(distanceExtraBits[distanceCode]))
      guard distance <= output.count - streamStart else {
        throw InflateError.invalidDeflate(.distanceTooFarBack)
      }
      try output.appendMatch(distance: distance, length: length)
    }
  }

  /// The fixed codes of block type 1 (RFC 1951 section 3.2.6).
  private static func fixedTables() throws -> (HuffmanTable, HuffmanTable) {
    var literalLengths = [Int](repeating: 8, count: 288)
    for symbol in 144..<256 { literalLengths[symbol] = 9 }
    for symbol in 256..<280 { literalLengths[symbol] = 7 }
    return (
      try HuffmanTable(lengths: literalLengths, primaryBits: 9),
      try HuffmanTable(lengths: [Int](repeating: 5, count: 30), primaryBits: 5)
    )
  }

  /// Block type 2's header: the code-length code, then the literal/length and distance code
  /// lengths it encodes, with run-length symbols 16 (repeat previous), 17 and 18 (runs of zeros).
  private static func readDynamicTables(_ reader: inout BitReader) throws -> (
    HuffmanTable, HuffmanTable
  ) {
    let literalCount = try reader.take(5) + 257
    let distanceCount = try reader.take(5) + 1
    let codeLengthCount = try reader.take(4) + 4
    guard literalCount <= 286 && distanceCount <= 30 else {
      throw InflateError.invalidDeflate(.tooManySymbols)
    }
    var codeLengthLengths = [Int](repeating: 0, count: 19)
    for index in 0..<codeLengthCount {
      codeLengthLengths[codeLengthOrder[index]] = try reader.take(3)
    }
    let codeLengthTable = try HuffmanTable(lengths: codeLengthLengths, primaryBits: 7)
    let lengths = try readCodeLengths(&reader, codeLengthTable, count: literalCount + distanceCount)
    guard lengths[256] != 0 else { throw InflateError.invalidDeflate(.missingEndOfBlock) }
    return (
      try HuffmanTable(lengths: Array(lengths[..<literalCount]), primaryBits: 10),
      try HuffmanTable(lengths: Array(lengths[literalCount...]), primaryBits: 8)
    )
  }

  private static func readCodeLengths(
    _ reader: inout BitReader, _ table: HuffmanTable, count: Int
  ) throws -> [Int] {
    var lengths: [Int] = []
    lengths.reserveCapacity(count)
    while lengths.count < count {
      reader.refill()
      let symbol = try table.decode(&reader)
      let (value, repeats): (Int, Int)
      switch symbol {
      case 0...15: (value, repeats) = (symbol, 1)
      case 16:
        guard let previous = lengths.last else {
          throw InflateError.invalidDeflate(.invalidRepeat)
        }
        (value, repeats) = (previous, 3 + (try reader.take(2)))
      case 17: (value, repeats) = (0, 3 + (try reader.take(3)))
      default: (value, repeats) = (0, 11 + (try reader.take(7)))
      }
      guard lengths.count + repeats <= count else {
        throw InflateError.invalidDeflate(.invalidRepeat)
      }
      lengths.append(contentsOf: repeatElement(value, count: repeats))
    }
    return lengths
  }

  // MARK: - Constant tables (RFC 1951 section 3.2.5)

  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]
  private static let lengthBase = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163,
    195, 227, 258,
  ]
  private static let lengthExtraBits = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  private static let distanceBase = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  private static let distanceExtraBits = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]
}
