import Testing

@testable import DataIO

@Suite struct GzipTests {
  let hello = Array("hello, gzip".utf8)

  @Test func storedMemberWithFileName() throws {
    let data = IOTestSupport.gzipStored(hello, fileName: "hello.txt")
    #expect(try Gzip.decompress(data) == hello)
  }

  @Test func multipleMembersConcatenate() throws {
    let data =
      IOTestSupport.gzipStored(hello)
      + IOTestSupport.gzipStored(Array(" again".utf8), blockSize: 2)
    #expect(try Gzip.decompress(data) == Array("hello, gzip again".utf8))
  }

  @Test func optionalHeaderFields() throws {
    // FEXTRA (2 bytes), FCOMMENT and FHCRC, wrapped around zlib's fixed-Huffman stream.
    var header: [UInt8] = [0x1F, 0x8B, 8, 0x04 | 0x10 | 0x02, 0, 0, 0, 0, 0, 3, 2, 0, 0xAB, 0xCD]
    header += Array("a comment".utf8) + [0]
    header += IOTestSupport.littleEndian16(Int(CRC32.checksum(header) & 0xFFFF))
    let text = Array("abcabcabcabcabcabc, abcabc!".utf8)
    let trailer =
      IOTestSupport.littleEndian32(CRC32.checksum(text)) + IOTestSupport.littleEndian32(27)
    #expect(try Gzip.decompress(header + InflateTests.fixedABC + trailer) == text)
    var badHeader = header
    badHeader[badHeader.count - 1] ^= 1
    #expect {
      try Gzip.decompress(badHeader + InflateTests.fixedABC + trailer)
    } throws: { error in
      guard case .checksumMismatch(.header, let stored, let computed) = error as? InflateError
      else { return false }
      return stored != computed && stored ^ computed == 1 << 8
    }
  }

  @Test func checksumAndLengthMismatchesThrow() {
    var data = IOTestSupport.gzipStored(hello)
    data[data.count - 8] ^= 0x01
    let crc = CRC32.checksum(hello)
    #expect(throws: InflateError.checksumMismatch(.data, stored: crc ^ 1, computed: crc)) {
      try Gzip.decompress(data)
    }
    data = IOTestSupport.gzipStored(hello)
    data[data.count - 1] ^= 0x01
    let size = UInt32(hello.count)
    #expect(
      throws: InflateError.checksumMismatch(.length, stored: size ^ 1 << 24, computed: size)
    ) { try Gzip.decompress(data) }
  }

  @Test func rejectsNonGzipAndTrailingGarbage() {
    #expect(throws: InflateError.invalidGzip(.notGzip)) { try Gzip.decompress(Array("plain".utf8)) }
    #expect(throws: InflateError.invalidGzip(.unknownMethod(7))) {
      try Gzip.decompress([0x1F, 0x8B, 7, 0, 0, 0, 0, 0, 0, 3, 0])
    }
    #expect(throws: InflateError.invalidGzip(.unknownFlags(0x20))) {
      try Gzip.decompress([0x1F, 0x8B, 8, 0x20, 0, 0, 0, 0, 0, 3, 0])
    }
    #expect(throws: InflateError.invalidGzip(.trailingGarbage)) {
      try Gzip.decompress(IOTestSupport.gzipStored(hello) + [0])
    }
  }

  @Test(.enabled(if: IOTestSupport.realMNISTDirectory != nil, "real MNIST not found"))
  func realLabelFileDecodesAndSurvivesFuzzing() throws {
    let directory = try #require(IOTestSupport.realMNISTDirectory)
    let original = try IOTestSupport.readBytes(directory + "/t10k-labels-idx1-ubyte.gz")
    let labels = try Gzip.decompress(original)
    #expect(labels.count == 10_008)
    #expect(
      SHA256.hexDigest(labels) == "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"
    )
    let decodedTruncations = stride(from: 0, to: original.count, by: 23).filter {
      (try? Gzip.decompress(Array(original[..<$0]))) != nil
    }
    #expect(decodedTruncations == [])
    let generator = TestRandom(seed: 42)
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

  @Test func anAnnouncedSizeStopsABombAtThatSize() throws {
    // 64 MiB of zeros in a few hundred kilobytes; the reader announces 1,000 bytes.
    let bomb = IOTestSupport.gzipRun(count: 1 << 26)
    #expect(bomb.count < 1 << 20)
    #expect(throws: InflateError.limitExceeded(limit: 1000)) {
      try Gzip.decompress(bomb, expectedSize: 1000)
    }
    let exact = try Gzip.decompress(IOTestSupport.gzipRun(count: 5000), expectedSize: 5000)
    #expect(exact == [UInt8](repeating: 0, count: 5000))
  }

  @Test func anAnnouncedSizeTheDataCannotReachIsRefusedBeforeAllocating() {
    let small = IOTestSupport.gzipStored([1, 2, 3])
    #expect(throws: InflateError.limitExceeded(limit: small.count * 1032)) {
      try Gzip.decompress(small, expectedSize: 1 << 40)
    }
  }

  @Test func shorterDataThanAnnouncedIsReturnedAsItIs() throws {
    let bytes: [UInt8] = [1, 2, 3, 4]
    #expect(try Gzip.decompress(IOTestSupport.gzipStored(bytes), expectedSize: 10) == bytes)
    #expect(try Gzip.decompress(IOTestSupport.gzipStored([]), expectedSize: 0) == [])
  }

  @Test func prefixDecodesOnlyTheStart() throws {
    let bomb = IOTestSupport.gzipRun(count: 1 << 26)
    #expect(try Gzip.prefix(bomb, count: 16) == [UInt8](repeating: 0, count: 16))
    let bytes = (0..<300).map { UInt8($0 % 256) }
    #expect(
      try Gzip.prefix(IOTestSupport.gzipStored(bytes, blockSize: 7), count: 20)
        == Array(bytes[..<20]))
    #expect(try Gzip.prefix(IOTestSupport.gzipStored(bytes), count: 1000) == bytes)
  }
}
