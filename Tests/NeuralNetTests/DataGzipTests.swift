import Testing

@testable import NeuralNet

@Suite struct DataGzipTests {
  let hello = Array("hello, gzip".utf8)

  @Test func storedMemberWithFileName() throws {
    let data = DataTestSupport.gzipStored(hello, fileName: "hello.txt")
    #expect(try Gzip.decompress(data) == hello)
  }

  @Test func multipleMembersConcatenate() throws {
    let data =
      DataTestSupport.gzipStored(hello)
      + DataTestSupport.gzipStored(Array(" again".utf8), blockSize: 2)
    #expect(try Gzip.decompress(data) == Array("hello, gzip again".utf8))
  }

  @Test func optionalHeaderFields() throws {
    // FEXTRA (2 bytes), FCOMMENT and FHCRC, wrapped around zlib's fixed-Huffman stream.
    var header: [UInt8] = [0x1F, 0x8B, 8, 0x04 | 0x10 | 0x02, 0, 0, 0, 0, 0, 3, 2, 0, 0xAB, 0xCD]
    header += Array("a comment".utf8) + [0]
    header += DataTestSupport.littleEndian16(Int(CRC32.checksum(header) & 0xFFFF))
    let text = Array("abcabcabcabcabcabc, abcabc!".utf8)
    let trailer =
      DataTestSupport.littleEndian32(CRC32.checksum(text)) + DataTestSupport.littleEndian32(27)
    #expect(try Gzip.decompress(header + DataInflateTests.fixedABC + trailer) == text)
    var badHeader = header
    badHeader[badHeader.count - 1] ^= 1
    #expect(throws: InflateError("header crc mismatch")) {
      try Gzip.decompress(badHeader + DataInflateTests.fixedABC + trailer)
    }
  }

  @Test func checksumAndLengthMismatchesThrow() {
    var data = DataTestSupport.gzipStored(hello)
    data[data.count - 8] ^= 0x01
    #expect(throws: InflateError("incorrect data check (CRC-32)")) { try Gzip.decompress(data) }
    data = DataTestSupport.gzipStored(hello)
    data[data.count - 1] ^= 0x01
    #expect(throws: InflateError("incorrect length check (ISIZE)")) { try Gzip.decompress(data) }
  }

  @Test func rejectsNonGzipAndTrailingGarbage() {
    #expect(throws: InflateError.self) { try Gzip.decompress(Array("plain".utf8)) }
    #expect(throws: InflateError("trailing garbage after the last gzip member")) {
      try Gzip.decompress(DataTestSupport.gzipStored(hello) + [0])
    }
  }

  @Test(.enabled(if: DataTestSupport.realMNISTDirectory != nil, "real MNIST not found"))
  func realLabelFileDecodesAndSurvivesFuzzing() throws {
    let directory = try #require(DataTestSupport.realMNISTDirectory)
    let original = try DataTestSupport.readBytes(directory + "/t10k-labels-idx1-ubyte.gz")
    let labels = try Gzip.decompress(original)
    #expect(labels.count == 10_008)
    #expect(
      SHA256.hexDigest(labels) == "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
    )
    let decodedTruncations = stride(from: 0, to: original.count, by: 23).filter {
      (try? Gzip.decompress(Array(original[..<$0]))) != nil
    }
    #expect(decodedTruncations == [])
    let generator = Generator(seed: 42)
    var undetected: [Int] = []
    for _ in 0..<300 {
      // A byte flipped past the header (whose time stamp and file name are not checked) must be
      // caught: by the DEFLATE decoder, the CRC-32 or the length.
      var data = original
      let position = 64 + generator.nextInt(below: data.count - 64)
      data[position] ^= UInt8(1 + generator.nextInt(below: 255))
      if (try? Gzip.decompress(data)) != nil { undetected.append(position) }
    }
    #expect(undetected == [])
  }
}
