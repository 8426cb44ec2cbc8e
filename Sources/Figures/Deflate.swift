/// Bits written least-significant first, as DEFLATE packs them.
struct BitWriter {
  var bytes: [UInt8] = []
  private var buffer: UInt32 = 0
  private var count = 0

  /// Writes the low `length` bits of `value`, first bit first.
  mutating func write(_ value: UInt32, _ length: Int) {
    buffer |= value << UInt32(count)
    count += length
    while count >= 8 {
      bytes.append(UInt8(buffer & 0xff))
      buffer >>= 8
      count -= 8
    }
  }

  /// Writes a Huffman code, most-significant bit first.
  mutating func writeCode(_ code: UInt32, _ length: Int) {
    var reversed: UInt32 = 0
    for bit in 0..<length { reversed |= ((code >> UInt32(bit)) & 1) << UInt32(length - 1 - bit) }
    write(reversed, length)
  }

  mutating func flush() -> [UInt8] {
    if count > 0 { bytes.append(UInt8(buffer & 0xff)) }
    buffer = 0
    count = 0
    return bytes
  }
}

extension PNGEncoder {
  // Length codes 257...285: base lengths and extra bits (RFC 1951, 3.2.5).
  static let lengthBases = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  static let lengthExtra = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBases = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  static let distanceExtra = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  /// One final fixed-Huffman block: greedy matches found through a hash of the next 3 bytes.
  static func fixedHuffman(_ data: [UInt8]) -> [UInt8] {
    var writer = BitWriter()
    writer.write(1, 1)  // final block
    writer.write(1, 2)  // fixed Huffman
    var table = [Int](repeating: -1, count: 1 << 15)
    var position = 0
    while position < data.count {
      var matchLength = 0
      var distance = 0
      if position + 2 < data.count {
        let hash =
          (Int(data[position]) << 10 ^ Int(data[position + 1]) << 5 ^ Int(data[position + 2]))
          & 0x7fff
        let candidate = table[hash]
        table[hash] = position
        if candidate >= 0, position - candidate <= 32768 {
          while matchLength < 258, position + matchLength < data.count,
            data[candidate + matchLength] == data[position + matchLength]
          {
            matchLength += 1
          }
          distance = position - candidate
        }
      }
      if matchLength >= 3 {
        writeLength(matchLength, &writer)
        writeDistance(distance, &writer)
        position += matchLength
      } else {
        writeSymbol(Int(data[position]), &writer)
        position += 1
      }
    }
    writeSymbol(256, &writer)
    return writer.flush()
  }

  /// A literal/length symbol in the fixed code.
  static func writeSymbol(_ symbol: Int, _ writer: inout BitWriter) {
    switch symbol {
    case 0...143: writer.writeCode(UInt32(0x30 + symbol), 8)
    case 144...255: writer.writeCode(UInt32(0x190 + symbol - 144), 9)
    case 256...279: writer.writeCode(UInt32(symbol - 256), 7)
    default: writer.writeCode(UInt32(0xC0 + symbol - 280), 8)
    }
  }

  static func writeLength(_ length: Int, _ writer: inout BitWriter) {
    let index = (lengthBases.lastIndex { $0 <= length }) ?? 0
    writeSymbol(257 + index, &writer)
    writer.write(UInt32(length - lengthBases[index]), lengthExtra[index])
  }

  static func writeDistance(_ distance: Int, _ writer: inout BitWriter) {
    let index = (distanceBases.lastIndex { $0 <= distance }) ?? 0
    writer.writeCode(UInt32(index), 5)
    writer.write(UInt32(distance - distanceBases[index]), distanceExtra[index])
  }
}
