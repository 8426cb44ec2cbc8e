/// A canonical Huffman code (RFC 1951 section 3.2.2) with a lookup table for decoding.
///
/// Codes of up to `primaryBits` bits decode with one table lookup on the next bits of the stream:
/// entry = `symbol << 4 | length`, repeated for every value of the bits after the code. Longer codes
/// (rare by construction: they belong to rare symbols) leave a 0 entry and take the slow path, which
/// walks the canonical code one bit at a time (as zlib's `puff` does).
struct HuffmanTable {
  /// The longest code DEFLATE allows.
  static let maxCodeLength = 15

  private let primaryBits: Int
  private let primaryTable: [UInt32]
  /// How many codes have each length 0...15 (`counts[0]` is unused).
  private let counts: [Int]
  /// The symbols ordered by code (by length, then by symbol value).
  private let sortedSymbols: [Int]

  /// Builds the code from each symbol's code length (0 = symbol unused). An over-subscribed set of
  /// lengths throws; an incomplete one is accepted and its unused codes throw when read.
  init(lengths: [Int], primaryBits: Int) throws {
    var counts = [Int](repeating: 0, count: Self.maxCodeLength + 1)
    for length in lengths { counts[length] += 1 }
    var left = 1
    for length in 1...Self.maxCodeLength {
      left = left * 2 - counts[length]
      guard left >= 0 else { throw InflateError.invalidDeflate(.oversubscribed) }
    }
    // The first index in `sortedSymbols` of each length.
    var offsets = [Int](repeating: 0, count: Self.maxCodeLength + 2)
    for length in 1...Self.maxCodeLength { offsets[length + 1] = offsets[length] + counts[length] }
    var sorted = [Int](repeating: 0, count: offsets[Self.maxCodeLength + 1])
    var next = offsets
    for (symbol, length) in lengths.enumerated() where length > 0 {
      sorted[next[length]] = symbol
      next[length] += 1
    }
    self.primaryBits = primaryBits
    self.counts = counts
    self.sortedSymbols = sorted
    self.primaryTable = Self.primaryTable(sorted: sorted, counts: counts, bits: primaryBits)
  }

  /// Fills the lookup table: canonical codes are assigned in `sorted` order, and stored bit-reversed
  /// because DEFLATE sends Huffman codes most-significant bit first into an LSB-first stream.
  private static func primaryTable(sorted: [Int], counts: [Int], bits: Int) -> [UInt32] {
    var table = [UInt32](repeating: 0, count: 1 << bits)
    var code = 0
    var index = 0
    for length in 1...min(bits, maxCodeLength) {
      for _ in 0..<counts[length] {
        let entry = UInt32(sorted[index]) << 4 | UInt32(length)
        var slot = reversedBits(code, count: length)
        while slot < table.count {
          table[slot] = entry
          slot += 1 << length
        }
        code += 1
        index += 1
      }
      code <<= 1
    }
    return table
  }

  private static func reversedBits(_ value: Int, count: Int) -> Int {
    var result = 0
    var rest = value
    for _ in 0..<count {
      result = result << 1 | rest & 1
      rest >>= 1
    }
    return result
  }

  /// Reads one symbol. The caller has refilled `reader`.
  @inline(__always)
  func decode(_ reader: inout BitReader) throws -> Int {
    let entry = primaryTable.withUnsafeBufferPointer {
      $0[Int(truncatingIfNeeded: reader.buffer) & ($0.count - 1)]
    }
    let length = Int(entry & 15)
    if length != 0 && length <= reader.bitCount {
      reader.drop(length)
      return Int(entry >> 4)
    }
    return try decodeSlowly(&reader)
  }

  /// Walks the canonical code bit by bit: codes of each length are consecutive integers starting
  /// at `first`, so the code read so far is valid when it falls below `first + counts[length]`.
  private func decodeSlowly(_ reader: inout BitReader) throws -> Int {
    reader.refill()
    var code = 0
    var first = 0
    var index = 0
    let available = min(reader.bitCount, Self.maxCodeLength)
    for length in 1...Self.maxCodeLength {
      guard length <= available else { throw InflateError.truncated }
      code |= Int((reader.buffer >> UInt64(length - 1)) & 1)
      let count = counts[length]
      if code - first < count {
        reader.drop(length)
        return sortedSymbols[index + code - first]
      }
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    throw InflateError.invalidDeflate(.invalidCode)
  }
}
