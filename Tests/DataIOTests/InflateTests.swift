import Testing

@testable import DataIO

/// DEFLATE streams made by zlib (level 0, `Z_FIXED`, default), decoded and compared with the input.
@Suite struct InflateTests {
  static let storedHello: [UInt8] = [
    0x01, 0x0c, 0x00, 0xf3, 0xff, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x2c, 0x20, 0x77, 0x6f, 0x72, 0x6c,
    0x64,
  ]
  static let fixedABC: [UInt8] = [
    0x4b, 0x4c, 0x4a, 0x4e, 0x44, 0x45, 0x3a, 0x0a, 0x10, 0x5a, 0x11, 0x00,
  ]
  /// zlib's default compression of `foxText` (a single dynamic-Huffman block).
  static let dynamicFox: [UInt8] = [
    0x95, 0x94, 0x59, 0x0e, 0xc2, 0x30, 0x0c, 0x44, 0xaf, 0xe2, 0x23, 0xc4, 0x76, 0xd2, 0xb4, 0xe2,
    0x34, 0x2c, 0x65, 0x87, 0xb0, 0xb4, 0x6c, 0xa7, 0x07, 0xf1, 0x89, 0x5a, 0xa4, 0xf7, 0x19, 0x29,
    0x4f, 0x93, 0x19, 0x67, 0xdc, 0xad, 0x5b, 0x39, 0xf7, 0x9b, 0xf9, 0x4e, 0x66, 0x97, 0x72, 0x3f,
    0xca, 0xb2, 0x3c, 0x24, 0xc8, 0xb6, 0x3f, 0x9c, 0xae, 0x52, 0x6e, 0xed, 0x45, 0xba, 0xcf, 0x85,
    0xfd, 0xf4, 0xf5, 0x94, 0x45, 0x59, 0x49, 0x98, 0x7c, 0xcf, 0xbf, 0x80, 0x8e, 0x02, 0x3a, 0x0c,
    0xd8, 0x28, 0x10, 0x87, 0x01, 0x1f, 0x05, 0x6c, 0x18, 0x88, 0x14, 0x48, 0xf4, 0x49, 0x15, 0x35,
    0x9d, 0x69, 0xac, 0x35, 0x55, 0x68, 0xa8, 0x07, 0x0d, 0x34, 0x26, 0x55, 0x4c, 0xe0, 0x61, 0xab,
    0x53, 0xe3, 0x1a, 0xf1, 0x97, 0x4d, 0x58, 0xa3, 0xc2, 0x3e, 0x32, 0xce, 0xaa, 0xc6, 0x04, 0x9e,
    0xb9, 0x05, 0xdc, 0x56, 0xa5, 0xe9, 0x9a, 0x61, 0x0d, 0xc7, 0x3e, 0x70, 0xc5, 0x2d, 0x61, 0x02,
    0xcf, 0xdc, 0x32, 0x76, 0x5e, 0xe3, 0x74, 0x1b, 0xaa, 0xe1, 0x01, 0x2f, 0x5c, 0xdc, 0x73, 0x37,
    0x4c, 0xe0, 0x99, 0x7b, 0xc4, 0xce, 0x13, 0x4d, 0xd7, 0xf1, 0x62, 0xf7, 0x8c, 0x7d, 0xe0, 0x9e,
    0x7b, 0xf3, 0x8f, 0x78, 0x03,
  ]
  static let foxText = (0..<40).map {
    "the quick brown fox \($0) jumps over the lazy dog \($0 * $0 % 7); "
  }
  .joined()

  @Test func storedBlock() throws {
    #expect(try Inflate.decompress(Self.storedHello) == Array("hello, world".utf8))
  }

  @Test func fixedHuffmanBlockWithOverlappingMatches() throws {
    #expect(try Inflate.decompress(Self.fixedABC) == Array("abcabcabcabcabcabc, abcabc!".utf8))
  }

  @Test func dynamicHuffmanBlock() throws {
    let output = try Inflate.decompress(Self.dynamicFox)
    #expect(output.count == 1990)
    #expect(output == Array(Self.foxText.utf8))
  }

  @Test func emptyFinalStoredBlock() throws {
    #expect(try Inflate.decompress([0x01, 0x00, 0x00, 0xff, 0xff]) == [])
  }

  @Test func rejectsReservedBlockType() {
    #expect(throws: InflateError.invalidDeflate(.invalidBlockType)) {
      try Inflate.decompress([0x07])
    }
  }

  @Test func rejectsBadStoredLengthComplement() {
    #expect(throws: InflateError.invalidDeflate(.storedLengths)) {
      try Inflate.decompress([0x01, 0x05, 0x00, 0x00, 0x00, 1, 2, 3, 4, 5])
    }
  }

  @Test func rejectsDistanceBeforeStart() {
    // Fixed block: bits 1 (final) 01 (fixed), then length code 257 (7 bits 0000001), distance 0.
    #expect(throws: InflateError.invalidDeflate(.distanceTooFarBack)) {
      try Inflate.decompress([0x03, 0x02, 0x00])
    }
  }

  @Test func rejectsEmptyAndTrailingBytes() {
    #expect(throws: InflateError.truncated) { try Inflate.decompress([]) }
    #expect(throws: InflateError.trailingBytes(count: 1)) {
      try Inflate.decompress(Self.storedHello + [0])
    }
  }

  @Test func outputLimitStopsDecompressionBombs() throws {
    #expect(throws: InflateError.limitExceeded(limit: 100)) {
      try Inflate.decompress(Self.dynamicFox, limit: 100)
    }
    #expect(try Inflate.decompress(Self.dynamicFox, limit: 1990).count == 1990)
    #expect(throws: InflateError.limitExceeded(limit: 65_536)) {
      try Gzip.decompress(
        IOTestSupport.gzipStored(Array(repeating: 0, count: 70_000)), limit: 65_536)
    }
  }

  @Test func everyTruncationThrows() {
    for data in [Self.storedHello, Self.fixedABC, Self.dynamicFox] {
      for length in 0..<data.count {
        #expect(throws: InflateError.self) { try Inflate.decompress(Array(data[..<length])) }
      }
    }
  }

  @Test func randomCorruptionIsRejectedOrStaysWithinTheLimit() {
    let generator = TestRandom(seed: 7)
    var (rejected, decoded) = (0, 0)
    for _ in 0..<2000 {
      var data = Self.dynamicFox
      for _ in 0..<(1 + generator.nextInt(below: 3)) {
        data[generator.nextInt(below: data.count)] ^= UInt8(1 + generator.nextInt(below: 255))
      }
      // A raw DEFLATE stream has no checksum, so a corruption may decode to other text; but it
      // must return, throw only InflateError, and never pass the output limit.
      do {
        let output = try Inflate.decompress(data, limit: 4096)
        #expect(output.count <= 4096)
        decoded += 1
      } catch {
        #expect(error is InflateError, "\(error)")
        rejected += 1
      }
    }
    #expect(rejected + decoded == 2000)
    // Most flips break the Huffman codes, the block structure or the stream's end.
    #expect(rejected > 1000, "only \(rejected) of 2000 corruptions rejected")
  }
}
