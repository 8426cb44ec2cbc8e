import Testing

@testable import DataIO

@Suite struct HuffmanTableTests {
  /// Packs bits (each string written first bit first, as DEFLATE sends Huffman codes) LSB-first.
  func stream(_ codes: [String]) -> [UInt8] {
    let bits = codes.joined().map { $0 == "1" ? 1 : 0 }
    return stride(from: 0, to: bits.count, by: 8).map { start in
      bits[start..<min(start + 8, bits.count)].enumerated().reduce(UInt8(0)) {
        $0 | UInt8($1.element) << $1.offset
      }
    }
  }

  func decodeAll(_ lengths: [Int], primaryBits: Int, codes: [String]) throws -> [Int] {
    let table = try HuffmanTable(lengths: lengths, primaryBits: primaryBits)
    return try stream(codes).withUnsafeBufferPointer { bytes in
      var reader = BitReader(bytes: bytes, position: 0)
      return try codes.map { _ in
        reader.refill()
        return try table.decode(&reader)
      }
    }
  }

  /// RFC 1951's example: lengths (3, 3, 3, 3, 3, 2, 4, 4) give codes F=00, A=010 ... H=1111.
  @Test(arguments: [1, 2, 4, 9])
  func rfcExampleDecodesWithAnyPrimaryWidth(primaryBits: Int) throws {
    let codes = ["010", "00", "1111", "1110", "011", "110"]
    let symbols = try decodeAll([3, 3, 3, 3, 3, 2, 4, 4], primaryBits: primaryBits, codes: codes)
    #expect(symbols == [0, 5, 7, 6, 1, 4])
  }

  @Test func fifteenBitCodesTakeTheSlowPath() throws {
    // Lengths 1, 2, ..., 15, 15: a complete code whose last two codes are 15 bits long.
    let lengths = Array(1...15) + [15]
    let codes = [
      String(repeating: "1", count: 14) + "0", String(repeating: "1", count: 15), "0", "10",
    ]
    #expect(try decodeAll(lengths, primaryBits: 10, codes: codes) == [14, 15, 0, 1])
  }

  @Test func overSubscribedLengthsThrow() {
    #expect(throws: InflateError.invalidDeflate(.oversubscribed)) {
      try HuffmanTable(lengths: [1, 1, 1], primaryBits: 4)
    }
  }

  @Test func unusedCodeOfIncompleteSetThrows() throws {
    // One code of length 1 ("0"): reading "1" is not a code.
    #expect(throws: InflateError.invalidDeflate(.invalidCode)) {
      try decodeAll([1], primaryBits: 4, codes: [String(repeating: "1", count: 16)])
    }
  }
}
